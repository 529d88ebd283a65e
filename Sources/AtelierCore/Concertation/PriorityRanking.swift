/// How the partners' scores become priorities: one documented method, the same for the
/// screen, the plan d'actions and the CLS draft.
///
/// Each voter gives each item a score from 1 (pas prioritaire) to 4 (très prioritaire) or says
/// they do not score it (« - », not counted); a voter who scores an item again in the same
/// round replaces their score. Items are ranked by their
/// mean score, ties broken by the median, then by the number of 4; items still equal share a
/// rank. The spread (highest score minus lowest) says whether the partners agree: 0 or 1 is a
/// consensus, 2 a divided view, 3 a disagreement.
public enum PriorityMethod {
    public static let scores = 1...4
    public static let scoreLabels = [1: "pas prioritaire", 2: "peu prioritaire", 3: "prioritaire", 4: "très prioritaire"]

    /// The method in one French sentence, for the screen, the CLS draft and the README.
    public static var description: String { description(of: .findings) }

    /// The method for a round of `scope`: « chaque levier » for the levers.
    public static func description(of scope: PriorityScope) -> String {
        let (one, many) = scope == .findings ? ("constat", "constats") : ("levier", "leviers")
        return "chaque participant présent note chaque \(one) de 1 (pas prioritaire) à 4 (très prioritaire), ou ne le note pas "
            + "(« - », non compté) ; le classement suit la moyenne des notes, à égalité la médiane, puis le nombre de notes 4, "
            + "et les \(many) encore à égalité partagent le même rang ; l'écart entre la note la plus haute et la plus basse "
            + "mesure l'accord (0 ou 1 : consensus ; 2 : avis partagés ; 3 : désaccord)"
    }

    public enum Agreement: String, Sendable, Equatable {
        case consensus
        case divided = "avis partagés"
        case disagreement = "désaccord"
        /// Fewer than two scores: nothing to compare.
        case single = "une seule note"
    }
}

public struct PriorityRanking: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The finding's rule key or the lever's key.
        public var item: String
        /// 1 for the first; equal items share a rank; nil when nobody scored it.
        public var rank: Int?
        /// The scores counted, one per voter, in the order given.
        public var scores: [Int]
        public var mean: Double?
        public var median: Double?
        public var fours: Int
        public var spread: Int?
        public var agreement: PriorityMethod.Agreement?
    }

    public var round: Concertation.Round
    /// Who took part (a score or « - »), in the order they first did.
    public var voters: [String]
    /// Ranked first to last, then the items nobody scored in the order they were shown.
    public var entries: [Entry]

    public init(round: Concertation.Round, votes: [Concertation.Vote]) {
        self.round = round
        let own = votes.filter { $0.round == round.number }
        var voters: [String] = []
        for vote in own where !voters.contains(vote.voter) { voters.append(vote.voter) }
        self.voters = voters
        let unranked = round.items.map { item -> Entry in
            // The last line of each voter counts: scoring again corrects, « - » withdraws.
            var latest: [(voter: String, score: Int?)] = []
            for vote in own where vote.item == item {
                latest.removeAll { $0.voter == vote.voter }
                latest.append((vote.voter, vote.score))
            }
            return Self.entry(item, scores: latest.compactMap(\.score))
        }
        let scored = unranked.enumerated().filter { $0.element.mean != nil }
            .sorted { a, b in
                let (x, y) = (a.element, b.element)
                if x.mean! != y.mean! { return x.mean! > y.mean! }
                if x.median! != y.median! { return x.median! > y.median! }
                if x.fours != y.fours { return x.fours > y.fours }
                return a.offset < b.offset
            }
            .map(\.element)
        var ranked: [Entry] = []
        for (index, var entry) in scored.enumerated() {
            if let previous = ranked.last, previous.mean == entry.mean, previous.median == entry.median, previous.fours == entry.fours {
                entry.rank = previous.rank
            } else {
                entry.rank = index + 1
            }
            ranked.append(entry)
        }
        entries = ranked + unranked.filter { $0.mean == nil }
    }

    static func entry(_ item: String, scores: [Int]) -> Entry {
        guard !scores.isEmpty else {
            return Entry(item: item, rank: nil, scores: [], mean: nil, median: nil, fours: 0, spread: nil, agreement: nil)
        }
        let sorted = scores.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        let spread = sorted.last! - sorted.first!
        let agreement: PriorityMethod.Agreement =
            scores.count < 2 ? .single : (spread <= 1 ? .consensus : (spread == 2 ? .divided : .disagreement))
        return Entry(
            item: item, rank: nil, scores: scores, mean: Double(scores.reduce(0, +)) / Double(scores.count), median: median,
            fours: scores.filter { $0 == 4 }.count, spread: spread, agreement: agreement)
    }

    /// The rank of `item`, if it was scored.
    public func rank(of item: String) -> Int? { entries.first { $0.item == item }?.rank }
}

extension PriorityRanking.Entry {
    /// « 3,75 »: two decimals everywhere a mean is shown, so the screen and the contract agree.
    public var meanText: String { mean.map { FrenchFormat.fixed($0, fractionDigits: 2) } ?? "—" }
    /// « 3,5 », « 4 ».
    public var medianText: String { median.map { FrenchFormat.decimal($0) } ?? "—" }
    /// « 2 »; « — » when fewer than two scores leave nothing to compare.
    public var spreadText: String {
        guard let spread, agreement != .single else { return "—" }
        return String(spread)
    }
}

extension Synthesis.Finding {
    /// The finding in a few words, for a ranking: its opening clause when that says something
    /// (up to the first « : » outside parentheses), else its first sentence, at most 160
    /// characters. The whole text stays in the list of findings.
    public var headline: String { Self.headline(of: message) }

    public static func headline(of message: String) -> String {
        var depth = 0
        var previous: Character = " "
        for index in message.indices {
            let character = message[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, previous == " ", character == ":" {
                let clause = message[..<index].trimmed
                if clause.count >= 40 { return clause.shortened(to: 160) }
                break
            }
            previous = character
        }
        let sentence = message.range(of: ". ").map { String(message[..<$0.lowerBound]) + "." } ?? message
        return sentence.trimmed.shortened(to: 160)
    }
}
