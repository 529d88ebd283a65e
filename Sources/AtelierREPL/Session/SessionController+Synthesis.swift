import AtelierCore
import AtelierStore

// MARK: - /synthèse

extension SessionController {
    /// The synthèse of the answers as they stand, computed afresh (it writes nothing).
    public func currentSynthesis() throws -> Synthesis {
        let builder = SynthesisBuilder(references: try resources.synthesis.get(), territory: try resources.territory.get())
        return builder.build(answers: sourcedAnswers)
    }

    func synthesis(_ argument: String) -> Outcome {
        let part = argument.folded
        guard part.isEmpty || SynthesisParts.all.contains(part) else {
            let hint = closestMatch(to: argument, in: SynthesisParts.all).map { " Vouliez-vous dire « \($0) » ?" } ?? ""
            return .refused("Partie inconnue : « \(argument.shortened()) ».\(hint) Parties : \(SynthesisParts.all.joined(separator: ", ")).")
        }
        let synthesis: Synthesis
        do {
            synthesis = try currentSynthesis()
        } catch {
            return .refused("La synthèse ne peut pas être calculée : \(ErrorPresenter.sentence(error))")
        }
        let renderer = SynthesisRenderer(synthesis: synthesis, style: style, setAside: storedValueProblems)
        for line in renderer.render(part: part.isEmpty ? nil : part) { console.write(line) }
        remindCurrent()
        return .accepted
    }
}
