import Foundation

// MARK: - Storage as JSON

/// The JSON shape of a stored answer: `{"type": <French type name>, "valeur": <value>}`.
/// Frozen: workbooks written by earlier versions must keep reading.
extension AnswerValue {
    public var json: String {
        // Cannot fail: strings, integers, booleans and finite numbers only (the parser refuses
        // NaN and infinities, the only values JSONSerialization rejects).
        let data = try! JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    public init(json: String) throws {
        guard let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else {
            throw AnswerDecodingError(json: json)
        }
        self = try AnswerValue(jsonObject: object)
    }

    var jsonObject: [String: Any] {
        switch self {
        case .text(let s): return ["type": "texte", "valeur": s]
        case .integer(let n): return ["type": "entier", "valeur": n]
        case .year(let n): return ["type": "annee", "valeur": n]
        case .decimal(let x): return ["type": "decimal", "valeur": x]
        case .percentage(let x): return ["type": "pourcentage", "valeur": x]
        case .amount(let cents): return ["type": "montant", "centimes": cents]
        case .bool(let b): return ["type": "oui_non", "valeur": b]
        case .choice(let s): return ["type": "choix", "valeur": s]
        case .choices(let items): return ["type": "choix_multiples", "valeur": items]
        case .date(let d): return ["type": "date", "valeur": d.iso]
        case .commune(let c): return ["type": "code_commune", "valeur": c.object]
        case .communes(let list): return ["type": "communes", "valeur": list.map(\.object)]
        case .epci(let e): return ["type": "siren_epci", "valeur": ["siren": e.siren, "nom": e.name]]
        case .records(let items):
            return [
                "type": "liste",
                "valeur": items.map { record in
                    record.fields.map { ["cle": $0.key, "reponse": $0.value.jsonObject] }
                },
            ]
        }
    }

    init(jsonObject: Any) throws {
        guard let object = jsonObject as? [String: Any], let type = object["type"] as? String else {
            throw AnswerDecodingError(json: "\(jsonObject)")
        }
        let value = object["valeur"]
        func fail() -> AnswerDecodingError { AnswerDecodingError(json: "\(object)") }
        switch type {
        case "texte": guard let s = value as? String else { throw fail() }; self = .text(s)
        case "entier": guard let n = (value as? NSNumber)?.intValue else { throw fail() }; self = .integer(n)
        case "annee": guard let n = (value as? NSNumber)?.intValue else { throw fail() }; self = .year(n)
        case "decimal": guard let x = (value as? NSNumber)?.doubleValue else { throw fail() }; self = .decimal(x)
        case "pourcentage": guard let x = (value as? NSNumber)?.doubleValue else { throw fail() }; self = .percentage(x)
        case "montant": guard let c = (object["centimes"] as? NSNumber)?.intValue else { throw fail() }; self = .amount(cents: c)
        case "oui_non": guard let b = value as? Bool else { throw fail() }; self = .bool(b)
        case "choix": guard let s = value as? String else { throw fail() }; self = .choice(s)
        case "choix_multiples": guard let s = value as? [String] else { throw fail() }; self = .choices(s)
        case "date":
            guard let s = value as? String, let d = CalendarDate(iso: s) else { throw fail() }
            self = .date(d)
        case "code_commune":
            guard let c = CommuneRef(object: value) else { throw fail() }
            self = .commune(c)
        case "communes":
            guard let list = value as? [Any] else { throw fail() }
            let communes = list.compactMap(CommuneRef.init(object:))
            guard communes.count == list.count else { throw fail() }
            self = .communes(communes)
        case "siren_epci":
            guard let e = value as? [String: Any], let siren = e["siren"] as? String, let name = e["nom"] as? String
            else { throw fail() }
            self = .epci(EpciRef(siren: siren, name: name))
        case "liste":
            guard let items = value as? [[[String: Any]]] else { throw fail() }
            self = .records(
                try items.map { fields in
                    ListRecord(
                        fields: try fields.map { field in
                            guard let key = field["cle"] as? String, let answer = field["reponse"] else { throw fail() }
                            return (key, try AnswerValue(jsonObject: answer))
                        })
                })
        default: throw fail()
        }
    }
}

public struct AnswerDecodingError: Error, CustomStringConvertible {
    public var json: String
    public var description: String { "réponse enregistrée illisible : \(json.prefix(80))" }
}

extension CalendarDate {
    init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }
}

extension CommuneRef {
    var object: [String: Any] {
        ["code": code, "nom": name, "population_municipale": population, "annee_population": populationYear]
    }

    init?(object: Any?) {
        guard let o = object as? [String: Any], let code = o["code"] as? String, let name = o["nom"] as? String,
            let population = (o["population_municipale"] as? NSNumber)?.intValue,
            let year = (o["annee_population"] as? NSNumber)?.intValue
        else { return nil }
        self.init(code: code, name: name, population: population, populationYear: year)
    }
}
