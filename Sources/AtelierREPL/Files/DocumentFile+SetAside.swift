import AtelierCore
import AtelierStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The user's file at an export's name: moved aside under a dated name, then deleted only if it
/// is exactly what the tool last wrote there.
extension DocumentFile {
    /// Moves the file at `target` to the first free dated name, never over another file: two
    /// sessions exporting in the same minute each keep their own. Nil when the file vanished
    /// meanwhile (nothing to keep).
    static func moveAside(_ target: String, at now: Date, shownAs path: String) throws(DocumentFileError) -> String? {
        for number in 1...100 {
            let name = keptName(for: target, at: now, number: number)
            switch moveWithoutReplacing(target, to: name) {
            case 0: return name
            case EEXIST: continue
            case ENOENT: return nil
            case let code: throw .system(path: path, errno: code)
            }
        }
        throw .system(path: path, errno: EEXIST)
    }

    /// `contrat.md` → `contrat.votre-version-2026-12-03-0612.md` (then `-2`, `-3`… if taken), in
    /// local time: the extension last, so that it opens as before; ASCII and no colon, so that
    /// it is the same name on a USB key, in a zip or in a mail.
    static func keptName(for target: String, at now: Date, number: Int = 1) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now)
        let stamp = String(format: "%04d-%02d-%02d-%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        let name = (target as NSString).lastPathComponent
        // `.notes` has no extension: the copy is `.notes.votre-version-…`, not `.votre-version-….notes`.
        let ext = name.dropFirst().contains(".") ? (name as NSString).pathExtension : ""
        let stem = ext.isEmpty ? target : String(target.dropLast(ext.count + 1))
        return "\(stem).votre-version-\(stamp)" + (number > 1 ? "-\(number)" : "") + (ext.isEmpty ? "" : ".\(ext)")
    }

    /// The copy's name as the user would type it: in the folder of the path they gave.
    static func shown(_ copy: String, beside path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (copy as NSString).lastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Whether the file at `path` is exactly what `record` says the tool wrote: a regular file
    /// (a link is never followed: the tool writes none) of that size and SHA-256. A file of
    /// another size is not read.
    static func holds(_ path: String, _ record: ExportRecord) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == record.bytes,
            let bytes = try? handle.readToEnd() ?? Data(), bytes.count == record.bytes
        else { return false }
        return SHA256.hex([UInt8](bytes)) == record.sha256
    }
}
