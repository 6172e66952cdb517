import Foundation
import MarketCore
import Testing
import TestSupport
@testable import Risk

@Suite struct LeverageAdvisorTests {
    let calculator: LiquidationCalculator

    init() throws { calculator = try LiquidationCalculator.bundled() }

    func advise(_ series: CandleSeries, _ request: LeverageAdvisorRequest) throws -> LeverageAdvice {
        var generator = SeededGenerator(seed: request.seed)
        return try LeverageAdvisor.advise(series: series, request: request, calculator: calculator, using: &generator)
    }

    /// Liquidation distance of a BTCUSDT tier-1 long (MMR 0.4%, cum 0): `1 − (1 − 1/L) / (1 − 0.004)`.
    func longDistance(_ leverage: Double) -> Double { 1 - (1 - 1 / leverage) / (1 - 0.004) }

    @Test("one 20% intrabar crash liquidates 5x and above in the three windows that hold it")
    func crashWithoutStop() throws {
        // 100 flat bars (lows 1% below), bar 50 dips to 80. Windows of 3 bars entering at closes 0…96.
        let series = DailyCandles.flat(count: 100, lows: [50: 80])
        let request = LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: nil, symbol: "BTCUSDT",
                                             maxLeverage: 20, bootstrapPaths: 0)
        let advice = try advise(series, request)
        #expect(advice.historicalWindows == 97 && advice.rows.count == 20)
        #expect(longDistance(4) > 0.2 && longDistance(5) < 0.2)
        for row in advice.rows {
            if row.leverage == 1 {
                #expect(row.liquidationDistance == nil)   // a 1x long has no liquidation price
            } else {
                #expect(abs(try #require(row.liquidationDistance) - longDistance(Double(row.leverage))) < 1e-12)
            }
            let expected = row.leverage >= 5 ? 3.0 / 97 : 0
            #expect(row.historicalLiquidationProbability == expected, "\(row.leverage)x")
            #expect(row.bootstrapLiquidationProbability == nil)
            #expect(row.returnOnMarginP50 == 0)
        }
        #expect(advice.recommendedLeverage == 4)
        #expect(advice.recommendation.contains("at most 4x"))
    }

    @Test("a stop closer than the crash protects leverages whose liquidation lies beyond the stop")
    func crashWithStop() throws {
        let series = DailyCandles.flat(count: 100, lows: [50: 80])
        let request = LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: 0.1, symbol: "BTCUSDT",
                                             maxLeverage: 20, bootstrapPaths: 0)
        let advice = try advise(series, request)
        #expect(longDistance(9) > 0.1 && longDistance(10) < 0.1)
        for row in advice.rows {
            #expect(row.historicalLiquidationProbability == (row.leverage >= 10 ? 3.0 / 97 : 0), "\(row.leverage)x")
        }
        #expect(advice.recommendedLeverage == 9)
        #expect(advice.stopProbability == 3.0 / 97)
        // At 9x the three stopped windows (3.1% < 5%) lose 9 · 10% = 90% of margin; the rest return 0.
        let row9 = advice.rows[8]
        #expect(row9.returnOnMarginP50 == 0 && row9.returnOnMarginP5 == 0)
        // When every window holds the crash, every window is stopped and the whole distribution is the stop loss.
        let wide = try advise(DailyCandles.flat(count: 20, lows: [10: 80]),
                              LeverageAdvisorRequest(side: .long, horizonBars: 10, stopDistance: 0.1, symbol: "BTCUSDT",
                                                     maxLeverage: 9, bootstrapPaths: 0))
        // Windows 0…9 hold bar 10: 10 of 10 stopped; each loses 9 · 10%.
        #expect(wide.stopProbability == 1)
        #expect(abs(wide.rows[8].returnOnMarginP50 + 0.9) < 1e-12)
    }

    @Test("a short is liquidated by a spike of the highs")
    func shortSpike() throws {
        let series = DailyCandles.flat(count: 60, highs: [30: 120])
        let advice = try advise(series, LeverageAdvisorRequest(side: .short, horizonBars: 5, stopDistance: nil,
                                                               symbol: "BTCUSDT", maxLeverage: 10, bootstrapPaths: 0))
        // Short distance (1 + 1/L)/(1 + 0.004) − 1: 4x 24.5%, 5x 19.5%.
        #expect(advice.rows[3].historicalLiquidationProbability == 0)
        #expect(advice.rows[4].historicalLiquidationProbability == 5.0 / 55)
        #expect(advice.recommendedLeverage == 4)
    }

    @Test("funding paid by a long is summed over each window's funding times")
    func fundingPaid() throws {
        let series = DailyCandles.flat(count: 40)
        let start = series.time[0].milliseconds
        let funding = (0..<50).map { FundingRate(symbol: "BTCUSDT", time: Timestamp(milliseconds: start + Int64($0) * 86_400_000), rate: 0.0001) }
        let advice = try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: nil,
                                                               symbol: "BTCUSDT", maxLeverage: 5, bootstrapPaths: 100,
                                                               fundingRates: funding))
        // Entering at a close and leaving 3 closes later spans 3 funding times.
        #expect(abs(try #require(advice.meanFundingPaidOnNotional) - 0.0003) < 1e-15)
        #expect(abs(try #require(advice.rows[4].meanFundingPaidOnMargin) - 0.0015) < 1e-15)
        // Flat prices: the return on margin is the funding cost.
        #expect(abs(advice.rows[4].returnOnMarginP50 + 5 * 0.0003) < 1e-12)
        let short = try advise(series, LeverageAdvisorRequest(side: .short, horizonBars: 3, stopDistance: nil,
                                                              symbol: "BTCUSDT", maxLeverage: 5, bootstrapPaths: 0,
                                                              fundingRates: funding))
        #expect(abs(try #require(short.meanFundingPaidOnNotional) + 0.0003) < 1e-15)
    }

    @Test("the advice is the same for the same seed and changes with the seed")
    func deterministicForSeed() throws {
        let btc = try DailyCandles.load("risk/BTC_daily.csv.gz", symbol: "BTC")
        let request = LeverageAdvisorRequest(side: .long, horizonBars: 7, stopDistance: 0.05, symbol: "BTCUSDT",
                                             maxLeverage: 25, bootstrapPaths: 500, seed: 42)
        let first = try advise(btc, request)
        let second = try advise(btc, request)
        #expect(first == second)
        var other = request
        other.seed = 43
        let third = try advise(btc, other)
        #expect(third.rows.map(\.bootstrapLiquidationProbability) != first.rows.map(\.bootstrapLiquidationProbability))
        #expect(third.rows.map(\.historicalLiquidationProbability) == first.rows.map(\.historicalLiquidationProbability))
        // The convenience entry point seeds its own generator the same way.
        var bundledRequest = request
        bundledRequest.bootstrapPaths = 50
        #expect(try LeverageAdvisor.advise(series: btc, request: bundledRequest) == (try advise(btc, bundledRequest)))
    }

    @Test("on BTC daily history the probabilities rise with leverage and the recommendation respects the threshold")
    func btcHistory() throws {
        let btc = try DailyCandles.load("risk/BTC_daily.csv.gz", symbol: "BTC")
        let advice = try advise(btc, LeverageAdvisorRequest(side: .long, horizonBars: 7, stopDistance: 0.05,
                                                            symbol: "BTCUSDT", bootstrapPaths: 1_000, seed: 7))
        #expect(advice.rows.count == 125)   // tier 1 of BTCUSDT for a 10,000 notional allows 125x
        #expect(advice.historicalWindows == btc.count - 7)
        for k in 1..<advice.rows.count {
            #expect(advice.rows[k].historicalLiquidationProbability >= advice.rows[k - 1].historicalLiquidationProbability)
        }
        let best = try #require(advice.recommendedLeverage)
        #expect(advice.rows[best - 1].liquidationProbability < 0.01)
        if best < 125 { #expect(advice.rows[best].liquidationProbability >= 0.01) }
        #expect(advice.recommendation.contains("at most \(best)x"))
        print("advisor BTC 7d long 5% stop: \(advice.recommendation)")
        let json = String(decoding: try JSONEncoder().encode(advice), as: UTF8.self)
        #expect(json.contains("\"recommendedLeverage\":\(best)"))
    }

    @Test("horizons in days, hours, weeks or bars convert to bars of the series' timeframe")
    func horizonParsing() throws {
        #expect(try LeverageAdvisor.horizonBars(parsing: "7d", timeframe: .d1) == 7)
        #expect(try LeverageAdvisor.horizonBars(parsing: "7d", timeframe: .h1) == 168)
        #expect(try LeverageAdvisor.horizonBars(parsing: "2w", timeframe: .h4) == 84)
        #expect(try LeverageAdvisor.horizonBars(parsing: "36h", timeframe: .d1) == 2)
        #expect(try LeverageAdvisor.horizonBars(parsing: "20", timeframe: .h1) == 20)
        #expect(throws: RiskError.self) { try LeverageAdvisor.horizonBars(parsing: "-3d", timeframe: .d1) }
        #expect(throws: RiskError.self) { try LeverageAdvisor.horizonBars(parsing: "soon", timeframe: .d1) }
    }

    @Test("bad requests are clear errors")
    func errors() throws {
        let series = DailyCandles.flat(count: 20)
        #expect(throws: RiskError.self) {
            try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 0, stopDistance: nil, symbol: "BTCUSDT"))
        }
        #expect(throws: RiskError.self) {
            try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 30, stopDistance: nil, symbol: "BTCUSDT"))
        }
        #expect(throws: RiskError.self) {
            try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: 1.5, symbol: "BTCUSDT"))
        }
        #expect(throws: RiskError.self) {
            try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: 0.05, symbol: "NOPEUSDT"))
        }
        #expect(throws: RiskError.self) {
            try advise(series, LeverageAdvisorRequest(side: .long, horizonBars: 3, stopDistance: 0.05, symbol: "BTCUSDT",
                                                      maxLeverage: 200))
        }
    }

    @Test("the seeded generator repeats its sequence and draws indices in range")
    func seededGenerator() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        var c = SeededGenerator(seed: 10)
        #expect(xs != (0..<5).map { _ in c.next() })
        var d = SeededGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let i = d.uniformIndex(below: 7)
            #expect(i >= 0 && i < 7)
            seen.insert(i)
        }
        #expect(seen.count == 7)
    }
}
