/// What can go wrong with a workbook file, each with the French sentence a user reads:
/// what happened and what to do. The file is never modified when one of these is raised.
public enum WorkbookError: Error, Equatable, CustomStringConvertible {
    case notAWorkbook(path: String)
    case notARegularFile(path: String)
    case foreignDatabase(path: String)
    case newerVersion(path: String)
    case busy(path: String)
    case readOnly(path: String)
    case cannotCreate(path: String, reason: String)
    case storage(path: String, reason: String)
    /// A history line /annuler needs was edited into something unreadable.
    case unreadableHistory(path: String, key: String)
    /// The file a scenario or a copy would be written to exists already: never overwritten.
    case exists(path: String)
    /// `/fusionner` of a file that is not a copy of this workbook; `reason` says what it is.
    case notACopy(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAWorkbook(let path):
            return
                "Le fichier « \(path) » n'est pas un classeur Atelier Santé (ce n'est pas une base SQLite, ou elle est endommagée). Il n'a pas été modifié ; vérifiez le chemin, ou repartez d'une copie de sauvegarde."
        case .notARegularFile(let path):
            return
                "« \(path) » n'est pas un fichier ordinaire (un dossier, un tube nommé…) : un classeur est un fichier .sqlite. Rien n'a été modifié ; indiquez le chemin d'un classeur."
        case .foreignDatabase(let path):
            return
                "Le fichier « \(path) » est une base SQLite qui n'a pas été créée par Atelier Santé. Il n'a pas été modifié ; indiquez un autre nom de classeur."
        case .newerVersion(let path):
            return
                "Le classeur « \(path) » a été enregistré par une version plus récente d'Atelier Santé. Il n'a pas été modifié ; mettez à jour l'outil pour l'ouvrir."
        case .busy(let path):
            return
                "Le classeur « \(path) » est occupé par une autre session depuis plusieurs secondes. Rien n'a été perdu ; réessayez dans un instant."
        case .readOnly(let path):
            return
                "Le classeur « \(path) » ne peut pas être modifié : le fichier, son dossier ou son support est en lecture seule. Rien n'a été écrit ; copiez-le dans un dossier où vous pouvez écrire et ouvrez la copie."
        case .cannotCreate(let path, let reason):
            return "Impossible de créer le classeur « \(path) » : \(reason)."
        case .storage(let path, let reason):
            return "Erreur d'écriture dans le classeur « \(path) » : \(reason). La dernière réponse n'a pas été enregistrée ; réessayez."
        case .exists(let path):
            return "Le fichier « \(path) » existe déjà : il n'a pas été remplacé. Choisissez un autre nom (ou retirez ce fichier d'abord)."
        case .notACopy(let path, let reason):
            return "« \(path) » n'est pas une copie de ce classeur : \(reason). Rien n'a été fusionné ; le classeur est inchangé."
        case .unreadableHistory(let path, let key):
            return
                "L'historique de la réponse « \(key) » est illisible dans le classeur « \(path) » (modifié hors de l'outil ?) : cette modification ne peut être ni annulée ni rétablie. Rien n'a été changé ; /historique \(key) montre ses valeurs successives."
        }
    }
}
