import Foundation

/// Compact JSON (no white space, as `JSONEncoder` writes it without `.prettyPrinted`) rewritten
/// without the members of its objects whose value is `null`; array elements stay as they are.
/// Anything else than such JSON is given back unchanged.
struct NullMembers {
    private let input: [UInt8]
    private var i = 0
    private var output: [UInt8] = []

    static func removed(from json: Data) -> [UInt8] {
        removed(from: Array(json))
    }

    static func removed(from json: [UInt8]) -> [UInt8] {
        var rewriter = NullMembers(input: json)
        rewriter.output.reserveCapacity(rewriter.input.count)
        guard rewriter.value(), rewriter.i == rewriter.input.count else { return rewriter.input }
        return rewriter.output
    }

    private init(input: [UInt8]) { self.input = input }

    private var byte: UInt8? { i < input.count ? input[i] : nil }

    /// Copies one value, false when the input is not compact JSON.
    private mutating func value() -> Bool {
        switch byte {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string()
        case nil: return false
        default:
            // A number, `true`, `false` or `null`: up to the next delimiter.
            let start = i
            while let b = byte, b != UInt8(ascii: ","), b != UInt8(ascii: "}"), b != UInt8(ascii: "]") { i += 1 }
            output.append(contentsOf: input[start..<i])
            return i > start
        }
    }

    private mutating func object() -> Bool {
        output.append(UInt8(ascii: "{"))
        i += 1
        if byte == UInt8(ascii: "}") { i += 1; output.append(UInt8(ascii: "}")); return true }
        var written = false
        while true {
            let mark = output.count
            if written { output.append(UInt8(ascii: ",")) }
            guard byte == UInt8(ascii: "\""), string(), byte == UInt8(ascii: ":") else { return false }
            i += 1
            if isNull {
                i += 4
                output.removeSubrange(mark...)
            } else {
                output.append(UInt8(ascii: ":"))
                guard value() else { return false }
                written = true
            }
            switch byte {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; output.append(UInt8(ascii: "}")); return true
            default: return false
            }
        }
    }

    /// `null` as the whole value: followed by the end of its member.
    private var isNull: Bool {
        guard i + 4 <= input.count, input[i..<i + 4].elementsEqual("null".utf8) else { return false }
        return i + 4 < input.count && (input[i + 4] == UInt8(ascii: ",") || input[i + 4] == UInt8(ascii: "}"))
    }

    private mutating func array() -> Bool {
        output.append(UInt8(ascii: "["))
        i += 1
        if byte == UInt8(ascii: "]") { i += 1; output.append(UInt8(ascii: "]")); return true }
        while true {
            guard value() else { return false }
            switch byte {
            case UInt8(ascii: ","): i += 1; output.append(UInt8(ascii: ","))
            case UInt8(ascii: "]"): i += 1; output.append(UInt8(ascii: "]")); return true
            default: return false
            }
        }
    }

    /// Copies a string, its escapes as they are.
    private mutating func string() -> Bool {
        let start = i
        i += 1
        while let b = byte {
            i += 1
            if b == UInt8(ascii: "\\") {
                i += 1
            } else if b == UInt8(ascii: "\"") {
                output.append(contentsOf: input[start..<i])
                return true
            }
        }
        return false
    }
}
