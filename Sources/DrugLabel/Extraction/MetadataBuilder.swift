/// Gathers a document's metadata from where each fact lives: the preamble and the label's own
/// sections, or an application's fields.
struct MetadataBuilder {
    let catalogue: SectionCatalogue
    /// Field names, dates, approval numbers, temperatures, shelf life (metadata.json).
    var rules: MetadataRules = .standard
    /// How labels inside sections are compared (see `LabeledLines.fold`).
    let fold: (String) -> String
    /// Which sections are name headings, folded from the catalogue once.
    private let names: NameHeadings
    /// The label tables of the sections read line by line, folded once.
    private let labeled: [String: LabeledLines]

    init(catalogue: SectionCatalogue, rules: MetadataRules = .standard, fold: @escaping (String) -> String = { TextFold.standard.fold($0) }) {
        self.catalogue = catalogue
        self.rules = rules
        self.fold = fold
        names = NameHeadings(catalogue: catalogue)
        var labeled: [String: LabeledLines] = [:]
        for key in ["names", "marketing_authorization_holder", "manufacturer"] {
            labeled[key] = LabeledLines(labels: catalogue.entry(key)?.labels ?? [:], fold: fold)
        }
        self.labeled = labeled
    }

    /// `pieces` above 1 reads the name blocks on all cores first: a file that holds its label
    /// many times over (a compilation, the 50 MB benchmark) has a name block per copy, and
    /// reading them one after the other was a serial 30 ms of a 50 MB parse. Each block is read
    /// on its own; what they say is taken in order, as one pass takes it.
    func label(preamble: Preamble, sections: [Section], pieces: Int = 1) -> Metadata {
        let nameBlocks = sections.indices.filter { sections[$0].key == "names" && names.property(of: sections[$0]) == nil }
        var readNames: [Int: [String: (value: String, span: SourceSpan)]] = [:]
        if pieces > 1, nameBlocks.count > 1 {
            let lines = labeledLines("names")
            let found = nameBlocks.runs(about: pieces) { _, _ in true }.orderedConcurrentMap { run in
                run.map { lines.read(sections[$0].paragraphs) }
            }
            for (index, reading) in zip(nameBlocks, found.joined()) { readNames[index] = reading }
        }
        var m = Metadata()
        if let notice = preamble.notice, let span = preamble.noticeSpan { m.$notice = Sourced(notice, span: span) }
        m.titleSpan = preamble.titleSpan
        m.revisions = preamble.dates.revisions
        if let approval = preamble.dates.approvalDate { m.$approvalDate = Sourced(approval.date, span: approval.span) }
        for (index, section) in zip(sections.indices, sections) {
            let paras = section.paragraphs
            // A heading that is one of the name block's labels (【通用名称】, 【商品名称】,
            // 【英文名称】): its text is that name.
            if let property = names.property(of: section), let first = paras.first {
                m.setName(property, first.text, span: first.span)
                continue
            }
            guard let key = section.key else { continue }
            switch key {
            case "names":
                // 【药品名称】 (or 【药品名】, 【产品名称】) with `通用名称：…` lines, or the name itself.
                let lines = labeledLines(key)
                for (property, hit) in (readNames[index] ?? lines.read(paras)).sorted(by: { $0.key < $1.key }) {
                    m.setName(property, hit.value, span: hit.span)
                }
                // Only a name, not a line with a label (`化学名称：…`) the table does not know.
                if let first = paras.first, !lines.isLabeled(first.text),
                   !first.text.unicodeScalars.prefix(12).contains(where: { $0 == "：" || $0 == ":" }) {
                    m.setName("genericName", first.text, span: first.span)
                }
            case "approval_number":
                m.addApprovalNumbers(ApprovalNumberReader.read(section.text, rules: rules), span: section.span)
            case "standard":
                m.$standard = Sourced(StandardReader.read(section.text), span: section.span)
            case "marketing_authorization_holder" where m.holder == nil:
                m.holder = organization(paras, labels: labeledLines(key), span: section.span)
            case "manufacturer" where m.manufacturer == nil:
                m.manufacturer = organization(paras, labels: labeledLines(key), span: section.span)
            case "storage_and_handling" where m.storage == nil:
                let limits = TemperatureReader.read(section.text, rules: rules)
                m.storage = Storage(minCelsius: limits?.min, maxCelsius: limits?.max, text: section.text, span: section.span)
            case "shelf_life" where m.shelfLife == nil:
                m.shelfLife = ShelfLife(months: ShelfLifeReader.months(section.text, rules: rules), text: section.text, span: section.span)
            case "revision_dates":
                let reader = RevisionDateReader(rules: rules)
                let lines = paras.map { SourceLine(number: $0.span.startLine, text: $0.text) }
                var found = reader.read(lines)
                // `【说明书修订日期】2015 年 12 月 01 日`: the heading names the date, the body is just the date.
                if found.revisions.isEmpty, found.approvalDate == nil, let date = reader.firstDate(section.text) {
                    if reader.namesApproval(section.heading) {
                        found.approvalDate = (date, section.span)
                    } else {
                        found.revisions = [Revision(ordinal: nil, date: date, span: section.span)]
                    }
                }
                m.revisions += found.revisions.filter { r in !m.revisions.contains { $0.date == r.date } }
                if m.approvalDate == nil, let a = found.approvalDate { m.$approvalDate = Sourced(a.date, span: a.span) }
            default:
                break
            }
        }
        // No name block: the title names the product (`阿莫西林胶囊说明书`).
        if m.genericName == nil, let name = preamble.titleName, let span = preamble.titleSpan {
            m.setName("genericName", name, span: span)
        }
        return m
    }

