import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MarketCore
import SextantServices

/// How to run the server.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Tiers and CORS; `ServerPolicy.load(path: nil)` is the shipped default.
    public var policy: ServerPolicy

    public init(host: String = "127.0.0.1", port: Int = 8080, policy: ServerPolicy) {
        self.host = host
        self.port = port
        self.policy = policy
    }
}

/// The services of a store that holds both market data and API keys.
/// `versionInterval` bounds how often the data version is re-read (how long after an ingest's commit a cached
/// answer may still be served); 0 re-reads it on every request.
public func makeServices(repository: some MarketRepository & APIKeyStore, policy: ServerPolicy,
                         clock: @escaping @Sendable () -> Timestamp = systemClock, versionInterval: Duration = .zero) -> ServerServices {
    ServerServices(query: MarketQueryService(repository: repository), intel: IntelService(repository: repository),
                   gate: KeyGate(store: repository, policy: policy, clock: clock), versionInterval: versionInterval)
}

/// The wall clock.
public func systemClock() -> Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
}

/// The router: public routes (health, OpenAPI, pages), then `/v1` behind API keys.
///
/// Middleware order: request log → error mapping (every error becomes JSON in `ErrorMapping`) → CORS (only when
/// configured) → body-size guard; `/v1` adds the key check.
public func buildRouter(services: ServerServices, policy: ServerPolicy) -> Router<SextantRequestContext> {
    let router = Router(context: SextantRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware())
    if !policy.corsAllowedOrigins.isEmpty {
        router.add(middleware: CORSMiddleware(allowOrigin: .custom(policy.corsAllowedOrigins.joined(separator: ", ")),
                                              allowHeaders: [.contentType, .authorization, HTTPField.Name("x-api-key")!],
                                              allowMethods: [.get, .post, .options]))
    }
    router.add(middleware: BodyLimitMiddleware())
    router.get("health") { _, _ in
        struct Health: Encodable { var status = "ok"; var version = "1.0.0"; var dataVersion: Int64 }
        return try APIRoutes.json(Health(dataVersion: try services.version.current()), cacheControl: "no-store")
    }
    router.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
    }
    MarketPages(services: services).register(on: router)
    let v1 = router.group("v1")
    if let gate = services.gate { v1.add(middleware: APIKeyMiddleware(gate: gate)) }
    APIRoutes(services: services).register(on: v1)
    return router
}

/// The application for `sextant serve` and the tests.
public func buildApplication(configuration: ServerConfiguration, services: ServerServices,
                             logger: Logger = Logger(label: "sextant")) -> some ApplicationProtocol {
    let router = buildRouter(services: services, policy: configuration.policy)
    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Sextant"),
                       logger: logger)
}

/// Refuses bodies whose declared length is over the limit before reading them (413).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = SextantRequestContext
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ServerLimits.maxBodyBytes {
            throw APIError.payloadTooLarge(limit: ServerLimits.maxBodyBytes)
        }
        return try await next(request, context)
    }
}

/// One structured log line per request: method, path (never the query's key or any header), status, duration,
/// and the key's public prefix when there is one.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SextantRequestContext
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let ms = (ContinuousClock.now - start) / .microseconds(1) / 1000
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(Int(response.status.code)), "ms": .stringConvertible(ms),
        ])
        return response
    }
}

/// A log handler writing one JSON object per line to stderr: `{"ts", "level", "label", "msg", ...metadata}`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = ["ts": Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)).iso8601,
                                        "level": event.level.rawValue, "label": label, "msg": "\(event.message)"]
        for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, b in b }) { fields[k] = "\(v)" }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
