import AtelierCore

/// The draft contrat local de santé: a pure function of the answers and the templates.
/// The same workbook and templates always give byte-identical output (no clock, no
/// randomness), ending with a fingerprint of both.
public enum ClsDraft {
    /// The main template, `templates/cls/contrat.mustache`.
    public static let mainTemplate = "contrat"

    /// The document and the list of its `[À compléter]` markers.
    public struct Rendered: Sendable {
        public var text: String
        public var gaps: [String]
        /// `sha256:…`, as the document's last line gives it: the office documents repeat it in
        /// their footer.
        public var fingerprint = ""
        /// The charts `text` places with `![titre](graphique:id)` lines.
        public var charts: [DocumentChart] = []
    }

    /// - Parameters:
    ///   - fingerprintInputs: every file that shapes the document (templates, library,
    ///     references), by name, hashed with the answers.
    public static func render(
        _ input: ClsDraftContext.Input, templates: DocumentTemplates,
        fingerprintInputs: [String: String]
    ) throws(FileProblem) -> Rendered {
        try render(input, templates: templates, fileDigests: digests(of: fingerprintInputs))
    }

    /// - Parameters:
    ///   - fileDigests: `digests(of:)` of every file that shapes the document, computed once per
    ///     session rather than at every export (hashing them is most of a fingerprint's cost).
    ///   - cache: the answers' lines of earlier fingerprints in this session.
    public static func render(
        _ input: ClsDraftContext.Input, templates: DocumentTemplates,
        fileDigests: [String: String], cache: FingerprintCache? = nil
    ) throws(FileProblem) -> Rendered {
        let fingerprint = Self.fingerprint(answers: input.answers, digests: fileDigests, cache: cache)
        var builder = ClsDraftContext(input)
        let context = builder.build(fingerprint: fingerprint)
        var sampleBuilder = ClsDraftContext(ClsDraftContext.schemaSample(from: input))
        try templates.check(against: [context, sampleBuilder.build(fingerprint: fingerprint)])
        return Rendered(
            text: FrenchTypography.apply(try templates.render(context, template: mainTemplate)), gaps: builder.gaps,
            fingerprint: fingerprint, charts: builder.charts)
    }

    /// `sha256:…` over the answers (key, value, source, year, in key order) and the files.
    public static func fingerprint(answers: [String: SourcedAnswer], files: [String: String]) -> String {
        fingerprint(answers: answers, digests: digests(of: files))
    }

    /// File name → SHA-256 of its text, as the fingerprint lists it.
    public static func digests(of files: [String: String]) -> [String: String] {
        files.mapValues { SHA256.hex($0) }
    }

    static func fingerprint(answers: [String: SourcedAnswer], digests: [String: String], cache: FingerprintCache? = nil) -> String {
        var canonical = "atelier-sante/cls/1\n"
        for key in answers.keys.sorted() {
            canonical += cache?.line(key, answers[key]!) ?? FingerprintCache.line(key, answers[key]!)
        }
        for name in digests.keys.sorted() {
            canonical += "fichier\t\(name)\t\(digests[name]!)\n"
        }
        return "sha256:" + SHA256.hex(canonical)
    }
}

extension ClsDraftContext {
    /// The input with one element in every list, so that template checking knows every key a
    /// document can have, even those of lists still empty in this workbook.
    static func schemaSample(from input: Input) -> Input {
        var sample = input
        let commune = CommuneRef(code: "00000", name: "exemple", population: 1, populationYear: 2023)
        sample.answers[QuestionKeys.territoryCommunes] = SourcedAnswer(value: .communes([commune]))
        sample.answers[QuestionKeys.signatories] = SourcedAnswer(
            value: .records([
                ListRecord(fields: [
                    ("organisation", .text("x")), ("representant", .text("x")), ("deliberation", .text("x")), ("engagement", .text("x")),
                ])
            ]))
        sample.answers["contrat.membres_instances"] = SourcedAnswer(
            value: .records([
                ListRecord(fields: [("instance", .choice("x")), ("nom", .text("x")), ("organisation", .text("x")), ("qualite", .text("x"))])
            ]))
        sample.answers["contrat.indicateurs"] = SourcedAnswer(
            value: .records([ListRecord(fields: [("indicateur", .text("x")), ("cible", .text("x")), ("depart", .text("x"))])]))
        sample.answers["structures.liste"] = SourcedAnswer(
            value: .records([ListRecord(fields: [("type", .choice("x")), ("nom", .text("x")), ("statut", .choice("x"))])]))
        sample.answers["contrat.cts_consulte"] = SourcedAnswer(value: .bool(true))
        let sheet = input.library.sheets.first.map { AnswerValue.choice($0.key) } ?? .choice(ActionSheetLibrary.customKey)
        sample.answers[QuestionKeys.actionSheets] = SourcedAnswer(
            value: .records([
                ListRecord(fields: [("fiche", sheet)]),
                ListRecord(fields: [("fiche", .choice(ActionSheetLibrary.customKey))]),
            ]))
        sample.financing = .templateSample(base: "HT")
        sample.answers[QuestionKeys.plannedSignature] = SourcedAnswer(value: .date(CalendarDate(year: 2027, month: 1, day: 1)!))
        // A lever of the sample's fiche: the draft shows the levers of the plan's fiches.
        let leverKey = input.library.sheets.first?.leverKeys.first ?? "x"
        let lever = Lever(key: leverKey, title: "x", explanation: "x", sources: ["x"], confidence: "sûr")
        sample.synthesis.findings = [Synthesis.Finding(ruleKey: "x", message: "x", basis: ["x"], levers: [lever], theme: "x")]
        sample.synthesis.levers = [lever]
        // Two rounds: one ranked, one earlier.
        func records(_ items: [[(String, AnswerValue)]]) -> AnswerValue { .records(items.map { ListRecord(fields: $0) }) }
        sample.synthesis.concertation = Concertation(answers: [
            QuestionKeys.meetings: records([
                [
                    ("type", .choice("x")), ("date", .date(CalendarDate(year: 2027, month: 1, day: 1)!)), ("lieu", .text("x")),
                    ("presents", .choices(["x"])),
                ]
            ]),
            QuestionKeys.voices: records([
                [("theme", .choice("x")), ("qui", .choice("x")), ("propos", .text("x")), ("reunion", .integer(1))]
            ]),
            QuestionKeys.priorityRounds: records(
                Array(repeating: [("reunion", .integer(1)), ("portee", .choice("constats")), ("elements", .text("x"))], count: 2)),
            QuestionKeys.votes: records(
                [1, 2].map { [("tour", .integer($0)), ("votant", .text("x")), ("element", .text("x")), ("note", .integer(1))] }),
        ])
        sample.synthesis.poles = ["x"]
        sample.synthesis.mobility = .templateSample
        sample.synthesis.structures = [Synthesis.StructureCount(type: "x", operating: 1, planned: 0, struggling: 0)]
        sample.synthesis.indicators["acces.apl_medecins_generalistes"] = Indicator(
            id: "acces.apl_medecins_generalistes", label: "x", unit: .consultations, value: 1, formula: "x", basis: ["x"])
        for profession in sample.synthesis.professions {
            sample.synthesis.indicators["\(profession.key).effectif"] = Indicator(
                id: "\(profession.key).effectif", label: "x", unit: .count, value: 1, formula: "x")
        }
        return sample
    }
}
