extension RPPSImport {
    /// A row's profession (its index in `Profession.allCases`) and a 64-bit hash of its
    /// Identifiant PP, read from the bytes in one pass up to the savoir-faire; nil when the row
    /// is not one of the professions counted. For the rows around the territory, where only the
    /// number of distinct professionals per commune is kept: two identifiers sharing a hash
    /// (odds about 10⁻¹⁰ among a few hundred thousand) would count once.
    @inline(__always)
    static func professional(_ line: UnsafeRawBufferPointer, layout: Layout) -> (Int, UInt64)? {
        var identifier = 0..<0, profession = 0..<0, savoirFaire = 0..<0
        let last = max(layout.identifier, layout.profession, layout.savoirFaire)
        var field = 0, start = 0, offset = 0, done = false
        guard let base = line.baseAddress else { return nil }
        func record(_ range: Range<Int>) {
            if field == layout.identifier { identifier = range }
            if field == layout.profession { profession = range }
            if field == layout.savoirFaire { savoirFaire = range }
        }
        // The separators 16 bytes at a time: a bit per `|`, visited lowest first.
        scan: while offset < line.count {
            var bits: UInt32 = 0
            if offset + 16 <= line.count {
                bits = separatorBits(base, at: offset)
            } else {
                for index in offset..<line.count where line[index] == 124 { bits |= 1 << UInt32(index - offset) }
            }
            while bits != 0 {
                let position = offset + bits.trailingZeroBitCount
                record(start..<position)
                if field == last {
                    done = true
                    break scan
                }
                field += 1
                start = position + 1
                bits &= bits - 1
            }
            offset += 16
        }
        // The last field of a line without its trailing `|`.
        if !done { record(start..<line.count) }
        guard profession.count == 2, !identifier.isEmpty else { return nil }
        // The rules are `Profession.classify`'s; codes this short are stored inline
        // (no allocation). Pharmaciens are not a kind of care: pharmacies come from FINESS.
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
        }
        guard let kind = Profession.classify(profession: text(profession), savoirFaire: text(savoirFaire)), kind != .pharmaciens
        else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for index in identifier { hash = (hash ^ UInt64(line[index])) &* 0x100_0000_01b3 }
        return (Profession.allCases.firstIndex(of: kind) ?? 0, hash)
    }

    /// Bit i set when byte `offset + i` is `|`: the high bit of each byte of the compare mask
    /// gathered by one multiplication per half.
    @inline(__always)
    static func separatorBits(_ base: UnsafeRawPointer, at offset: Int) -> UInt32 {
        let bytes = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        let words = unsafeBitCast(bytes .== SIMD16<UInt8>(repeating: 124), to: SIMD2<UInt64>.self)
        let low = ((words[0] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }
}
