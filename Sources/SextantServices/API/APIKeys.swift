import MarketCore

/// The plans an API key can be on; what each allows comes from the tier configuration file.
public enum APITier: String, Sendable, Codable, CaseIterable {
    case free, pro, enterprise
}

/// A stored API key: never the key itself, only its SHA-256 digest and a short public prefix to name it by.
public struct APIKeyRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var tier: APITier
    /// The first characters of the key (`sxt_` and 8 hex digits): shown in lists, safe to log.
    public var prefix: String
    /// Lower-case hex SHA-256 of the whole key.
    public var hash: String
    public var createdAt: Timestamp
    public var revokedAt: Timestamp?

    public init(id: Int64, name: String, tier: APITier, prefix: String, hash: String, createdAt: Timestamp, revokedAt: Timestamp?) {
        self.id = id
        self.name = name
        self.tier = tier
        self.prefix = prefix
        self.hash = hash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Requests made with one key on one UTC day.
public struct APIUsageDay: Sendable, Codable, Equatable {
    public var keyID: Int64
    /// `YYYY-MM-DD` (UTC).
    public var day: String
    public var requests: Int

    public init(keyID: Int64, day: String, requests: Int) {
        self.keyID = keyID
        self.day = day
        self.requests = requests
    }
}

/// Where keys and their usage live (SQLite: `SQLiteMarketRepository`).
public protocol APIKeyStore: Sendable {
    func insertKey(name: String, tier: APITier, prefix: String, hash: String, at now: Timestamp) throws -> APIKeyRecord
    func apiKeys() throws -> [APIKeyRecord]
    /// Revokes the key with this id or prefix; nil when there is none.
    func revokeKey(_ idOrPrefix: String, at now: Timestamp) throws -> APIKeyRecord?
    /// Adds request counts to the per-day totals.
    func addUsage(_ counts: [APIUsageDay]) throws
    /// A key's daily totals from `fromDay` (inclusive, `YYYY-MM-DD`), oldest first.
    func usage(keyID: Int64, fromDay: String) throws -> [APIUsageDay]
}

/// Errors of the key commands.
public enum APIKeyError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .invalidName(let n): "invalid key name '\(n)': use 1 to 64 letters, digits, spaces, '-', '_' or '.'"
        case .notFound(let k): "no API key with id or prefix '\(k)' ('sextant keys list' shows them)"
        }
    }
}

/// Creating, listing and revoking API keys. The key is returned once, at creation; only its digest is stored.
///
/// ```swift
/// let (key, record) = try APIKeyService(store: repo, clock: now).create(name: "bot", tier: .pro)
/// ```
public struct APIKeyService: Sendable {
    public let store: any APIKeyStore
    let clock: @Sendable () -> Timestamp

    public init(store: any APIKeyStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.clock = clock
    }

    /// A new key `sxt_` + 48 random hex digits (192 bits from the system's secure generator).
    public func create(name: String, tier: APITier) throws -> (key: String, record: APIKeyRecord) {
        let trimmed = name.trimmedSpaces
        let allowed = trimmed.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " -_.".unicodeScalars.contains($0)) && $0.isASCII
        }
        guard !trimmed.isEmpty, trimmed.count <= 64, allowed else { throw APIKeyError.invalidName(name) }
        var rng = SystemRandomNumberGenerator()
        let secret = SHA256.hexString((0..<24).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let key = "sxt_" + secret
        let record = try store.insertKey(name: trimmed, tier: tier, prefix: String(key.prefix(12)),
                                         hash: SHA256.hex(Array(key.utf8)), at: clock())
        return (key, record)
    }

    public func list() throws -> [APIKeyRecord] { try store.apiKeys() }

    public func revoke(_ idOrPrefix: String) throws -> APIKeyRecord {
        guard let r = try store.revokeKey(idOrPrefix, at: clock()) else { throw APIKeyError.notFound(idOrPrefix) }
        return r
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
