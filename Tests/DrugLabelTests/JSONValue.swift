import Foundation

/// Any JSON value, decoded keeping booleans, integers and null apart (JSONSerialization gives
/// NSNumber for both booleans and numbers), for checking responses against their schemas.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
    subscript(index: Int) -> JSONValue? { if case .array(let a) = self, a.indices.contains(index) { return a[index] } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}

/// The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that druglabel's openapi.json
/// uses: $ref, type (one or a list), properties, required, additionalProperties: false,
/// items, oneOf, enum and const. A keyword outside that set is reported, so the spec cannot
/// grow a rule this checker silently ignores.
struct SchemaChecker {
    let components: [String: JSONValue]

    init(spec: JSONValue) {
        if case .object(let c)? = spec["components"]?["schemas"] { components = c } else { components = [:] }
    }

    func check(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let s) = schema else { return ["\(path): schema is not an object"] }
        var errors: [String] = []
        let known: Set = ["$ref", "type", "properties", "required", "additionalProperties", "items", "oneOf", "enum", "const",
                          "description", "format", "minimum", "maximum", "default"]
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
        if case .object(let object) = value {
            let properties: [String: JSONValue]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            for name in s["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                errors.append("\(path): missing \(name)")
            }
            for (name, item) in object {
                if let p = properties[name] { errors += check(item, against: p, at: "\(path).\(name)") }
                else if s["additionalProperties"] == .bool(false) { errors.append("\(path): unexpected key \(name)") }
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
