import Foundation
import MarketCore

/// What the engine needs to know about one token.
public struct TokenData: Sendable {
    /// Symbol.
    public var symbol: String
    /// Bars for signals and the Trader Grade (the finest stored timeframe with a model, or daily).
    public var bars: CandleSeries
    /// Daily bars for the Investor Grade (nil: resampled from `bars` by the caller, or not graded).
    public var daily: CandleSeries?
    /// Daily market caps, when stored.
    public var marketCaps: MarketCapSeries?
    /// Funding payments, oldest first.
    public var funding: [FundingRate]
    /// Whether `volume` is in the quote currency (USD) rather than in units of the token.
    public var volumeIsQuote: Bool

    /// A token's data.
    public init(symbol: String, bars: CandleSeries, daily: CandleSeries? = nil, marketCaps: MarketCapSeries? = nil,
                funding: [FundingRate] = [], volumeIsQuote: Bool = false) {
        self.symbol = symbol
        self.bars = bars
        self.daily = daily
        self.marketCaps = marketCaps
        self.funding = funding
        self.volumeIsQuote = volumeIsQuote
    }

    /// The data known at `asOf`: bars closed by then (`open + timeframe <= asOf`), market caps of days ended by
    /// then, funding paid by then.
    public func known(at asOf: Timestamp) -> TokenData {
        func cut(_ s: CandleSeries) -> CandleSeries { s.slice(to: asOf - s.timeframe.milliseconds) }
        var out = self
        out.bars = cut(bars)
        out.daily = daily.map(cut)
        out.marketCaps = marketCaps.map { m in
            let k = m.time.partitioningIndex { $0.milliseconds + 86_400_000 > asOf.milliseconds }
            return MarketCapSeries(symbol: m.symbol, time: Array(m.time[..<k]), marketCap: Array(m.marketCap[..<k]))
        }
        out.funding = funding.filter { $0.time <= asOf }
        return out
    }
}

/// A grade, or why there is none.
public enum GradeOutcome: Sendable, Equatable {
    /// The grade.
    case graded(Grade)
    /// "insufficient history: needs N bars, has M" (or another reason).
    case unavailable(String)

    /// The grade, if any.
    public var grade: Grade? { if case .graded(let g) = self { g } else { nil } }
}

/// Everything the engine says about one token as of a date.
public struct TokenReport: Sendable, Equatable {
    /// Symbol.
    public var symbol: String
    /// Timeframe of the signal bars.
    public var timeframe: Timeframe
    /// Open time of the last bar used.
    public var lastBar: Timestamp?
    /// Whether that bar is older than expected at the as-of time.
    public var isStale: Bool
    /// Signals (nil without a model for the timeframe).
    public var signals: TokenSignals?
    /// Trader Grade.
    public var trader: GradeOutcome
    /// Investor Grade.
    public var investor: GradeOutcome
    /// Returns, predicted volatility and risk score.
    public var performance: Performance?
    /// Rank by 30-day ROI (1 = best) and by risk score (1 = least risky) among graded tokens.
    public var roiRank: Int?
    public var riskRank: Int?
    /// What was left out and why (e.g. a model trained on data after the as-of time).
    public var notes: [String]
}

/// Signals, grades and performance for a set of tokens, from data known at an as-of time only.
public enum SignalUniverse {
    /// Reports per token, ordered as given.
    ///
    /// - Parameters:
    ///   - models: signal models by timeframe (a token without one gets no signals and no model sub-grade; so does
    ///     one whose model's training labels reach past `asOf`, which would be lookahead).
    ///   - btc, dominance: BTC bars by timeframe and dominance; cut to `asOf` here as well.
    ///   - news: scored headlines (market-wide and per token) for the `news_*` features; cut to `asOf` here as well.
    public static func evaluate(tokens: [TokenData], models: [Timeframe: SignalModel], btc: [Timeframe: CandleSeries],
                                dominance: MarketMetricSeries?, news: NewsContext? = nil, asOf: Timestamp,
                                feeRate: Double = 0.001) -> [TokenReport] {
        let dom = dominance.map { m in
            let k = m.time.partitioningIndex { $0 > asOf }
            return MarketMetricSeries(name: m.name, time: Array(m.time[..<k]), value: Array(m.value[..<k]))
        }
        let knownNews = news?.known(at: asOf)
        var reports: [TokenReport] = tokens.map { raw in
            let token = raw.known(at: asOf)
            let tf = token.bars.timeframe
            let btcBars = btc[tf].map { $0.slice(to: asOf - tf.milliseconds) }
            let f = FeatureBuilder.build(token.bars, funding: token.funding, context: MarketContext(btc: btcBars, btcDominance: dom, news: knownNews))
            // A model whose training labels reach past the as-of time knows the future: leave it out.
            var notes: [String] = []
            var model = models[tf]
            if let m = model, asOf.milliseconds < m.trainedTo.milliseconds + Int64(m.label.horizon + 1) * tf.milliseconds {
                notes.append("the \(tf.rawValue) model was trained on data up to \(m.trainedTo.iso8601), after the as-of time: no signals, no model sub-grade")
                model = nil
            } else if model == nil {
                notes.append("no \(tf.rawValue) model: no signals, no model sub-grade")
            }
            let signals = model.map { SignalEngine.run(symbol: token.symbol, features: f, model: $0, timeframe: tf, feeRate: feeRate, asOf: asOf) }
            let last = f.rows - 1
            let trader: GradeOutcome
            do {
                let p = last >= f.firstComplete ? model.map { $0.probability(f.row(last)) } : nil
                trader = .graded(try Grading.traderGrade(f, at: last, probability: p, timeframe: tf))
            } catch { trader = .unavailable(String(describing: error)) }
            let investor: GradeOutcome
            if let d = token.daily {
                do { investor = .graded(try Grading.investorGrade(daily: d, marketCaps: token.marketCaps, volumeIsQuote: token.volumeIsQuote)) }
                catch { investor = .unavailable(String(describing: error)) }
            } else {
                investor = .unavailable("no daily bars")
            }
            let perf = try? Performance.compute(token.bars, volumeIsQuote: token.volumeIsQuote)
            let lastBar = token.bars.time.last
            return TokenReport(symbol: token.symbol, timeframe: tf, lastBar: lastBar,
                               isStale: lastBar.map { Staleness.isStale(lastOpen: $0, timeframe: tf, asOf: asOf) } ?? true,
                               signals: signals, trader: trader, investor: investor, performance: perf, roiRank: nil, riskRank: nil,
                               notes: notes)
        }
        // Rankings: 30-day ROI (high first) and risk score (low first); ties keep the input order.
        let byROI = reports.indices.filter { reports[$0].performance?.roi30d != nil }
            .sorted { (-reports[$0].performance!.roi30d!, $0) < (-reports[$1].performance!.roi30d!, $1) }
        for (r, i) in byROI.enumerated() { reports[i].roiRank = r + 1 }
        let byRisk = reports.indices.filter { reports[$0].performance != nil }
            .sorted { (reports[$0].performance!.riskScore, $0) < (reports[$1].performance!.riskScore, $1) }
        for (r, i) in byRisk.enumerated() { reports[i].riskRank = r + 1 }
        return reports
    }
}
