import CZlibSystem

/// The system zlib (through the CZlib module), which deflates the sources the index keeps: a
/// label's UTF-8 text shrinks about three times. Foundation on Linux has no compression API.
enum Zlib {
    /// The bytes deflated (zlib format), or nil if zlib fails. Level 3, not 9: on labels-dev
    /// the sources come out 3 % larger (0.48 of the text against 0.47) and are deflated 30 %
    /// sooner; at level 9 deflating was 8 % of an index run.
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: Int(compressBound(uLong(bytes.count))))
        var size = uLongf(out.count)
        let rc = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in compress2(dst.baseAddress, &size, src.baseAddress, uLong(src.count), 3) }
        }
        guard rc == Z_OK else { return nil }
        out.removeSubrange(Int(size)...)
        return out
    }

    /// Inflates `bytes` into exactly `size` bytes; nil when the data is not what was stored.
    static func decompress(_ bytes: [UInt8], size: Int) -> [UInt8]? {
        // zlib deflates at most 1032:1; a larger size is a damaged row, not an allocation to try.
        guard size >= 0, size <= bytes.count * 1032 + 64 else { return nil }
        var out = [UInt8](repeating: 0, count: max(size, 1))
        var produced = uLongf(out.count)
        let rc = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in uncompress(dst.baseAddress, &produced, src.baseAddress, uLong(src.count)) }
        }
        guard rc == Z_OK, Int(produced) == size else { return nil }
        out.removeSubrange(size...)
        return out
    }
}

extension Zlib {
    /// CRC-32 of the bytes: a check that a section's full-text tokens can still be made again.
    static func crc32(_ bytes: [UInt8]) -> Int64 {
        Int64(bytes.withUnsafeBufferPointer { CZlibSystem.crc32(0, $0.baseAddress, uInt($0.count)) })
    }
}
