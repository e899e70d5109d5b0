// As its `encode(to:)`: nils and empty lists (and an empty `spans`) left out.
extension Metadata: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("approvalDate", approvalDate)
        if !approvalNumbers.isEmpty { writer.member("approvalNumbers", approvalNumbers) }
        writer.memberIfPresent("englishName", englishName)
        writer.memberIfPresent("genericName", genericName)
        writer.memberIfPresent("holder", holder)
        writer.memberIfPresent("manufacturer", manufacturer)
        writer.memberIfPresent("notice", notice)
        writer.memberIfPresent("pinyin", pinyin)
        if !revisions.isEmpty { writer.member("revisions", revisions) }
        writer.memberIfPresent("shelfLife", shelfLife)
        let spans = spans
        if !spans.isEmpty {
            // Already in key order, as the encoder's sorted keys would put them.
            writer.key("spans")
            writer.beginObject()
            for (key, span) in spans {
                writer.key(key)
                writer.value(span)
            }
            writer.endObject()
        }
        writer.memberIfPresent("standard", standard)
        writer.memberIfPresent("storage", storage)
        writer.memberIfPresent("tradeName", tradeName)
        writer.endObject()
    }
}
