/// Calls an ICUBridge function that writes UTF-8 into a caller's buffer and answers the length
/// it needed, growing the buffer once when it was too small. Nil on an ICU error.
enum ICUCall {
    static func utf8(_ text: String, initialCapacity: Int,
                     _ call: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32) -> Int32) -> String? {
        var source = Array(text.utf8)
        if source.isEmpty { return "" }
        var capacity = initialCapacity
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let n = source.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    src.withMemoryRebound(to: CChar.self) { s in
                        dst.withMemoryRebound(to: CChar.self) { d in
                            call(s.baseAddress, Int32(s.count), d.baseAddress, Int32(capacity))
                        }
                    }
                }
            }
            if n < 0 { return nil }
            if Int(n) <= capacity { return String(decoding: out[0..<Int(n)], as: UTF8.self) }
            capacity = Int(n) + 16
        }
    }
}
