import AtelierCore
import Foundation
import Testing

/// Stored answers read back: checked against their questions, never trapping however large.
@Suite struct StoredValueCheckTests {
    let questionnaire = Project.questionnaire
    let effectif = "demographie.infirmiers.effectif", age = "demographie.infirmiers.age_60_plus"

    @Test func aNegativeEffectifIsOutOfBoundsAndSaysHowToCorrectIt() {
        let problems = StoredValueCheck.problems(in: [effectif: .integer(-5)], questionnaire: questionnaire)
        #expect(problems.count == 1)
        #expect(
            problems.first?.message
                == "La réponse à demographie.infirmiers.effectif (-5) est hors des bornes attendues (un nombre entier entre 0 et 100\u{202F}000) : elle n'est pas utilisée ; /modifier demographie.infirmiers.effectif pour la corriger."
        )
    }

    @Test func aDependentBoundIsCheckedOnlyAgainstAValidAnswer() {
        let broken = StoredValueCheck.problems(in: [effectif: .integer(10), age: .integer(12)], questionnaire: questionnaire)
        #expect(broken.map(\.key) == [age])
        #expect(broken.first?.expected.contains("(la réponse à \(effectif))") == true)
        // The effectif itself is wrong: the share is not judged against it.
        let unknown = StoredValueCheck.problems(in: [effectif: .integer(-5), age: .integer(4)], questionnaire: questionnaire)
        #expect(unknown.map(\.key) == [effectif])
        #expect(StoredValueCheck.problems(in: [effectif: .integer(10), age: .integer(4)], questionnaire: questionnaire).isEmpty)
    }

    @Test func hugeWrongTypedAndUnknownChoiceValuesAreFound() {
        let answers: [String: AnswerValue] = [
            effectif: .integer(Int.max), "territoire.nom": .integer(3), "territoire.porteur": .choice("royaume"),
            "territoire.communes": .communes([CommuneRef(code: "14118", name: "Caen", population: Int.max, populationYear: 2023)]),
        ]
        let problems = StoredValueCheck.problems(in: answers, questionnaire: questionnaire)
        #expect(Set(problems.map(\.key)) == Set(answers.keys))
        #expect(problems.first { $0.key == effectif }?.kind == .outOfBounds)
        #expect(
            problems.first { $0.key == "territoire.nom" }?.message.hasPrefix(
                "La réponse à territoire.nom (3) n'est pas valide (attendu : un texte non vide)") == true)
        #expect(StoredValueCheck.problems(in: ["cle.inconnue": .integer(-1)], questionnaire: questionnaire).isEmpty)
    }

    @Test func aWrongFieldOfAListIsTakenOutOfItsElementOnly() throws {
        let list = try #require(
            questionnaire.questions.first {
                if case .list(let fields) = $0.kind { fields.contains { $0.kind.isNumeric && $0.bounds.minimum != nil } } else { false }
            })
        guard case .list(let fields) = list.kind else { Issue.record("not a list question"); return }
        let field = try #require(fields.first { $0.kind.isNumeric && $0.bounds.minimum != nil })
        let bad: AnswerValue = field.kind.yamlName == "montant" ? .amount(cents: -100_000_000_000_000_000) : .integer(-1_000_000)
        let good = ListRecord(fields: [])
        let value = AnswerValue.records([good, ListRecord(fields: [(field.key, bad)])])
        let problems = StoredValueCheck.problems(in: [list.key: value], questionnaire: questionnaire)
        #expect(problems.count == 1)
        #expect(problems.first?.correctionKey == "\(list.key).2.\(field.key)")
        #expect(problems.first?.message.hasPrefix("Le champ « \(field.label) » de l'élément 2 de \(list.key)") == true)
        #expect(StoredValueCheck.usable(value, key: list.key, problems: problems) == .records([good, ListRecord(fields: [])]))
        #expect(
            StoredValueCheck.usable(
                .integer(-5), key: effectif, problems: StoredValueCheck.problems(in: [effectif: .integer(-5)], questionnaire: questionnaire)
            ) == nil)
    }

    @Test func anyValueIsFormattedWithoutTrapping() {
        for value in [9.223372036854775807e18, -9.3e18, 1e300, -1e300, .infinity, -.infinity, .nan, 0, -0.4] {
            for unit in [Indicator.Unit.count, .per10000, .percent, .ratio, .minutes, .inhabitants, .consultations, .evolution] {
                let text = Indicator(id: "x", label: "x", unit: unit, value: value, formula: "x").formatted
                #expect(!text.isEmpty)
            }
        }
        #expect(
            Indicator(id: "x", label: "x", unit: .count, value: 9.223372036854775807e18, formula: "x").formatted
                == "9\u{202F}223\u{202F}372\u{202F}036\u{202F}854\u{202F}775\u{202F}808")
        #expect(FrenchFormat.integer(Double.infinity) == "—")
        #expect(FrenchFormat.decimal(1e20) == "100\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000")
        #expect(FrenchFormat.percentage(.nan) == "—")
        #expect(FrenchFormat.fixed(.infinity, fractionDigits: 1) == "—")
        #expect(FrenchFormat.decimal(12.5) == "12,5")
        #expect([Int.max, 1].saturatingSum() == Int.max && [Int.min, -1].saturatingSum() == Int.min)
        #expect(
            AnswerValue.communes([
                CommuneRef(code: "14118", name: "Caen", population: Int.max, populationYear: 2023),
                CommuneRef(code: "14341", name: "Ifs", population: Int.max, populationYear: 2023),
            ]).display.hasPrefix("2 communes"))
    }
}