    /// The label table of the sections of `key`, folded once when the builder was made.
    private func labeledLines(_ key: String) -> LabeledLines {
        labeled[key] ?? LabeledLines(labels: catalogue.entry(key)?.labels ?? [:], fold: fold)
    }

    private func organization(_ paragraphs: [Paragraph], labels: LabeledLines, span: SourceSpan) -> Organization {
        let found = labels.read(paragraphs)
        var org = Organization(span: span)
        org.name = found["name"]?.value
        org.address = found["address"]?.value
        org.postcode = found["postcode"]?.value
        org.phone = found["phone"]?.value
        org.fax = found["fax"]?.value
        org.website = found["website"]?.value
        // A holder written as a bare name line, with no `名称：` label.
        if org.name == nil, let first = paragraphs.first, !first.text.contains("："), !first.text.contains(":") {
            org.name = first.text
        }
        return org
    }

    /// What an application or slides say about the product, from their fields.
    func form(fields: [Field]) -> Metadata {
        var m = Metadata()
        let names = rules.formFields
        for field in fields {
            let name = TextFold.standard.fold(field.name)
            if m.genericName == nil, names.genericNameStarts.contains(where: { name.hasPrefix($0) }) || names.genericNameIs.contains(name) {
                let (generic, english) = MetadataBuilder.splitEnglish(field.value)
                m.$genericName = Sourced(generic, span: field.span)
                if let english { m.$englishName = Sourced(english, span: field.span) }
            } else if m.holder == nil, names.holderStarts.contains(where: { name.hasPrefix($0) }) {
                m.holder = Organization(name: field.value, span: field.span)
            } else if names.approvalNumberContains.contains(where: { name.contains($0) }) {
                m.addApprovalNumbers(ApprovalNumberReader.read(field.value, rules: rules), span: field.span)
            }
        }
        return m
    }

    /// `阿基仑赛注射液 (Axicabtagene Ciloleuceil Injection)` is the Chinese and the English name.
    static func splitEnglish(_ value: String) -> (String, String?) {
        guard let open = value.firstIndex(where: { $0 == "(" || $0 == "（" }),
              value.last == ")" || value.last == "）" else { return (value, nil) }
        let inner = value[value.index(after: open)..<value.index(before: value.endIndex)].trimmingSpaces()
        guard let first = inner.firstScalar, first.isASCII, first.properties.isAlphabetic else { return (value, nil) }
        return (value[..<open].trimmingSpaces(), inner)
    }
}

extension MetadataBuilder {
    /// `阿莫西林胶囊 Amoxicillin Capsules`: a Chinese name, white space, then a name in Latin
    /// letters to the end. `环孢菌素A` and `同仁堂 高血压速降丸` are one name each.
    static func splitTrailingLatin(_ value: String) -> (String, String)? {
        let scalars = Array(value.unicodeScalars)
        guard let space = scalars.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }), space > 0,
              DisplayWidth.isWide(scalars[space - 1].value) else { return nil }
        let tail = scalars[space...].drop { $0 == " " || $0 == "\u{3000}" }
        guard let first = tail.first, first.isASCII, first.properties.isAlphabetic,
              tail.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || " -.,()0123456789'/".unicodeScalars.contains($0)) }),
              tail.filter({ $0.properties.isAlphabetic }).count >= 3 else { return nil }
        let han = String(String.UnicodeScalarView(scalars[..<space])).trimmingSpaces()
        return (han, String(String.UnicodeScalarView(tail)).trimmingSpaces())
    }
}

extension Organization {
    init(name: String? = nil, span: SourceSpan) {
        self.init(name: name, address: nil, postcode: nil, phone: nil, fax: nil, website: nil, span: span)
    }
}

extension Metadata {
    /// Sets a name the first time it is found. A generic name written with its English name in
    /// brackets (`阿莫西林胶囊（Amoxicillin Capsules）`) gives both. `property` is a key of the
    /// catalogue's name labels; one that names no name is ignored.
    mutating func setName(_ property: String, _ value: String, span: SourceSpan) {
        guard let path = Metadata.name(property), self[keyPath: path].value == nil else { return }
        var value = value.trimmingSpaces()
        guard !value.isEmpty else { return }
        if path == \.$genericName {
            var (generic, english) = MetadataBuilder.splitEnglish(value)
            if english == nil, let (han, latin) = MetadataBuilder.splitTrailingLatin(generic) { (generic, english) = (han, latin) }
            value = generic
            if let english, englishName == nil { $englishName = Sourced(english, span: span) }
        }
        self[keyPath: path] = Sourced(value, span: span)
    }

    /// Numbers not yet listed are added; the span becomes the place read last, numbers or none.
    mutating func addApprovalNumbers(_ numbers: [String], span: SourceSpan) {
        var all = approvalNumbers
        for n in numbers where !all.contains(n) { all.append(n) }
        $approvalNumbers = Sourced(all, span: span)
    }
}
