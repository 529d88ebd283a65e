import AtelierCore

// MARK: - Démarche du diagnostic partagé, priorités

/// The meetings held, who took part, what was said: the « partagé » of the diagnosis.
struct ApproachView: TemplateView {
    var meetings: [MeetingRowView]
    var missingMeetings: Gap?
    /// `élu : Marie Dupont (Mairie de Bréhal), Paul Martin (Communauté de communes)`.
    var participation: [String]
    /// One line per theme: the count and up to three quotes with their meeting.
    var voicesByTheme: [String]
    var missingVoices: Gap?
    /// Everyone of `participants.liste`, by role: those who gave answers outside meetings too.
    var contributors: [String]
    /// The sources given with the diagnosis's figures (`/source`, imports), in questionnaire order.
    var sources: [String]

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "contributeurs": contributors, "contributeurs_notes": !contributors.isEmpty,
            "sources_diagnostic": sources.isEmpty ? "aucune source indiquée avec /source" : sources.joined(separator: " ; "),
            "reunions": meetings, "reunions_notees": !meetings.isEmpty, "nombre_reunions": String(meetings.count),
            "reunions_en_nombre": counted(meetings.count, "réunion"),
            "reunions_manquantes": missingMeetings?.marker ?? "", "participation": participation,
            "participation_notee": !participation.isEmpty, "propos_par_theme": voicesByTheme,
            "propos_notes": !voicesByTheme.isEmpty, "propos_manquants": missingVoices?.marker ?? "",
        ]
    }
}

struct MeetingRowView: TemplateView {
    var number: Int
    var date: String
    var kind: String
    var place: String
    var presentCount: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["numero": String(number), "date": date, "type": kind, "lieu": place, "nombre_presents": presentCount]
    }
}

/// How the priorities were set, and the ranking of the latest round of each scope.
struct PrioritiesView: TemplateView {
    var rounds: [RankingView]
    /// One sentence for each earlier round.
    var earlierRounds: [String]
    var missingPriorities: Gap?
    var method: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "priorites": rounds, "priorites_fixees": !rounds.isEmpty, "tours_precedents": earlierRounds,
            "tours_precedents_notes": !earlierRounds.isEmpty,
            "priorites_manquantes": missingPriorities?.marker ?? "", "methode_priorisation": method,
        ]
    }
}

struct RankingView: TemplateView {
    /// « parmi les constats », « parmi les leviers ».
    var subject: String
    /// « Constat », « Levier »: the table's column.
    var column: String
    /// `COPIL du 12/03/2027, Mairie de Bréhal`.
    var meeting: String
    /// `en COPIL le 12/03/2027 (Mairie de Bréhal)`.
    var held: String
    var date: String
    var voters: String
    var voterCount: Int
    var method: String
    var rows: [RankingRowView]

    var templateFields: [String: (any TemplateRepresentable)?] {
        [
            "objet": subject, "colonne": column, "reunion": meeting, "fixees": held, "date": date, "votants": voters,
            "nombre_votants": String(voterCount), "votants_en_nombre": counted(voterCount, "participant"), "methode": method,
            "classement": rows,
        ]
    }
}

struct RankingRowView: TemplateView {
    var rank: String
    var item: String
    var mean: String
    var spread: String
    var agreement: String
    /// `3/4`: scores counted out of the voters.
    var notes: String

    var templateFields: [String: (any TemplateRepresentable)?] {
        ["rang": rank, "element": item, "moyenne": mean, "ecart": spread, "accord": agreement, "notes": notes]
    }
}
