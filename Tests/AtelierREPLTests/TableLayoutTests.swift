import Foundation
import Testing

@testable import AtelierREPL

/// Tables laid out for a width: unchanged when they fit, folded, then with columns left out.
@Suite struct TableLayoutTests {
    static let header = ["Profession", "Effectif", "Densité libéraux", "Rapport France"]
    static let rows = [
        ["Médecins généralistes", "9", "6,7", "0,82"],
        ["Masseurs-kinésithérapeutes", "10", "8,3", "0,69"],
    ]

    func longest(_ lines: [String]) -> Int { lines.map(\.count).max() ?? 0 }

    @Test func aTableThatFitsIsLaidOutOnOneLineARow() {
        let table = Table.render(header: Self.header, rows: Self.rows, width: 100, indent: "  ")
        #expect(
            table.lines == [
                "  Profession                  Effectif  Densité libéraux  Rapport France",
                "  ──────────────────────────  ────────  ────────────────  ──────────────",
                "  Médecins généralistes       9         6,7               0,82",
                "  Masseurs-kinésithérapeutes  10        8,3               0,69",
            ])
        #expect(table.omitted.isEmpty && table.omissionNote == nil)
    }

    @Test func headersFoldBeforeCells() {
        // 74 columns at ease; at 60 the two long headers fold and every row stays on one line.
        let table = Table.render(header: Self.header, rows: Self.rows, width: 60, indent: "  ")
        #expect(longest(table.lines) <= 60)
        #expect(table.header.count == 2)
        #expect(table.header[0].hasPrefix("  Profession") && table.header[0].contains("Densité") && table.header[1].contains("libéraux"))
        #expect(table.rows.map(\.count) == [1, 1])
        #expect(table.rows[1][0] == "  Masseurs-kinésithérapeutes  10        8,3       0,69")
        #expect(table.omitted.isEmpty)
    }

    @Test func cellsFoldInsideTheirColumnAtSpacesOrAfterAHyphen() {
        // The narrowest columns hold their longest word: 17 + 8 + 8 + 7, and three gaps of 2.
        let table = Table.render(header: Self.header, rows: Self.rows, width: 48)
        #expect(longest(table.lines) <= 48)
        #expect(table.omitted.isEmpty)
        let firstColumn = table.rows.map { $0.map { String($0.prefix { $0 != " " }) } }
        #expect(firstColumn[1] == ["Masseurs-", "kinésithérapeutes"])
        #expect(table.rows[0].count == 2 && table.rows[0][1].hasPrefix("généralistes"))
        // Every word of every cell is whole in some line.
        let text = table.lines.joined(separator: " ")
        for word in ["généralistes", "kinésithérapeutes", "libéraux", "Médecins", "0,82", "0,69"] { #expect(text.contains(word)) }
    }

    @Test func aLineNeverStartsWithAColonNorEndsWithAnOpeningQuote() {
        #expect(
            Table.fold("11 communes (populations légales 2023) : Bréhal", width: 26) == [
                "11 communes (populations", "légales 2023) : Bréhal",
            ])
        #expect(Table.fold("le thème « accès aux soins »", width: 12) == ["le thème", "« accès aux", "soins »"])
        #expect(Table.wrap("un seuil de 2,5 ; le zonage", width: 15, indent: "") == ["un seuil de", "2,5 ; le zonage"])
    }

    @Test func lowerPriorityColumnsAreLeftOutAndSaidOnce() {
        let header = ["Clé", "Valeur", "Source", "Qui", "Quand"]
        let rows = [
            [
                "mobilites.temps_acces.medecin_generaliste", "9",
                "Diagnostic DREES/DGOS d'accès aux soins urgents, 2019 (valeurs fictives)",
                "Claire Martin", "02/12/2026 20:57",
            ],
            ["mobilites.offre_transport", "transport à la demande", "—", "Claire Martin", "02/12/2026 20:57"],
        ]
        // At 80 columns the source goes: folded to 3 lines it would still need 24 columns.
        let table = Table.render(header: header, rows: rows, width: 80, indent: "  ", dropping: [2, 3, 4])
        #expect(longest(table.lines) <= 80)
        #expect(table.omitted == ["Source"])
        #expect(table.header[0].hasPrefix("  Clé") && table.header[0].hasSuffix("Quand"))
        #expect(table.rows[0][0].hasPrefix("  mobilites.temps_acces.medecin_generaliste  9"))
        #expect(table.omissionNote == "Colonne omise pour tenir en 80 colonnes : Source ; élargissez le terminal pour la voir.")
        // At 60, who and when go too, in that order; the key and the value stay.
        let narrow = Table.render(header: header, rows: rows, width: 60, indent: "  ", dropping: [2, 3, 4])
        #expect(longest(narrow.lines) <= 60)
        #expect(narrow.omitted == ["Source", "Qui", "Quand"])
        #expect(
            narrow.omissionNote
                == "Colonnes omises pour tenir en 60 colonnes : Source, Qui, Quand ; élargissez le terminal pour les voir.")
        // Wide enough, nothing is left out.
        let wide = Table.render(header: header, rows: rows, width: 200, indent: "  ", dropping: [2, 3, 4])
        #expect(wide.omitted.isEmpty)
        #expect(wide.lines.allSatisfy { $0.count <= 200 })
        #expect(wide.header.count == 1 && wide.rows.allSatisfy { $0.count == 1 })
    }

    @Test func aWordLongerThanTheLastColumnLeftIsCutWithAnEllipsis() {
        let table = Table.render(header: ["Clé"], rows: [["demographie.masseurs_kinesitherapeutes.installations_prevues"]], width: 40)
        #expect(table.rows[0] == ["demographie.masseurs_kinesitherapeutes.…"])
        #expect(table.rows[0][0].count == 40)
    }

    @Test func theRowsOfAFoldedTableStayTogetherForTheDetailsUnderThem() {
        let rows = (1...3).map { ["clé.\($0)", "une valeur assez longue pour se replier sur plusieurs lignes", "—"] }
        let table = Table.render(header: ["Clé", "Valeur", "Source"], rows: rows, width: 40, dropping: [2])
        #expect(table.rows.count == 3)
        #expect(table.rows.allSatisfy { $0.count > 1 && $0[0].hasPrefix("clé.") })
        #expect(table.lines.count == table.header.count + 1 + table.rows.map(\.count).reduce(0, +))
    }
}

