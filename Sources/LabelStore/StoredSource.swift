import Foundation

/// A document's source bytes as stored: deflated when that makes them smaller (tiny files do not shrink).
enum StoredSource {
    static func encode(_ bytes: [UInt8]) -> (codec: String, size: Int, data: Data) {
        if let deflated = Zlib.compress(bytes), deflated.count < bytes.count { return ("zlib", bytes.count, Data(deflated)) }
        return ("raw", bytes.count, Data(bytes))
    }

    static func decode(codec: String, size: Int, data: [UInt8]) -> [UInt8]? {
        switch codec {
        case "raw": return data.count == size ? data : nil
        case "zlib": return Zlib.decompress(data, size: size)
        default: return nil
        }
    }
}
