/// What stands before the first section: revision dates, the title, the notice line.
struct Preamble {
    var title: String?
    var titleSpan: SourceSpan?
    var notice: String?
    var noticeSpan: SourceSpan?
    var dates = RevisionDateReader.Found()

    /// - Parameter lines: the preamble's lines, the boxed warning already taken out.
    init(lines: [SourceLine], folder: Folder) {
        dates = RevisionDateReader().read(lines)
        let content = lines.filter { !$0.isBlank }
        guard let t = content.firstIndex(where: { line in
            let folded = folder.fold(line.text)
            return folded.hasSuffix("说明书") && line.text.count <= 40 && !folded.contains("阅读")
        }) else { return }
        title = content[t].text
        titleSpan = content[t].span
        if t + 1 < content.count, !content[t + 1].text.contains("日期") {
            notice = content[t + 1].text
            noticeSpan = content[t + 1].span
        }
    }
}
