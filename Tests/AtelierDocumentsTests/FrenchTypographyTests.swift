import AtelierCore
import Testing

@testable import AtelierDocuments

@Suite struct FrenchTypographyTests {
    @Test(arguments: [
        ("Fiche 1 : Forum santé", "Fiche 1\u{202F}: Forum santé"),
        ("a ; b ! c ? d", "a\u{202F}; b\u{202F}! c\u{202F}? d"),
        ("« Pas de bus »", "«\u{202F}Pas de bus\u{202F}»"),
        ("« Pas\u{00A0}»", "«\u{202F}Pas\u{202F}»"),
        ("10:30, https://x.fr, 3 %", "10:30, https://x.fr, 3 %"),
        ("[À compléter : x (/aller y)]", "[À compléter\u{202F}: x (/aller y)]"),
        ("a  : b", "a \u{202F}: b"),
        ("fin ;", "fin\u{202F};"),
        ("espace final ", "espace final "),
    ])
    func aNarrowNoBreakSpaceGoesBeforeHighSignsAndInsideQuotes(text: String, typeset: String) {
        #expect(FrenchTypography.apply(text) == typeset)
    }

    @Test func theDraftIsTypesetButItsFiguresAndMarkdownAreUntouched() throws {
        let rendered = try ClsViewTests.Project.render(["territoire.nom": .text("Val « test »")])
        #expect(rendered.text.contains("# Contrat local de santé — Val «\u{202F}test\u{202F}»"))
        #expect(rendered.text.contains("[À compléter\u{202F}: "))
        #expect(!rendered.text.contains(" :") && !rendered.text.contains(" ;") && !rendered.text.contains("« "))
        #expect(rendered.text.contains("|---|"))
    }
}
