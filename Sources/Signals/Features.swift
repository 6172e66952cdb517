import Foundation
import Indicators
import MarketCore

/// The market context shared by every token: BTC bars (regime), BTC dominance and scored news headlines.
///
/// All are aligned to a token's bars by time, never looking past the bar being described.
public struct MarketContext: Sendable {
    /// BTC bars of the same timeframe as the token (nil: regime features are 0, "no information").
    public var btc: CandleSeries?
    /// Daily BTC dominance in percent (CoinGecko snapshot at 00:00 UTC of its date).
    public var btcDominance: MarketMetricSeries?
    /// Scored headlines, market-wide and per token (nil: the `news_*` columns are 0, "no information").
    public var news: NewsContext?

    /// A context; pass nil for what is not stored.
    public init(btc: CandleSeries? = nil, btcDominance: MarketMetricSeries? = nil, news: NewsContext? = nil) {
        self.btc = btc
        self.btcDominance = btcDominance
        self.news = news
    }
}

/// The feature columns, in the order a model sees them. The order and names are part of a model file.
///
/// Every value at bar `t` uses bars `0...t` only (closes at `time[t] + timeframe`), funding rates paid by
/// that close, BTC bars up to the same open time, and dominance snapshots taken by that close.
public enum FeatureSet {
    /// Column names: `trend_*`, `mom_*`, `vol_*` (volatility), `volu_*` (volume), `htf_*` (the next higher
    /// timeframe's completed bars), `fund_*` (perpetual funding), `mkt_*` (market regime), `news_*` (headline
    /// sentiment over the trailing `newsWindow`: all headlines, and those naming the token).
    public static let names: [String] = [
        "trend_sma20", "trend_sma50", "trend_sma200", "trend_macd_hist_atr", "trend_adx14",
        "mom_rsi14", "mom_rsi28", "mom_roc5", "mom_roc20", "mom_roc60",
        "vol_natr14", "vol_rv20", "vol_ratio_10_60", "vol_bb_position20",
        "volu_rvol20", "volu_trend_10_50",
        "htf_rsi14", "htf_sma10",
        "fund_level", "fund_change",
        "mkt_btc_sma50", "mkt_btc_roc20", "mkt_dominance_change7d",
        "news_mkt_sentiment", "news_mkt_count", "news_token_sentiment", "news_token_count",
    ]

    /// Columns that are 0 when their source data does not exist (funding, BTC, dominance, headlines); every other
    /// column must be finite for a bar to count as warmed up.
    public static let optional: Set<String> = [
        "fund_level", "fund_change", "mkt_btc_sma50", "mkt_btc_roc20", "mkt_dominance_change7d",
        "news_mkt_sentiment", "news_mkt_count", "news_token_sentiment", "news_token_count",
    ]

    /// Trailing window of the `news_*` columns: 24 hours on intraday bars, 7 days on daily and weekly bars.
    ///
    /// At bar `t` the columns use the headlines published in `(close - window, close]`, where `close` is the bar's
    /// close time `time[t] + timeframe`: `news_*_sentiment` is their mean score (in [-1, 1]) and `news_*_count` is
    /// `ln(1 + count)`. Without headlines in the window both are 0; a count of 0 is the missing-news indicator
    /// that tells "no news" apart from "neutral news".
    public static func newsWindow(for tf: Timeframe) -> Int64 {
        tf < .d1 ? 86_400_000 : 7 * 86_400_000
    }

    /// The timeframe whose completed bars feed the `htf_*` columns: 1d for intraday bars, 1w for daily.
    public static func higherTimeframe(of tf: Timeframe) -> Timeframe {
        switch tf {
        case .m1, .m5, .m15: .h4
        case .h1, .h4: .d1
        case .d1, .w1: .w1
        }
    }
}

/// Features of one token: one row per bar, columns as `FeatureSet.names`.
public struct FeatureMatrix: Sendable, Equatable {
    /// Column names (`FeatureSet.names`).
    public let names: [String]
    /// Bar open times, one per row.
    public let time: [Timestamp]
    /// Closes, one per row (for labels and returns).
    public let close: [Double]
    /// Row-major values, `rows * names.count`; NaN where a column is not yet defined.
    public var values: [Double]
    /// First row where every non-optional column is defined (`rows` if none).
    public let firstComplete: Int

    /// Number of rows (bars).
    public var rows: Int { time.count }
    /// Number of columns.
    public var width: Int { names.count }

    /// The values of row `t`.
    public func row(_ t: Int) -> ArraySlice<Double> { values[(t * width)..<((t + 1) * width)] }

    /// The value of column `name` at row `t` (NaN for an unknown name).
    public func value(_ name: String, at t: Int) -> Double {
        guard let k = names.firstIndex(of: name) else { return .nan }
        return values[t * width + k]
    }
}

