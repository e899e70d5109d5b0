import Foundation

/// `druglabel serve --port 0` started as a process, with the port it printed: what the CLI tests
/// need to reach the server a user would start.
package final class ServeProcess {
    package let process = Process()
    private let err = Pipe()
    /// What the server wrote to stderr so far (its start line, its request log).
    package private(set) var log = Data()
    package private(set) var port: Int?

    package init(db: String, in folder: URL) throws {
        process.executableURL = try CommandRunner.executable()
        process.arguments = ["serve", "--db", db, "--port", "0"]
        process.currentDirectoryURL = folder
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        while port == nil {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += chunk
            if let m = String(decoding: log, as: UTF8.self).firstMatch(of: /127\.0\.0\.1:(\d+)\//) { port = Int(m.1) }
        }
    }

    package var logText: String { String(decoding: log, as: UTF8.self) }

    /// Stops the server as Ctrl-C would and keeps the rest of its log; returns its exit status.
    @discardableResult
    package func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        log += err.fileHandleForReading.readDataToEndOfFile()
        return process.terminationStatus
    }
}
