import Foundation
import ZIPFoundation

/// The ZIP container of an office document: its parts, in the order given, deflated but for
/// those the format wants stored (ODF's `mimetype`, first and uncompressed, is how readers
/// recognise the file). Every entry carries the same date, so that the same document always
/// gives the same bytes and an unchanged export is recognised as such.
enum OfficePackage {
    struct Part {
        var path: String
        var data: Data
        var stored = false

        init(_ path: String, _ text: String, stored: Bool = false) {
            self.path = path
            self.data = Data(text.utf8)
            self.stored = stored
        }

        init(_ path: String, data: Data, stored: Bool = false) {
            self.path = path
            self.data = data
            self.stored = stored
        }
    }

    /// 01/01/2000 at noon UTC: the same calendar day in every time zone the ZIP date is written in.
    static let entryDate = Date(timeIntervalSince1970: 946_728_000)

    static func zip(_ parts: [Part]) throws(OfficeError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: part.stored ? .none : .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw OfficeError.container(part: nil) }
            return data
        } catch let error as OfficeError {
            throw error
        } catch {
            throw .container(part: parts.last?.path)
        }
    }
}

/// Why an office document could not be assembled, in French.
public enum OfficeError: Error, Equatable, CustomStringConvertible {
    case container(part: String?)

    public var description: String {
        switch self {
        case .container(let part):
            "Le document n'a pas pu être assemblé (conteneur ZIP"
                + (part.map { ", partie \($0)" } ?? "")
                + ") ; rien n'a été écrit. Réessayez ; si l'erreur se répète, exportez en Markdown (.md) et signalez-la."
        }
    }
}
