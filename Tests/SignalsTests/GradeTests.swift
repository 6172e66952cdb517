import Foundation
import MarketCore
import MarketData
import Testing
import TestSupport
@testable import Signals

@Suite struct GradeTests {
    /// The bundled sample data of the repository (shipped with it, not /work/shared).
    static let sample = Fixtures.root + "/../../SampleData"

    static func daily(_ coin: String) throws -> TokenData {
        let f = try MarketFileReader.read(sample + "/daily/\(coin).csv.gz")
        guard case let .candles(s, caps) = f.content else { throw SignalsError.invalidParameter("not candles") }
        return TokenData(symbol: coin, bars: s, daily: s, marketCaps: caps, volumeIsQuote: true)
    }

    static func dominance() throws -> MarketMetricSeries {
        let f = try MarketFileReader.read(sample + "/market/btc_dominance.csv")
        guard case let .metrics(m) = f.content, let d = m.first else { throw SignalsError.invalidParameter("not a metric") }
        return d
    }

    /// A small logistic model trained on BTC's daily bars before 2019 (fast in debug builds).
    static func model(btc: CandleSeries) throws -> SignalModel {
        let early = btc.slice(to: Timestamp.utc(year: 2019, month: 1, day: 1))
        let f = FeatureBuilder.build(early, context: MarketContext(btc: early))
        let data = Dataset(symbols: ["BTC"], features: [f], label: .standard(for: .d1), timeframe: .d1)
        return try WalkForward.fitFinal(data, kind: .logistic, timeframe: .d1, config: WalkForwardConfig(label: data.label), selection: nil)
    }

    @Test("grades, signals and performance as of a date are identical with and without later data")
    func asOfInvariance() throws {
        let tokens = try ["BTC", "ETH", "XMR", "UNI"].map(Self.daily)
        let btc = tokens[0].bars
        let models = [Timeframe.d1: try Self.model(btc: btc)]
        let dom = try Self.dominance()
        let asOf = Timestamp.utc(year: 2020, month: 11, day: 1)
        let full = SignalUniverse.evaluate(tokens: tokens, models: models, btc: [.d1: btc], dominance: dom, asOf: asOf)
        // Drop everything after the as-of time from every input.
        let cut = tokens.map { $0.known(at: asOf) }
        let domCut = MarketMetricSeries(name: dom.name, time: dom.time.filter { $0 <= asOf }, value: Array(dom.value.prefix(dom.time.filter { $0 <= asOf }.count)))
        let truncated = SignalUniverse.evaluate(tokens: cut, models: models, btc: [.d1: btc.slice(to: asOf - 86_400_000)], dominance: domCut, asOf: asOf)
        #expect(full == truncated)
        // The comparison has teeth: the last bar used is the day before the as-of time, and later data changes grades.
        let btcReport = try #require(full.first)
        #expect(btcReport.lastBar == asOf - 86_400_000)
        #expect(btcReport.trader.grade != nil && btcReport.investor.grade != nil)
        let later = SignalUniverse.evaluate(tokens: tokens, models: models, btc: [.d1: btc], dominance: dom, asOf: asOf + 30 * 86_400_000)
        #expect(later.first?.trader != btcReport.trader)
    }

    @Test("a token with too little history gets 'insufficient history: needs N bars, has M' instead of a grade")
    func insufficientHistory() throws {
        let uni = try Self.daily("UNI")
        let asOf = Timestamp.utc(year: 2021, month: 3, day: 1)
        let r = SignalUniverse.evaluate(tokens: [uni], models: [:], btc: [:], dominance: nil, asOf: asOf)
        #expect(r[0].investor == .unavailable("insufficient history: needs 366 bars, has 163"))
        #expect(r[0].trader == .unavailable("insufficient history: needs 200 bars, has 163"))
        // UNI's performance figures exist; 90-day ROI is close / close 90 days earlier - 1.
        let p = try #require(r[0].performance)
        let n = uni.bars.count
        #expect(p.roi90d == uni.bars.close[n - 1] / uni.bars.close[n - 91] - 1)
        #expect(p.roiSinceListing == uni.bars.close[n - 1] / uni.bars.close[0] - 1)
    }

