import AtelierCore
import AtelierStore

// MARK: - /synthèse

extension SessionController {
    /// The synthèse of the answers as they stand, computed afresh (it writes nothing).
    public func currentSynthesis() throws -> Synthesis {
        let builder = SynthesisBuilder(references: try resources.synthesis.get(), territory: try resources.territory.get())
        return builder.build(answers: sourcedAnswers)
    }

    /// `part`: one of `SynthesisParts.all` (the parser refused any other); nil for all of them.
    func synthesis(_ part: String?) -> Outcome {
        let synthesis: Synthesis
        do {
            synthesis = try currentSynthesis()
        } catch {
            return .refused("La synthèse ne peut pas être calculée : \(ErrorPresenter.sentence(error))")
        }
        let renderer = SynthesisRenderer(synthesis: synthesis, style: style, setAside: storedValueProblems)
        for line in renderer.render(part: part) { console.write(line) }
        remindCurrent()
        return .accepted
    }
}
