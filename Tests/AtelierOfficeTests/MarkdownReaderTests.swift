import Testing

@testable import AtelierOffice

@Suite struct MarkdownReaderTests {
    typealias Run = OfficeText.Run

    @Test func headingsParagraphsAndRules() {
        let text = MarkdownReader.read(
            """
            # Contrat local de santé

            **Projet** de contrat,
            sur deux lignes.

            ## Titre I

            #### Démographie

            ---

            ## Annexe 1
            """)
        #expect(
            text.blocks == [
                .title([Run("Contrat local de santé")]),
                .paragraph([Run("Projet", bold: true), Run(" de contrat, sur deux lignes.")]),
                .heading(level: 1, [Run("Titre I")]), .heading(level: 3, [Run("Démographie")]), .rule,
                .heading(level: 1, [Run("Annexe 1")]),
            ])
        // The rule before a heading is a new page, not a line.
        let layout = LaidOutText(text)
        #expect(layout.items.map(\.pageBreakBefore) == [false, false, false, false, true])
        #expect(layout.contents.map(\.text) == ["Titre I", "Annexe 1"])
        #expect(layout.contentsPosition == 2)
    }

    @Test func listsKeepTheirLevelsAndContinuations() {
        let text = MarkdownReader.read(
            """
            - **Comité de pilotage** : les signataires,
              coprésidé par l'élu.
            - De processus :
              - Consultations ouvertes
            1. Densité d'infirmiers
               *Sur le thème « démographie », 1 propos*
            12. Second constat
            > Réserve : à confirmer
            """)
        #expect(
            text.blocks == [
                .bullet(level: 0, [Run("Comité de pilotage", bold: true), Run(" : les signataires, coprésidé par l'élu.")]),
                .bullet(level: 0, [Run("De processus :")]), .bullet(level: 1, [Run("Consultations ouvertes")]),
                .numbered(
                    number: "1", [Run("Densité d'infirmiers")], more: [[Run("Sur le thème « démographie », 1 propos", italic: true)]]),
                .numbered(number: "12", [Run("Second constat")], more: []), .quote([Run("Réserve : à confirmer")]),
            ])
    }

    @Test func tablesUnescapeBarsAndAlignFigures() {
        let text = MarkdownReader.read(
            """
            | Poste | Montant |
            |---|---|
            | Logement a \\| b | 60 000,00 € |
            | **Total** | **60 000,00 €** |
            | court |
            """)
        guard case .table(let table) = text.blocks.first else {
            Issue.record("no table: \(text.blocks)")
            return
        }
        #expect(table.header == [[Run("Poste")], [Run("Montant")]])
        #expect(table.rows[0] == [[Run("Logement a | b")], [Run("60 000,00 €")]])
        #expect(table.rows[1][1] == [Run("60 000,00 €", bold: true)])
        #expect(table.rows[2] == [[Run("court")], []])
        #expect(table.rightAligned == [false, true])
    }

    @Test func gapsAreMarkedWithTheirInnerBrackets() {
        let runs = InlineReader.runs("Vu [À compléter : fiche [3] (/aller plan)] et *fin*, 5 * 3")
        #expect(
            runs == [
                Run("Vu "), Run("[À compléter : fiche [3] (/aller plan)]", gap: true), Run(" et "), Run("fin", italic: true),
                Run(", 5 * 3"),
            ])
    }

    @Test func aPartyFollowedBySignatureIsASignatureBlock() {
        let text = MarkdownReader.read("**ARS Normandie**, représentée par la directrice\n\nSignature :\n\n\n\n**CPAM**\n\nSignature :")
        #expect(
            text.blocks == [
                .signature([Run("ARS Normandie", bold: true), Run(", représentée par la directrice")]),
                .signature([Run("CPAM", bold: true)]),
            ])
    }

    @Test func nothingTypedIsLost() {
        // Unknown constructs stay as text: a lone bar, a line of hashes, stray stars.
        let text = MarkdownReader.read("|\n\n####### sept\n\n**non fermé")
        #expect(text.blocks == [.paragraph([Run("|")]), .paragraph([Run("####### sept")]), .paragraph([Run("**non fermé")])])
    }
}

@Suite struct ColumnLayoutTests {
    func table(_ header: [String], _ rows: [[String]]) -> OfficeText.Table {
        OfficeText.Table(
            header: header.map { [OfficeText.Run($0)] }, rows: rows.map { $0.map { [OfficeText.Run($0)] } },
            rightAligned: header.map { _ in false })
    }

    @Test func aNarrowTableSpansThePortraitPage() {
        let layout = ColumnLayout(table(["Code INSEE", "Commune"], [["50076", "Bréhal"]]))
        #expect(!layout.landscape)
        #expect(layout.fontHalfPoints == 18)
        #expect(abs(layout.textWidth - PageGeometry.portraitTextWidth) < 5)
    }

    @Test func noColumnIsNarrowerThanItsLongestWord() {
        let long = "Masseurs-kinésithérapeutes"
        let layout = ColumnLayout(
            table(
                ["Profession", "Densité libéraux pour 10 000 hab.", "Rapport au département"],
                [[long, "8,3", String(repeating: "texte ", count: 80)]]))
        let words = ["kinésithérapeutes", "département", "libéraux"].map { TextWidth.twips($0, halfPoints: 18, bold: true) }
        #expect(layout.widths[0] >= words[0])
        #expect(layout.widths[2] >= words[1])
        #expect(layout.textWidth <= PageGeometry.portraitTextWidth)
    }

    @Test func aTableTooWideForPortraitGoesLandscape() {
        let header = (1...12).map { "Indicateur\($0)-territorial" }
        let layout = ColumnLayout(table(header, [header]))
        #expect(layout.landscape)
        #expect(layout.textWidth <= PageGeometry.landscapeTextWidth)
        // Its heading goes with it to the landscape page.
        let laidOut = LaidOutText(
            OfficeText(blocks: [.heading(level: 3, [OfficeText.Run("Large")]), .table(table(header, [header])), .paragraph([])]))
        #expect(laidOut.items.map(\.landscape) == [true, true, false])
    }

    @Test func noBreakSpacesHoldAmountsTogether() {
        #expect(TextWidth.words("1\u{202F}234,50\u{A0}€ et Saint-Lô") == ["1\u{202F}234,50\u{A0}€", "et", "Saint-", "Lô"])
    }
}