/// Builds the feature matrix of a token from its bars, funding rates and the market context.
///
/// Complexity: O(n) in bars (plus funding and context lengths); every indicator is streamed once.
public enum FeatureBuilder {
    /// Bars needed for the first complete row of a contiguous series that starts on a higher-timeframe
    /// boundary: SMA(200) dominates on daily bars (200); on hourly bars the 15 completed days of
    /// `htf_rsi14` do (360). A series starting mid-bucket needs up to one higher-timeframe bar more.
    public static func warmUpBars(for tf: Timeframe) -> Int {
        let htf = FeatureSet.higherTimeframe(of: tf)
        let perBucket = Int((Double(htf.milliseconds) / Double(tf.milliseconds)).rounded(.up))
        return max(200, 15 * perBucket)
    }

    /// The feature matrix of `series`.
    ///
    /// - Parameters:
    ///   - funding: the token's funding payments, oldest first (empty when it has no perpetual).
    ///   - context: BTC bars and dominance for the regime columns.
    public static func build(_ series: CandleSeries, funding: [FundingRate] = [], context: MarketContext = MarketContext()) -> FeatureMatrix {
        let n = series.count
        let w = FeatureSet.names.count
        var v = [Double](repeating: .nan, count: n * w)
        let tfMs = series.timeframe.milliseconds

        var sma20 = SMAState(period: 20), sma50 = SMAState(period: 50), sma200 = SMAState(period: 200)
        var macd = MACDState()
        var atr = ATRState(period: 14)
        var adx = ADXState(period: 14)
        var rsi14 = RSIState(period: 14), rsi28 = RSIState(period: 28)
        var bb = BBANDSState(period: 20)
        var volSMA20 = SMAState(period: 20), volSMA10 = SMAState(period: 10), volSMA50 = SMAState(period: 50)
        var rv10 = RollingMoments(period: 10), rv20 = RollingMoments(period: 20), rv60 = RollingMoments(period: 60)

        let htf = FeatureSet.higherTimeframe(of: series.timeframe)
        var htfRSI = RSIState(period: 14), htfSMA = SMAState(period: 10)
        var htfBucket: Timestamp? = nil
        var htfLastClose = Double.nan
        var htfRSIValue = Double.nan, htfSMAValue = Double.nan

        var fundingIndex = 0  // funding[0..<fundingIndex] are paid by the current bar's close

        // BTC regime columns, precomputed on BTC's own bars, then read at the latest BTC bar with time <= time[t].
        var btcTrend: [Double] = [], btcROC: [Double] = [], btcTime: [Timestamp] = []
        if let btc = context.btc, btc.timeframe == series.timeframe {
            btcTime = btc.time
            var s = SMAState(period: 50)
            btcTrend = btc.close.map { c in s.update(c).map { c / $0 - 1 } ?? .nan }
            btcROC = btc.close.indices.map { i in i >= 20 ? Foundation.log(btc.close[i] / btc.close[i - 20]) : .nan }
        }
        var btcIndex = 0
        var domIndex = 0
        let newsWindow = FeatureSet.newsWindow(for: series.timeframe)
        let marketNews = context.news?.market
        let tokenNews = context.news?.byToken[series.symbol.uppercased()]

        for t in 0..<n {
            let c = series.close[t], h = series.high[t], l = series.low[t], vol = series.volume[t]
            let base = t * w
            func set(_ k: Int, _ x: Double?) { if let x, x.isFinite { v[base + k] = x } }

            // Trend
            set(0, sma20.update(c).map { c / $0 - 1 })
            set(1, sma50.update(c).map { c / $0 - 1 })
            set(2, sma200.update(c).map { c / $0 - 1 })
            let atrValue = atr.update(high: h, low: l, close: c)
            let m = macd.update(c)
            if let m, let a = atrValue, a > 0 { set(3, m.hist / a) }
            set(4, adx.update(high: h, low: l, close: c).map { $0 / 100 })
            // Momentum
            set(5, rsi14.update(c).map { $0 / 100 - 0.5 })
            set(6, rsi28.update(c).map { $0 / 100 - 0.5 })
            if t >= 5 { set(7, Foundation.log(c / series.close[t - 5])) }
            if t >= 20 { set(8, Foundation.log(c / series.close[t - 20])) }
            if t >= 60 { set(9, Foundation.log(c / series.close[t - 60])) }
            // Volatility
            if let a = atrValue, c > 0 { set(10, a / c) }
            if t >= 1 {
                let r = Foundation.log(c / series.close[t - 1])
                let s10 = rv10.update(r), s20 = rv20.update(r), s60 = rv60.update(r)
                set(11, s20)
                if let s10, let s60, s60 > 0 { set(12, s10 / s60 - 1) }
            }
            if let b = bb.update(c), b.upper > b.lower { set(13, (c - b.middle) / (b.upper - b.lower)) }
            // Volume (log ratios; 0 when the volume is 0, e.g. early CoinMarketCap rows)
            if let s = volSMA20.update(vol) { set(14, (vol > 0 && s > 0) ? Foundation.log(vol / s) : 0) }
            let s10 = volSMA10.update(vol), s50 = volSMA50.update(vol)
            if let s10, let s50 { set(15, (s10 > 0 && s50 > 0) ? Foundation.log(s10 / s50) : 0) }

            // Higher timeframe: a bucket enters the HTF indicators only once it is complete, i.e. at the bar
            // that closes it (or, after a gap, at the first bar of a later bucket, before that bar is added).
            let bucket = htf.barStart(series.time[t])
            if let open = htfBucket, open != bucket, htfLastClose.isFinite {
                // The previous bucket ended without its closing bar (a gap): complete it now.
                htfRSIValue = htfRSI.update(htfLastClose).map { $0 / 100 - 0.5 } ?? .nan
                htfSMAValue = htfSMA.update(htfLastClose).map { htfLastClose / $0 - 1 } ?? .nan
            }
            htfBucket = bucket
            htfLastClose = c
            if htf.barStart(series.time[t] + tfMs) != bucket {
                htfRSIValue = htfRSI.update(c).map { $0 / 100 - 0.5 } ?? .nan
                htfSMAValue = htfSMA.update(c).map { c / $0 - 1 } ?? .nan
                htfBucket = nil
                htfLastClose = .nan
            }
            set(16, htfRSIValue)
            set(17, htfSMAValue)

            // Funding: payments made by this bar's close (rates are fractions per 8h; scaled by 1000).
            let barClose = series.time[t] + tfMs
            while fundingIndex < funding.count && funding[fundingIndex].time <= barClose { fundingIndex += 1 }
            if fundingIndex > 0 {
                let last = funding[fundingIndex - 1].rate
                v[base + 18] = last * 1000
                v[base + 19] = fundingIndex > 3 ? (last - funding[fundingIndex - 4].rate) * 1000 : 0
            } else {
                v[base + 18] = 0
                v[base + 19] = 0
            }

            // Regime: BTC's trend and 20-bar return at the same bar time.
            v[base + 20] = 0
            v[base + 21] = 0
            while btcIndex < btcTime.count && btcTime[btcIndex] <= series.time[t] { btcIndex += 1 }
            if btcIndex > 0 {
                let k = btcIndex - 1
                if btcTrend[k].isFinite { v[base + 20] = btcTrend[k] }
                if btcROC[k].isFinite { v[base + 21] = btcROC[k] }
            }
            // Dominance: change over 7 snapshots (percentage points / 100) of snapshots taken by this close.
            v[base + 22] = 0
            if let dom = context.btcDominance {
                while domIndex < dom.time.count && dom.time[domIndex] <= barClose { domIndex += 1 }
                if domIndex > 7 { v[base + 22] = (dom.value[domIndex - 1] - dom.value[domIndex - 8]) / 100 }
            }
            // News: headlines published by this bar's close, within the trailing window.
            let mkt = marketNews?.window(endingAt: barClose, length: newsWindow) ?? (count: 0, mean: 0)
            v[base + 23] = mkt.mean
            v[base + 24] = Foundation.log(1 + Double(mkt.count))
            let tok = tokenNews?.window(endingAt: barClose, length: newsWindow) ?? (count: 0, mean: 0)
            v[base + 25] = tok.mean
            v[base + 26] = Foundation.log(1 + Double(tok.count))
        }

        let required = FeatureSet.names.indices.filter { !FeatureSet.optional.contains(FeatureSet.names[$0]) }
        var firstComplete = n
        for t in 0..<n where required.allSatisfy({ v[t * w + $0].isFinite }) {
            firstComplete = t
            break
        }
        return FeatureMatrix(names: FeatureSet.names, time: series.time, close: series.close, values: v,
                             firstComplete: firstComplete)
    }
}

/// Rolling sample standard deviation over the last `period` values (Welford-free sums: inputs are returns,
/// small and centred, so the two running sums stay well conditioned).
struct RollingMoments: Sendable {
    let period: Int
    var window: [Double]
    var next = 0
    var filled = 0
    var sum = 0.0
    var sumSquares = 0.0

    init(period: Int) {
        self.period = period
        window = [Double](repeating: 0, count: period)
    }

    /// Adds `x`; returns the sample standard deviation once `period` values are in.
    mutating func update(_ x: Double) -> Double? {
        if filled == period {
            let old = window[next]
            sum -= old
            sumSquares -= old * old
        } else {
            filled += 1
        }
        window[next] = x
        next = (next + 1) % period
        sum += x
        sumSquares += x * x
        guard filled == period, period > 1 else { return nil }
        let mean = sum / Double(period)
        return max(0, (sumSquares - Double(period) * mean * mean) / Double(period - 1)).squareRoot()
    }
}
