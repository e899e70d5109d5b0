/// The text of a NUL-terminated C buffer that the ICU bridge filled (names, error messages).
enum CString {
    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
