import GRDB
import MarketCore
import SextantServices

extension AppDatabase {
    /// Migration "v3: api keys": API keys (digests only) and their per-day usage. Frozen once shipped.
    static func registerAPIKeyMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3: api keys") { db in
            try db.execute(sql: """
                CREATE TABLE api_key (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    prefix TEXT NOT NULL,
                    key_hash TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE TABLE api_usage (
                    key_id INTEGER NOT NULL REFERENCES api_key(id),
                    day TEXT NOT NULL,
                    requests INTEGER NOT NULL,
                    PRIMARY KEY (key_id, day)
                ) WITHOUT ROWID;
                """)
        }
    }
}

extension SQLiteMarketRepository: APIKeyStore {
    public func insertKey(name: String, tier: APITier, prefix: String, hash: String, at now: Timestamp) throws -> APIKeyRecord {
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO api_key(name, tier, prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, tier.rawValue, prefix, hash, now.milliseconds])
            return APIKeyRecord(id: db.lastInsertedRowID, name: name, tier: tier, prefix: prefix, hash: hash, createdAt: now, revokedAt: nil)
        }
    }

    public func apiKeys() throws -> [APIKeyRecord] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, tier, prefix, key_hash, created_at, revoked_at FROM api_key ORDER BY id").map(Self.keyRecord)
        }
    }

    public func revokeKey(_ idOrPrefix: String, at now: Timestamp) throws -> APIKeyRecord? {
        try database.writer.write { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT id, name, tier, prefix, key_hash, created_at, revoked_at FROM api_key
                WHERE CAST(id AS TEXT) = ?1 OR prefix = ?1 ORDER BY id LIMIT 1
                """, arguments: [idOrPrefix])
            guard var record = row.map(Self.keyRecord) else { return nil }
            if record.revokedAt == nil {
                try db.execute(sql: "UPDATE api_key SET revoked_at = ? WHERE id = ?", arguments: [now.milliseconds, record.id])
                record.revokedAt = now
            }
            return record
        }
    }

    public func addUsage(_ counts: [APIUsageDay]) throws {
        guard !counts.isEmpty else { return }
        try database.writer.write { db in
            for c in counts {
                try db.execute(sql: """
                    INSERT INTO api_usage(key_id, day, requests) VALUES (?, ?, ?)
                    ON CONFLICT(key_id, day) DO UPDATE SET requests = requests + excluded.requests
                    """, arguments: [c.keyID, c.day, c.requests])
            }
        }
    }

    public func usage(keyID: Int64, fromDay: String) throws -> [APIUsageDay] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT day, requests FROM api_usage WHERE key_id = ? AND day >= ? ORDER BY day",
                             arguments: [keyID, fromDay]).map { APIUsageDay(keyID: keyID, day: $0["day"], requests: $0["requests"]) }
        }
    }

    private static func keyRecord(_ r: Row) -> APIKeyRecord {
        let revoked: Int64? = r["revoked_at"]
        return APIKeyRecord(id: r["id"], name: r["name"], tier: APITier(rawValue: r["tier"]) ?? .free, prefix: r["prefix"],
                            hash: r["key_hash"], createdAt: Timestamp(milliseconds: r["created_at"]),
                            revokedAt: revoked.map { Timestamp(milliseconds: $0) })
    }
}

extension SQLiteMarketRepository: DataVersioned {
    /// The id of the last ingest-log entry: every committed ingest adds one.
    public func dataVersion() throws -> Int64 {
        try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM ingest_log") ?? 0 }
    }
}
