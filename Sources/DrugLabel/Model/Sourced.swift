/// A value read from the document together with the lines it was read from, as every node of
/// swift-markdown carries its `SourceRange`. Metadata declares its plain values with it
/// (`@Sourced var genericName: String?`): `m.genericName` is the value, `m.$genericName.span`
/// its lines.
///
/// Assigning the value alone (`m.genericName = "…"`) clears the span: a value set without
/// saying where it came from must not keep the lines of the one it replaced. Readers set both
/// at once, `m.$genericName = Sourced("…", span: span)`.
@propertyWrapper
public struct Sourced<Value: Hashable & Sendable>: Hashable, Sendable {
    public private(set) var value: Value
    /// The lines the value was read from; nil for a value no line gave.
    public var span: SourceSpan?

    public init(wrappedValue: Value) {
        value = wrappedValue
        span = nil
    }

    public init(_ value: Value, span: SourceSpan?) {
        self.value = value
        self.span = span
    }

    public var wrappedValue: Value {
        get { value }
        set {
            value = newValue
            span = nil
        }
    }

    public var projectedValue: Sourced<Value> {
        get { self }
        set { self = newValue }
    }
}
