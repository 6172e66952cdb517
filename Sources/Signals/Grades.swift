import Foundation
import MarketCore

/// One component of a grade: its 0-100 score, its weight, and how far it pulled the grade from 50.
public struct SubGrade: Sendable, Codable, Equatable {
    /// Name, e.g. `technical`, `drawdown_resilience`.
    public var name: String
    /// 0-100.
    public var score: Double
    /// Weight in the grade (weights of a grade sum to 1).
    public var weight: Double
    /// `weight * (score - 50)`: points this component added to (or took from) a neutral 50.
    public var pull: Double { weight * (score - 50) }
    /// The formula, in words, with the raw input value.
    public var detail: String
}

/// A 0-100 grade with its sub-grades and an explanation of which pulled it up or down.
public struct Grade: Sendable, Codable, Equatable {
    /// 0-100: `sum(weight * subScore)`.
    public var value: Double
    /// The components.
    public var subGrades: [SubGrade]

    /// Sub-grades that raised the grade above 50, strongest first.
    public var pulledUp: [String] { subGrades.filter { $0.pull > 0.5 }.sorted { $0.pull > $1.pull }.map(\.name) }
    /// Sub-grades that lowered it, strongest first.
    public var pulledDown: [String] { subGrades.filter { $0.pull < -0.5 }.sorted { $0.pull < $1.pull }.map(\.name) }

    /// "pulled up by quant (+8.1), model (+2.0); pulled down by technical (-6.3)".
    public var explanation: String {
        func list(_ names: [String]) -> String {
            names.compactMap { n in subGrades.first { $0.name == n } }
                .map { "\($0.name) (\(String(format: "%+.1f", $0.pull)))" }.joined(separator: ", ")
        }
        var parts: [String] = []
        if !pulledUp.isEmpty { parts.append("pulled up by " + list(pulledUp)) }
        if !pulledDown.isEmpty { parts.append("pulled down by " + list(pulledDown)) }
        return parts.isEmpty ? "every sub-grade near neutral" : parts.joined(separator: "; ")
    }

    /// Combines sub-grades with their weights (renormalised to sum 1).
    init(_ parts: [SubGrade]) {
        let total = parts.reduce(0) { $0 + $1.weight }
        subGrades = parts.map { var s = $0; s.weight = total > 0 ? s.weight / total : 0; return s }
        value = subGrades.reduce(0) { $0 + $1.weight * $1.score }
    }
}

/// Grades are calibrated absolute scores, not percentiles across the universe.
///
/// Why: a token's grade then depends only on its own data up to the as-of date, so it is reproducible and
/// does not move when another token is ingested; a falling market gives low grades to everyone instead of
/// handing 100 to the least bad; and a universe of 16 coins is too small for stable percentiles.
/// Cross-sectional views are given separately as rankings. Each raw input is mapped to 0-100 by a fixed
/// curve chosen from its typical range (documented per sub-grade), never fitted on returns.
public enum Grading {
    /// `100 / (1 + exp(-x))`.
    @inline(__always) static func logistic100(_ x: Double) -> Double { 100 / (1 + Foundation.exp(-x)) }
    /// `100 * clamp((x - lo) / (hi - lo), 0, 1)`.
    @inline(__always) static func ramp100(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        100 * min(1, max(0, (x - lo) / (hi - lo)))
    }

    /// Trader Grade (short term) at bar `t` of a feature matrix, from its indicator states and the model.
    ///
    /// - technical (weight 0.35): mean of four scores: RSI(14) `ramp(RSI, 30, 70)`; MACD histogram over ATR
    ///   `50 + 50 tanh(2 h / ATR)`; position against SMA 20/50/200 `100 (0.25 [c > SMA20] + 0.35 [c > SMA50] + 0.4 [c > SMA200])`;
    ///   higher-timeframe RSI(14) `ramp(RSI, 30, 70)`.
    /// - quant (0.35): `0.7 * 100 logistic(1.6 z) + 0.3 * 100 logistic(-3 v)`, with the risk-adjusted momentum
    ///   `z = ln(c / c[-20]) / (sd20 * sqrt(20))` (sd20: st. dev. of 20 one-bar log returns) and the volatility
    ///   trend `v = sd10 / sd60 - 1` (rising volatility lowers the grade).
    /// - model (0.30): `100 * probability` of the signal model (left out, weights renormalised, without a model).
    ///
    /// Throws `insufficientHistory` when bar `t` is inside the feature warm-up.
    public static func traderGrade(_ f: FeatureMatrix, at t: Int, probability: Double?, timeframe: Timeframe) throws(SignalsError) -> Grade {
        guard t >= f.firstComplete, t < f.rows else {
            throw .insufficientHistory(needs: f.firstComplete < f.rows ? f.firstComplete + 1 : FeatureBuilder.warmUpBars(for: timeframe),
                                       has: min(t + 1, f.rows))
        }
        func x(_ n: String) -> Double { clean(f.value(n, at: t)) }
        let rsi = (x("mom_rsi14") + 0.5) * 100, htfRSI = (x("htf_rsi14") + 0.5) * 100
        let rsiScore = ramp100(rsi, 30, 70)
        let macdScore = 50 + 50 * Foundation.tanh(2 * x("trend_macd_hist_atr"))
        let maScore = 100 * ((x("trend_sma20") > 0 ? 0.25 : 0) + (x("trend_sma50") > 0 ? 0.35 : 0) + (x("trend_sma200") > 0 ? 0.4 : 0))
        let htfScore = ramp100(htfRSI, 30, 70)
        let technical = (rsiScore + macdScore + maScore + htfScore) / 4
        let sd = x("vol_rv20")
        let z = sd > 0 ? x("mom_roc20") / (sd * Foundation.sqrt(20)) : 0
        let volTrend = x("vol_ratio_10_60")
        let quant = 0.7 * logistic100(1.6 * z) + 0.3 * logistic100(-3 * volTrend)
        var parts = [
            SubGrade(name: "technical", score: technical, weight: 0.35,
                     detail: String(format: "RSI14 %.1f, MACD hist/ATR %.2f, above SMA20/50/200 %@, HTF RSI %.1f", rsi,
                                    x("trend_macd_hist_atr"), [x("trend_sma20"), x("trend_sma50"), x("trend_sma200")].map { $0 > 0 ? "y" : "n" }.joined(separator: "/"), htfRSI)),
            SubGrade(name: "quant", score: quant, weight: 0.35,
                     detail: String(format: "risk-adjusted 20-bar momentum z %.2f, volatility trend %+.2f", z, volTrend)),
        ]
        if let p = probability, p.isFinite {
            parts.append(SubGrade(name: "model", score: 100 * p, weight: 0.30, detail: String(format: "P(up) %.3f", p)))
        }
        return Grade(parts)
    }

