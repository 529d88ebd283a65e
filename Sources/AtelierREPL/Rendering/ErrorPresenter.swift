import AtelierCore
import AtelierOffice
import AtelierStore
import Foundation

/// The French the user reads for any error the session meets: what went wrong, what to do,
/// and the file. The tool's own errors already say it in their `description`. A foreign error
/// (Foundation, the system, a library) is never printed as it is — `Error Domain=… Code=…`,
/// « The operation could not be completed » mean nothing to the user — but said in French,
/// with the file when the error names one.
enum ErrorPresenter {
    /// One or more sentences, the last one ending with its full stop.
    static func sentence(_ error: any Error) -> String {
        switch error {
        case let problem as FileProblem: problem.description
        case let error as WorkbookError: error.description
        case let error as DocumentFileError: error.description
        case let error as OfficeError: error.description
        case let error as InvalidAnswer: error.description
        case let refusal as SessionController.Refusal: refusal.message.asSentence
        case let error as AnswerDecodingError: capitalised(error.description).asSentence
        default: foreign(error)
        }
    }

    /// The same without its final full stop, to be quoted inside another sentence:
    /// « Le référentiel des communes est illisible (data/communes.tsv, ligne 3 : …) : … ».
    static func clause(_ error: any Error) -> String {
        let text = sentence(error)
        return text.hasSuffix(".") && !text.hasSuffix("...") ? String(text.dropLast()) : text
    }

    // MARK: - Foreign errors

    /// A system or Foundation error in French: the reason when it is one the user can act on,
    /// and the path when the error carries one.
    static func foreign(_ error: any Error) -> String {
        let (reason, path) = details(error)
        if let path {
            return "Le fichier « \(plain(path)) » n'a pas pu être lu ou écrit : \(reason ?? "erreur inattendue"). "
                + "Rien n'a été enregistré ; vérifiez le fichier et ses droits, puis réessayez."
        }
        return "Erreur inattendue" + (reason.map { " : \($0)" } ?? "") + ". "
            + "Rien n'a été enregistré ; réessayez, et si l'erreur se répète, signalez-la avec la commande tapée."
    }

    /// What can be said of an error without quoting its (English) text.
    static func details(_ error: any Error) -> (reason: String?, path: String?) {
        let object = error as NSError
        let path = object.userInfo[NSFilePathErrorKey] as? String ?? (object.userInfo[NSURLErrorKey] as? URL)?.path
        switch object.domain {
        case NSCocoaErrorDomain:
            let underlying = (object.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap(posixReason)
            return (cocoaReason(CocoaError.Code(rawValue: object.code)) ?? underlying, path)
        default:
            return (posixReason(object), path)
        }
    }

    static func posixReason(_ error: NSError) -> String? {
        error.domain == NSPOSIXErrorDomain ? DocumentFileError.reason(Int32(truncatingIfNeeded: error.code)) : nil
    }

    static func cocoaReason(_ code: CocoaError.Code) -> String? {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "fichier introuvable ; vérifiez le chemin"
        case .fileReadNoPermission, .fileWriteNoPermission: "droits insuffisants sur ce fichier ou son dossier"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding, .fileWriteInapplicableStringEncoding:
            "le fichier n'est pas en UTF-8"
        case .fileReadCorruptFile: "le fichier est endommagé"
        case .fileReadTooLarge: "le fichier est trop volumineux"
        case .fileWriteOutOfSpace: "le disque est plein ; libérez de la place"
        case .fileWriteVolumeReadOnly: "le support est en lecture seule"
        case .fileWriteFileExists: "un fichier de ce nom existe déjà"
        case .fileLocking: "le fichier est verrouillé par un autre programme"
        default: nil
        }
    }

    /// A path as the sentence shows it: without control characters (it may come from anywhere).
    static func plain(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    !TerminalText.isControl($0.value) && !TerminalText.isBidiControl($0.value)
                }))
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
