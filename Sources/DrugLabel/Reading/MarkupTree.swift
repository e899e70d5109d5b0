import Foundation
import MarkupBridge

/// An element of an XML or HTML document as libxml2 parsed it: local name, attributes by local
/// name, children in order. Built once per document part; the readers walk it.
struct MarkupElement: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [MarkupNode]

    func attribute(_ name: String) -> String? { attributes[name] }

    /// Child elements with this local name.
    func elements(_ name: String) -> [MarkupElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { return e } else { return nil } }
    }

    func first(_ name: String) -> MarkupElement? {
        for child in children { if case .element(let e) = child, e.name == name { return e } }
        return nil
    }

    /// All text below, in order.
    var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }
}

enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// Why a document part could not be parsed.
struct MarkupError: Error, CustomStringConvertible {
    var description: String
}

enum MarkupTree {
    static let maxDepth = 256
    /// A label's document.xml has some hundred thousand nodes; a tree of millions takes
    /// gigabytes.
    static let maxNodes = 3_000_000

    /// Parses UTF-8 `bytes` as XML, or as HTML with libxml2's forgiving HTML parser.
    static func parse(_ bytes: [UInt8], html: Bool) throws -> MarkupElement {
        final class Builder {
            var stack: [MarkupElement] = [MarkupElement(name: "#document", attributes: [:], children: [])]
            /// Elements opened past `maxDepth`, read as if they were not there.
            var flattened = 0
            /// Nodes made so far: past `maxNodes` the walk stops and the document is refused.
            var nodes = 0
        }
        let builder = Builder()
        var error = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buffer in
            withExtendedLifetime(builder) {
                dl_markup_walk(buffer.baseAddress, Int64(buffer.count), html ? 1 : 0, { context, kind, name, attributes, text, length in
                    let builder = Unmanaged<Builder>.fromOpaque(context!).takeUnretainedValue()
                    builder.nodes += 1
                    if builder.nodes > MarkupTree.maxNodes { return 1 }
                    switch kind {
                    case Int32(DL_MARKUP_START):
                        // The tree is walked and freed recursively: past this depth (no real
                        // label comes near it) elements are dropped and their text kept.
                        if builder.stack.count >= MarkupTree.maxDepth { builder.flattened += 1; return 0 }
                        var attrs: [String: String] = [:]
                        if var p = attributes {
                            while let key = p.pointee, let value = p.advanced(by: 1).pointee {
                                attrs[String(cString: key)] = String(cString: value)
                                p = p.advanced(by: 2)
                            }
                        }
                        builder.stack.append(MarkupElement(name: name.map { String(cString: $0) } ?? "", attributes: attrs, children: []))
                    case Int32(DL_MARKUP_END):
                        if builder.flattened > 0 { builder.flattened -= 1; return 0 }
                        // The root stays on the stack: an END without its START is ignored.
                        guard builder.stack.count > 1 else { return 0 }
                        let done = builder.stack.removeLast()
                        builder.stack[builder.stack.count - 1].children.append(.element(done))
                    case Int32(DL_MARKUP_TEXT):
                        guard let text, length > 0 else { return 0 }
                        let s = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)).bindMemory(to: UInt8.self), as: UTF8.self)
                        builder.stack[builder.stack.count - 1].children.append(.text(s))
                    default:
                        break
                    }
                    return 0
                }, Unmanaged.passUnretained(builder).toOpaque(), &error, Int32(error.count))
            }
        }
        if status == 1 {
            throw MarkupError(description: "more than \(MarkupTree.maxNodes) elements and text runs, more than a label has")
        }
        guard status == 0 else {
            throw MarkupError(description: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Elements left open (none, from a tree walk) are closed in order.
        while builder.stack.count > 1 {
            let done = builder.stack.removeLast()
            builder.stack[builder.stack.count - 1].children.append(.element(done))
        }
        return builder.stack[0]
    }
}
