import AtelierCore
import AtelierDocuments
import AtelierOffice
import AtelierStore
import Foundation

// MARK: - /exporter cls

extension SessionController {
    func export(_ request: ExportRequest) -> Outcome {
        if let refusal = request.formatRefusal {
            // The workbook's own name first: that is what the user must hear.
            do {
                _ = try DocumentFile.checkedTarget(request.path ?? "", workbook: store.path)
            } catch {
                return .refused(error.description)
            }
            return .refused(refusal)
        }
        if request.document == .plan { return exportPlan(request) }
        if request.document == .synthese { return exportSynthesisPage(request) }
        let path = request.path ?? defaultDocumentPath(suffix: "-cls." + request.format.fileExtension)
        let started = context.now()
        let document: ClsDraft.Rendered
        let data: Data
        do {
            document = try clsDraft()
            let metadata = OfficeText.Metadata(
                title: "Contrat local de santé — \(territoryName)", header: "Contrat local de santé — \(territoryName) — projet de contrat",
                fingerprint: document.fingerprint)
            let charts = document.charts.map {
                OfficeImage(id: $0.id, title: $0.title, svg: $0.svg, width: $0.width, height: $0.height)
            }
            data = try officeData(markdown: document.text, format: request.format, metadata: metadata, images: charts)
        } catch {
            return .refused("Projet de contrat non écrit — \(ErrorPresenter.sentence(error)) Le classeur n'a pas été modifié.")
        }
        let written: DocumentFile.Written
        do {
            written = try writeDocument(data, to: path)
        } catch {
            return .refused(error.description)
        }
        let milliseconds = Int(context.now().timeIntervalSince(started) * 1000)
        report(
            written, as: "projet de contrat" + Self.formatLabel(request.format),
            detail: " (\(FrenchFormat.integer(written.bytes)) octets, \(milliseconds) ms)")
        let count = document.gaps.count
        let marked = request.format == .markdown ? "" : count == 1 ? ", surligné en jaune" : ", surlignés en jaune"
        console.write(
            count == 0
                ? "    Rien n'est marqué « À compléter »."
                : count == 1
                    ? "    1 point à compléter\(marked), listé à la fin du document."
                    : "    \(FrenchFormat.integer(count)) points à compléter\(marked), listés à la fin du document.")
        return .accepted
    }

    /// « (Word) » after the document's name, nothing for Markdown, the format it always had.
    static func formatLabel(_ format: ExportRequest.Format) -> String {
        format == .markdown ? "" : " (\(format.label))"
    }

    /// The Markdown as it is, or laid out as a Word or LibreOffice document.
    /// - Parameter images: the charts the Markdown places; a .md file leaves their lines out.
    func officeData(markdown: String, format: ExportRequest.Format, metadata: OfficeText.Metadata, images: [OfficeImage] = [])
        throws -> Data
    {
        switch format {
        case .docx: try TextDocument.docx(markdown: markdown, metadata: metadata, images: images)
        case .odt: try TextDocument.odt(markdown: markdown, metadata: metadata, images: images)
        case .markdown: Data(DocumentChart.withoutChartLines(markdown).utf8)
        // Spreadsheets are the plan's only, HTML the synthèse's: `ExportRequest.Document.formats`
        // refuses them for the draft.
        case .xlsx, .ods, .csv, .html: Data(markdown.utf8)
        }
    }

    /// `/exporter plan [FICHIER] [csv]`: the plan in the format of the file's extension, and in
    /// CSV beside it on request.
    func exportPlan(_ request: ExportRequest) -> Outcome {
        let path = request.path ?? defaultDocumentPath(suffix: "-plan." + request.format.fileExtension)
        let plan: FinancingPlan
        let problems: [FinancingProblem]
        let data: Data
        do {
            plan = try financingPlan()
            problems = FinancingChecks.check(plan)
            data = try planData(plan, problems: problems, format: request.format)
        } catch {
            return .refused("Plan de financement non écrit — \(ErrorPresenter.sentence(error)) Le classeur n'a pas été modifié.")
        }
        let withCSV = request.csv && request.format != .csv
        let csvPath = Self.replacingExtension(of: path, with: "csv")
        var written: [(DocumentFile.Written, String)] = []
        do {
            // Both names checked before either is written: a refused CSV leaves no half export.
            if withCSV { _ = try DocumentFile.checkedTarget(csvPath, workbook: store.path) }
            // Each file judged on its own: an edited CSV is kept even when the Markdown was not touched.
            let what = request.format == .csv ? "tableau du plan (CSV)" : "plan de financement" + Self.formatLabel(request.format)
            written.append((try writeDocument(data, to: path), what))
            if withCSV { written.append((try writeDocument(Data(FinancingDocument.csv(plan).utf8), to: csvPath), "tableau du plan (CSV)")) }
        } catch {
            for (file, what) in written { report(file, as: what) }
            return .refused(error.description)
        }
        for (file, what) in written { report(file, as: what) }
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 {
            console.write(
                style.yellow(
                    "    \(AtelierCore.counted(errors, "erreur")) de contrôle, \(errors > 1 ? "listées" : "listée") dans le document : /verifier pour \(errors > 1 ? "les" : "la") voir."
                ))
        }
        return .accepted
    }

