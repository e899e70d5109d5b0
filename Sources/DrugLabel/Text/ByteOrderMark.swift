/// A byte order mark at the start of a file.
struct ByteOrderMark {
    var charset: String
    var length: Int

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let b = Array(bytes.prefix(4))
        if b.starts(with: [0xFF, 0xFE, 0, 0]) { (charset, length) = ("UTF-32LE", 4) }
        else if b.starts(with: [0, 0, 0xFE, 0xFF]) { (charset, length) = ("UTF-32BE", 4) }
        else if b.starts(with: [0xEF, 0xBB, 0xBF]) { (charset, length) = ("UTF-8", 3) }
        else if b.starts(with: [0xFF, 0xFE]) { (charset, length) = ("UTF-16LE", 2) }
        else if b.starts(with: [0xFE, 0xFF]) { (charset, length) = ("UTF-16BE", 2) }
        else { return nil }
    }
}
