/// "Ask B only if A says so": `si: territoire.porteur = EPCI` in the questionnaire.
///
/// A condition on a question that has no answer yet does not hold: the dependent question
/// waits until its premise is answered.
public struct Condition: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case equals = "="
        case notEquals = "!="
        case greaterOrEqual = ">="
        case lessOrEqual = "<="
        case greater = ">"
        case less = "<"
        case contains = "contient"
    }

    public var key: String
    public var op: Operator
    public var operand: String

    public init(key: String, op: Operator, operand: String) {
        self.key = key
        self.op = op
        self.operand = operand
    }

    /// Parses `clé OP valeur`; nil when the text has no operator.
    public init?(parsing text: String) {
        // Longest operators first so ">=" is not read as ">".
        let ordered: [Operator] = [.notEquals, .greaterOrEqual, .lessOrEqual, .equals, .greater, .less, .contains]
        for op in ordered {
            let token = op == .contains ? " contient " : op.rawValue
            if let range = text.range(of: token) {
                let key = text[..<range.lowerBound].trimmed
                let operand = text[range.upperBound...].trimmed
                guard !key.isEmpty, !operand.isEmpty else { return nil }
                self.init(key: key, op: op, operand: operand)
                return
            }
        }
        return nil
    }

    public func holds(for value: AnswerValue?) -> Bool {
        guard let value else { return false }
        switch value {
        case .integer(let n), .year(let n): return compare(Double(n))
        case .decimal(let x), .percentage(let x): return compare(x)
        case .amount(let cents): return compare(Double(cents) / 100)
        case .choices(let items):
            let found = items.contains { $0.folded == operand.folded }
            switch op {
            case .contains, .equals: return found
            case .notEquals: return !found
            default: return false
            }
        default:
            let text = value.conditionText.folded
            switch op {
            case .equals: return text == operand.folded
            case .notEquals: return text != operand.folded
            case .contains: return text.contains(operand.folded)
            default: return false
            }
        }
    }

    private func compare(_ x: Double) -> Bool {
        guard let y = Double(operand.replacingOccurrences(of: ",", with: ".")) else { return false }
        switch op {
        case .equals: return x == y
        case .notEquals: return x != y
        case .greater: return x > y
        case .greaterOrEqual: return x >= y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .contains: return false
        }
    }

    public var description: String { "\(key) \(op.rawValue) \(operand)" }
}
