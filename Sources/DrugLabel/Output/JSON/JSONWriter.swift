/// JSON written straight into a byte buffer, in the exact layout `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (or the same without
/// `.prettyPrinted`), so the label's contract keeps its bytes without the encoder's cost: the
/// encoder builds a tree of boxed values, sorts every object's keys through a dictionary and only
/// then writes. Callers write keys in sorted order themselves.
///
/// The pretty layout, as the encoder has it: two spaces a level, `"key" : value`, and an empty
/// array or object as its bracket, a newline, a blank line and the indented closing bracket
/// (`[\n\n  ]`) — the encoder writes the newlines around the elements even when there are none.
struct JSONWriter {
    /// What has been written since the last `take()` or `removeAll()`.
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// The first non-finite number written, which JSON has no form for. Checked by whoever hands
    /// the bytes on, so primitives need not throw through every model type's `writeJSON`; a
    /// `null` stands in its place meanwhile.
    private(set) var invalidNumber: Double?
    /// The origins of the lines of a document read from a PDF, .docx or web page: a span written
    /// says the page, paragraph and cell it starts in. Nil for text, whose spans are lines only.
    var origins: LineOrigins?

    private var depth = 0
    /// No member or element written yet in the innermost open container: no comma before the next.
    private var first = true
    /// A key was written: the next value follows it on the same line, without comma or indent.
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written so far, moved out rather than copied, when nothing more will follow.
    mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// A writer standing where this one stands but holding no bytes, for the next elements of an
    /// open array written apart, on another core: `append`ed in order, the parts give the bytes
    /// this writer would have written. `first` is false for all but the part that comes first.
    func part(first isFirst: Bool) -> JSONWriter {
        // A part is written a run of elements at a time (some kilobytes): grown from nothing,
        // its buffer was reallocated a dozen times on the way.
        var part = JSONWriter(pretty: pretty, capacity: 16 * 1024)
        part.origins = origins
        part.depth = depth
        part.first = first && isFirst
        part.afterKey = afterKey && isFirst
        return part
    }

    /// A part's bytes appended, and its place taken: the writer stands where the part ended.
    mutating func append(_ part: JSONWriter) {
        bytes.append(contentsOf: part.bytes)
        take(placeOf: part)
    }

    /// A part's place taken without its bytes, which the caller has handed on after this
    /// writer's own: the writer stands where the part ended.
    mutating func take(placeOf part: JSONWriter) {
        depth = part.depth
        first = part.first
        afterKey = part.afterKey
        if invalidNumber == nil { invalidNumber = part.invalidNumber }
    }

    /// Forgets the bytes written so far (once copied elsewhere), keeping the buffer's capacity
    /// for what follows.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member's key, known to need no escaping (the model's own key names).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        append(pretty ? "\" : " : "\":")
        afterKey = true
    }

    /// A member's key from data (a dictionary's), escaped as any string.
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        endKey()
    }

    // MARK: Values

    mutating func string(_ value: String) {
        beforeValue()
        appendQuoted(value)
    }

    mutating func int(_ value: Int) {
        beforeValue()
        appendDecimal(value)
    }

    /// As the encoder writes a `Double`: its `description` without a trailing `.0` (`1`, `0.5`,
    /// `1e-07`, `1e+16`, `-0`).
    mutating func double(_ value: Double) {
        beforeValue()
        guard value.isFinite else {
            if invalidNumber == nil { invalidNumber = value }
            append("null")
            return
        }
        // `description` prints integral values below 2^53 in plain decimal with `.0`; writing the
        // integer directly spares the String for the common whole numbers.
        if value.magnitude < 9_007_199_254_740_992, value == value.rounded(.towardZero) {
            if value == 0 && value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendDecimal(Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        append(value ? "true" : "false")
    }

    mutating func null() {
        beforeValue()
        append("null")
    }

    // MARK: Layout

    private mutating func open() {
        if pretty { bytes.append(0x0A) }
        depth += 1
        first = true
    }

    // The newline comes even after no element at all: hence the encoder's blank line in `[\n\n  ]`.
    private mutating func close() {
        depth -= 1
        if pretty { appendCommaIndent(from: 1) }
        first = false
    }

    private mutating func endKey() {
        append(pretty ? " : " : ":")
        afterKey = true
    }

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            separate()
        }
    }

    /// The comma, newline and indent before a member or element, appended as one run of
    /// `commaIndent`: three appends of a byte or two each cost more than the copy (key, comma
    /// and indent appends were 2.4% of a 50 MB label's parse).
    private mutating func separate() {
        if !pretty {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            return
        }
        let skip = first ? 2 : 0
        first = false
        appendCommaIndent(from: skip)
    }

    /// `commaIndent` from `start` (0: the comma and newline too; 1: the newline; 2: the spaces
    /// only) through the indent of `depth`, in runs as long as the literal allows.
    private mutating func appendCommaIndent(from start: Int) {
        var start = start
        var count = max(0, depth * 2)
        guard start < 2 || count > 0 else { return }
        repeat {
            let run = min(count, Self.commaIndent.utf8CodeUnitCount - 2)
            Self.commaIndent.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<(2 + run)])) }
            count -= run
            start = 2
        } while count > 0
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static let commaIndent: StaticString = ",\n                                                                "

    // MARK: Text

    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        // Twenty digits hold any UInt64; written backwards, then copied in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The escapes of the encoder and no others: `"`, `\` and the C0 controls, with the short
    /// forms `\b \t \n \f \r` and `\u00xx` (lower-case hex) for the rest. DEL, U+2028/U+2029 and
    /// everything else non-ASCII go through as UTF-8; so does `/` (`.withoutEscapingSlashes`).
    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if copied == nil {
            // A string not stored as contiguous UTF-8 (bridged, say) is made so first.
            var native = text
            native.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var mark = 0
        var index = 0
        let count = utf8.count
        guard let base = utf8.baseAddress else { return }
        while index < count {
            // Eight bytes at a time while none needs escaping: label text is long and rarely does.
            if count - index >= 8,
               !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index])) }
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            default:
                append("\\u00")
                bytes.append(Self.hex(byte >> 4))
                bytes.append(Self.hex(byte & 0x0F))
            }
            index += 1
            mark = index
        }
        if count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<count])) }
    }

    /// Whether any of the eight bytes is below 0x20, a quote or a backslash (the bit tricks of
    /// "has less" and "has zero byte": exact for the word as a whole, which is all that is asked).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let below = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (below | quote | backslash) & highs != 0
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
    }
}
