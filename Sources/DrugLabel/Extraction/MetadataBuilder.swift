/// Gathers a document's metadata from where each fact lives: the preamble and the label's own
/// sections, or an application's fields.
struct MetadataBuilder {
    let catalogue: SectionCatalogue

    func label(preamble: Preamble, sections: [Section], paragraphs: [[Paragraph]]) -> Metadata {
        var m = Metadata()
        if let notice = preamble.notice, let span = preamble.noticeSpan { m.notice = notice; m.spans["notice"] = span }
        if let span = preamble.titleSpan { m.spans["title"] = span }
        m.revisions = preamble.dates.revisions
        if let approval = preamble.dates.approvalDate { m.approvalDate = approval.date; m.spans["approvalDate"] = approval.span }
        for (section, paras) in zip(sections, paragraphs) {
            guard let key = section.key else { continue }
            let labels = catalogue.entry(key)?.labels ?? [:]
            switch key {
            case "names":
                let found = LabeledLines(labels: labels).read(paras)
                for (property, hit) in found {
                    switch property {
                    case "genericName": m.genericName = hit.value
                    case "tradeName": m.tradeName = hit.value
                    case "englishName": m.englishName = hit.value
                    case "pinyin": m.pinyin = hit.value
                    default: continue
                    }
                    m.spans[property] = hit.span
                }
            case "approval_number":
                for number in ApprovalNumberReader.read(section.text) where !m.approvalNumbers.contains(number) {
                    m.approvalNumbers.append(number)
                }
                m.spans["approvalNumbers"] = section.span
            case "standard":
                m.standard = StandardReader.read(section.text)
                m.spans["standard"] = section.span
            case "marketing_authorization_holder" where m.holder == nil:
                m.holder = organization(paras, labels: labels, span: section.span)
            case "manufacturer" where m.manufacturer == nil:
                m.manufacturer = organization(paras, labels: labels, span: section.span)
            case "storage_and_handling" where m.storage == nil:
                let limits = TemperatureReader.read(section.text)
                m.storage = Storage(minCelsius: limits?.min, maxCelsius: limits?.max, text: section.text, span: section.span)
            case "shelf_life" where m.shelfLife == nil:
                m.shelfLife = ShelfLife(months: ShelfLifeReader.months(section.text), text: section.text, span: section.span)
            case "revision_dates":
                let reader = RevisionDateReader()
                let lines = paras.map { SourceLine(number: $0.span.startLine, text: $0.text) }
                var found = reader.read(lines)
                // `【说明书修订日期】2015 年 12 月 01 日`: the heading names the date, the body is just the date.
                if found.revisions.isEmpty, found.approvalDate == nil, let date = reader.firstDate(section.text) {
                    if section.heading.contains("核准") {
                        found.approvalDate = (date, section.span)
                    } else {
                        found.revisions = [Revision(ordinal: nil, date: date, span: section.span)]
                    }
                }
                m.revisions += found.revisions.filter { r in !m.revisions.contains { $0.date == r.date } }
                if m.approvalDate == nil, let a = found.approvalDate { m.approvalDate = a.date; m.spans["approvalDate"] = a.span }
            default:
                break
            }
        }
        return m
    }

    private func organization(_ paragraphs: [Paragraph], labels: [String: [String]], span: SourceSpan) -> Organization {
        let found = LabeledLines(labels: labels).read(paragraphs)
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
        for field in fields {
            let name = CheapFold.fold(field.name)
            if m.genericName == nil, name.hasPrefix("药品通用名称") || name == "药品名称" {
                let (generic, english) = MetadataBuilder.splitEnglish(field.value)
                m.genericName = generic
                m.spans["genericName"] = field.span
                if let english { m.englishName = english; m.spans["englishName"] = field.span }
            } else if m.holder == nil, name.hasPrefix("上市许可持有人") {
                m.holder = Organization(name: field.value, span: field.span)
            } else if name.contains("批准文号") {
                for n in ApprovalNumberReader.read(field.value) where !m.approvalNumbers.contains(n) { m.approvalNumbers.append(n) }
                m.spans["approvalNumbers"] = field.span
            }
        }
        return m
    }

    /// `阿基仑赛注射液 (Axicabtagene Ciloleuceil Injection)` is the Chinese and the English name.
    static func splitEnglish(_ value: String) -> (String, String?) {
        guard let open = value.firstIndex(where: { $0 == "(" || $0 == "（" }),
              value.last == ")" || value.last == "）" else { return (value, nil) }
        let inner = value[value.index(after: open)..<value.index(before: value.endIndex)].trimmingSpaces()
        guard let first = inner.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return (value, nil) }
        return (value[..<open].trimmingSpaces(), inner)
    }
}

extension Organization {
    init(name: String? = nil, span: SourceSpan) {
        self.init(name: name, address: nil, postcode: nil, phone: nil, fax: nil, website: nil, span: span)
    }
}
