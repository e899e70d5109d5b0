import ArgumentParser
import Foundation
import LabelServer
import LabelStore
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index over HTTP: a JSON API (GET /openapi.json describes it) and a search page at /.",
        discussion: "The index is opened read-only; documents are read again from the paths they were indexed from, so start the server in the folder `druglabel index` ran in. One log line per request goes to stderr. SIGINT or SIGTERM stops it cleanly."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on; the default keeps the server to this machine.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on start).")
    var port = 8080

    func run() async throws {
        let path = store.db ?? LabelStore.defaultPath
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let server = LabelServer(databasePath: path, host: host, port: port)
        do {
            try await server.run { port in
                FileHandle.standardError.write(Data("druglabel: serving \(path) at http://\(host):\(port)/\n".utf8))
            }
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        } catch {
            let reason = "\(error)".contains("Address already in use")
                ? "the port is in use by another program; pass another --port" : "\(error)"
            Console.error("cannot serve at \(host):\(port): \(reason)")
            throw ExitCode(1)
        }
    }
}
