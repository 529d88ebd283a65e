import AtelierCore

/// The size of a document, bounded before it is rendered. Sections repeat for each element of
/// a list and Mustache looks a name up in every enclosing context, so `{{#fiches}}` nested
/// thirty times in itself repeats 2³⁰ times for two fiches: rendering would never end, nor
/// stop growing. The estimate multiplies each section by the longest list of that name in the
/// context, and counts each variable at the longest text of that name: an upper bound of the
/// real document.
enum TemplateBudget {
    static let maximumCharacters = 20_000_000

    struct Sizes {
        var longestList: [String: Int] = [:]
        var longestText: [String: Int] = [:]
        var longestAnyText = 0

        init(_ context: [String: Any]) { visit(context, key: nil) }

        mutating func visit(_ value: Any, key: String?) {
            switch value {
            case let dictionary as [String: Any]:
                for (child, inner) in dictionary { visit(inner, key: child) }
            case let array as [Any]:
                if let key { longestList[key] = max(longestList[key] ?? 0, array.count) }
                for element in array { visit(element, key: nil) }
            case let text as String:
                if let key { longestText[key] = max(longestText[key] ?? 0, text.count) }
                longestAnyText = max(longestAnyText, text.count)
            default:
                break
            }
        }

        func list(_ name: String) -> Int { max(1, longestList[Self.last(name)] ?? 1) }
        /// A list printed as a variable shows its elements (`["a", "b"]`).
        func text(_ name: String) -> Int {
            if name == "." || name.isEmpty { return longestAnyText }
            if let count = longestList[Self.last(name)] { return Estimator.multiply(count, longestAnyText + 4) }
            return longestText[Self.last(name)] ?? 20
        }
        static func last(_ name: String) -> String { name.split(separator: ".").last.map(String.init) ?? name }
    }

    /// Refuses `main` when the document it renders from `context` could pass `maximumCharacters`.
    static func check(_ scans: [String: TemplateScanner.Scan], main: String, context: [String: Any], folder: String) throws(FileProblem) {
        var estimator = Estimator(scans: scans, sizes: Sizes(context), folder: folder)
        _ = try estimator.size(of: main)
    }

    struct Estimator {
        let scans: [String: TemplateScanner.Scan]
        let sizes: Sizes
        let folder: String
        var memo: [String: Int] = [:]

        /// The estimated characters of the template `name` (partials are acyclic: `TemplatePartials`).
        mutating func size(of name: String) throws(FileProblem) -> Int {
            if let known = memo[name] { return known }
            guard let scan = scans[name] else { return 0 }
            var index = 0
            let body = try block(scan.tags, from: &index, file: name)
            let total = Self.add(body, scan.textAfter)
            memo[name] = total
            return total
        }

        /// Tags from `index` up to the close of the enclosing section (consumed) or the end.
        mutating func block(_ tags: [TemplateTag], from index: inout Int, file: String) throws(FileProblem) -> Int {
            var total = 0
            while index < tags.count {
                let tag = tags[index]
                index += 1
                total = Self.add(total, tag.textBefore)
                switch tag.kind {
                case "/":
                    return total
                case "#", "^", "$", "<":
                    let body = try block(tags, from: &index, file: file)
                    let inner = tag.kind == "<" ? Self.add(body, try size(of: tag.name)) : body
                    let repeated = tag.kind == "#" ? Self.multiply(inner, sizes.list(tag.name)) : inner
                    guard repeated <= TemplateBudget.maximumCharacters else {
                        throw FileProblem(
                            file: "\(folder)/\(file).mustache", line: tag.line,
                            reason:
                                "le document dépasserait \(FrenchFormat.integer(TemplateBudget.maximumCharacters)) caractères : la section « \(tag.name) » répète son contenu pour chaque élément, et des sections répétées y sont imbriquées trop de fois"
                        )
                    }
                    total = Self.add(total, repeated)
                case ">":
                    total = Self.add(total, try size(of: tag.name))
                default:
                    total = Self.add(total, sizes.text(tag.name))
                }
                guard total <= TemplateBudget.maximumCharacters else {
                    throw FileProblem(
                        file: "\(folder)/\(file).mustache", line: tag.line,
                        reason:
                            "le document dépasserait \(FrenchFormat.integer(TemplateBudget.maximumCharacters)) caractères")
                }
            }
            return total
        }

        static func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max : sum
        }

        static func multiply(_ a: Int, _ b: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? Int.max : product
        }
    }
}
