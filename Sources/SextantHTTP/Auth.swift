import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import SextantServices

/// What one tier allows.
public struct TierPolicy: Codable, Sendable, Equatable {
    public var requestsPerMinute: Int
    /// Requests per calendar month (UTC); nil for no quota.
    public var monthlyQuota: Int?
    /// Path patterns the tier may call: `*` matches one path segment, a final `**` any rest.
    public var endpoints: [String]

    public init(requestsPerMinute: Int, monthlyQuota: Int?, endpoints: [String]) {
        self.requestsPerMinute = requestsPerMinute
        self.monthlyQuota = monthlyQuota
        self.endpoints = endpoints
    }

    /// Whether `path` matches one of the tier's endpoint patterns.
    public func allows(path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return endpoints.contains { pattern in
            let p = pattern.split(separator: "/", omittingEmptySubsequences: true)
            for (i, part) in p.enumerated() {
                if part == "**" { return segments.count > i }
                guard i < segments.count, part == "*" || part == segments[i] else { return false }
            }
            return p.count == segments.count
        }
    }
}

/// The tier configuration file (`Resources/tiers.json` is the shipped default; `sextant serve --tiers FILE` replaces it).
public struct ServerPolicy: Codable, Sendable, Equatable {
    public var tiers: [String: TierPolicy]
    /// Origins allowed by CORS; empty (the default) leaves CORS off.
    public var corsAllowedOrigins: [String]

    /// The policy of a tier. - Throws: when the file does not define it.
    public func policy(for tier: APITier) -> TierPolicy? { tiers[tier.rawValue] }

    /// Reads a policy file and checks that it defines every tier with sane limits.
    public static func load(path: String?) throws -> ServerPolicy {
        let data: Data
        if let path {
            guard let d = FileManager.default.contents(atPath: path) else { throw PolicyError("cannot read tier file \(path)") }
            data = d
        } else {
            guard let url = Bundle.module.url(forResource: "Resources/tiers", withExtension: "json") ?? Bundle.module.url(forResource: "tiers", withExtension: "json"),
                  let d = try? Data(contentsOf: url) else { throw PolicyError("the default tiers.json is missing from the bundle") }
            data = d
        }
        let policy: ServerPolicy
        do { policy = try JSONCoding.decoder().decode(ServerPolicy.self, from: data) } catch { throw PolicyError("tier file: \(error)") }
        for tier in APITier.allCases {
            guard let p = policy.tiers[tier.rawValue] else { throw PolicyError("tier file: no entry for tier '\(tier.rawValue)'") }
            guard p.requestsPerMinute >= 1, (p.monthlyQuota ?? 1) >= 1 else {
                throw PolicyError("tier file: \(tier.rawValue) needs requests_per_minute >= 1 and monthly_quota >= 1 or null")
            }
        }
        return policy
    }
}

/// A bad tier configuration file.
public struct PolicyError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

/// The authenticated caller: its key record (digest only) and tier policy.
public struct AuthenticatedKey: Sendable, Equatable {
    public var record: APIKeyRecord
    public var policy: TierPolicy
}

/// Rate-limit figures for the `X-RateLimit-*` headers.
public struct RateLimitStatus: Sendable, Equatable {
    public var limit: Int
    public var remaining: Int
    /// Seconds until the current window ends.
    public var reset: Int
}

