/// A property carried beside a value but not part of it: how the value was read (a paragraph's
/// line starts, a cell's own lines), which its JSON does not hold. A value read back from its
/// JSON must equal the value written, so `==` and `hash` (synthesized or not) see any two of
/// these as equal.
@propertyWrapper
public struct Uncompared<Value: Sendable>: Hashable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public static func == (a: Uncompared, b: Uncompared) -> Bool { true }

    public func hash(into hasher: inout Hasher) {}
}
