/// The territory's commune codes, packed as integers, in an open-addressing table: looked up
/// once per row of a two-million-row file, where `Set`'s seeded hashing was a measurable cost.
struct CodeFilter: Sendable {
    private var slots: [UInt64]
    private let mask: Int

    init<S: Sequence>(_ codes: S) where S.Element == UInt64 {
        let list = Array(codes)
        var size = 16
        while size < list.count * 4 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for code in list where code != 0 {
            var index = Self.hash(code) & mask
            while slots[index] != 0 && slots[index] != code { index = (index + 1) & mask }
            slots[index] = code
        }
    }

    @inline(__always)
    static func hash(_ code: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    @inline(__always)
    func contains(_ code: UInt64) -> Bool {
        var index = Self.hash(code) & mask
        while true {
            let slot = slots[index]
            if slot == code { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }
}
