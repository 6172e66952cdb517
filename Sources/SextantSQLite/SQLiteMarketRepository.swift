import Foundation
import GRDB
import GRDBSQLite
import MarketData
import SextantServices

/// `MarketRepository` on SQLite. Every query is parameterised.
public struct SQLiteMarketRepository: MarketRepository {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// Opens the database at `path` (created and migrated if needed).
    public init(path: String) throws { database = try AppDatabase(path: path) }

    public func store(_ batch: IngestBatch, at now: Timestamp) throws -> Int {
        try database.writer.write { db in
            var stored = 0
            switch batch.content {
            case let .candles(s, caps):
                try db.execute(sql: "INSERT INTO asset(symbol, name) VALUES (?, ?) ON CONFLICT(symbol) DO UPDATE SET name = coalesce(excluded.name, asset.name)",
                               arguments: [s.symbol, batch.assetName])
                try db.execute(sql: "INSERT INTO series(symbol, timeframe) VALUES (?, ?) ON CONFLICT(symbol, timeframe) DO NOTHING",
                               arguments: [s.symbol, s.timeframe.rawValue])
                let seriesID = try Int64.fetchOne(db, sql: "SELECT id FROM series WHERE symbol = ? AND timeframe = ?",
                                                  arguments: [s.symbol, s.timeframe.rawValue]) ?? 0
                stored += try insertCandles(db, seriesID: seriesID, s)
                if let caps {
                    stored += try bulkInsert(db, sql: """
                        INSERT INTO market_cap(symbol, time, market_cap) VALUES (?1, ?2, ?3)
                        ON CONFLICT(symbol, time) DO UPDATE SET market_cap = excluded.market_cap
                        """, count: caps.time.count, texts: [caps.symbol]) { stmt, i in
                        sqlite3_bind_int64(stmt, 2, caps.time[i].milliseconds)
                        sqlite3_bind_double(stmt, 3, caps.marketCap[i])
                    }
                }
            case let .funding(rates):
                for symbol in Set(rates.map(\.symbol)).sorted() {
                    try db.execute(sql: "INSERT INTO asset(symbol) VALUES (?) ON CONFLICT(symbol) DO NOTHING", arguments: [symbol])
                }
                stored += try bulkInsert(db, sql: """
                    INSERT INTO funding_rate(symbol, time, rate) VALUES (?1, ?2, ?3)
                    ON CONFLICT(symbol, time) DO UPDATE SET rate = excluded.rate
                    """, count: rates.count, texts: []) { stmt, i in
                    sqlite3_bind_text(stmt, 1, rates[i].symbol, -1, SQLITE_TRANSIENT_VALUE)
                    sqlite3_bind_int64(stmt, 2, rates[i].time.milliseconds)
                    sqlite3_bind_double(stmt, 3, rates[i].rate)
                }
            case let .metrics(series):
                for m in series {
                    stored += try bulkInsert(db, sql: """
                        INSERT INTO market_metric(name, time, value) VALUES (?1, ?2, ?3)
                        ON CONFLICT(name, time) DO UPDATE SET value = excluded.value
                        """, count: m.time.count, texts: [m.name]) { stmt, i in
                        sqlite3_bind_int64(stmt, 2, m.time[i].milliseconds)
                        sqlite3_bind_double(stmt, 3, m.value[i])
                    }
                }
            case let .headlines(items):
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                for h in items {
                    let extra = String(decoding: try encoder.encode(h.extra), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO headline(time, title, source, url, extra) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(time, title) DO UPDATE SET source = excluded.source, url = excluded.url, extra = excluded.extra
                        """, arguments: [h.time.milliseconds, h.title, h.source, h.url, extra])
                    stored += 1
                }
            }
            try db.execute(sql: """
                INSERT INTO ingest_log(file, content_hash, format, rows_read, rows_stored, ingested_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [batch.file, batch.contentHash, batch.format.rawValue, batch.rowsRead, stored, now.milliseconds])
            return stored
        }
    }

    /// Upserts candles `rowsPerStatement` at a time with multi-row VALUES: one statement step stores many
    /// rows, which roughly halves SQLite's per-row overhead against one row per step.
    private func insertCandles(_ db: Database, seriesID: Int64, _ s: CandleSeries) throws -> Int {
        let rowsPerStatement = 128
        func sql(_ rows: Int) -> String {
            let tuple = "(?, ?, ?, ?, ?, ?, ?)"
            return "INSERT INTO candle(series_id, time, open, high, low, close, volume) VALUES "
                + Array(repeating: tuple, count: rows).joined(separator: ", ")
                + " ON CONFLICT(series_id, time) DO UPDATE SET open = excluded.open, high = excluded.high,"
                + " low = excluded.low, close = excluded.close, volume = excluded.volume"
        }
        // The GRDB statements must stay alive while their SQLite handles are used: releasing one finalizes it.
        let fullStatement = try db.makeStatement(sql: sql(rowsPerStatement))
        var tailStatement: Statement?
        let full = fullStatement.sqliteStatement
        var start = 0
        while start < s.count {
            let rows = min(rowsPerStatement, s.count - start)
            if rows < rowsPerStatement { tailStatement = try db.makeStatement(sql: sql(rows)) }
            let stmt = rows == rowsPerStatement ? full : tailStatement!.sqliteStatement
            sqlite3_reset(stmt)
            for r in 0..<rows {
                let i = start + r, base = Int32(r * 7)
                sqlite3_bind_int64(stmt, base + 1, seriesID)
                sqlite3_bind_int64(stmt, base + 2, s.time[i].milliseconds)
                sqlite3_bind_double(stmt, base + 3, s.open[i])
                sqlite3_bind_double(stmt, base + 4, s.high[i])
                sqlite3_bind_double(stmt, base + 5, s.low[i])
                sqlite3_bind_double(stmt, base + 6, s.close[i])
                sqlite3_bind_double(stmt, base + 7, s.volume[i])
            }
            let rc = sqlite3_step(stmt)
            guard rc == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            start += rows
        }
        sqlite3_reset(full)
        withExtendedLifetime((fullStatement, tailStatement)) {}
        return s.count
    }

    /// Runs one prepared statement `count` times inside the current transaction, binding the leading
    /// parameters (`texts`, then `ints`) once and the rest per row through `bind`: the fast path for bulk rows.
    /// Bindings survive `sqlite3_reset`, so the constant ones are bound a single time.
    private func bulkInsert(_ db: Database, sql: String, count: Int, texts: [String], ints: [Int64] = [],
                            bind: (OpaquePointer, Int) -> Void) throws -> Int {
        let statement = try db.makeStatement(sql: sql)
        let stmt = statement.sqliteStatement
        for (k, t) in texts.enumerated() { sqlite3_bind_text(stmt, Int32(k + 1), t, -1, SQLITE_TRANSIENT_VALUE) }
        for (k, v) in ints.enumerated() { sqlite3_bind_int64(stmt, Int32(texts.count + k + 1), v) }
        for i in 0..<count {
            sqlite3_reset(stmt)
            bind(stmt, i)
            let rc = sqlite3_step(stmt)
            guard rc == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
        }
        sqlite3_reset(stmt)
        withExtendedLifetime(statement) {}   // releasing the GRDB statement would finalize `stmt`
        return count
    }

    public func hasIngested(contentHash: String) throws -> Bool {
        try database.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM ingest_log WHERE content_hash = ? AND rows_stored > 0)", arguments: [contentHash]) ?? false
        }
    }

    public func assets() throws -> [AssetSummary] {
        try database.writer.read { db in
            let assets = try Row.fetchAll(db, sql: "SELECT symbol, name FROM asset ORDER BY symbol")
            var out: [AssetSummary] = []
            for a in assets {
                let symbol: String = a["symbol"]
                var series: [SeriesSummary] = []
                let rows = try Row.fetchAll(db, sql: """
                    SELECT s.id, s.timeframe, COUNT(*) AS bars, MIN(c.time) AS first, MAX(c.time) AS last
                    FROM series s JOIN candle c ON c.series_id = s.id WHERE s.symbol = ? GROUP BY s.id
                    """, arguments: [symbol])
                for r in rows {
                    guard let tf = Timeframe(rawValue: r["timeframe"]) else { continue }
                    // Gaps: consecutive bars further apart than one bar.
                    let gap = try Row.fetchOne(db, sql: """
                        SELECT COUNT(*) AS gaps, COALESCE(SUM(d / ? - 1), 0) AS missing FROM (
                            SELECT time - LAG(time) OVER (ORDER BY time) AS d FROM candle WHERE series_id = ?
                        ) WHERE d > ?
                        """, arguments: [tf.milliseconds, r["id"] as Int64, tf.milliseconds])
                    series.append(SeriesSummary(timeframe: tf, bars: r["bars"], first: Timestamp(milliseconds: r["first"]),
                                                last: Timestamp(milliseconds: r["last"]), gaps: gap?["gaps"] ?? 0,
                                                missingBars: gap?["missing"] ?? 0))
                }
                series.sort { $0.timeframe < $1.timeframe }
                let caps = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM market_cap WHERE symbol = ?", arguments: [symbol]) ?? 0
                let funding = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM funding_rate WHERE symbol = ?", arguments: [symbol]) ?? 0
                out.append(AssetSummary(symbol: symbol, name: a["name"], series: series, marketCapDays: caps, fundingRates: funding))
            }
            return out
        }
    }

    public func candles(symbol: String, timeframe: Timeframe, from: Timestamp?, to: Timestamp?) throws -> CandleSeries {
        try database.writer.read { db in
            var s = CandleSeries(symbol: symbol.uppercased(), timeframe: timeframe)
            let statement = try db.makeStatement(sql: """
                SELECT c.time, c.open, c.high, c.low, c.close, c.volume FROM candle c JOIN series s ON s.id = c.series_id
                WHERE s.symbol = ? AND s.timeframe = ? AND c.time >= ? AND c.time <= ? ORDER BY c.time
                """)
            let cursor = try Row.fetchCursor(statement, arguments: [symbol.uppercased(), timeframe.rawValue,
                                                                    from?.milliseconds ?? Int64.min, to?.milliseconds ?? Int64.max])
            while let r = try cursor.next() {
                s.time.append(Timestamp(milliseconds: r[0]))
                s.open.append(r[1]); s.high.append(r[2]); s.low.append(r[3]); s.close.append(r[4]); s.volume.append(r[5])
            }
            return s
        }
    }

    public func marketCaps(symbol: String) throws -> MarketCapSeries {
        try database.writer.read { db in
            var m = MarketCapSeries(symbol: symbol.uppercased())
            for r in try Row.fetchAll(db, sql: "SELECT time, market_cap FROM market_cap WHERE symbol = ? ORDER BY time", arguments: [symbol.uppercased()]) {
                m.time.append(Timestamp(milliseconds: r[0]))
                m.marketCap.append(r[1])
            }
            return m
        }
    }

    public func fundingRates(symbol: String) throws -> [FundingRate] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT time, rate FROM funding_rate WHERE symbol = ? ORDER BY time", arguments: [symbol.uppercased()])
                .map { FundingRate(symbol: symbol.uppercased(), time: Timestamp(milliseconds: $0[0]), rate: $0[1]) }
        }
    }

    public func headlines(from: Timestamp?, to: Timestamp?, limit: Int?) throws -> [Headline] {
        try database.writer.read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: """
                SELECT time, title, source, url, extra FROM headline WHERE time >= ? AND time <= ? ORDER BY time, id LIMIT ?
                """, arguments: [from?.milliseconds ?? Int64.min, to?.milliseconds ?? Int64.max, limit ?? -1]).map { r in
                let extraText: String = r[4]
                let extra = (try? decoder.decode([String: String].self, from: Data(extraText.utf8))) ?? [:]
                return Headline(time: Timestamp(milliseconds: r[0]), title: r[1], source: r[2], url: r[3], extra: extra)
            }
        }
    }

    public func metric(name: String) throws -> MarketMetricSeries {
        try database.writer.read { db in
            var m = MarketMetricSeries(name: name)
            for r in try Row.fetchAll(db, sql: "SELECT time, value FROM market_metric WHERE name = ? ORDER BY time", arguments: [name]) {
                m.time.append(Timestamp(milliseconds: r[0]))
                m.value.append(r[1])
            }
            return m
        }
    }

    public func metricNames() throws -> [String] {
        try database.writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM market_metric ORDER BY name") }
    }

    public func ingestLog() throws -> [IngestLogEntry] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT file, content_hash, format, rows_read, rows_stored, ingested_at FROM ingest_log ORDER BY id").map {
                IngestLogEntry(file: $0[0], contentHash: $0[1], format: $0[2], rowsRead: $0[3], rowsStored: $0[4],
                               ingestedAt: Timestamp(milliseconds: $0[5]))
            }
        }
    }
}

/// SQLite's SQLITE_TRANSIENT: the library copies bound text before the call returns.
let SQLITE_TRANSIENT_VALUE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
