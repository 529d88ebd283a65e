import AtelierCore
import AtelierStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a document the user asked for (`/exporter`) without ever destroying a file: never
/// the workbook or its SQLite companions, never another SQLite file; a file at that name that
/// is not exactly what the tool last wrote there is kept under a dated name; the new one
/// appears whole or not at all, with the workbook's permissions, and no temporary file is left
/// behind.
enum DocumentFile {
    struct Written {
        /// As the user named it.
        var path: String
        /// The folder's real path and the file's name: what the workbook records.
        var target: String
        var bytes: Int
        var sha256: String
        /// The file that held the name, kept because it was not what the tool last wrote there.
        var kept: Kept?
        /// The file already held exactly this document: nothing was written.
        var unchanged = false
        /// The workbook could not record this export: the next one will keep the file, by prudence.
        var unrecorded = false
    }

    /// A file of the user's, set aside under a dated name beside the new document.
    struct Kept {
        /// As the user would type it: in the folder they named.
        var path: String
        /// When the tool last wrote at that name; nil when the workbook has no record of it.
        var lastExport: Date?
    }

    /// The workbook itself (no suffix), then the files SQLite keeps beside it while it is open.
    static let workbookCompanions = ["", "-wal", "-shm", "-journal"]

    /// Writes `data` at `path`. `lastExport` gives what the tool last wrote at a resolved path
    /// (nil: nothing known, and then an existing file is kept, never taken for the tool's own).
    ///
    /// The user's edited file moves to the dated name and the new document takes the name asked
    /// for, rather than the reverse: the name is what the user typed, what the README, scripts
    /// and their colleagues open, and what the next export writes to; left to an old file, it
    /// would show yesterday's draft as if the export had done nothing, and every later export
    /// would add one more file beside it. The user's bytes are untouched, only renamed, and the
    /// sentence printed names both files.
    static func write(
        _ data: Data, to path: String, besideWorkbook workbook: String, now: Date = Date(),
        lastExport: (String) -> ExportRecord? = { _ in nil }
    ) throws(DocumentFileError) -> Written {
        let target = try checkedTarget(path, workbook: workbook)
        let directory = (target as NSString).deletingLastPathComponent
        var written = Written(path: path, target: target, bytes: data.count, sha256: SHA256.hex([UInt8](data)))
        var info = stat()
        let existing = lstat(target, &info) == 0
        if existing, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count,
            FileManager.default.contents(atPath: target) == data
        {
            written.unchanged = true
            return written
        }
        let record = existing ? lastExport(target) : nil
        let temporary = try writeTemporary(data, in: directory, for: target, shownAs: path, mode: permissions(of: workbook))
        var setAside: String?
        do throws(DocumentFileError) {
            // Moved, not judged in place: what is then deleted or kept is exactly what was at the
            // name, even if an editor saved it again a moment before.
            if existing { setAside = try moveAside(target, at: now, shownAs: path) }
            try place(temporary, at: target, shownAs: path)
        } catch {
            unlink(temporary)
            // The previous file goes back to its name: a failed export changes nothing. Unless
            // another file took the name meanwhile (another session's export): then it stays
            // where it was set aside, and the sentence says where.
            if let setAside, moveWithoutReplacing(setAside, to: target) != 0, case .system(_, let code) = error {
                throw .keptAside(path: path, kept: shown(setAside, beside: path), errno: code)
            }
            throw error
        }
        if let setAside {
            if let record, holds(setAside, record) {
                unlink(setAside)  // the tool's own document, unchanged since: nothing of the user's
            } else {
                written.kept = Kept(path: shown(setAside, beside: path), lastExport: record?.exportedAt)
            }
        }
        syncDirectory(directory)
        return written
    }

    /// The absolute path to write, once it is known to be neither a folder nor the workbook.
    static func checkedTarget(_ path: String, workbook: String) throws(DocumentFileError) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let name = (absolute as NSString).lastPathComponent
        var info = stat()
        let isFolder = stat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        if isFolder || path.hasSuffix("/") {
            throw isFolder ? .isDirectory(path: path) : .missingFolder(path: path, folder: path)
        }
        let directory = (absolute as NSString).deletingLastPathComponent
        guard let realDirectory = realPath(directory) else { throw .missingFolder(path: path, folder: directory) }
        let target = realDirectory + "/" + name
        // The same file under another name: a symbolic or hard link to the workbook, or the
        // workbook opened through a link (SQLite names its -wal after the resolved path).
        let workbooks = [workbook, realPath(workbook)].compactMap { $0 }
        for base in workbooks {
            for suffix in workbookCompanions {
                let companion = base + suffix
                if let real = realPath((companion as NSString).deletingLastPathComponent),
                    real + "/" + (companion as NSString).lastPathComponent == target || sameFile(companion, target)
                {
                    throw .workbook(path: path)
                }
            }
        }
        // Any SQLite database's companion, this workbook's or another's.
        for suffix in workbookCompanions.dropFirst() where name.hasSuffix(suffix) && isSQLite(String(target.dropLast(suffix.count))) {
            throw .workbook(path: path)
        }
        if [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db"].contains(where: { name.lowercased().hasSuffix($0) }) {
            throw .workbookName(path: path)
        }
        if stat(target, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path) }
            if isSQLite(target) { throw .workbook(path: path) }
        }
        return target
    }
}
