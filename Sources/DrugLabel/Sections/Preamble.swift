/// What stands before the first section: revision dates, the title, the notice line.
struct Preamble {
    var title: String?
    var titleSpan: SourceSpan?
    /// What the title names: the title without `说明书` (`阿莫西林胶囊说明书` → `阿莫西林胶囊`).
    var titleName: String?
    var notice: String?
    var noticeSpan: SourceSpan?
    var dates = RevisionDateReader.Found()
    /// Lines that are none of the above (special-drug marks, stray text): reported, not dropped
    /// silently.
    var unread: [SourceLine] = []

    /// - Parameter lines: the preamble's lines, the boxed warning already taken out.
    init(lines: [SourceLine], fold: TextFold) {
        dates = RevisionDateReader().read(lines)
        let content = lines.filter { !$0.isBlank }
        var used = Set(dates.revisions.map(\.span.startLine))
        if let approval = dates.approvalDate { used.insert(approval.span.startLine) }
        if let t = content.firstIndex(where: { line in
            let folded = fold(line.text)
            return folded.hasSuffix("说明书") && line.text.count <= 40 && !folded.contains("阅读")
        }) {
            title = content[t].text
            titleSpan = content[t].span
            titleName = Preamble.name(inTitle: content[t].text, fold: fold)
            used.insert(content[t].number)
            if t + 1 < content.count, !content[t + 1].text.contains("日期") {
                notice = content[t + 1].text
                noticeSpan = content[t + 1].span
                used.insert(content[t + 1].number)
            }
        }
        unread = content.filter { !used.contains($0.number) }
    }

    /// The title without its last word (`说明书`, `使用说明书`, as written: `說 明 書` too).
    static func name(inTitle title: String, fold: TextFold) -> String? {
        let scalars = Array(title.unicodeScalars)
        for word in ["使用说明书", "说明书"] where scalars.count >= word.unicodeScalars.count {
            // The shortest tail that folds to the word (white space inside it folds away).
            for k in word.unicodeScalars.count...min(scalars.count, word.unicodeScalars.count * 2) {
                guard fold(String(String.UnicodeScalarView(scalars[(scalars.count - k)...]))) == word else { continue }
                let name = String(String.UnicodeScalarView(scalars[..<(scalars.count - k)])).trimmingSpaces()
                return name.isEmpty ? nil : name
            }
        }
        return nil
    }
}
