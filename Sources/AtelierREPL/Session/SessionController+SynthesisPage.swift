import AtelierCore
import AtelierDocuments
import AtelierImport
import Foundation

// MARK: - /exporter synthese

extension SessionController {
    /// `/exporter synthese [FICHIER.html]`: the synthèse as one self-contained page, with its
    /// charts and map, for the comité de pilotage.
    func exportSynthesisPage(_ request: ExportRequest) -> Outcome {
        let path = request.path ?? defaultDocumentPath(suffix: "-synthese.html")
        let started = context.now()
        let page: String
        do {
            page = try synthesisPage()
        } catch {
            return .refused("Synthèse non écrite — \(ErrorPresenter.sentence(error)) Le classeur n'a pas été modifié.")
        }
        let written: DocumentFile.Written
        do {
            written = try writeDocument(Data(page.utf8), to: path)
        } catch {
            return .refused(error.description)
        }
        let milliseconds = Int(context.now().timeIntervalSince(started) * 1000)
        report(
            written, as: "document de synthèse (page HTML, à ouvrir dans un navigateur)",
            detail: " (\(FrenchFormat.integer(written.bytes)) octets, \(milliseconds) ms)")
        return .accepted
    }

    /// The page from the current synthèse, plan and checks.
    func synthesisPage() throws -> String {
        let communes: [CommuneRef] = if case .communes(let list)? = answers[QuestionKeys.territoryCommunes]?.value { list } else { [] }
        let structures: [ListRecord] = if case .records(let list)? = answers[ProposalTable.structuresKey]?.value { list } else { [] }
        let plan = try financingPlan()
        let today = Calendar(identifier: .gregorian).dateComponents(in: context.timeZone, from: context.now())
        let input = SynthesisPage.Input(
            synthesis: try currentSynthesis(), territoryName: territoryName, communes: communes, points: territory.points,
            plan: plan, planProblems: FinancingChecks.check(plan), inconsistencies: currentInconsistencies().between,
            structures: structures,
            date: CalendarDate(year: today.year ?? 2026, month: today.month ?? 1, day: today.day ?? 1) ?? CalendarDate(
                year: 2026, month: 1, day: 1)!)
        return SynthesisPage.render(input)
    }
}
