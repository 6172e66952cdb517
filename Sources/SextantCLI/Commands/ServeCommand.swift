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
    @Option(help: "Signal models folder; default: Models/ of the working directory or of this checkout.") var models: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port): allowed 1...65535") }
    }

    func run() async throws {
        let policy: ServerPolicy
        do { policy = try ServerPolicy.load(path: tiers) } catch { throw CommandFailure("\(error)") }
        let g = global.logLevel
        let level: Logger.Level = g == .trace ? .trace : g == .debug ? .debug : g == .warning ? .warning : g == .error ? .error : .info
        LoggingSystem.bootstrap { label in
            var h = JSONLogHandler(label: label)
            h.logLevel = level
            return h
        }
        // A models folder that is given, or found, must load: a corrupt or wrong-version model stops the server
        // with the reason instead of serving pages without signals. With none found, it serves without signals.
        let folder = models ?? SignalQueryService.defaultModelsFolder()
        let signalModels = try folder.map { try ModelLocation.load($0) } ?? [:]
        let repository = try global.openRepository()
        // New data shows within 0.25 s of an ingest's commit; the hot path skips a query per request.
        var services = makeServices(repository: repository, policy: policy, versionInterval: .milliseconds(250))
        services.signals = SignalQueryService(repository: repository, models: signalModels)
        let app = buildApplication(configuration: ServerConfiguration(host: host, port: port, policy: policy), services: services)
        try await app.runService()
    }
}
