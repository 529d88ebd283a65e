import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a document the user asked for (`/exporter`) without ever destroying a file: never
/// the workbook or its SQLite companions, never another SQLite file; an existing document is
/// kept under a dated name; the new one appears whole or not at all, with the workbook's
/// permissions, and no temporary file is left behind.
enum DocumentFile {
    struct Written {
        var path: String
        var bytes: Int
        /// Where the previous file of that name now is, when there was one.
        var previousKeptAs: String?
        /// The file already held exactly this document: nothing was written.
        var unchanged = false
    }

    /// The workbook itself (no suffix), then the files SQLite keeps beside it while it is open.
    static let workbookCompanions = ["", "-wal", "-shm", "-journal"]

    static func write(_ data: Data, to path: String, besideWorkbook workbook: String, now: Date = Date()) throws(DocumentFileError)
        -> Written
    {
        let target = try checkedTarget(path, workbook: workbook)
        let directory = (target as NSString).deletingLastPathComponent
        var info = stat()
        let existing = lstat(target, &info) == 0
        if existing, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count,
            FileManager.default.contents(atPath: target) == data
        {
            return Written(path: path, bytes: data.count, unchanged: true)
        }
        let temporary = try writeTemporary(data, in: directory, for: target, shownAs: path, mode: permissions(of: workbook))
        var keptAs: String?
        do throws(DocumentFileError) {
            if existing {
                let dated = datedName(for: target, at: now)
                guard rename(target, dated) == 0 else { throw DocumentFileError.system(path: path, errno: errno) }
                keptAs = dated
            }
            try place(temporary, at: target, shownAs: path)
        } catch {
            unlink(temporary)
            // The previous file goes back to its name: a failed export changes nothing.
            if let keptAs { rename(keptAs, target) }
            throw error
        }
        syncDirectory(directory)
        return Written(path: path, bytes: data.count, previousKeptAs: keptAs)
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

    /// A new file with an unpredictable name beside the target (so that the final rename stays
    /// on one file system), created exclusively (never through a planted link), fully written
    /// and synced.
    static func writeTemporary(_ data: Data, in directory: String, for target: String, shownAs path: String, mode: mode_t)
        throws(DocumentFileError) -> String
    {
        var template = Array((directory + "/." + (target as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .system(path: path, errno: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        if fchmod(descriptor, mode) != 0 { failure = errno }
        data.withUnsafeBytes { buffer in
            var offset = 0
            while failure == 0 && offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno != EINTR { failure = errno }
                } else {
                    offset += count
                }
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .system(path: path, errno: failure)
        }
        return temporary
    }

    /// Puts the temporary at the target without replacing a file that appeared meanwhile
    /// (a hard link fails if the name exists); on file systems without hard links (FAT on a USB
    /// key), a rename once the name is known to be free.
    static func place(_ temporary: String, at target: String, shownAs path: String) throws(DocumentFileError) {
        if link(temporary, target) == 0 {
            unlink(temporary)
            return
        }
        let linkError = errno
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(linkError) else {
            throw .system(path: path, errno: linkError)
        }
        var info = stat()
        guard lstat(target, &info) != 0 else { throw .system(path: path, errno: EEXIST) }
        guard rename(temporary, target) == 0 else { throw .system(path: path, errno: errno) }
    }

    /// `contrat.md` → `contrat.avant-2026-12-01T20-15-03.md` (then `-2`, `-3`… if taken), in local time.
    static func datedName(for target: String, at now: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now)
        let stamp = String(
            format: "%04d-%02d-%02dT%02d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        let ext = (target as NSString).pathExtension
        let stem = ext.isEmpty ? target : String(target.dropLast(ext.count + 1))
        func name(_ number: Int) -> String {
            "\(stem).avant-\(stamp)" + (number > 1 ? "-\(number)" : "") + (ext.isEmpty ? "" : ".\(ext)")
        }
        var number = 1
        var info = stat()
        while lstat(name(number), &info) == 0 { number += 1 }
        return name(number)
    }

    /// The workbook's permission bits (0600 for the workbooks the tool creates).
    static func permissions(of workbook: String) -> mode_t {
        var info = stat()
        guard stat(workbook, &info) == 0 else { return 0o600 }
        return info.st_mode & 0o666
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func isSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }

    /// The new name survives a power cut only once its folder is synced too.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
