import Foundation

/// Where the CLI writes: data to stdout, `druglabel: error: …` to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Bytes lent for the call, written without a copy into `Data`; a failed write stops the
    /// run as `out(_: Data)` does.
    static func out(_ bytes: UnsafeRawBufferPointer) {
        try! FileHandle.standardOutput.write(contentsOf: bytes)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("druglabel: error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("druglabel: warning: \(message)\n".utf8))
    }
}

