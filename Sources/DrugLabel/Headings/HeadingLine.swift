/// A line that opens a section: `【适应症】`, `【 适应证 】`, `〖禁忌〗`, `【禁忌 ：】`, or in a label
/// without brackets a catalogue heading alone on its line.
struct HeadingLine: Sendable, Hashable {
    /// Index into the document's lines.
    var index: Int
    /// Index of the heading's last line: a heading wrapped by the PDF (`【孕妇及哺乳期妇` /
    /// `女用药】`) ends one line later.
    var endIndex: Int
    /// The bracket content as written, trimmed of spaces and colons (`适应症`).
    var heading: String
    /// The catalogue key, or nil for a heading the catalogue does not know.
    var key: String?
    /// Text after the closing bracket on the same line (`【药品名称】阿莫西林胶囊`).
    var rest: String
}
