import Testing
import MarketCore
import MarketIntel
import TestSupport

@Suite struct MarketSignalsTests {
    @Test("the BTC trend baseline is bearish exactly when the close is below its own 50-day average")
    func btcTrend() throws {
        let coins = try IntelFixtures.universe()
        let btc = try #require(coins.first { $0.symbol == "BTC" })
        let signal = MarketSignals.btcTrend(coins)
        let direct = BTCBelowSMASignal(btc: btc)
        var bearish = 0
        for d in btc.day {
            #expect(signal.isBearish(day: d) == direct.isBearish(day: d), "\(DayFormat.string(d))")
            if signal.isBearish(day: d) { bearish += 1 }
        }
        #expect(bearish > 300 && bearish < btc.count - 300)
        #expect(MarketSignals.btcTrend(coins.filter { $0.symbol != "BTC" }).bearish.isEmpty)
    }

    @Test("the model gate turns bearish below -band, bullish above +band, and holds through neutral or missing days")
    func modelGate() {
        let scores: [Int64: Double] = [10: 0.3, 11: -0.05, 12: -0.2, 13: 0.05, 14: -0.09, 16: 0.15, 17: 0.0, 18: -0.11]
        let g = MarketSignals.modelGate(scores: scores, band: 0.1)
        let expected: [(Int64, Bool)] = [(9, false), (10, false), (11, false), (12, true), (13, true), (14, true), (15, true),
                                         (16, false), (17, false), (18, true), (19, false)]
        for (day, state) in expected { #expect(g.isBearish(day: day) == state, "day \(day)") }
        #expect(g.bearishDays == [12, 13, 14, 15, 18])
    }

    @Test("the market aggregate is the cap-weighted mean score of the largest coins with a score that day")
    func capWeighted() throws {
        let coins = try IntelFixtures.universe()
        let day = try #require(DayFormat.day("2020-06-01"))
        // Scores that identify each coin: BTC 0.5, ETH -0.5, every other coin 0.1; USDT is excluded as a stablecoin.
        var scores: [String: [Int64: Double]] = [:]
        for c in coins { scores[c.symbol] = [day: c.symbol == "BTC" ? 0.5 : (c.symbol == "ETH" ? -0.5 : 0.1)] }
        let top2 = try #require(MarketSignals.capWeightedScores(scores: scores, coins: coins, top: 2)[day])
        func cap(_ s: String) throws -> Double {
            let c = try #require(coins.first { $0.symbol == s })
            return c.marketCap[try #require(c.index(ofDay: day))]
        }
        let btc = try cap("BTC"), eth = try cap("ETH")
        #expect(abs(top2 - (0.5 * btc - 0.5 * eth) / (btc + eth)) < 1e-12)
        // Without BTC's score, the next largest coin takes its place.
        scores["BTC"] = nil
        let noBTC = try #require(MarketSignals.capWeightedScores(scores: scores, coins: coins, top: 1)[day])
        #expect(noBTC == -0.5)
        #expect(MarketSignals.capWeightedScores(scores: [:], coins: coins).isEmpty)
    }
}
