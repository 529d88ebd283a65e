// The analyse croisée in French sentences, the same for the screen and the CLS draft.

extension CrossAnalysis.ThemeVoices {
    /// `5 propos (habitants 3, professionnels 2) en 3 réunions`.
    public var countText: String {
        let capacities = bySpeaker.map { "\($0.speaker) \($0.count)" }.joined(separator: ", ")
        var text = "\(voices.count) propos (\(capacities))"
        let held = meetings.count == 1 ? "1 réunion" : "\(meetings.count) réunions"
        switch (meetings.isEmpty, outsideMeetings) {
        case (true, _): text += " hors réunion"
        case (false, 0): text += " en \(held)"
        case (false, let outside): text += " en \(held) et \(outside) hors réunion"
        }
        return text
    }

    /// The count, then the quotes: `5 propos (…) en 3 réunions — « Pas de bus le mardi » (habitants, COPIL du 12/03/2027)`.
    public func sentence(in concertation: Concertation) -> String {
        countText + " — " + quotes.map { CrossAnalysis.quote($0, in: concertation) }.joined(separator: " ; ")
    }
}

extension CrossAnalysis {
    /// The longest quote shown; the whole voice stays in the workbook (/revoir concertation.voix).
    public static let quoteLength = 160

    /// `« Pas de bus le mardi » (habitants, COPIL du 12/03/2027)`; the name only when recorded,
    /// that is when the person agreed.
    public static func quote(_ voice: Concertation.Voice, in concertation: Concertation) -> String {
        let who = [voice.name, voice.speaker, concertation.meeting(voice.meeting)?.label].compactMap { $0 }
        return "« \(voice.text.shortened(to: quoteLength)) » (\(who.joined(separator: ", ")))"
    }

    /// The line under a finding: nil while nobody has said anything (nothing to cross).
    public func sentence(for finding: FindingVoices) -> String? {
        guard !concertation.voices.isEmpty else { return nil }
        // Voices are matched by theme, not to this very finding: the sentence says so.
        if let voices = finding.voices {
            return "Sur le thème « \(voices.theme) », ce qu'en disent les acteurs : " + voices.sentence(in: concertation)
        }
        guard let theme = finding.finding.theme else { return nil }
        return "Sur le thème « \(theme) », aucun propos n'a été noté."
    }

    /// `Thèmes soulevés sans constat chiffré : santé mentale : 2 propos (habitants 2) hors réunion.`
    public var themesWithoutFindingSentence: String? {
        guard !themesWithoutFinding.isEmpty else { return nil }
        return "Thèmes soulevés sans constat chiffré : "
            + themesWithoutFinding.map { "\($0.theme) : \($0.countText)" }.joined(separator: " ; ") + "."
    }
}