/// Keys, per-minute windows, monthly quotas and usage metering, in one actor so each request makes one hop.
///
/// Keys are compared as SHA-256 digests in constant time against every active key (no early exit), and the
/// presented key is never stored or logged. Revocations and new keys are picked up within `refreshInterval`.
public actor KeyGate {
    let store: any APIKeyStore
    let policy: ServerPolicy
    let clock: @Sendable () -> Timestamp
    let refreshInterval: Int64 = 5_000
    let flushInterval: Int64 = 5_000

    private var keys: [(digest: [UInt8], record: APIKeyRecord)] = []
    private var loadedAt: Int64 = -(1 << 60)
    private var windows: [Int64: (minute: Int64, count: Int)] = [:]
    private var monthly: [Int64: (month: String, count: Int)] = [:]
    private var pending: [Int64: [String: Int]] = [:]
    private var flushedAt: Int64

    public init(store: any APIKeyStore, policy: ServerPolicy, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.policy = policy
        self.clock = clock
        flushedAt = clock().milliseconds
    }

    /// The gate's clock reading (the tests inject a fixed one).
    public nonisolated var now: Timestamp { clock() }

    /// Checks a presented key against the store, the tier's endpoints, its per-minute limit and monthly quota,
    /// and counts the request.
    /// - Throws: `APIError.unauthorized` (401), `.forbidden` (403) or `.rateLimited` (429, with the status in
    ///   the error's companion `RateLimitedError`).
    public func admit(key presented: String?, path: String) throws -> (AuthenticatedKey, RateLimitStatus) {
        let now = clock().milliseconds
        guard let presented, !presented.isEmpty else {
            throw APIError.unauthorized("missing API key: send it in the x-api-key header or as Authorization: Bearer <key>")
        }
        let digest = SHA256.digest(Array(presented.utf8))
        if now - loadedAt > refreshInterval { try reload(now) }
        var found = match(digest)
        if found == nil && now - loadedAt > 1_000 {   // a key created since the last load: reload at most once a second
            try reload(now)
            found = match(digest)
        }
        guard let record = found else { throw APIError.unauthorized("unknown or revoked API key") }
        guard let tier = policy.policy(for: record.tier) else { throw APIError.forbidden("tier \(record.tier.rawValue) is not configured") }
        guard tier.allows(path: path) else {
            throw APIError.forbidden("the \(record.tier.rawValue) tier does not include \(path)")
        }
        // Per-minute fixed window.
        let minute = now / 60_000
        var w = windows[record.id] ?? (minute, 0)
        if w.minute != minute { w = (minute, 0) }
        let reset = Int((minute + 1) * 60_000 - now + 999) / 1000
        guard w.count < tier.requestsPerMinute else {
            throw RateLimitedError(status: RateLimitStatus(limit: tier.requestsPerMinute, remaining: 0, reset: reset),
                                   error: .rateLimited(message: "over \(tier.requestsPerMinute) requests per minute", retryAfter: reset))
        }
        // Monthly quota.
        let today = Timestamp(milliseconds: now).dateString
        let month = String(today.prefix(7))
        if let quota = tier.monthlyQuota {
            var m = monthly[record.id]
            if m?.month != month {
                let used = try store.usage(keyID: record.id, fromDay: month + "-01").reduce(0) { $0 + $1.requests }
                m = (month, used + (pending[record.id]?.values.reduce(0, +) ?? 0))
            }
            monthly[record.id] = m
            if let m, m.count >= quota {
                let retry = Int((Self.nextMonthStart(after: now) - now + 999) / 1000)
                throw RateLimitedError(status: RateLimitStatus(limit: tier.requestsPerMinute, remaining: 0, reset: reset),
                                       error: .rateLimited(message: "monthly quota of \(quota) requests used", retryAfter: retry))
            }
            monthly[record.id]?.count += 1
        }
        w.count += 1
        windows[record.id] = w
        pending[record.id, default: [:]][today, default: 0] += 1
        if now - flushedAt > flushInterval { try flush() }
        return (AuthenticatedKey(record: record, policy: tier),
                RateLimitStatus(limit: tier.requestsPerMinute, remaining: tier.requestsPerMinute - w.count, reset: reset))
    }

    /// Writes the metered counts to the store.
    public func flush() throws {
        let counts = pending.flatMap { key, days in days.map { APIUsageDay(keyID: key, day: $0.key, requests: $0.value) } }
        pending = [:]
        flushedAt = clock().milliseconds
        try store.addUsage(counts)
    }

    /// A key's usage per day since `fromDay`, including counts not yet written.
    public func usage(keyID: Int64, fromDay: String) throws -> [APIUsageDay] {
        try flush()
        return try store.usage(keyID: keyID, fromDay: fromDay)
    }

    /// The record whose digest equals `digest`, comparing against every key in constant time (no early exit).
    private func match(_ digest: [UInt8]) -> APIKeyRecord? {
        var found: APIKeyRecord?
        for k in keys where constantTimeEquals(k.digest, digest) { found = k.record }
        return found
    }

    private func reload(_ now: Int64) throws {
        keys = try store.apiKeys().compactMap { r in
            guard r.revokedAt == nil, let bytes = Self.bytes(hex: r.hash) else { return nil }
            return (bytes, r)
        }
        loadedAt = now
    }

    static func bytes(hex: String) -> [UInt8]? {
        let b = Array(hex.utf8)
        guard b.count == 64 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c { case 48...57: c - 48; case 97...102: c - 87; case 65...70: c - 55; default: nil }
        }
        var out: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let hi = v(b[i]), let lo = v(b[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
        }
        return out
    }

    static func nextMonthStart(after ms: Int64) -> Int64 {
        let c = Timestamp(milliseconds: ms).components
        let (y, m) = c.month == 12 ? (c.year + 1, 1) : (c.year, c.month + 1)
        return Timestamp.utc(year: y, month: m, day: 1).milliseconds
    }
}

/// A 429 with the rate-limit figures for the headers.
public struct RateLimitedError: Error {
    public var status: RateLimitStatus
    public var error: APIError
}

/// Authenticates `/v1` requests (x-api-key or Authorization: Bearer), enforces the tier, and sets the
/// `X-RateLimit-*` headers. The key itself never reaches a log line.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = SextantRequestContext
    let gate: KeyGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var key = request.headers[HTTPField.Name("x-api-key")!]
        if key == nil, let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") {
            key = String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        let admitted: (AuthenticatedKey, RateLimitStatus)
        do {
            admitted = try await gate.admit(key: key, path: request.uri.path)
        } catch let limited as RateLimitedError {
            var response = ErrorMapping.response(for: limited.error)
            Self.setHeaders(&response, limited.status)
            return response
        }
        var context = context
        context.apiKey = admitted.0
        context.logger[metadataKey: "api_key"] = .string(admitted.0.record.prefix)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorMapping.response(for: error)
        }
        Self.setHeaders(&response, admitted.1)
        return response
    }

    static func setHeaders(_ r: inout Response, _ s: RateLimitStatus) {
        r.headers[HTTPField.Name("X-RateLimit-Limit")!] = String(s.limit)
        r.headers[HTTPField.Name("X-RateLimit-Remaining")!] = String(max(0, s.remaining))
        r.headers[HTTPField.Name("X-RateLimit-Reset")!] = String(s.reset)
    }
}
