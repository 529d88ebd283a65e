#if canImport(Glibc)
    import Glibc
#endif

/// Why a document was not written, as the French sentence a user reads. When one is raised,
/// no file was created, replaced or left behind; only `keptAside` says where a file that could
/// not go back to its name now is.
enum DocumentFileError: Error, CustomStringConvertible {
    case isDirectory(path: String)
    case missingFolder(path: String, folder: String)
    case workbook(path: String)
    case workbookName(path: String)
    case notARegularFile(path: String)
    case system(path: String, errno: Int32)
    /// The file set aside could not go back to its name, taken meanwhile by another file.
    case keptAside(path: String, kept: String, errno: Int32)

    var description: String {
        switch self {
        case .isDirectory(let path):
            return
                "« \(path) » est un dossier : indiquez un nom de fichier, par exemple « \(path.hasSuffix("/") ? path : path + "/")contrat.md »."
        case .missingFolder(let path, let folder):
            return "Le dossier « \(folder) » n'existe pas : créez-le, ou indiquez un autre chemin que « \(path) »."
        case .workbook(let path):
            return
                "« \(path) » est un classeur (ou l'un de ses fichiers SQLite) : un document ne l'écrase jamais. Indiquez un autre nom, par exemple contrat.md."
        case .workbookName(let path):
            return "« \(path) » porte l'extension d'un classeur : un document s'écrit sous un autre nom, par exemple contrat.md."
        case .notARegularFile(let path):
            return "« \(path) » n'est pas un fichier ordinaire (périphérique, tube…) : indiquez un nom de fichier."
        case .system(let path, let code):
            return "Impossible d'écrire « \(path) » : \(Self.reason(code))."
        case .keptAside(let path, let kept, let code):
            return "Impossible d'écrire « \(path) » : \(Self.reason(code)). Le fichier qui portait ce nom est conservé sous « \(kept) »."
        }
    }

    /// A system error in words, for the errors a user can act on.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "le disque est plein ; libérez de la place et recommencez"
        case EDQUOT: return "votre quota d'espace disque est atteint"
        case EACCES, EPERM: return "droits insuffisants sur ce dossier ou ce fichier"
        case EROFS: return "le support est en lecture seule"
        case ENAMETOOLONG: return "le nom du fichier est trop long"
        case ENOENT: return "le dossier n'existe pas"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EEXIST: return "un fichier de ce nom vient d'apparaître ; recommencez"
        case EIO: return "erreur matérielle d'entrée-sortie du disque"
        case ELOOP: return "trop de liens symboliques dans le chemin"
        default: return "erreur système \(code)"
        }
    }
}
