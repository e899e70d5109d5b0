/// The bounds of a ZIP archive's records checked before ZIPFoundation reads it in memory: its
/// in-memory reader trusts the offsets the archive gives and traps on one past the end, and a
/// damaged .docx must be that document's error, not the run's end. Written here because no
/// library does this one check; it reads only the end record, the central directory and the
/// local headers it points to.
enum ZipLayout {
    /// Why the archive's layout does not fit its bytes; nil when it does.
    static func problem(in bytes: [UInt8]) -> String? {
        func u16(_ i: Int) -> Int { i + 2 <= bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : -1 }
        func u32(_ i: Int) -> Int {
            guard i + 4 <= bytes.count else { return -1 }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
        // The end record: its signature within the last 64 KB + 22 bytes (a comment may follow it).
        guard bytes.count >= 22 else { return "too short for an archive" }
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 22 - 65535) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { return "no end of central directory record" }
        let entries = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF { return "a ZIP64 archive, larger than a Word document is" }
        guard size >= 0, offset >= 0, offset + size <= end else { return "the central directory lies outside the archive" }
        var at = offset
        for _ in 0..<entries {
            guard u32(at) == 0x0201_4B50 else { return "a damaged central directory" }
            let compressed = u32(at + 20), nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard compressed >= 0, local >= 0, local + 30 <= offset, u32(local) == 0x0403_4B50 else { return "an entry's header lies outside the archive" }
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            guard data + compressed <= offset else { return "an entry's data runs past the archive" }
            at += 46 + nameLength + extraLength + commentLength
            guard at <= offset + size else { return "a damaged central directory" }
        }
        return nil
    }
}