    @Test("grades are in 0...100, equal the weighted sub-grades, and say what pulled them")
    func gradeStructure() throws {
        let btc = try Self.daily("BTC")
        let asOf = Timestamp.utc(year: 2021, month: 1, day: 15)
        let r = SignalUniverse.evaluate(tokens: [btc], models: [.d1: try Self.model(btc: btc.bars)], btc: [.d1: btc.bars], dominance: nil, asOf: asOf)
        for g in [r[0].trader.grade, r[0].investor.grade] {
            let grade = try #require(g)
            #expect((0...100).contains(grade.value))
            #expect(abs(grade.value - grade.subGrades.reduce(0) { $0 + $1.weight * $1.score }) < 1e-9)
            #expect(abs(grade.subGrades.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
            for s in grade.subGrades { #expect((0...100).contains(s.score), "\(s.name)") }
            #expect(!grade.explanation.isEmpty)
        }
        // Early January 2021: BTC had doubled in 90 days, so momentum-type sub-grades pull up.
        let investor = try #require(r[0].investor.grade)
        #expect(investor.pulledUp.contains("market_cap_trend"))
        #expect(r[0].trader.grade?.subGrades.map(\.name) == ["technical", "quant", "model"])
    }

    @Test("stale data: a daily bar is stale once more than two days have passed after its close")
    func staleness() {
        let open = Timestamp.utc(year: 2021, month: 2, day: 27)
        #expect(!Staleness.isStale(lastOpen: open, timeframe: .d1, asOf: open + 86_400_000))
        #expect(!Staleness.isStale(lastOpen: open, timeframe: .d1, asOf: open + 3 * 86_400_000))
        #expect(Staleness.isStale(lastOpen: open, timeframe: .d1, asOf: open + 3 * 86_400_000 + 1))
        #expect(Staleness.isStale(lastOpen: open, timeframe: .h1, asOf: open + 4 * 3_600_000))
    }
}

@Suite struct SignalEngineTests {
    @Test("signal events carry the entry close; following them is compounded bar by bar with fees")
    func eventsAndStrategy() {
        let close = [100.0, 110, 99, 99, 120]
        let time = (0..<5).map { Timestamp.utc(year: 2024, month: 1, day: 1 + $0) }
        let f = FeatureMatrix(names: FeatureSet.names, time: time, close: close,
                              values: [Double](repeating: 0, count: 5 * FeatureSet.names.count), firstComplete: 1)
        let probs = [Double.nan, 0.7, 0.3, 0.5, 0.8]
        let s = SignalEngine.assemble(symbol: "X", features: f, probabilities: probs, band: 0.05,
                                      contributions: { _ in [Double](repeating: 0, count: FeatureSet.names.count) },
                                      feeRate: 0.001, asOf: time[4] + 86_400_000, timeframe: .d1)
        #expect(s.bars.map(\.signal) == [nil, 1, -1, 0, 1])
        #expect(s.bars[0].score == nil)
        #expect(abs(s.bars[1].score! - 0.4) < 1e-12)
        #expect(s.events.map(\.signal) == [1, -1, 0, 1])
        #expect(s.events.map(\.entryPrice) == [110, 99, 99, 120])
        #expect(s.events.map(\.endedAt) == [time[2], time[3], time[4], nil])
        #expect(abs(s.events[0].priceChange - (99.0 / 110 - 1)) < 1e-15)
        #expect(s.active?.time == time[4])
        let expected = 0.999 * (99.0 / 110) * 0.998 * 0.999 * 0.999 - 1
        #expect(abs(s.strategy!.signalReturn - expected) < 1e-12)
        #expect(s.strategy!.buyAndHoldReturn == 120.0 / 110 - 1)
        #expect(s.strategy!.trades == 4)
        #expect(!s.isStale)
    }
}
