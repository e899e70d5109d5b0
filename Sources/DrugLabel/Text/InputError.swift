/// Why a file could not be read as text. Each message says what the user can do about it.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound
    case isDirectory
    /// A FIFO, socket or device: reading one could block forever or never end.
    case notRegular(String)
    /// ELOOP: the path runs through a symlink that leads back to itself.
    case symlinkLoop
    /// ENAMETOOLONG: the path or one of its parts is longer than the system allows.
    case nameTooLong
    /// EACCES / EPERM.
    case permissionDenied
    /// ENOTDIR: a part of the path before the last is a file, not a folder.
    case notADirectoryInPath
    case unreadable(String)
    /// No longer thrown by the parser, which reads PDFs; kept for callers that match on it.
    case pdf
    case binary(String)
    /// A known non-text format, named after its magic bytes (`ZIP (.docx, .xlsx)`, `PNG image`).
    case format(String)
    case empty
    /// A PDF, .docx or web page that its reader could not read: damaged, encrypted, truncated.
    case damaged(String)
    /// A PDF poppler cannot open: cut short, damaged, or encrypted with a password.
    case unreadablePDF(String)
    /// A PDF whose pages are images: no text layer to read.
    case scanned(pages: Int)
    /// A PDF whose text layer gives font codes, not text: its fonts have no Unicode mapping.
    case unmappedText(codes: Int, characters: Int)
    /// A Word 97–2003 .doc (or another OLE2 Office file).
    case legacyOffice

    public var description: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not a file (pass the files inside it)"
        case .notRegular(let kind): return "is \(kind), not a regular file; only regular files are read"
        case .symlinkLoop: return "too many levels of symbolic links (a symlink loop); point the link at a real file"
        case .nameTooLong: return "file name too long; rename or move the file to a shorter path"
        case .permissionDenied: return "permission denied; check the file's and its folders' permissions"
        case .notADirectoryInPath: return "no such file: a part of the path before the file name is a file, not a folder"
        case .unreadable(let reason): return "cannot be read: \(reason)"
        case .pdf: return "is a PDF; extract its text first (for example with pdftotext) and parse the .txt"
        case .format(let name): return "is a \(name), not text; save or extract it as text first and parse the .txt"
        case .empty: return "is empty: nothing to parse (did the text extraction fail?)"
        case .damaged(let reason): return "cannot be read: \(reason)"
        case .unreadablePDF(let reason):
            return "is a PDF that cannot be opened (\(reason)): it may be cut short, damaged or password-protected; save it again or print it to a new PDF"
        case .scanned(let pages):
            return "is a scanned PDF: its \(pages) page(s) are images with no text layer; it needs OCR first (for example ocrmypdf) to be read"
        case .unmappedText(let codes, let characters):
            return "is a PDF whose text layer is font codes, not text (\(codes) of its \(characters) characters have no Unicode mapping: its fonts were embedded without a ToUnicode table); it needs OCR first (for example ocrmypdf --force-ocr) to be read"
        case .legacyOffice:
            return "is a Word 97–2003 document (.doc) or another legacy Office file; save it as .docx or PDF and parse that"
        case .binary(let reason): return "is not text (\(reason)); expected a label as UTF-8, UTF-16, GB18030/GBK or Big5 text"
        }
    }
}
