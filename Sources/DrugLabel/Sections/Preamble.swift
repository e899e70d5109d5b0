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
    init(lines: [SourceLine], fold: TextFold, rules: MetadataRules) {
        let reader = RevisionDateReader(rules: rules)
        dates = reader.read(lines)
        let content = lines.filter { !$0.isBlank }
        var used = Set(dates.revisions.map(\.span.startLine))
        if let approval = dates.approvalDate { used.insert(approval.span.startLine) }
        let title = rules.title
        if let t = content.firstIndex(where: { line in
            let folded = fold(line.text)
            return title.endings.contains { folded.hasSuffix($0) } && line.text.count <= title.maxLength
                && !title.notWords.contains { folded.contains($0) }
        }) {
            self.title = content[t].text
            titleSpan = content[t].span
            titleName = Preamble.name(inTitle: content[t].text, fold: fold, endings: title.endings)
            used.insert(content[t].number)
            if t + 1 < content.count, !reader.namesDate(content[t + 1]) {
                notice = content[t + 1].text
                noticeSpan = content[t + 1].span
                used.insert(content[t + 1].number)
            }
        }
        unread = content.filter { !used.contains($0.number) }
    }

    /// What the preamble left unread, said after everything the sections say.
    var diagnostics: [Diagnostic] {
        guard let first = unread.first else { return [] }
        let shown = unread.prefix(3).map { "“\($0.text)”" }.joined(separator: ", ")
        return [Diagnostic(.info, "segment.preambleUnread",
                           "\(unread.count) line(s) before the first section are not title, notice, dates or warning and are not in the output: \(shown)",
                           line: first.number)]
    }

    /// The title without its ending (`说明书`, `使用说明书`, as written: `說 明 書` too), the
    /// longest ending that ends it first.
    static func name(inTitle title: String, fold: TextFold, endings: [String] = MetadataRules.standard.title.endings) -> String? {
        let scalars = Array(title.unicodeScalars)
        for word in endings where !word.isEmpty && scalars.count >= word.unicodeScalars.count {
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
