import AtelierCore
import Foundation

/// What a run reads of the world outside its files: the clock, the time zone and the
/// environment. Read once, by the app, and handed down (swiftly's context is the model):
/// the session never asks the process for them, and a test can fix them.
public struct AppContext: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone
    public var environment: [String: String]

    public init(now: @escaping @Sendable () -> Date, timeZone: TimeZone, environment: [String: String]) {
        self.now = now
        self.timeZone = timeZone
        self.environment = environment
    }

    /// The process's own: the system clock, `TZ` (or the system's zone), its environment.
    public static func live() -> AppContext {
        AppContext(now: Date.init, timeZone: .current, environment: ProcessInfo.processInfo.environment)
    }

    /// `22/11/2026 14:05` in the user's time zone.
    func timestamp(_ date: Date) -> String { FrenchFormat.timestamp(date, timeZone: timeZone) }
}
