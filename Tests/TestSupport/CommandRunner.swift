import Foundation

/// The `druglabel` executable as users run it, for the tests of the command line and of the
/// server a user starts: the process's exit status, stdout and stderr.
package struct CommandRunner {
    package struct Run {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    package init() {}

    /// The executable built next to this test bundle.
    package static func executable() throws -> URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("druglabel")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let debug = TestSupport.repository.appendingPathComponent(".build/debug/druglabel")
        guard FileManager.default.isExecutableFile(atPath: debug.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "druglabel executable"])
        }
        return debug
    }

    package func run(_ arguments: [String], cwd: URL = TestSupport.repository) throws -> Run {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // stderr is read on its own thread: a command that fills the stderr pipe (64 KB) while
        // stdout is being read would otherwise wait for a reader that never comes.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