/// The guard of lines built whole, and the bars.
@Suite struct LineFittingTests {
    @Test func aLongLineFoldsAtSpacesWithAHangingIndent() {
        let line = "  Pôles de soins hors du territoire : Granville ; urgences et spécialistes · Coutances ; imagerie et hôpital"
        let lines = LineFitting.fit(line, width: 60)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("    ") && !lines[1].hasPrefix("     "))
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == line.trimmingCharacters(in: .whitespaces))
        #expect(LineFitting.fit("court", width: 40) == ["court"])
    }

    @Test func coloursAreClosedAndReopenedOnEachLine() {
        let style = Style(enabled: true)
        let line = "  " + style.dim("repose sur : une base assez longue pour tenir sur deux lignes au moins")
        let lines = LineFitting.fit(line, width: 40)
        #expect(lines.count == 2)
        for folded in lines {
            #expect(visible(folded).count <= 40)
            #expect(folded.contains("\u{1B}[2m") && folded.hasSuffix("\u{1B}[0m"))
        }
    }

    func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func barsShrinkOnANarrowTerminal() {
        let rows: [(label: String, value: Double?, shown: String)] = [("territoire", 6.7, "6,7"), ("France", 8.1, "8,1")]
        let wide = BarChart.lines(rows, available: 120)
        let narrow = BarChart.lines(rows, available: 30)
        #expect(wide[1].filter { $0 == "█" }.count == 32)
        #expect(narrow.allSatisfy { $0.count <= 30 })
        #expect(narrow[1].filter { $0 == "█" }.count < 32)
    }
}

/// The width the session lays its output out for.
@Suite struct TerminalWidthTests {
    @Test func aTerminalSaysItsWidthPipedOutputHasAHundredColumns() {
        #expect(TerminalWidth.decide(isTerminal: true, windowColumns: 80, columnsVariable: "132") == 80)
        #expect(TerminalWidth.decide(isTerminal: true, windowColumns: 0, columnsVariable: "132") == 132)
        #expect(TerminalWidth.decide(isTerminal: true, windowColumns: nil, columnsVariable: "abc") == 80)
        #expect(TerminalWidth.decide(isTerminal: false, windowColumns: nil, columnsVariable: nil) == 100)
        #expect(TerminalWidth.decide(isTerminal: false, windowColumns: nil, columnsVariable: "60") == 60)
        #expect(TerminalWidth.decide(isTerminal: false, windowColumns: nil, columnsVariable: "-3") == 100)
        #expect(TerminalWidth.decide(isTerminal: true, windowColumns: 12, columnsVariable: nil) == 40)
        #expect(TerminalWidth.decide(isTerminal: true, windowColumns: 1000, columnsVariable: nil) == 250)
    }
}
