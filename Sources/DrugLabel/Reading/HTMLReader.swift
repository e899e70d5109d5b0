/// Reads a saved web page with libxml2's HTML parser: block elements as paragraphs, `<table>`s
/// as tables (`colspan`, `rowspan` kept), `<sup>`/`<sub>` as raised and lowered text, scripts,
/// styles, forms and navigation dropped. When the label is one part of a page (a drug site's
/// menus and links around it), the part is the smallest element that holds nearly all of the
/// page's 【】 headings.
struct HTMLReader {
    /// UTF-8 text of the page (decoded from whatever charset it came in).
    func read(_ text: String) throws -> ReadDocument {
        let root: MarkupElement
        do {
            root = try MarkupTree.parse(Array(text.utf8), html: true)
        } catch {
            throw InputError.damaged("a web page libxml2 cannot parse (\(error))")
        }
        let scope = HTMLReader.labelPart(of: root)
        var walk = HTMLWalk()
        walk.visit(scope, preformatted: scope.name == "pre" || scope.name == "textarea")
        walk.flush()
        var writer = LineWriter()
        for block in walk.blocks { writer.write(block) }
        return writer.document(format: .html, diagnostics: [])
    }

    /// Not `form`: ASP.NET pages wrap the whole body in one.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "head", "nav", "button", "select",
                                       "iframe", "svg", "canvas", "aside", "object", "embed", "input", "textarea", "menu"]

    /// The element that holds the label: the deepest one with at least nine in ten of the
    /// page's headings, when it has two or more; else the whole page.
    static func labelPart(of root: MarkupElement) -> MarkupElement {
        let total = headings(in: root)
        guard total >= 2 else { return root }
        var current = root
        while true {
            let next = current.children.lazy.compactMap { node -> MarkupElement? in
                guard case .element(let e) = node, !dropped.contains(e.name) else { return nil }
                return headings(in: e) * 10 >= total * 9 ? e : nil
            }.first
            guard let next else { return current }
            current = next
        }
    }

    /// `【` characters in the text an element shows.
    private static func headings(in element: MarkupElement) -> Int {
        var n = 0
        for child in element.children {
            switch child {
            case .text(let t): n += t.unicodeScalars.reduce(0) { $1 == "【" ? $0 + 1 : $0 }
            case .element(let e) where !dropped.contains(e.name): n += headings(in: e)
            default: break
            }
        }
        return n
    }
}

/// The walk of a page into blocks.
struct HTMLWalk {
    private(set) var blocks: [ReadBlock] = []
    private var current = InlineText()

    static let blockNames: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section", "article", "main",
        "address", "figcaption", "caption", "ul", "ol", "dl", "header", "footer", "hr", "center", "body", "html", "fieldset",
        "legend", "figure", "details", "summary",
        // Met only when the label's part of the page is inside a table that lays it out (a row
        // a section: `【用法用量】 | 口服…`): a table met in the walk is read as a table.
        "tr",
    ]

    mutating func flush() {
        let text = current.text
        current = InlineText()
        if !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            blocks.append(.paragraph(HTMLWalk.collapse(text)))
        }
    }

    mutating func visit(_ element: MarkupElement, position: InlineText.Position = .baseline, preformatted: Bool = false) {
        for child in element.children {
            switch child {
            case .text(let t):
                // Line breaks in the page's source are spaces; only `<br>` breaks a line, and a
                // line break inside `<pre>`.
                let brk: Character = preformatted ? "\u{2028}" : " "
                current.append(String(t.unicodeScalars.map { $0 == "\n" ? brk : $0 == "\r" ? " " : Character($0) }), position)
            case .element(let e):
                if HTMLReader.dropped.contains(e.name) || HTMLWalk.isHidden(e) { continue }
                switch e.name {
                case "br": current.append("\u{2028}", .baseline)
                case "sup": visit(e, position: .superscript, preformatted: preformatted)
                case "sub": visit(e, position: .subscript, preformatted: preformatted)
                case "table":
                    flush()
                    blocks.append(.table(HTMLWalk.table(e)))
                default:
                    let pre = preformatted || e.name == "pre" || e.name == "textarea"
                    if HTMLWalk.blockNames.contains(e.name) {
                        flush()
                        visit(e, position: position, preformatted: pre)
                        flush()
                    } else if e.name == "td" || e.name == "th" {
                        // The cells of a layout row stand apart on its line.
                        visit(e, position: position, preformatted: pre)
                        current.append(" ", .baseline)
                    } else {
                        visit(e, position: position, preformatted: pre)
                    }
                }
            }
        }
    }

    private static func isHidden(_ e: MarkupElement) -> Bool {
        if e.attribute("hidden") != nil || e.attribute("aria-hidden") == "true" { return true }
        guard let style = e.attribute("style")?.lowercased().filter({ $0 != " " }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    /// Spaces and tabs in runs as a browser shows them: one space. Line breaks from `<br>` stay.
    static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text.unicodeScalars {
            if c == "\u{2028}" {
                while out.unicodeScalars.last == " " { out.unicodeScalars.removeLast() }
                out.unicodeScalars.append("\n")
                space = false
            } else if c == " " || c == "\t" || c == "\r" || c == "\u{0C}" {
                space = true
            } else {
                if space, let last = out.unicodeScalars.last, last != "\n" { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A table's rows, cells placed past the cells that rows above span into.
    static func table(_ table: MarkupElement) -> [[ReadCell]] {
        var trs: [MarkupElement] = []
        func collect(_ e: MarkupElement) {
            for case .element(let c) in e.children {
                switch c.name {
                case "tr": trs.append(c)
                case "thead", "tbody", "tfoot": collect(c)
                default: break
                }
            }
        }
        collect(table)
        var rows: [[ReadCell]] = []
        // Column ranges taken by a rowspan from above, per row index; a budget of ranges keeps a
        // page of `rowspan=1000 colspan=1000` cells from taking gigabytes (past it, rowspans
        // are read as 1).
        var taken: [Int: [Range<Int>]] = [:]
        var budget = 1_000_000
        for (r, tr) in trs.enumerated() {
            var row: [ReadCell] = []
            var column = 0
            // This row's taken ranges are all known by now: sorted once, passed once.
            let ranges = (taken.removeValue(forKey: r) ?? []).sorted { $0.lowerBound < $1.lowerBound }
            var next = 0
            for case .element(let td) in tr.children where td.name == "td" || td.name == "th" {
                while next < ranges.count, ranges[next].lowerBound <= column {
                    column = max(column, ranges[next].upperBound)
                    next += 1
                }
                let colspan = min(max(Int(td.attribute("colspan") ?? "") ?? 1, 1), 1000)
                let rowspan = min(max(Int(td.attribute("rowspan") ?? "") ?? 1, 1), 1000)
                var inner = HTMLWalk()
                inner.visit(td)
                inner.flush()
                let paragraphs = inner.blocks.flatMap { block -> [String] in
                    switch block {
                    case .paragraph(let text): return [text]
                    case .table(let nested): return nested.flatMap { $0.flatMap(\.paragraphs) }
                    }
                }
                var span = min(rowspan, trs.count - r)
                if span > 1, budget >= span {
                    budget -= span
                    for below in (r + 1)..<(r + span) { taken[below, default: []].append(column..<(column + colspan)) }
                } else {
                    span = 1
                }
                row.append(ReadCell(paragraphs: paragraphs, column: column, rowSpan: span, columnSpan: colspan))
                column += colspan
            }
            rows.append(row)
        }
        return rows
    }
}
