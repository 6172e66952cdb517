import Foundation
import MarketData
import SextantServices
import SextantSQLite
import Signals
import Testing
import TestSupport

/// Signals and grades through the SQLite store: as-of dates, and the signal history table (migration v2).
@Suite struct SignalServiceTests {
    static let sample = Fixtures.root + "/../../SampleData"
    static let files = ["daily/BTC.csv.gz", "daily/ETH.csv.gz", "daily/UNI.csv.gz", "hourly/BTCUSDT_1h.csv.gz",
                        "funding/BTCUSDT_funding.csv.gz", "market/btc_dominance.csv"]

    func temporaryStore() throws -> SQLiteMarketRepository {
        let dir = NSTemporaryDirectory() + "sextant-signals-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try SQLiteMarketRepository(path: dir + "/db.sqlite")
    }

    /// The content of a file as known at `asOf` (bars closed, caps of days ended, funding and metrics by then).
    static func cut(_ content: ParsedContent, at asOf: Timestamp) -> ParsedContent {
        switch content {
        case .candles(let s, let caps):
            let bars = s.slice(to: asOf - s.timeframe.milliseconds)
            let c = caps.map { m in
                let k = m.time.partitioningIndex { $0.milliseconds + 86_400_000 > asOf.milliseconds }
                return MarketCapSeries(symbol: m.symbol, time: Array(m.time[..<k]), marketCap: Array(m.marketCap[..<k]))
            }
            return .candles(bars, marketCaps: c)
        case .funding(let f): return .funding(f.filter { $0.time <= asOf })
        case .metrics(let ms):
            return .metrics(ms.map { m in
                let k = m.time.partitioningIndex { $0 > asOf }
                return MarketMetricSeries(name: m.name, time: Array(m.time[..<k]), value: Array(m.value[..<k]))
            })
        case .headlines(let h): return .headlines(h.filter { $0.time <= asOf })
        }
    }

    /// Stores the sample files, cut at `asOf` when given.
    func store(cutAt asOf: Timestamp?) throws -> SQLiteMarketRepository {
        let repo = try temporaryStore()
        for name in Self.files {
            let f = try MarketFileReader.read(Self.sample + "/" + name)
            let content = asOf.map { Self.cut(f.content, at: $0) } ?? f.content
            _ = try repo.store(IngestBatch(file: name, contentHash: f.contentHash + (asOf.map { "@\($0.milliseconds)" } ?? ""),
                                           format: f.format, rowsRead: f.rowsRead, content: content), at: Timestamp(milliseconds: 0))
        }
        return repo
    }

    /// Small logistic models trained on BTC bars well before the as-of dates (fast in debug builds).
    static func earlyModels(_ repo: SQLiteMarketRepository) throws -> [Timeframe: SignalModel] {
        var out: [Timeframe: SignalModel] = [:]
        for (tf, end) in [(Timeframe.d1, Timestamp.utc(year: 2019, month: 1, day: 1)), (.h1, Timestamp.utc(year: 2024, month: 1, day: 1))] {
            let bars = try repo.candles(symbol: "BTC", timeframe: tf, from: nil, to: end)
            let f = FeatureBuilder.build(bars, context: MarketContext(btc: bars))
            let data = Dataset(symbols: ["BTC"], features: [f], label: .standard(for: tf), timeframe: tf)
            out[tf] = try WalkForward.fitFinal(data, kind: .logistic, timeframe: tf, config: WalkForwardConfig(label: data.label), selection: nil)
        }
        return out
    }

    @Test("grades and signals as of a date are identical whether or not later data is in the database",
          arguments: [Timestamp.utc(year: 2020, month: 12, day: 1), Timestamp.utc(year: 2024, month: 9, day: 15, hour: 7)])
    func asOfInvariance(asOf: Timestamp) throws {
        let models = try Self.earlyModels(try store(cutAt: nil))
        let full = try SignalService(repository: try store(cutAt: nil)).reports(asOf: asOf, models: models)
        let cut = try SignalService(repository: try store(cutAt: asOf)).reports(asOf: asOf, models: models)
        #expect(full == cut)
        let btc = try #require(full.first { $0.symbol == "BTC" })
        #expect(btc.trader.grade != nil)
        #expect(btc.investor.grade != nil)
        #expect(btc.signals?.current != nil)
        // Before the hourly sample starts, BTC is graded on daily bars; inside it, on hourly bars.
        #expect(btc.timeframe == (asOf.components.year == 2020 ? .d1 : .h1))
        #expect(full.first { $0.symbol == "UNI" }?.investor == .unavailable(
            asOf.components.year == 2020 ? "insufficient history: needs 366 bars, has 74" : "insufficient history: needs 366 bars, has 163"))
    }

    @Test("a shipped model trained on data after the as-of date is left out, with a note, instead of leaking the future")
    func noLookaheadModel() throws {
        let repo = try store(cutAt: nil)
        let models = try SignalService.loadModels(folder: Fixtures.root + "/../../Models")
        let r = try SignalService(repository: repo).reports(asOf: Timestamp.utc(year: 2020, month: 12, day: 1), models: models, symbols: ["BTC"])
        #expect(r[0].signals == nil)
        #expect(r[0].trader.grade?.subGrades.map(\.name) == ["technical", "quant"])
        #expect(r[0].notes.first?.contains("after the as-of time") == true)
    }

    @Test("signal changes are stored and read back; storing them again replaces, never duplicates")
    func history() throws {
        let repo = try store(cutAt: nil)
        let models = try Self.earlyModels(repo)
        let reports = try SignalService(repository: repo).reports(asOf: Timestamp.utc(year: 2021, month: 1, day: 1), models: models,
                                                                  symbols: ["ETH"])
        let events = SignalService.storable(reports, models: models, at: Timestamp(milliseconds: 1))
        #expect(!events.isEmpty)
        #expect(try repo.recordSignalEvents(events) == events.count)
        #expect(try repo.recordSignalEvents(events) == events.count)
        let back = try repo.signalEvents(symbol: "ETH", timeframe: .d1)
        #expect(back == events)
        // ROI since a stored signal is recomputable from the stored bars.
        let last = try #require(back.last)
        let bars = try repo.candles(symbol: "ETH", timeframe: .d1, from: last.time, to: last.time)
        #expect(bars.close.first == last.entryPrice)
    }
}
