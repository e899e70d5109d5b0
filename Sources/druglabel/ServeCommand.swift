import ArgumentParser
import Foundation
import LabelServer
import LabelStore
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index over HTTP: a JSON API (GET /openapi.json describes it) and a search page at /.",
        discussion: "The index is opened read-only, and every answer comes from it alone: the documents are kept in the index, so the server may run in any folder, and files moved, changed or deleted since `druglabel index` change nothing it says. A request's head must arrive within 10 s of its first byte, and an idle connection is closed after 60 s. One log line per request goes to stderr. SIGINT or SIGTERM stops it cleanly."
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
                FileHandle.standardError.write(Data("druglabel: serving \(path) at http://\(server.host):\(port)/\n".utf8))
            }
        } catch let error as LabelServerError {
            // The index's own message ("FILE is damaged …") or the address's: never one for the other.
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
