extension Organization: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.memberIfPresent("address", address)
        writer.memberIfPresent("fax", fax)
        writer.memberIfPresent("name", name)
        writer.memberIfPresent("phone", phone)
        writer.memberIfPresent("postcode", postcode)
        writer.member("span", span)
        writer.memberIfPresent("website", website)
        writer.endObject()
    }
}
