/// Communes and EPCI answered by code or by name: nobody knows an EPCI's SIREN or the INSEE
/// codes of their communes by heart. The answer is always stored as codes with official names.
extension AnswerParser {
    /// At most this many homonyms or near names are listed in a refusal.
    static let shownCandidates = 8

    /// `73171`, `Montmélian`, `montmelian`, `Sainte-Marie (05)`, `Sainte-Marie (05135)`, and a
    /// postal code (`73800`, or `CP 73800` when those five digits are also an INSEE code).
    func commune(_ text: String, expected: String) throws(InvalidAnswer) -> TerritoryReference.Commune {
        let item = text.trimmed
        let code = item.uppercased()
        if code.hasPrefix("CP "), let postal = Optional(code.dropFirst(3).trimmed), reference.postalCodes[postal] != nil {
            return try commune(postalCode: postal, expected: expected)
        }
        if Identifiers.isWellFormedInseeCode(code) {
            // The INSEE code first: it is what files and scripts give, and what the question asks.
            if reference.communes[code] == nil, reference.postalCodes[code] != nil {
                return try commune(postalCode: code, expected: expected)
            }
            guard let commune = reference.communes[code] else {
                throw InvalidAnswer(
                    reason:
                        "aucune commune \(code) dans le \(TerritoryReference.communeSource.replacingOccurrences(of: "INSEE, c", with: "c")) (INSEE)",
                    expected: expected)
            }
            return commune
        }
        if Self.looksLikeCode(item) {
            throw InvalidAnswer(
                reason: "« \(item.prefix(40)) » n'est pas un code commune INSEE (5 caractères ; 2A/2B pour la Corse ; 971 à 976 outre-mer)",
                expected: expected)
        }
        var name = item, department: String?
        if item.hasSuffix(")"), let open = item.lastIndex(of: "(") {
            let inside = item[item.index(after: open)..<item.index(before: item.endIndex)].trimmed.uppercased()
            name = item[..<open].trimmed
            if let commune = reference.communes[inside], TerritoryNames.key(commune.name) == TerritoryNames.key(name) { return commune }
            department = inside
        }
        var codes = reference.names.communeCodes(named: name)
        if let department { codes = codes.filter { reference.communes[$0]?.department == department } }
        if codes.count > 1 {
            // A homonym inside the territory already described is the one meant.
            let inside = codes.filter(territoryCommuneCodes.contains)
            if inside.count == 1 { codes = inside }
        }
        if codes.count == 1, let commune = reference.communes[codes[0]] { return commune }
        if codes.isEmpty {
            let near = reference.names.communeCodes(startingWith: name)
            let shown = near.isEmpty ? "" : " ; communes dont le nom commence ainsi : " + describeCommunes(near)
            let within = department.map { " dans le département \($0)" } ?? ""
            throw InvalidAnswer(reason: "aucune commune nommée « \(name.prefix(40)) »\(within)\(shown)", expected: expected)
        }
        let example = (reference.communes[codes[0]]).map { "« \($0.name) (\($0.department)) »" } ?? ""
        throw InvalidAnswer(
            reason:
                "« \(name.prefix(40)) » désigne \(codes.count) communes : \(describeCommunes(codes)) ; ajoutez le département entre parenthèses, comme \(example), ou donnez le code INSEE",
            expected: expected)
    }

    /// The commune a postal code serves; when it serves several, they are listed to choose from.
    private func commune(postalCode: String, expected: String) throws(InvalidAnswer) -> TerritoryReference.Commune {
        let codes = reference.postalCodes[postalCode] ?? []
        if codes.count == 1, let commune = reference.communes[codes[0]] { return commune }
        throw InvalidAnswer(
            reason:
                "le code postal \(postalCode) dessert \(codes.count) communes : \(describeCommunes(codes)) ; donnez leurs noms ou leurs codes INSEE",
            expected: expected)
    }

