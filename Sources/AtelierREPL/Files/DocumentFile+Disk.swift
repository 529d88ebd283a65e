import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The system calls behind `DocumentFile`: files created exclusively, moves that never replace
/// a file, syncs that make a name survive a power cut.
extension DocumentFile {
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

    /// Puts the temporary at the target without replacing a file that appeared meanwhile (a
    /// user's save, another session's export): that one stays, and the user is asked to retry.
    static func place(_ temporary: String, at target: String, shownAs path: String) throws(DocumentFileError) {
        let code = moveWithoutReplacing(temporary, to: target)
        guard code == 0 else { throw .system(path: path, errno: code) }
    }

    /// rename(2) that fails with EEXIST rather than replace the destination: renameat2 with
    /// RENAME_NOREPLACE, atomic. On a file system or C library without it, a rename once the
    /// name is known to be free (a window of microseconds, only there). Returns 0 or an errno.
    static func moveWithoutReplacing(_ source: String, to destination: String) -> Int32 {
        if let renameat2 = Self.renameat2 {
            if renameat2(AT_FDCWD, source, AT_FDCWD, destination, renameNoReplace) == 0 { return 0 }
            let code = errno
            guard [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code) else { return code }
        }
        var info = stat()
        guard lstat(destination, &info) != 0 else { return EEXIST }
        return rename(source, destination) == 0 ? 0 : errno
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Looked up at run time: Swift's Glibc module does not declare it (glibc ≥ 2.28 has it).
    static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    static let renameNoReplace: UInt32 = 1

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
