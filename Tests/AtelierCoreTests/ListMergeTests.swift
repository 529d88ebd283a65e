import Testing

@testable import AtelierCore

/// The three-way merge of list elements and answers, decided in the core.
@Suite struct ListMergeTests {
    func person(_ name: String, _ organisation: String, _ role: String = "élu") -> ListRecord {
        ListRecord(fields: [("nom", .text(name)), ("organisation", .text(organisation)), ("role", .choice(role))])
    }

    var base: [ListRecord] { [person("Claire", "Pays"), person("Louis", "MSP"), person("Sophie", "ARS")] }

    @Test func elementsAddedOnBothSidesAllLandMineFirst() {
        let mine = base + [person("Jeanne", "Mairie")]
        let theirs = base + [person("Marc", "MSA"), person("Paul", "CPAM")]
        let merge = ListMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.isEmpty)
        let names = merge.resolved { _ in nil }.map { $0["nom"]?.words ?? "" }
        #expect(names == ["Claire", "Louis", "Sophie", "Jeanne", "Marc", "Paul"])
    }

    @Test func differentFieldsOfOneElementTakeBothEditsTheSameFieldConflicts() {
        var mine = base
        mine[1] = person("Louis", "MSP", "autre")
        var theirs = base
        theirs[1] = person("Louis", "MSP du Val")
        let merged = ListMerge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.resolved { _ in nil }[1] == person("Louis", "MSP du Val", "autre"))

        theirs[1] = person("Louis", "MSP", "ARS")
        let conflicting = ListMerge(base: base, mine: mine, theirs: theirs)
        #expect(conflicting.conflicts.map(\.number) == [2])
        #expect(conflicting.resolved { $0.theirs }[1] == person("Louis", "MSP", "ARS"))
        #expect(conflicting.resolved { $0.mine }[1] == person("Louis", "MSP", "autre"))
    }

    @Test func aRemovalOnOneSideIsTakenAndConflictsWithAnEditOnTheOther() {
        let mine = [base[0], base[2]]
        #expect(ListMerge(base: base, mine: mine, theirs: base).resolved { _ in nil } == mine)
        var theirs = base
        theirs[1] = person("Louis", "MSP du Val")
        let merge = ListMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.count == 1 && merge.conflicts[0].mine == nil && merge.conflicts[0].theirs == theirs[1])
        // Brought back by the conflict, it keeps its place.
        #expect(merge.resolved { $0.theirs } == [base[0], theirs[1], base[2]])
    }

    @Test func answersChangedOnOneSideAreTakenWithTheirProvenanceBothSidesConflict() {
        func answer(_ key: String, _ value: Int, by who: String) -> StoredAnswer {
            StoredAnswer(key: key, value: .integer(value), participant: who, source: nil, sourceYear: nil, updatedAt: .distantPast)
        }
        let base = ["a": answer("a", 1, by: "X"), "b": answer("b", 1, by: "X"), "c": answer("c", 1, by: "X")]
        let mine = ["a": answer("a", 2, by: "Moi"), "b": base["b"]!, "c": answer("c", 5, by: "Moi")]
        let theirs = ["a": base["a"]!, "b": answer("b", 3, by: "CPAM"), "c": answer("c", 6, by: "CPAM"), "d": answer("d", 4, by: "CPAM")]
        let merge = WorkbookMerge(base: base, mine: mine, theirs: theirs, order: ["a", "b", "c", "d"])
        #expect(merge.taken.map(\.key) == ["b", "d"])
        #expect(merge.taken.map { $0.provenance?.participant } == ["CPAM", "CPAM"])
        #expect(merge.conflicts.map(\.key) == ["c"])
        #expect(merge.outcome { _ in nil } == nil)
        let written = merge.outcome { _ in .typed(.integer(7)) }
        #expect(written?.map(\.key) == ["b", "d", "c"])
        #expect(written?.last?.value == .integer(7) && written?.last?.provenance == nil)
        #expect(merge.outcome { _ in .mine }?.map(\.key) == ["b", "d"])
    }

    @Test func aTextDiffShowsTheReplacedLineWithItsContext() {
        let a = (1...20).map { "ligne \($0)" }.joined(separator: "\n")
        let b = a.replacingOccurrences(of: "ligne 10\n", with: "ligne dix\n")
        let diff = TextDiff(a, b)
        #expect(diff.hunks.count == 1 && diff.removedCount == 1 && diff.addedCount == 1)
        #expect(diff.hunks[0].startA == 8)
        #expect(
            diff.hunks[0].lines == [
                .same("ligne 8"), .same("ligne 9"), .removed("ligne 10"), .added("ligne dix"), .same("ligne 11"), .same("ligne 12"),
            ])
        #expect(TextDiff(a, a).hunks.isEmpty)
    }
}
