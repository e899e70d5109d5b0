import ICUBridge

/// Hanyu pinyin of a name through ICU's Han→Latin transliterator, tones and spaces removed,
/// lower case: 阿基仑赛注射液 → `ajilunsaizhusheye`. Latin text passes through with its tone
/// marks removed, so a user's `ā jí lún sài` gives the same key.
/// Opening compiles ICU's rules (milliseconds): keep one. Not thread-safe.
public final class Pinyin {
    private let handle: OpaquePointer

    public init() throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = dl_translit_open("Han-Latin; Latin-ASCII; Lower", &error, 256) else {
            throw FolderError(message: CString.string(error))
        }
        self.handle = handle
    }

    deinit { dl_translit_close(handle) }

    public func key(_ text: String) -> String {
        var source = Array(text.utf8)
        guard !source.isEmpty else { return "" }
        var capacity = source.count * 8 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let n = source.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    src.withMemoryRebound(to: CChar.self) { s in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            dl_translit_run(handle, s.baseAddress, Int32(s.count), d.baseAddress, Int32(capacity))
                        }
                    }
                }
            }
            if n < 0 { return "" }
            if Int(n) <= capacity {
                let latin = String(decoding: out[0..<Int(n)], as: UTF8.self)
                return String(String.UnicodeScalarView(latin.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
            }
            capacity = Int(n) + 16
        }
    }
}
