import Foundation
import MarketData
import MarketIntel
import SextantServices
import SextantSQLite
import Signals
import Testing
import TestSupport

/// Market intelligence over the stored data.
@Suite struct IntelServiceTests {
    static let sample = Fixtures.root + "/../../SampleData"

    func store() throws -> SQLiteMarketRepository {
        let dir = NSTemporaryDirectory() + "sextant-intel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let repo = try SQLiteMarketRepository(path: dir + "/db.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sample + "/daily").sorted().map { Self.sample + "/daily/" + $0 }
        let reports = IngestService(repository: repo, clock: { Timestamp(milliseconds: 0) }).ingest(paths: files, options: ReadOptions())
        #expect(reports.allSatisfy { $0.status == .stored })
        return repo
    }

    @Test("a grade-weighted index weighs its holdings by the Investor Grade known on the rebalance day")
    func gradeWeighted() throws {
        let repo = try store()
        let service = IntelService(repository: repo)
        let h = try service.indexHoldings(asOf: "2021-01-01", method: .grade, top: 10, rebalance: .monthly)
        let total = h.constituents.reduce(0) { $0 + $1.weight } + h.stablecoinWeight
        #expect(abs(total - 1) < 1e-9)
        // Uncapped constituents: weight proportional to the grade computed directly from data up to that day.
        let day = Timestamp.utc(year: 2021, month: 1, day: 1, hour: 23, minute: 59, second: 59)
        var ratios: [Double] = []
        for c in h.constituents where c.weight < 0.19 {
            let bars = try repo.candles(symbol: c.symbol, timeframe: .d1, from: nil, to: day)
            if c.weight == 0 {
                // No grade yet (too little history): no weight.
                #expect(throws: SignalsError.self) {
                    try Grading.investorGrade(daily: bars, marketCaps: try repo.marketCaps(symbol: c.symbol), volumeIsQuote: true)
                }
                continue
            }
            let grade = try Grading.investorGrade(daily: bars, marketCaps: try repo.marketCaps(symbol: c.symbol), volumeIsQuote: true).value
            ratios.append(c.weight / grade)
        }
        #expect(ratios.count >= 2)
        for r in ratios { #expect(abs(r / ratios[0] - 1) < 1e-9) }
        let backtest = try service.indexBacktest(method: .grade, top: 10, rebalance: .monthly, feeRate: 0.001, start: nil, end: nil)
        #expect(backtest.rebalances.count > 10)
    }
}