/// What reaches the terminal: control characters shown, never obeyed.
@Suite struct TerminalTextTests {
    @Test func escapeSequencesAndControlsAreShownAsSymbols() {
        #expect(TerminalText.neutralised("\u{1B}]0;pwned\u{7}Caen") == "\u{241B}]0;pwned\u{2407}Caen")
        #expect(
            TerminalText.neutralised("a\u{1B}[2Jb\u{7F}c\u{9B}d\u{202E}e\u{2066}f") == "a\u{241B}[2Jb\u{2421}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
        #expect(TerminalText.neutralised("ligne 1\nligne\t2 — é ✓") == "ligne 1\nligne\t2 — é ✓")
        #expect(TerminalText.neutralised("\r\u{0}") == "\u{240D}\u{2400}")
    }

    @Test func onlyTheSessionsOwnStylesAreKept() {
        let styled = "\u{1B}[1;36mQuestion\u{1B}[0m"
        #expect(TerminalText.neutralised(styled, keepingStyles: true) == styled)
        #expect(TerminalText.neutralised(styled) == "\u{241B}[1;36mQuestion\u{241B}[0m")
        #expect(TerminalText.neutralised("\u{1B}[2J\u{1B}]0;x\u{7}", keepingStyles: true) == "\u{241B}[2J\u{241B}]0;x\u{2407}")
    }

    @Test func controlCharactersAreFoundForRefusals() {
        #expect(TerminalText.containsControlCharacters("Marie\u{1B}[2J"))
        #expect(TerminalText.containsControlCharacters("a\tb"))
        #expect(TerminalText.containsControlCharacters("\u{202E}evil"))
        #expect(!TerminalText.containsControlCharacters("Dr Paul Martin — ARS Normandie, 2025 ✓"))
    }

    @Test func aHugeWordHasNoSuggestionAndCostsNoEditDistance() {
        let keys = Project.questionnaire.questions.map(\.key)
        #expect(closestMatch(to: String(repeating: "x", count: 1_000_000), in: keys) == nil)
        #expect(closestMatch(to: "demographie.infirmier.effectif", in: keys) == "demographie.infirmiers.effectif")
        #expect(InputLimits.keyCharacters > keys.map(\.count).max() ?? 0)
    }
}