    func planData(_ plan: FinancingPlan, problems: [FinancingProblem], format: ExportRequest.Format) throws -> Data {
        switch format {
        case .csv: return Data(FinancingDocument.csv(plan).utf8)
        case .xlsx: return try FinancingSpreadsheet.xlsx(plan, problems: problems, territory: territoryName)
        case .ods: return try FinancingSpreadsheet.ods(plan, problems: problems, territory: territoryName)
        // HTML is the synthèse's only (refused for the plan by `ExportRequest.Document.formats`).
        case .markdown, .docx, .odt, .html:
            let templates = try resources.planTemplates.get().templates
            let text = try FinancingDocument.markdown(plan, problems: problems, territory: territoryName, templates: templates)
            let metadata = OfficeText.Metadata(
                title: "Plan de financement prévisionnel — \(territoryName)", header: "Plan de financement prévisionnel — \(territoryName)")
            return try officeData(markdown: text, format: format, metadata: metadata)
        }
    }

    /// `plan.md` → `plan.csv`; `plan` → `plan.csv`.
    static func replacingExtension(of path: String, with fileExtension: String) -> String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.dropFirst().lastIndex(of: ".") else { return path + "." + fileExtension }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex))) + "." + fileExtension
    }

    var territoryName: String {
        if case .text(let name)? = answers[QuestionKeys.territoryName]?.value { return name }
        return "territoire sans nom"
    }

    /// The draft as text, from the current answers and the project's templates (compiled once
    /// per session, with the digests of the files that shape it).
    public func clsDraft() throws -> ClsDraft.Rendered {
        // A pure function of the answers and of the templates, which are read once a session.
        if let cached = derived.clsDraft, cached.revision == session.revision { return cached.value }
        let loaded = try resources.clsTemplates.get()
        var digests = loaded.digests.merging(try resources.editableFileDigests.get()) { $1 }
        let synthesis = try currentSynthesis()
        // The distances come from the care sites the imports kept, not from the answers.
        if let sites = synthesis.mobility?.sites { digests["classeur : offre de soins à proximité"] = sites.digest }
        // What /vérifier lists, found by the core: the draft lists each as a point to complete.
        let found = currentInconsistencies()
        let input = ClsDraftContext.Input(
            answers: sourcedAnswers, questionnaire: questionnaire, synthesis: synthesis,
            library: try resources.library.get(), territory: try resources.territory.get(),
            financing: try financingPlan(),
            revisits: ClsDraftContext.Revisits(inconsistencies: found.between, storedProblems: found.stored))
        let rendered = try ClsDraft.render(input, templates: loaded.templates, fileDigests: digests, cache: resources.fingerprintCache)
        derived.clsDraft = (session.revision, rendered)
        return rendered
    }

    var sourcedAnswers: [String: SourcedAnswer] {
        usableAnswers.mapValues { SourcedAnswer(value: $0.value, source: $0.source, sourceYear: $0.sourceYear) }
    }

    /// Next to the workbook: `sessions/caen.sqlite` → `sessions/caen-cls.md`.
    func defaultDocumentPath(suffix: String) -> String {
        let base = store.path.hasSuffix(".sqlite") ? String(store.path.dropLast(".sqlite".count)) : store.path
        return base + suffix
    }

    /// Writes a document, judging an existing file by what the workbook recorded of the last
    /// export there, then records this one. The workbook is only asked, never trusted to be
    /// readable: without a record, the file at the name is kept, so a damaged workbook costs an
    /// extra copy, never the user's text.
    func writeDocument(_ data: Data, to path: String) throws(DocumentFileError) -> DocumentFile.Written {
        var written = try DocumentFile.write(data, to: path, besideWorkbook: store.path, now: context.now()) { target in
            try? store.lastExport(to: target)
        }
        do {
            try store.recordExport(to: written.target, sha256: written.sha256, bytes: written.bytes)
        } catch {
            written.unrecorded = true
        }
        return written
    }

    /// What became of a document and of the file it replaces.
    func report(_ written: DocumentFile.Written, as what: String, detail: String = "") {
        if written.unchanged {
            console.write("  \(style.green("✓")) \(what) inchangé : \(written.path) contient déjà ce document.")
        } else {
            console.write("  \(style.green("✓")) \(what) écrit : \(written.path)\(detail)")
        }
        if let kept = written.kept {
            let why =
                kept.lastExport.map { date in
                    let stamp = FrenchFormat.timestamp(date).split(separator: " ")  // « 03/12/2026 06:12 »
                    return "avait été modifié depuis son dernier export, le \(stamp[0]) à \(stamp[1])"
                }
                ?? "existait déjà, sans trace d'un export par ce classeur"
            console.write(
                style.yellow(
                    "    Le fichier \(written.path) \(why) : votre version est conservée sous \(kept.path) ; le nouveau \(what) est écrit sous \(written.path)."
                ))
        }
        if written.unrecorded {
            console.write(
                style.yellow(
                    "    Cet export n'a pas pu être noté dans le classeur : au prochain export, \(written.path) sera d'abord conservé en copie datée, par prudence."
                ))
        }
    }
}