    /// Days of daily history the Investor Grade needs (365 returns).
    public static let investorHistoryDays = 366

    /// Investor Grade (long term) from daily bars (and market caps when stored), at the last bar.
    ///
    /// - market_cap_trend (0.20): `100 logistic(ln(cap / cap 90 days before) / 0.35)` (close when no caps).
    /// - risk_adjusted_90d, risk_adjusted_365d (0.15 each): annualised Sharpe of daily log returns
    ///   `mean / sd * sqrt(365)`, scored `100 logistic(sharpe)`.
    /// - drawdown_resilience (0.20): `100 (1 - maximum drawdown of the close over 365 days)`.
    /// - liquidity (0.20): `0.7 ramp(log10(median 30-day quote volume), 5, 10) + 0.3 * 100 logistic(ln(mean30 / mean90) / 0.5)`
    ///   ($100k a day scores 0, $10B 100; volume in quote currency: `volume` when `volumeIsQuote`, else `volume * close`).
    /// - age (0.10): `100 min(1, days since the first bar / 1460)`.
    public static func investorGrade(daily d: CandleSeries, marketCaps: MarketCapSeries?, volumeIsQuote: Bool) throws(SignalsError) -> Grade {
        let n = d.count
        guard n >= investorHistoryDays else { throw .insufficientHistory(needs: investorHistoryDays, has: n) }
        let last = n - 1
        // Market-cap trend.
        var capChange = Foundation.log(d.close[last] / d.close[last - 90]), capSource = "close"
        if let caps = marketCaps, let j = caps.time.lastIndex(where: { $0 <= d.time[last] }), caps.marketCap[j] > 0 {
            let target = caps.time[j] - 90 * 86_400_000
            if let i = caps.time.lastIndex(where: { $0 <= target }), caps.marketCap[i] > 0, caps.time[j].milliseconds - caps.time[i].milliseconds <= 100 * 86_400_000 {
                capChange = Foundation.log(caps.marketCap[j] / caps.marketCap[i]); capSource = "market cap"
            }
        }
        func sharpe(_ days: Int) -> Double {
            var r: [Double] = []
            for i in (n - days)..<n { r.append(Foundation.log(d.close[i] / d.close[i - 1])) }
            let m = r.reduce(0, +) / Double(r.count)
            let sd = (r.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(r.count - 1)).squareRoot()
            return sd > 0 ? m / sd * Foundation.sqrt(365) : 0
        }
        let s90 = sharpe(90), s365 = sharpe(365)
        var peak = 0.0, maxDD = 0.0
        for i in (n - 365)..<n { peak = max(peak, d.close[i]); if peak > 0 { maxDD = max(maxDD, 1 - d.close[i] / peak) } }
        let quote = (0..<n).map { volumeIsQuote ? d.volume[$0] : d.volume[$0] * d.close[$0] }
        let last30 = Array(quote[(n - 30)..<n]).sorted()
        let median30 = (last30[14] + last30[15]) / 2
        let mean30 = quote[(n - 30)..<n].reduce(0, +) / 30, mean90 = quote[(n - 90)..<n].reduce(0, +) / 90
        let volTrend = mean30 > 0 && mean90 > 0 ? Foundation.log(mean30 / mean90) : 0
        let liquidity = 0.7 * ramp100(median30 > 0 ? Foundation.log10(median30) : 0, 5, 10) + 0.3 * logistic100(volTrend / 0.5)
        let days = Double(d.time[last].milliseconds - d.time[0].milliseconds) / 86_400_000 + 1
        return Grade([
            SubGrade(name: "market_cap_trend", score: logistic100(capChange / 0.35), weight: 0.20,
                     detail: String(format: "90-day log change of the %@ %+.3f", capSource, capChange)),
            SubGrade(name: "risk_adjusted_90d", score: logistic100(s90), weight: 0.15, detail: String(format: "Sharpe 90d %.2f", s90)),
            SubGrade(name: "risk_adjusted_365d", score: logistic100(s365), weight: 0.15, detail: String(format: "Sharpe 365d %.2f", s365)),
            SubGrade(name: "drawdown_resilience", score: 100 * (1 - maxDD), weight: 0.20, detail: String(format: "max drawdown 365d %.1f%%", 100 * maxDD)),
            SubGrade(name: "liquidity", score: liquidity, weight: 0.20,
                     detail: String(format: "median 30-day volume $%.3g, 30/90-day volume trend %+.2f", median30, volTrend)),
            SubGrade(name: "age", score: 100 * min(1, days / 1460), weight: 0.10, detail: String(format: "%.0f days of history", days)),
        ])
    }
}
