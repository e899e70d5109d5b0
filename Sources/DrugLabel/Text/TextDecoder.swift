import ICUBridge
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into text: BOMs first, then strict UTF-8, then ICU's charset detector
/// (GB18030/GBK, Big5, …) with ICU's converters. Refuses PDFs and binary files.
public struct TextDecoder: Sendable {
    public init() {}

    /// Valid UTF-8 is kept as the array's bytes, not copied into a String.
    public func decode(_ data: [UInt8]) throws -> DecodedText {
        try data.withUnsafeBufferPointer { try decode($0, owner: data) }
    }

    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> DecodedText {
        try decode(bytes, owner: nil)
    }

    /// `owner`, when given, holds `bytes` (from its start): valid UTF-8 is then kept as its bytes.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, owner: [UInt8]?) throws -> DecodedText {
        if bytes.starts(with: Array("%PDF".utf8)) { throw InputError.pdf }
        for (magic, name) in TextDecoder.magics where bytes.starts(with: magic) { throw InputError.format(name) }
        if !bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) { throw InputError.empty }
        if let bom = ByteOrderMark(bytes) {
            let body = UnsafeBufferPointer(rebasing: bytes[bom.length...])
            if bom.charset == "UTF-8" {
                return try decodeUTF8(body, encoding: "UTF-8 (BOM)", owner: owner, offset: bom.length)
            }
            return try convert(body, charset: bom.charset, encoding: bom.charset + " (BOM)")
        }
        // UTF-16 text is full of NUL bytes, so this test comes after the BOM check. By memchr:
        // the generic search took as long as validating the UTF-8, before anything else could start.
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            throw InputError.binary("NUL bytes and no byte order mark; if it is UTF-16 text, save it with a BOM")
        }
        return try decodeUTF8(bytes, encoding: "UTF-8", owner: owner, offset: 0)
    }

    /// Formats people feed by mistake, by their first bytes.
    private static let magics: [([UInt8], String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "ZIP file (.docx, .xlsx, .zip)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "Microsoft Office file (.doc, .xls)"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x1F, 0x8B], "gzip file"),
        (Array("{\\rtf".utf8), "RTF document"),
    ]

    /// `bytes` are `owner[offset...]` when an owner is given.
    private func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, owner: [UInt8]?, offset: Int) throws -> DecodedText {
        if let owner {
            if String.isValidUTF8InPieces(bytes) {
                return DecodedText(validUTF8: owner, range: offset..<(offset + bytes.count), encoding: encoding)
            }
        } else if let text = String(validatingInPieces: bytes) {
            return DecodedText(text: text, encoding: encoding, diagnostics: [])
        }
        let scan = UTF8Scan(bytes)
        if scan.truncatedAtEnd, let cut = scan.firstInvalid {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
            let line = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return DecodedText(text: text, encoding: encoding, diagnostics: [
                Diagnostic(.warning, "decode.truncated",
                           "the file ends in the middle of a UTF-8 sequence (byte \(cut)); the cut character was dropped",
                           line: line),
            ])
        }
        // UTF-8 with a few damaged bytes (a bad copy, a flipped byte): ICU's detector would
        // call it windows-1252 and turn every character into mojibake, so decide here.
        if scan.validMultibyte >= 20 * scan.invalidSequences {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: encoding, diagnostics: [
                Diagnostic(.warning, "decode.invalid",
                           "\(scan.invalidSequences) invalid UTF-8 sequence(s) were replaced by U+FFFD",
                           line: lineNumber(of: scan.firstInvalid ?? 0, in: bytes)),
            ])
        }
        // Not UTF-8: ask ICU which legacy charset it is.
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let detected = dl_detect_charset(bytes.baseAddress, Int64(bytes.count), &name, 64, &confidence) == 0
        let charset = detected ? CString.string(name) : "UTF-8"
        if charset == "UTF-8" || !detected {
            // Mostly UTF-8 with a few bad bytes: keep the text, mark the damage.
            let ratio = Double(scan.invalidSequences) / Double(max(bytes.count, 1))
            if ratio > 0.01 { throw InputError.binary("\(scan.invalidSequences) undecodable byte sequences") }
            let text = String(decoding: bytes, as: UTF8.self)
            return DecodedText(text: text, encoding: encoding, diagnostics: [
                Diagnostic(.warning, "decode.invalid",
                           "\(scan.invalidSequences) invalid UTF-8 sequences were replaced by U+FFFD"),
            ])
        }
        return try convert(bytes, charset: charset, encoding: charset)
    }

    /// The 1-based line of byte `offset`.
    private func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private func convert(_ bytes: UnsafeBufferPointer<UInt8>, charset: String, encoding: String) throws -> DecodedText {
        var outLength: Int64 = 0
        var substitutions: Int64 = 0
        var error = [CChar](repeating: 0, count: 256)
        guard let out = dl_convert_to_utf8(charset, bytes.baseAddress, Int64(bytes.count),
                                           &outLength, &substitutions, &error, 256) else {
            throw InputError.unreadable("cannot convert from \(charset): \(CString.string(error))")
        }
        defer { dl_free(out) }
        let text = String(decoding: UnsafeBufferPointer(start: out, count: Int(outLength)), as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        let scalars = max(text.unicodeScalars.count, 1)
        if Double(substitutions) / Double(scalars) > 0.05 {
            throw InputError.binary("most of it does not decode as \(charset)")
        }
        // Bytes that "decode" only to C1 controls, noncharacters (U+FFFF from 0xFF 0xFF) or
        // private use are not text in any charset. C0 controls and DEL are not counted: they
        // are the same ASCII bytes in every charset, strict UTF-8 accepts them, and PDF
        // extraction leaves them in labels; a label saved as UTF-16 or GB18030 reads the same.
        let junk = text.unicodeScalars.reduce(0) { n, s in
            let v = s.value
            let control = (0x80...0x9F).contains(v)
            let nonCharacter = (v & 0xFFFE) == 0xFFFE || (0xFDD0...0xFDEF).contains(v)
            return control || nonCharacter || (0xE000...0xF8FF).contains(v) ? n + 1 : n
        }
        if Double(junk) / Double(scalars) > 0.01 {
            throw InputError.binary("control or noncharacter bytes throughout; decoded as \(charset) it is not text")
        }
        if substitutions > 0 {
            diagnostics.append(Diagnostic(.warning, "decode.invalid",
                                          "\(substitutions) byte sequences are not \(charset) and were replaced by U+FFFD"))
        }
        diagnostics.append(Diagnostic(.info, "decode.charset", "decoded as \(charset)"))
        return DecodedText(text: text, encoding: encoding, diagnostics: diagnostics)
    }
}
