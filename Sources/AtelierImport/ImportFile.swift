import AtelierCore

#if canImport(Glibc)
    import Glibc
#endif

/// Opens an import file for reading, refusing in French what is not a regular file: a FIFO
/// would block `open` and `read` forever, a device never ends (`/dev/zero`), a directory
/// fails with EISDIR at the first read.
enum ImportFile {
    /// A descriptor of the regular file at `path`, opened for reading, and its size.
    ///
    /// `stat` first, to name what the path is; then `open` with O_NONBLOCK (a FIFO swapped in
    /// between would otherwise block the open) and `fstat` on the descriptor, which is what is
    /// actually read.
    static func open(_ path: String) throws(FileProblem) -> (descriptor: Int32, size: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, errno: errno) }
        if let problem = kindProblem(info.st_mode) { throw FileProblem(importing: path, line: nil, reason: problem) }
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno: errno) }
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(path, errno: code)
        }
        if let problem = kindProblem(info.st_mode) {
            close(descriptor)
            throw FileProblem(importing: path, line: nil, reason: problem)
        }
        return (descriptor, Int(info.st_size))
    }

    /// Why a file of this type cannot be imported, or nil for a regular file.
    static func kindProblem(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "c'est un dossier : indiquez le fichier à importer, pas le dossier qui le contient"
        case S_IFIFO: "c'est un tube nommé (FIFO), pas un fichier ordinaire : enregistrez d'abord les données dans un fichier"
        case S_IFCHR, S_IFBLK: "c'est un périphérique, pas un fichier ordinaire : un fichier de données est attendu"
        case S_IFSOCK: "c'est une socket, pas un fichier ordinaire : un fichier de données est attendu"
        default: "ce n'est pas un fichier ordinaire : un fichier de données est attendu"
        }
    }

    /// The French sentence for a failed `stat`, `open` or `read`.
    static func failure(_ path: String, errno code: Int32, line: Int? = nil) -> FileProblem {
        let message =
            switch code {
            case ENOENT: "fichier introuvable : vérifiez le chemin (un chemin relatif part du dossier courant)"
            case ENOTDIR: "fichier introuvable : un élément du chemin n'est pas un dossier"
            case EACCES, EPERM:
                "lecture non autorisée : vos droits ne permettent pas de lire ce fichier (voir ls -l ; chmod u+r pour l'autoriser)"
            case ELOOP: "lien symbolique qui boucle sur lui-même : indiquez le fichier lui-même"
            case ENAMETOOLONG: "chemin trop long"
            case EISDIR: "c'est un dossier : indiquez le fichier à importer, pas le dossier qui le contient"
            case EIO: "erreur de lecture du disque (entrée-sortie) : copiez le fichier ailleurs et réessayez"
            case ENXIO, ENODEV: "ce n'est pas un fichier ordinaire : un fichier de données est attendu"
            default: "fichier illisible (erreur système \(code))"
            }
        return FileProblem(importing: path, line: line, reason: message)
    }

    /// What ends a line in this file: LF (Unix, and Windows' CRLF, whose CR is dropped), or
    /// CR alone (classic Mac OS, and Excel for Mac's « CSV Macintosh »), decided by the first
    /// line end of the file, so that such a file is read line by line rather than as one line.
    static func lineTerminator(_ descriptor: Int32) -> UInt8 {
        let window = 1 << 16
        var buffer = [UInt8](repeating: 0, count: window + 1)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return 10 }
        guard let index = buffer[..<min(count, window)].firstIndex(where: { $0 == 10 || $0 == 13 }) else { return 10 }
        return buffer[index] == 13 && (index + 1 >= count || buffer[index + 1] != 10) ? 13 : 10
    }

    /// The length of the byte-order mark that starts the file (UTF-8: 3), or a refusal for the
    /// UTF-16 and UTF-32 ones, which the national files never use.
    static func byteOrderMark(_ descriptor: Int32, path: String) throws(FileProblem) -> Int {
        var bytes = [UInt8](repeating: 0, count: 4)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 4, 0) }
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return 3 }
        if count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
            || count == 4 && bytes == [0, 0, 0xFE, 0xFF]
        {
            throw FileProblem(
                importing: path, line: 1, reason: "fichier en UTF-16 ou UTF-32 : enregistrez-le en UTF-8 (ou latin-1) et réessayez")
        }
        return 0
    }
}
