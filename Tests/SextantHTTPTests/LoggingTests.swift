import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SextantHTTP
import SextantServices
import Synchronization
import Testing

/// Collects every log line (message and metadata) at trace level.
final class LogCollector: Sendable {
    let lines = Mutex<[String]>([])

    struct Handler: LogHandler {
        let collector: LogCollector
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, b in b })
            let line = "\(event.message) \(all)"
            collector.lines.withLock { $0.append(line) }
        }
    }
}

@Suite struct LoggingTests {
    @Test("API keys never reach a log line, whether accepted, refused or sent as a bearer token")
    func keysNotLogged() async throws {
        let s = try TestServer()
        let collector = LogCollector()
        let app = Application(router: s.router, logger: Logger(label: "test") { _ in LogCollector.Handler(collector: collector) })
        let key = s.keys[.free] ?? ""
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/tokens", method: .get, headers: [HTTPField.Name("x-api-key")!: key]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/sentiment", method: .get, headers: [.authorization: "Bearer " + key]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/tokens", method: .get, headers: [HTTPField.Name("x-api-key")!: key + "x"]) { #expect($0.status == .unauthorized) }
        }
        let lines = collector.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("/v1/tokens") })
        #expect(!lines.contains { $0.contains(String(key.dropFirst(12))) })
    }
}
