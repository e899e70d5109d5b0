import Foundation

/// Any JSON value, decoded keeping booleans, integers and null apart (JSONSerialization gives
/// NSNumber for both booleans and numbers), for checking responses against their schemas.
package enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    package subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
    package subscript(index: Int) -> JSONValue? { if case .array(let a) = self, a.indices.contains(index) { return a[index] } else { return nil } }
    package var string: String? { if case .string(let s) = self { return s } else { return nil } }
    package var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    package var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}

/// The part of JSON Schema (2020-12, as OpenAPI 3.1 and docs/*.schema.json use it) that
/// druglabel's schemas use: $ref (to OpenAPI's components or to `$defs`), type (one or a list),
/// properties, patternProperties, propertyNames, minProperties, required, additionalProperties, items, oneOf, anyOf, enum, const, minimum,
/// maximum, minLength, pattern, minItems and maxItems. A keyword outside that set is reported, so
/// a schema cannot grow a rule this checker silently ignores. (The allowed packages hold no
/// JSON Schema validator; CI also runs Python's full `jsonschema`, Scripts/check-schema.py.)
package struct SchemaChecker {
    package let components: [String: JSONValue]

    /// An OpenAPI document (its `components.schemas`) or a JSON Schema (its `$defs`).
    package init(spec: JSONValue) {
        if case .object(let c)? = spec["components"]?["schemas"] { components = c }
        else if case .object(let d)? = spec["$defs"] { components = d }
        else { components = [:] }
    }

    package func check(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let s) = schema else { return ["\(path): schema is not an object"] }
        var errors: [String] = []
        let known: Set = ["$ref", "type", "properties", "required", "additionalProperties", "items", "oneOf", "enum", "const",
                          "description", "format", "minimum", "maximum", "default", "anyOf", "minLength", "pattern",
                          "minItems", "maxItems", "title", "$schema", "$id", "$defs", "patternProperties", "propertyNames", "minProperties"]
        for key in s.keys where !known.contains(key) { errors.append("\(path): schema keyword \(key) is not checked") }
        if let ref = s["$ref"]?.string {
            guard let name = ref.split(separator: "/").last, let target = components[String(name)] else { return ["\(path): unknown \(ref)"] }
            return check(value, against: target, at: path)
        }
        if let type = s["type"] {
            let types = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): \(short(value)) is not \(types.joined(separator: "|"))"] }
        }
        if let options = s["enum"]?.array, !options.contains(value) { errors.append("\(path): \(short(value)) not in enum") }
        if let constant = s["const"], constant != value { errors.append("\(path): \(short(value)) is not \(short(constant))") }
        if let options = s["oneOf"]?.array {
            let passing = options.filter { check(value, against: $0, at: path).isEmpty }.count
            if passing != 1 { errors.append("\(path): matches \(passing) of oneOf's \(options.count) schemas") }
        }
        if let options = s["anyOf"]?.array, !options.contains(where: { check(value, against: $0, at: path).isEmpty }) {
            errors.append("\(path): matches none of anyOf's \(options.count) schemas")
        }
        if case .number(let n) = value {
            if let min = s["minimum"]?.number, n < min { errors.append("\(path): \(n) is under the minimum \(min)") }
            if let max = s["maximum"]?.number, n > max { errors.append("\(path): \(n) is over the maximum \(max)") }
        }
        if case .string(let text) = value {
            if let min = s["minLength"]?.number, Double(text.count) < min { errors.append("\(path): shorter than \(Int(min))") }
            if let pattern = s["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): \(short(value)) does not match \(pattern)")
            }
        }
        if case .array(let items) = value {
            if let min = s["minItems"]?.number, Double(items.count) < min { errors.append("\(path): fewer than \(Int(min)) items") }
            if let max = s["maxItems"]?.number, Double(items.count) > max { errors.append("\(path): more than \(Int(max)) items") }
        }
        if case .object(let object) = value {
            let properties: [String: JSONValue]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            for name in s["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                errors.append("\(path): missing \(name)")
            }
            if let min = s["minProperties"]?.number, Double(object.count) < min { errors.append("\(path): fewer than \(Int(min)) keys") }
            var patterns: [(String, JSONValue)] = []
            if case .object(let p)? = s["patternProperties"] { patterns = p.sorted { $0.key < $1.key } }
            for (name, item) in object.sorted(by: { $0.key < $1.key }) {
                if let names = s["propertyNames"] { errors += check(.string(name), against: names, at: "\(path).\(name) (name)") }
                let patterned = patterns.filter { name.range(of: $0.0, options: .regularExpression) != nil }
                for (_, p) in patterned { errors += check(item, against: p, at: "\(path).\(name)") }
                if let p = properties[name] { errors += check(item, against: p, at: "\(path).\(name)") }
                else if patterned.isEmpty, let extra = s["additionalProperties"] {
                    if extra == .bool(false) { errors.append("\(path): unexpected key \(name)") }
                    else if case .object = extra { errors += check(item, against: extra, at: "\(path).\(name)") }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { errors += check(item, against: itemSchema, at: "\(path)[\(i)]") }
        }
        return errors
    }

    private func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .number(let n)): return n == n.rounded()
        default: return false
        }
    }

    private func short(_ value: JSONValue) -> String { String(String(describing: value).prefix(60)) }
}
