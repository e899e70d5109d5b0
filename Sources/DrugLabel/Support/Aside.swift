import Dispatch

/// A value made on a thread of its own while the caller goes on, or one at hand already;
/// `value` waits for it. The parse's digest and the CLI's read-ahead both take it.
package final class Aside<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once before `group` is left, read only after it was waited for.
    private var made: Value?

    package init(_ make: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            made = make()
            group.leave()
        }
    }

    package init(ready value: Value) {
        made = value
    }

    package var value: Value {
        group.wait()
        return made!
    }
}
