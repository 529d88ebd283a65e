/// What both office writers need beyond the blocks: which blocks go on a landscape page, where
/// a new page starts, the headings of the table of contents and where it stands, each table's
/// columns. Decided once, so that the .docx and the .odt are the same document.
struct LaidOutText {
    struct Item {
        var block: OfficeText.Block
        var landscape = false
        var pageBreakBefore = false
        /// The heading's anchor (`_Toc3`), when it is listed in the table of contents.
        var anchor: String?
        var columns: ColumnLayout?
    }

    struct Entry {
        var level: Int
        var text: String
        var anchor: String
    }

    var items: [Item]
    var contents: [Entry]
    /// The table of contents goes before this item: the first heading of level 1.
    var contentsPosition: Int?

    /// Headings of levels 1 and 2 (`##`, `###`) are listed.
    static let contentsDepth = 2

    init(_ text: OfficeText) {
        var items: [Item] = []
        var contents: [Entry] = []
        var breakPending = false
        for (index, block) in text.blocks.enumerated() {
            var item = Item(block: block)
            switch block {
            case .rule:
                // Before a heading (the annexes, the points to complete) a rule is a new page.
                if index + 1 < text.blocks.count, case .heading = text.blocks[index + 1] {
                    breakPending = true
                    continue
                }
            case .heading(let level, let runs):
                item.pageBreakBefore = breakPending
                breakPending = false
                if level <= Self.contentsDepth {
                    item.anchor = "_Toc\(contents.count + 1)"
                    contents.append(Entry(level: level, text: runs.plainText, anchor: item.anchor!))
                }
            case .table(let table):
                item.columns = ColumnLayout(table)
                item.landscape = item.columns!.landscape
            default:
                break
            }
            items.append(item)
        }
        // A wide table takes its heading and the paragraph that introduces it to its page.
        for index in items.indices where items[index].landscape {
            var back = index - 1
            while back >= 0, index - back <= 2, !items[back].landscape, items[back].isIntroduction {
                items[back].landscape = true
                back -= 1
            }
        }
        self.items = items
        self.contents = contents
        self.contentsPosition = items.firstIndex {
            if case .heading(1, _) = $0.block { return true }
            return false
        }
    }
}

extension LaidOutText {
    /// The signature block's rows: the parties two by two, the last one beside an empty cell.
    static func twoByTwo(_ parties: [[OfficeText.Run]]) -> [[[OfficeText.Run]]] {
        stride(from: 0, to: parties.count, by: 2).map { index in
            [parties[index], index + 1 < parties.count ? parties[index + 1] : []]
        }
    }
}

extension LaidOutText.Item {
    var isIntroduction: Bool {
        switch block {
        case .heading, .paragraph: true
        default: false
        }
    }
}
