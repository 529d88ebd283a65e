import AtelierCore
import AtelierStore

// MARK: - /synthèse

extension SessionController {
    /// The synthèse of the answers as they stand (it writes nothing), computed once for each
    /// state of the answers: a fiche typed, an export and /synthèse in a row share it.
    public func currentSynthesis() throws -> Synthesis {
        if let cached = derived.synthesis, cached.revision == session.revision { return cached.value }
        let builder = SynthesisBuilder(references: try resources.synthesis.get(), territory: try resources.territory.get())
        let synthesis = builder.build(answers: sourcedAnswers, mobility: mobilityAnalysis(careSites()))
        derived.synthesis = (session.revision, synthesis)
        return synthesis
    }

    /// `part`: one of `SynthesisParts.all` (the parser refused any other); nil for all of them.
    func synthesis(_ part: String?) -> Outcome {
        let synthesis: Synthesis
        do {
            synthesis = try currentSynthesis()
        } catch {
            return .refused("La synthèse ne peut pas être calculée : \(ErrorPresenter.sentence(error))")
        }
        let renderer = SynthesisRenderer(synthesis: synthesis, style: style, width: console.width, setAside: storedValueProblems)
        for line in renderer.render(part: part) { console.write(line) }
        remindCurrent()
        return .accepted
    }
}
