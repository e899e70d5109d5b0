/// A unified-style line diff, with a few lines of context around each change.
public enum LineDiff {
    public static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String? {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let diff = b.difference(from: a)
        guard !diff.isEmpty else { return nil }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in diff {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides together, as a merge of the two line lists.
        var rows: [(tag: Character, text: String, oldLine: Int, newLine: Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                rows.append(("-", a[i], i, j)); i += 1
            } else if j < b.count, inserted.contains(j) {
                rows.append(("+", b[j], i, j)); j += 1
            } else {
                if i < a.count { rows.append((" ", a[i], i, j)) }
                i += 1; j += 1
            }
        }
        var show = Set<Int>()
        for (k, row) in rows.enumerated() where row.tag != " " {
            for c in max(0, k - context)...min(rows.count - 1, k + context) { show.insert(c) }
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var previous = -2
        for k in show.sorted() {
            if k != previous + 1 { out += "@@ line \(rows[k].oldLine + 1) @@\n" }
            out += "\(rows[k].tag)\(rows[k].text)\n"
            previous = k
        }
        return out
    }
}
