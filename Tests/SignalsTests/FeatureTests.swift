import Foundation
import MarketCore
import Testing
@testable import Signals

@Suite struct FeatureTests {
    /// Hourly random-walk bars, BTC-like context, and funding every 8 hours.
    static func inputs(count: Int = 1200) -> (CandleSeries, CandleSeries, [FundingRate]) {
        let token = SyntheticBars.randomWalk(count: count, seed: 7)
        var btc = SyntheticBars.randomWalk(count: count, seed: 8)
        btc.symbol = "BTC"
        var rng = SeededGenerator(seed: 9)
        let funding = stride(from: 0, to: count, by: 8).map { i in
            FundingRate(symbol: "SYN", time: token.time[i], rate: 0.0001 * rng.nextGaussian())
        }
        return (token, btc, funding)
    }

    /// `s` with every bar after `t` replaced by a different walk.
    static func altered(_ s: CandleSeries, after t: Int, seed: UInt64) -> CandleSeries {
        var out = s
        var rng = SeededGenerator(seed: seed)
        for i in (t + 1)..<s.count {
            let k = 1 + 0.2 * rng.nextGaussian()
            out.open[i] *= k; out.close[i] *= k * 1.01; out.high[i] = max(out.open[i], out.close[i]) * 1.02
            out.low[i] = min(out.open[i], out.close[i]) * 0.98; out.volume[i] *= 3
        }
        return out
    }

    @Test("no feature at or before bar t changes when the token's bars, BTC's bars or funding after t change",
          arguments: [400, 611, 1000])
    func causal(t: Int) {
        let (token, btc, funding) = Self.inputs()
        let dominance = MarketMetricSeries(name: "btc_dominance", time: (0..<60).map { Timestamp.utc(year: 2020, month: 1, day: 1) + Int64($0) * 86_400_000 },
                                           value: (0..<60).map { 60 + sin(Double($0)) })
        let before = FeatureBuilder.build(token, funding: funding, context: MarketContext(btc: btc, btcDominance: dominance))
        let cutoff = token.time[t] + token.timeframe.milliseconds
        var laterFunding = funding.filter { $0.time <= cutoff }
        laterFunding += funding.filter { $0.time > cutoff }.map { FundingRate(symbol: $0.symbol, time: $0.time, rate: $0.rate + 0.01) }
        var laterDominance = dominance
        for i in laterDominance.time.indices where laterDominance.time[i] > cutoff { laterDominance.value[i] += 5 }
        let after = FeatureBuilder.build(Self.altered(token, after: t, seed: 1), funding: laterFunding,
                                         context: MarketContext(btc: Self.altered(btc, after: t, seed: 2), btcDominance: laterDominance))
        let w = before.width
        #expect(before.firstComplete == after.firstComplete)
        for i in 0...t {
            for k in 0..<w {
                let a = before.values[i * w + k], b = after.values[i * w + k]
                #expect(a == b || (a.isNaN && b.isNaN), "\(before.names[k]) at bar \(i) changed")
            }
        }
        // And the alteration is visible after t, so the test can fail.
        #expect(before.values[((t + 1) * w)...] != after.values[((t + 1) * w)...])
    }

    @Test("the higher-timeframe RSI only changes at the bar that completes a day")
    func higherTimeframeStepsAtDayEnds() {
        let (token, _, _) = Self.inputs()
        let f = FeatureBuilder.build(token)
        for t in 1..<f.rows {
            let a = f.value("htf_rsi14", at: t - 1), b = f.value("htf_rsi14", at: t)
            guard a.isFinite, b.isFinite, a != b else { continue }
            // The bar at t closes a UTC day: its open is 23:00.
            #expect(token.time[t].components.hour == 23)
        }
        #expect(f.firstComplete == 15 * 24 - 1, "15 completed days for RSI(14), the first closing at bar 23")
    }

    @Test("a token without funding or BTC gets 0 in those columns, and every other column is finite once complete")
    func optionalColumns() {
        let (token, _, _) = Self.inputs()
        let f = FeatureBuilder.build(token)
        for t in f.firstComplete..<f.rows {
            for (k, name) in f.names.enumerated() {
                let x = f.values[t * f.width + k]
                if FeatureSet.optional.contains(name) { #expect(x == 0) } else { #expect(x.isFinite, "\(name) at \(t)") }
            }
        }
    }

    @Test("the 20-bar SMA column is close over the mean of the last 20 closes, minus 1")
    func smaColumn() throws {
        let (token, _, _) = Self.inputs(count: 300)
        let f = FeatureBuilder.build(token)
        let t = 250
        let mean = token.close[(t - 19)...t].reduce(0, +) / 20
        #expect(abs(f.value("trend_sma20", at: t) - (token.close[t] / mean - 1)) < 1e-12)
        let roc = log(token.close[t] / token.close[t - 60])
        #expect(abs(f.value("mom_roc60", at: t) - roc) < 1e-15)
    }
}
