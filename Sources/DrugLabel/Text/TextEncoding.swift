import ICUBridge

/// Writes text in another charset through ICU (`GB18030`, `Big5`, `UTF-16LE`, …): the reverse
/// of `TextDecoder`, for tools that must hand labels back in the encoding they came in.
public enum TextEncoding {
    public static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        let source = Array(text.utf8)
        var outLength: Int64 = 0
        var error = [CChar](repeating: 0, count: 256)
        guard let out = dl_convert_from_utf8(charset, source, Int64(source.count), &outLength, &error, 256) else {
            throw InputError.unreadable("cannot convert to \(charset): \(CString.string(error))")
        }
        defer { dl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(outLength)))
    }
}
