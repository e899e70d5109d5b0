/// What stands before the first section: revision dates, the title, the notice line.
struct Preamble {
    var title: String?
    var titleSpan: SourceSpan?
    var notice: String?
    var noticeSpan: SourceSpan?
    var dates = RevisionDateReader.Found()
    /// Lines that are none of the above (special-drug marks, stray text): reported, not dropped
    /// silently.
    var unread: [SourceLine] = []

    /// - Parameter lines: the preamble's lines, the boxed warning already taken out.
    init(lines: [SourceLine], folder: Folder) {
        dates = RevisionDateReader().read(lines)
        let content = lines.filter { !$0.isBlank }
        var used = Set(dates.revisions.map(\.span.startLine))
        if let approval = dates.approvalDate { used.insert(approval.span.startLine) }
        if let t = content.firstIndex(where: { line in
            let folded = folder.fold(line.text)
            return folded.hasSuffix("说明书") && line.text.count <= 40 && !folded.contains("阅读")
        }) {
            title = content[t].text
            titleSpan = content[t].span
            used.insert(content[t].number)
            if t + 1 < content.count, !content[t + 1].text.contains("日期") {
                notice = content[t + 1].text
                noticeSpan = content[t + 1].span
                used.insert(content[t + 1].number)
            }
        }
        unread = content.filter { !used.contains($0.number) }
    }
}