    /// Codes separated by spaces (`14118 14341`, as files give them), or names and codes
    /// separated by commas or semicolons (`Montmélian, Arbin ; 73011`).
    func communes(_ text: String, expected: String) throws(InvalidAnswer) -> [CommuneRef] {
        let isCode = { (token: Substring) in Self.looksLikeCode(token) }
        var items: [Substring] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let tokens = part.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if tokens.allSatisfy(isCode) { items += tokens } else { items.append(part) }
        }
        var found: [CommuneRef] = []
        var seen: Set<String> = []
        for item in items {
            let commune = try self.commune(String(item), expected: expected)
            if seen.insert(commune.code).inserted { found.append(commune.ref) }
        }
        return found
    }

    /// `200041010`, `200 041 010`, `CC Cœur de Savoie`, `coeur de savoie`.
    func epci(_ text: String, expected: String) throws(InvalidAnswer) -> EpciRef {
        let digits = text.filter { !$0.isWhitespace }
        if digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard Identifiers.isValidSiren(digits) else {
                throw InvalidAnswer(reason: "« \(text.prefix(40)) » n'est pas un numéro SIREN valide", expected: expected)
            }
            guard let epci = reference.epcis[digits] else {
                throw InvalidAnswer(
                    reason: "le SIREN \(digits) n'est pas celui d'un EPCI à fiscalité propre (\(TerritoryReference.epciSource))",
                    expected: expected)
            }
            return EpciRef(siren: epci.siren, name: epci.name)
        }
        let sirens = reference.names.epciSirens(named: text)
        if sirens.count == 1, let epci = reference.epcis[sirens[0]] { return EpciRef(siren: epci.siren, name: epci.name) }
        if sirens.isEmpty {
            let near = reference.names.epciSirens(startingWith: text)
            let shown = near.isEmpty ? "" : " ; EPCI dont le nom commence ainsi : " + describeEpcis(near)
            throw InvalidAnswer(
                reason: "aucun EPCI à fiscalité propre nommé « \(text.prefix(60)) » (\(TerritoryReference.epciSource))\(shown)",
                expected: expected)
        }
        throw InvalidAnswer(
            reason: "« \(text.prefix(60)) » désigne \(sirens.count) EPCI : \(describeEpcis(sirens)) ; donnez le nom entier ou le SIREN",
            expected: expected)
    }

    /// Digits (and the A or B of Corsica): meant as a code, never as a name.
    static func looksLikeCode(_ text: some StringProtocol) -> Bool {
        text.contains(where: \.isNumber) && text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == " " || "aAbB".contains($0) }
    }

    /// The communes of the territory already answered (its list, or its EPCI's members).
    private var territoryCommuneCodes: Set<String> {
        if case .communes(let communes)? = answers[QuestionKeys.territoryCommunes] { return Set(communes.map(\.code)) }
        if case .epci(let epci)? = answers[QuestionKeys.territoryEPCI] { return Set(reference.members(ofEpci: epci.siren).map(\.code)) }
        return []
    }

    /// « Sainte-Marie (Hautes-Alpes, 05135), Sainte-Marie (Ardennes, 08391) et 10 autres ».
    private func describeCommunes(_ codes: [String]) -> String {
        let shown = codes.prefix(Self.shownCandidates).compactMap { code in
            reference.communes[code].map { "\($0.name) (\(reference.departments[$0.department]?.name ?? $0.department), \($0.code))" }
        }
        return listed(shown, total: codes.count)
    }

    /// « CC Cœur de Savoie (SIREN 200041010, Savoie) ».
    private func describeEpcis(_ sirens: [String]) -> String {
        let shown = sirens.prefix(Self.shownCandidates).compactMap { siren -> String? in
            guard let epci = reference.epcis[siren] else { return nil }
            var departments: [String] = []
            for commune in reference.members(ofEpci: siren) where !departments.contains(commune.department) {
                departments.append(commune.department)
            }
            let names = departments.map { reference.departments[$0]?.name ?? $0 }
            return "\(epci.name) (SIREN \(siren)\(names.isEmpty ? "" : ", " + names.joined(separator: ", ")))"
        }
        return listed(shown, total: sirens.count)
    }

    private func listed(_ shown: [String], total: Int) -> String {
        total > shown.count ? shown.joined(separator: ", ") + " et " + counted(total - shown.count, "autre") : frenchList(shown)
    }
}
