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

    /// Headlines every 37 minutes over the bars, a third of them naming the token, with scores in [-1, 1].
    static func news(for token: CandleSeries, seed: UInt64 = 11) -> NewsContext {
        var rng = SeededGenerator(seed: seed)
        let start = token.time[0], end = token.time[token.count - 1] + token.timeframe.milliseconds
        var market: [(time: Timestamp, score: Double)] = [], mine: [(time: Timestamp, score: Double)] = []
        var t = start
        var k = 0
        while t <= end {
            let s = max(-1, min(1, 0.5 * rng.nextGaussian()))
            market.append((t, s))
            if k % 3 == 0 { mine.append((t, s)) }
            t = t + 37 * 60_000
            k += 1
        }
        return NewsContext(market: ScoredHeadlines(market), byToken: [token.symbol.uppercased(): ScoredHeadlines(mine)])
    }

    /// `news` with every headline published after `cutoff` rescored and a burst of extra ones added after it.
    static func alteredNews(_ news: NewsContext, after cutoff: Timestamp) -> NewsContext {
        func alter(_ h: ScoredHeadlines) -> ScoredHeadlines {
            var items = zip(h.time, h.score).map { (time: $0, score: $0 > cutoff ? -$1 * 0.5 + 0.3 : $1) }
            items += (1...20).map { (time: cutoff + Int64($0) * 1000, score: 0.9) }
            return ScoredHeadlines(items)
        }
        return NewsContext(market: alter(news.market), byToken: news.byToken.mapValues(alter))
    }

    @Test("no feature at or before bar t changes when the token's bars, BTC's bars, funding, dominance or headlines after t change",
          arguments: [400, 611, 1000])
    func causal(t: Int) {
        let (token, btc, funding) = Self.inputs()
        let dominance = MarketMetricSeries(name: "btc_dominance", time: (0..<60).map { Timestamp.utc(year: 2020, month: 1, day: 1) + Int64($0) * 86_400_000 },
                                           value: (0..<60).map { 60 + sin(Double($0)) })
        let news = Self.news(for: token)
        let before = FeatureBuilder.build(token, funding: funding, context: MarketContext(btc: btc, btcDominance: dominance, news: news))
        let cutoff = token.time[t] + token.timeframe.milliseconds
        var laterFunding = funding.filter { $0.time <= cutoff }
        laterFunding += funding.filter { $0.time > cutoff }.map { FundingRate(symbol: $0.symbol, time: $0.time, rate: $0.rate + 0.01) }
        var laterDominance = dominance
        for i in laterDominance.time.indices where laterDominance.time[i] > cutoff { laterDominance.value[i] += 5 }
        let after = FeatureBuilder.build(Self.altered(token, after: t, seed: 1), funding: laterFunding,
                                         context: MarketContext(btc: Self.altered(btc, after: t, seed: 2), btcDominance: laterDominance,
                                                                news: Self.alteredNews(news, after: cutoff)))
        let w = before.width
        #expect(before.firstComplete == after.firstComplete)
        for i in 0...t {
            for k in 0..<w {
                let a = before.values[i * w + k], b = after.values[i * w + k]
                #expect(a == b || (a.isNaN && b.isNaN), "\(before.names[k]) at bar \(i) changed")
            }
        }
        // And the alteration is visible after t, so the test can fail, in the news columns too.
        #expect(before.values[((t + 1) * w)...] != after.values[((t + 1) * w)...])
        for name in ["news_mkt_sentiment", "news_mkt_count", "news_token_sentiment", "news_token_count"] {
            #expect(before.value(name, at: t + 1) != after.value(name, at: t + 1), "\(name) ignores the headlines of bar \(t + 1)")
        }
    }

    @Test("news columns are the mean score and ln(1 + count) of the headlines of the trailing 24 hours up to the bar's close")
    func newsColumns() throws {
        let (token, _, _) = Self.inputs(count: 300)
        let news = Self.news(for: token)
        let f = FeatureBuilder.build(token, context: MarketContext(news: news))
        for t in [0, 5, 23, 24, 150, 299] {
            let close = token.time[t] + token.timeframe.milliseconds
            for (prefix, h) in [("news_mkt", news.market), ("news_token", try #require(news.byToken[token.symbol.uppercased()]))] {
                // Direct count over the raw headlines, independent of the binary search.
                let inWindow = zip(h.time, h.score).filter { $0.0 > close - 86_400_000 && $0.0 <= close }.map(\.1)
                let mean = inWindow.isEmpty ? 0 : inWindow.reduce(0, +) / Double(inWindow.count)
                #expect(abs(f.value(prefix + "_sentiment", at: t) - mean) < 1e-12, "\(prefix) at \(t)")
                #expect(f.value(prefix + "_count", at: t) == log(1 + Double(inWindow.count)), "\(prefix) count at \(t)")
            }
        }
        // A daily series uses a 7-day window.
        #expect(FeatureSet.newsWindow(for: .d1) == 7 * 86_400_000 && FeatureSet.newsWindow(for: .h1) == 86_400_000)
        // Headlines about another token do not reach this token's columns.
        var other = news
        other.byToken = ["ZZZ": news.market]
        let g = FeatureBuilder.build(token, context: MarketContext(news: other))
        #expect((0..<g.rows).allSatisfy { g.value("news_token_count", at: $0) == 0 && g.value("news_token_sentiment", at: $0) == 0 })
        #expect(g.value("news_mkt_count", at: 100) == f.value("news_mkt_count", at: 100))
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
