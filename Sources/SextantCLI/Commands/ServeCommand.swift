import ArgumentParser
import Foundation
import Logging
import SextantHTTP
import SextantServices

/// `sextant serve`: the JSON API under /v1, the OpenAPI document and the market pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/v1), /openapi.json and the market pages.",
        discussion: "API calls need a key from 'sextant keys create'. Logs are JSON lines on stderr.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Tier configuration (JSON); default: the shipped tiers.json.") var tiers: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port): allowed 1...65535") }
    }

    func run() async throws {
        let policy: ServerPolicy
        do { policy = try ServerPolicy.load(path: tiers) } catch { throw CommandFailure("\(error)") }
        LoggingSystem.bootstrap { label in
            var h = JSONLogHandler(label: label)
            h.logLevel = global.logLevel == .trace ? .trace : global.logLevel == .debug ? .debug : global.logLevel == .warning ? .warning
                : global.logLevel == .error ? .error : .info
            return h
        }
        let repository = try global.openRepository()
        // New data shows within 0.25 s of an ingest's commit; the hot path skips a query per request.
        let services = makeServices(repository: repository, policy: policy, versionInterval: .milliseconds(250))
        let app = buildApplication(configuration: ServerConfiguration(host: host, port: port, policy: policy), services: services)
        try await app.runService()
    }
}
