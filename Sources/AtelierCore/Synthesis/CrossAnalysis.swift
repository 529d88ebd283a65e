/// The analyse croisée: what residents, professionals, élus and partners said (the voices of
/// `concertation.voix`) beside the figures of the same theme (the findings, by their rule's
/// `theme:`). A pure reading of the synthèse's findings and concertation; the screen and the
/// CLS draft print the same sentences.
public struct CrossAnalysis: Sendable {
    public struct SpeakerCount: Sendable, Equatable {
        /// In what capacity: habitants, professionnels, élus, partenaires.
        public var speaker: String
        public var count: Int
    }

    /// The voices of one theme, summarised.
    public struct ThemeVoices: Sendable {
        public var theme: String
        /// In the order they were recorded.
        public var voices: [Concertation.Voice]
        /// Most frequent capacity first; equal counts in the order first heard.
        public var bySpeaker: [SpeakerCount]
        /// The meetings they were said in, each once, by their number.
        public var meetings: [Concertation.Meeting]
        /// Said outside any listed meeting.
        public var outsideMeetings: Int
        /// At most `quoteLimit` voices to quote: one per capacity first, then in the order said.
        public var quotes: [Concertation.Voice]
    }

    public struct FindingVoices: Sendable {
        public var finding: Synthesis.Finding
        /// Nil when nobody raised its theme (or its rule has no theme).
        public var voices: ThemeVoices?
    }

    public static let quoteLimit = 3

    /// Every finding, in the synthèse's order, with the voices of its theme.
    public var findings: [FindingVoices]
    /// Findings whose theme nobody raised; empty while no voice is recorded (nothing to cross).
    public var unraised: [Synthesis.Finding]
    /// Themes people raised that no figure-based finding shares.
    public var themesWithoutFinding: [ThemeVoices]
    /// Every theme raised, in the order first raised.
    public var byTheme: [ThemeVoices]
    public var concertation: Concertation

    public init(findings: [Synthesis.Finding], concertation: Concertation) {
        self.concertation = concertation
        // Themes compared folded (accents, case), each folded once: folding costs.
        var themes: [(shown: String, folded: String)] = []
        for voice in concertation.voices {
            let folded = voice.theme.folded
            if !themes.contains(where: { $0.folded == folded }) { themes.append((voice.theme, folded)) }
        }
        let voiceThemes = concertation.voices.map(\.theme.folded)
        let byTheme = themes.map { theme in
            Self.summary(
                theme.shown, zip(concertation.voices, voiceThemes).filter { $0.1 == theme.folded }.map(\.0), concertation: concertation)
        }
        var byFolded: [String: ThemeVoices] = [:]
        for (theme, voices) in zip(themes, byTheme) { byFolded[theme.folded] = voices }
        func voices(of theme: String?) -> ThemeVoices? { theme.flatMap { byFolded[$0.folded] } }
        self.byTheme = byTheme
        self.findings = findings.map { FindingVoices(finding: $0, voices: voices(of: $0.theme)) }
        unraised = concertation.voices.isEmpty ? [] : findings.filter { $0.theme != nil && voices(of: $0.theme) == nil }
        let findingThemes = Set(findings.compactMap { $0.theme?.folded })
        themesWithoutFinding = zip(themes, byTheme).filter { !findingThemes.contains($0.0.folded) }.map(\.1)
    }

    static func summary(_ theme: String, _ voices: [Concertation.Voice], concertation: Concertation) -> ThemeVoices {
        var counts: [SpeakerCount] = []
        for voice in voices {
            if let index = counts.firstIndex(where: { $0.speaker == voice.speaker }) {
                counts[index].count += 1
            } else {
                counts.append(SpeakerCount(speaker: voice.speaker, count: 1))
            }
        }
        let bySpeaker = counts.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
        var meetings: [Concertation.Meeting] = []
        var seen: Set<Int> = []
        var outside = 0
        for voice in voices {
            guard let meeting = concertation.meeting(voice.meeting) else {
                outside += 1
                continue
            }
            if seen.insert(meeting.number).inserted { meetings.append(meeting) }
        }
        // One quote per capacity first, so that residents are not hidden behind professionals.
        var quotes: [Concertation.Voice] = []
        for count in bySpeaker {
            if quotes.count < quoteLimit, let voice = voices.first(where: { $0.speaker == count.speaker }) { quotes.append(voice) }
        }
        for voice in voices {
            guard quotes.count < quoteLimit else { break }
            if !quotes.contains(where: { $0.number == voice.number }) { quotes.append(voice) }
        }
        quotes.sort { $0.number < $1.number }
        return ThemeVoices(
            theme: theme, voices: voices, bySpeaker: bySpeaker, meetings: meetings.sorted { $0.number < $1.number },
            outsideMeetings: outside, quotes: quotes)
    }
}
