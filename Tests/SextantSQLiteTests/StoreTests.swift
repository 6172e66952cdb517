import Foundation
import MarketData
import SextantServices
import SextantSQLite
import Testing
import TestSupport

/// The SQLite store through the real migrator on temporary databases.
@Suite struct StoreTests {
    static let sample = Fixtures.root + "/../../SampleData"

    func temporaryStore() throws -> (SQLiteMarketRepository, String) {
        let dir = NSTemporaryDirectory() + "sextant-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (try SQLiteMarketRepository(path: dir + "/db.sqlite"), dir)
    }

    func write(_ text: String, to path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    func service(_ repo: SQLiteMarketRepository) -> IngestService {
        IngestService(repository: repo, clock: { Timestamp(milliseconds: 1_700_000_000_000) })
    }

    /// Everything in the store, to compare before and after.
    func snapshot(_ repo: SQLiteMarketRepository) throws -> String {
        var parts: [String] = []
        for a in try repo.assets() {
            parts.append("\(a)")
            for s in a.series {
                let c = try repo.candles(symbol: a.symbol, timeframe: s.timeframe, from: nil, to: nil)
                parts.append("\(c.time.map(\.milliseconds)) \(c.open) \(c.high) \(c.low) \(c.close) \(c.volume)")
            }
            parts.append("\(try repo.marketCaps(symbol: a.symbol))")
            parts.append("\(try repo.fundingRates(symbol: a.symbol))")
        }
        parts.append("\(try repo.headlines(from: nil, to: nil, limit: nil))")
        for n in try repo.metricNames() { parts.append("\(try repo.metric(name: n))") }
        return parts.joined(separator: "\n")
    }

    @Test("ingesting real files stores every row, and the ingest log records them")
    func ingestReal() throws {
        let (repo, _) = try temporaryStore()
        let reports = service(repo).ingest(paths: [Self.sample + "/daily/BTC.csv.gz", Self.sample + "/hourly/BTCUSDT_1h.csv.gz",
                                                   Self.sample + "/funding/BTCUSDT_funding.csv.gz", Self.sample + "/market/btc_dominance.csv",
                                                   Self.sample + "/news/cryptopanic_votes_2024.csv.gz"],
                                           options: ReadOptions())
        #expect(reports.map(\.status) == [.stored, .stored, .stored, .stored, .stored], "\(reports.flatMap(\.errors))")
        let btc = try #require(try repo.assets().first { $0.symbol == "BTC" })
        #expect(btc.series.map(\.timeframe) == [.h1, .d1])
        #expect(btc.series.map(\.bars) == [17544, 2862])
        #expect(btc.marketCapDays == 2862 && btc.fundingRates == 6368)
        let daily = try repo.candles(symbol: "btc", timeframe: .d1, from: Timestamp.utc(year: 2021, month: 2, day: 1), to: nil)
        #expect(daily.count == 27 && daily.close.last == 46188.45127539)
        #expect(try repo.headlines(from: nil, to: nil, limit: nil).count == 729)
        #expect(try repo.metric(name: "btc_dominance_pct").time.count == 2557)
        #expect(try repo.ingestLog().map(\.rowsRead) == [2862, 17544, 6368, 2557, 729])
    }

    @Test("re-ingesting the same file or an overlapping one leaves no duplicates; later values win")
    func idempotent() throws {
        let (repo, dir) = try temporaryStore()
        let a = dir + "/XYZ_1h.csv"
        let b = dir + "/XYZUSDT_1h.csv"
        try write("timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n2024-01-01T01:00:00Z,1.5,2,1,1.2,5\n", to: a)
        try write("timestamp,open,high,low,close,volume\n2024-01-01T01:00:00Z,1.5,3,1,2.5,6\n2024-01-01T02:00:00Z,2.5,3,2,2.8,7\n", to: b)
        let s = service(repo)
        #expect(s.ingest(path: a, options: ReadOptions()).status == .stored)
        #expect(s.ingest(path: a, options: ReadOptions()).status == .unchanged)
        #expect(s.ingest(path: a, options: ReadOptions(), force: true).status == .stored)
        #expect(s.ingest(path: b, options: ReadOptions()).status == .stored)
        let bars = try repo.candles(symbol: "XYZ", timeframe: .h1, from: nil, to: nil)
        #expect(bars.count == 3)
        #expect(bars.close == [1.5, 2.5, 2.8])
        #expect(bars.volume == [10, 6, 7])
    }

    @Test("a bad file leaves the database exactly as it was", arguments: [
        "timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,1,2,0.5,1.5,10\n2024-01-02T01:00:00Z,1,abc,0.5,1.5,10\n",
        "timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,1,2,0.5,1.5,10\n2024-01-02T00:00:00Z,1,2,0.5,1.5,10\n",
        "timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,1,2,0.5,1.5,10\n2024-01-02T01:00:00Z,1,0.1,0.5,1.5,10\n",
        "timestamp,open,high,low,close,volume\n",
        "",
    ])
    func atomic(bad: String) throws {
        let (repo, dir) = try temporaryStore()
        let s = service(repo)
        #expect(s.ingest(path: Self.sample + "/daily/ETH.csv.gz", options: ReadOptions()).status == .stored)
        let before = try snapshot(repo)
        let logBefore = try repo.ingestLog().count
        let path = dir + "/ETH_1h.csv"
        try write(bad, to: path)
        let r = s.ingest(path: path, options: ReadOptions())
        #expect(r.status == .failed && r.errors.count == 1 && r.errors[0].hasPrefix(path))
        #expect(try snapshot(repo) == before)
        #expect(try repo.ingestLog().count == logBefore)
    }

    @Test("the database reopens with its data and migrations already applied")
    func reopen() throws {
        let (repo, dir) = try temporaryStore()
        _ = service(repo).ingest(path: Self.sample + "/daily/SOL.csv.gz", options: ReadOptions())
        let again = try SQLiteMarketRepository(path: dir + "/db.sqlite")
        #expect(try again.candles(symbol: "SOL", timeframe: .d1, from: nil, to: nil).count == 323)
    }

    @Test("gaps are counted per series, never filled")
    func gaps() throws {
        let (repo, _) = try temporaryStore()
        _ = service(repo).ingest(path: Self.sample + "/daily/USDT.csv.gz", options: ReadOptions())
        let usdt = try #require(try repo.assets().first { $0.symbol == "USDT" })
        #expect(usdt.series[0].gaps == 2 && usdt.series[0].missingBars == 5)
    }

    @Test("SQL in a symbol is just a symbol")
    func injection() throws {
        let (repo, _) = try temporaryStore()
        _ = service(repo).ingest(path: Self.sample + "/daily/SOL.csv.gz", options: ReadOptions())
        #expect(try repo.candles(symbol: "SOL' OR '1'='1", timeframe: .d1, from: nil, to: nil).isEmpty)
        #expect(try repo.candles(symbol: "SOL'; DROP TABLE candle; --", timeframe: .d1, from: nil, to: nil).isEmpty)
        #expect(try repo.candles(symbol: "SOL", timeframe: .d1, from: nil, to: nil).count == 323)
    }

    @Test("the database path comes from the option, then SEXTANT_DB, then the home folder")
    func path() {
        #expect(AppDatabase.resolvePath(option: "/x.db", environment: ["SEXTANT_DB": "/y.db"]) == "/x.db")
        #expect(AppDatabase.resolvePath(option: nil, environment: ["SEXTANT_DB": "/y.db", "HOME": "/h"]) == "/y.db")
        #expect(AppDatabase.resolvePath(option: nil, environment: ["HOME": "/h"]) == "/h/.sextant/sextant.sqlite")
    }
}
