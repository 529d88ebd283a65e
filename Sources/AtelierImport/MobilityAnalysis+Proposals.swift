import AtelierCore
import Foundation

extension MobilityAnalysis {
    /// The mobility answers the computed distances propose: the mean estimated time to a GP and
    /// the shares of the population beyond 10, 20 and 30 minutes (when the Annuaire Santé was
    /// read), the mean time to a pharmacie d'officine (when FINESS was), and the outside poles
    /// added to those already listed. A figure whose nearest site was not found for every
    /// commune (beyond the area read, or a commune outside it) is not proposed: it would be a
    /// bound, not a mean. The source names the file, the points and the method.
    public func proposals(existingPoles: [ListRecord]) -> [ProposedAnswer] {
        var result: [ProposedAnswer] = []
        func source(_ kind: CareKind) -> ImportSource? {
            sites.reading(of: kind).map { reading in
                ImportSource(
                    text:
                        "Calcul de l'outil : distances à vol d'oiseau entre communes (La Poste 2023), temps estimés (×\u{00A0}1,3 ; 40 puis 70\u{00A0}km/h), d'après \(reading.source)",
                    year: reading.year)
            }
        }
        func complete(_ summary: Summary) -> Bool {
            summary.population > 0 && !summary.isLowerBound && summary.communesNotCovered == 0
        }
        if let summary = summaries[.medecinGeneraliste], complete(summary), let source = source(.medecinGeneraliste) {
            result.append(
                ProposedAnswer(key: QuestionKeys.accessTimeDoctor, value: .integer(Int(summary.meanMinutes.rounded())), source: source))
            for threshold in Self.thresholds {
                let share = ((summary.share(beyond: threshold) ?? 0) * 10).rounded() / 10
                result.append(ProposedAnswer(key: QuestionKeys.doctorShareBeyond(threshold), value: .percentage(share), source: source))
            }
        }
        if let summary = summaries[.pharmacie], complete(summary), let source = source(.pharmacie) {
            result.append(
                ProposedAnswer(key: QuestionKeys.accessTimePharmacy, value: .integer(Int(summary.meanMinutes.rounded())), source: source))
        }
        if !poles.isEmpty, let source = source(.medecinGeneraliste) {
            var items = existingPoles
            var known = Set(
                items.compactMap { record -> String? in
                    guard case .text(let name)? = record["pole"] else { return nil }
                    return name.folded
                })
            for pole in poles where known.insert(pole.name.folded).inserted {
                let minutes = FrenchFormat.integer(Int(pole.minutes.rounded()))
                items.append(
                    ListRecord(fields: [
                        ("pole", .text(pole.name)),
                        (
                            "motif",
                            .text(
                                "médecine générale : \(counted(pole.generalPractitioners, "médecin généraliste", "médecins généralistes")), à \(minutes) min estimées du territoire"
                            )
                        ),
                    ]))
            }
            if items.count > existingPoles.count {
                result.append(ProposedAnswer(key: QuestionKeys.outsidePoles, value: .records(items), source: source))
            }
        }
        return result
    }
}
