/// Which name a section stands for when a label writes the parts of its name block as headings
/// of their own: 【通用名称】 the generic name, 【商品名称】 the trade name, 【英文名称】 the English
/// name, 【汉语拼音】 the pinyin. Read from the catalogue: the names entry's `labels` (通用名称 →
/// genericName), matched against the heading as written or against the headings of the
/// section's catalogue entry (so 【商品名稱】, keyed brand_name by the folded match, is found too).
struct NameHeadings {
    private var byLabel: [String: String] = [:]
    private var byKey: [String: String] = [:]

    init(catalogue: SectionCatalogue) {
        let labels = catalogue.entry("names")?.labels ?? [:]
        var byLabel: [String: String] = [:]
        for (property, names) in labels.sorted(by: { $0.key < $1.key }) {
            for name in names { byLabel[NameHeadings.fold(name)] = property }
        }
        for entry in catalogue.entries where entry.key != "names" {
            if let property = entry.headings.compactMap({ byLabel[NameHeadings.fold($0)] }).first {
                byKey[entry.key] = property
            }
        }
        self.byLabel = byLabel
    }

    /// The metadata property (genericName, tradeName, englishName, pinyin) whose value is the
    /// section's text, or nil for any other section (【药品名称】 included: its text has labels).
    func property(of section: Section) -> String? {
        if let property = byLabel[NameHeadings.fold(section.heading)] { return property }
        return section.key.flatMap { byKey[$0] }
    }

    private static func fold(_ text: String) -> String { TextFold.standard.fold(text).trimming(":：") }
}
