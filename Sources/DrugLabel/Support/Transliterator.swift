import ICUBridge

/// Any ICU transform by its id (`Simplified-Traditional`, `Han-Latin`): what tests use to make
/// Traditional copies of the seed label without a hand-made table. Not thread-safe.
final class Transliterator {
    private let handle: OpaquePointer

    init(_ id: String) throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = dl_translit_open(id, &error, 256) else {
            throw ICUOpenError(transform: id, message: CString.string(error))
        }
        self.handle = handle
    }

    deinit { dl_translit_close(handle) }

    func callAsFunction(_ text: String) -> String? {
        ICUCall.utf8(text, initialCapacity: text.utf8.count * 2 + 16) { dl_translit_run(handle, $0, $1, $2, $3) }
    }
}
