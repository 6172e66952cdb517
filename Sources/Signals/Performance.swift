import Foundation
import MarketCore
import Risk

/// Which model produced `Performance.predictedVolatility`.
public enum VolatilityModel: String, Sendable, Codable, Equatable {
    /// GARCH(1,1) fitted to daily percent log returns (`Risk.GARCH11`, equal to `arch` 8.0.0).
    case garch11
    /// The RiskMetrics EWMA (lambda 0.94) of the bars' log returns: the fallback when GARCH cannot be used.
    case ewma
}

/// Returns over standard windows, predicted volatility and a 0-100 risk score (higher is riskier).
public struct Performance: Sendable, Codable, Equatable {
    /// `close / close at or before (last open - window) - 1`; nil when the history is shorter.
    public var roi24h, roi7d, roi30d, roi90d: Double?
    /// Since the last close of the previous calendar year (UTC); nil without one.
    public var roiYearToDate: Double?
    /// Since the first bar's close.
    public var roiSinceListing: Double
    /// Predicted annualised volatility of daily log returns over the next `Performance.volatilityHorizonDays` (30)
    /// days, from a GARCH(1,1) fitted to the last (up to `garchWindowDays` = 1000) daily percent log returns
    /// `100 ln(c_d / c_{d-1})` (daily closes = the last close of each UTC day):
    /// `sqrt((365 / 30) * sum_{k=1..30} h_k) / 100`, with `h_k` the GARCH variance forecast k days ahead
    /// (`h_1 = omega + alpha e_T^2 + beta sigma_T^2`, `h_k = omega + (alpha + beta) h_{k-1}`).
    /// Annualisation: 365 days (crypto trades every day), i.e. the 30-day variance scaled by 365 / 30.
    ///
    /// Fallback (`volatilityModel == .ewma`, reason in `volatilityNote`): fewer than `garchMinimumDays` (100) daily
    /// returns, or a fit that fails or is degenerate (alpha + beta >= 1, non-finite). The fallback is the
    /// RiskMetrics EWMA (lambda 0.94) of one-bar log returns annualised with `sqrt(365 * bars per day)`.
    public var predictedVolatility: Double
    /// The model behind `predictedVolatility`.
    public var volatilityModel: VolatilityModel
    /// Why the EWMA fallback was used (nil for GARCH).
    public var volatilityNote: String?
    /// Maximum drawdown of the close over the last 365 days (or the whole history when shorter).
    public var maxDrawdown: Double
    /// Expected shortfall of daily log returns at 5% (mean of the worst 5%, as a positive loss), last 365 days.
    public var tailLoss: Double
    /// 0-100: `0.35 ramp(vol, 0, 1.5) + 0.25 * 100 maxDD + 0.20 (100 - liquidity level) + 0.20 ramp(tailLoss, 0, 0.15)`,
    /// with `vol` = `predictedVolatility`.
    public var riskScore: Double

    /// Days ahead that `predictedVolatility` covers.
    public static let volatilityHorizonDays = 30
    /// Most recent daily returns the GARCH model is fitted to.
    public static let garchWindowDays = 1000
    /// Fewest daily returns for a GARCH fit; below it the EWMA fallback is used.
    public static let garchMinimumDays = 100

    /// The GARCH(1,1) forecast of annualised volatility over the next `volatilityHorizonDays` from daily closes
    /// (oldest first; the fit uses the last `window` returns), or the reason it cannot be used.
    public static func garchVolatility(dailyCloses: [Double], window: Int = garchWindowDays) -> Result<Double, SignalsError> {
        let closes = Array(dailyCloses.suffix(max(1, window) + 1))
        guard closes.count - 1 >= garchMinimumDays else {
            return .failure(.insufficientHistory(needs: garchMinimumDays, has: closes.count - 1))
        }
        let fit: GARCHFit
        do { fit = try GARCH11.fit(closes: closes) } catch {
            return .failure(.invalidParameter("GARCH(1,1) fit failed: \(error)"))
        }
        guard fit.persistence < 1, fit.omega > 0 else {
            return .failure(.invalidParameter("GARCH(1,1) fit is not stationary (alpha + beta = \(fit.persistence))"))
        }
        let h = fit.forecast(horizon: volatilityHorizonDays)
        let annual = (h.reduce(0, +) * 365 / Double(volatilityHorizonDays)).squareRoot() / 100
        guard annual.isFinite, annual >= 0 else { return .failure(.invalidParameter("GARCH(1,1) forecast is not finite")) }
        return .success(annual)
    }

    /// Computes the figures from bars (any timeframe); `volumeIsQuote` as in `Grading.investorGrade`.
    public static func compute(_ s: CandleSeries, volumeIsQuote: Bool) throws(SignalsError) -> Performance {
        let n = s.count
        guard n >= 2 else { throw .insufficientHistory(needs: 2, has: n) }
        let last = n - 1
        func roi(_ ms: Int64) -> Double? {
            let target = s.time[last] - ms
            guard s.time[0] <= target else { return nil }
            let i = s.time.partitioningIndex { $0 > target } - 1
            return s.close[last] / s.close[i] - 1
        }
        let day: Int64 = 86_400_000
        let year = s.time[last].components.year
        let yearStart = Timestamp.utc(year: year, month: 1, day: 1)
        // The last close before the year: the bar whose close time is <= Jan 1.
        let ytdIndex = s.time.partitioningIndex { $0 + s.timeframe.milliseconds > yearStart } - 1
        // EWMA variance of one-bar log returns, seeded with the first 30 returns' mean square.
        var variance = 0.0
        let seed = min(30, n - 1)
        for i in 1...seed { let r = Foundation.log(s.close[i] / s.close[i - 1]); variance += r * r / Double(seed) }
        if n > seed + 1 { for i in (seed + 1)..<n { let r = Foundation.log(s.close[i] / s.close[i - 1]); variance = 0.94 * variance + 0.06 * r * r } }
        let ewmaAnnual = (variance * 365 * s.timeframe.barsPerDay).squareRoot()
        // Daily closes over the whole history (the last close of each UTC day) for the GARCH fit.
        var allDaily: [Double] = []
        var previousDay: Int64? = nil
        for i in 0..<n {
            let d = s.time[i].dayNumber
            if d == previousDay { allDaily[allDaily.count - 1] = s.close[i] } else { allDaily.append(s.close[i]); previousDay = d }
        }
        let annual: Double, volatilityModel: VolatilityModel, volatilityNote: String?
        switch garchVolatility(dailyCloses: allDaily) {
        case .success(let v): (annual, volatilityModel, volatilityNote) = (v, .garch11, nil)
        case .failure(let why): (annual, volatilityModel, volatilityNote) = (ewmaAnnual, .ewma, "EWMA fallback, no GARCH(1,1) on daily returns: \(why)")
        }
        let windowStart = s.time.partitioningIndex { $0 >= s.time[last] - 365 * day }
        var peak = 0.0, maxDD = 0.0
        for i in windowStart..<n { peak = max(peak, s.close[i]); if peak > 0 { maxDD = max(maxDD, 1 - s.close[i] / peak) } }
        // Daily returns: one per calendar day (the last close of each day).
        var dailyCloses: [Double] = []
        var lastDay: Int64? = nil
        for i in windowStart..<n {
            let d = s.time[i].dayNumber
            if d == lastDay { dailyCloses[dailyCloses.count - 1] = s.close[i] } else { dailyCloses.append(s.close[i]); lastDay = d }
        }
        var dailyReturns: [Double] = []
        if dailyCloses.count > 1 { for i in 1..<dailyCloses.count { dailyReturns.append(Foundation.log(dailyCloses[i] / dailyCloses[i - 1])) } }
        dailyReturns.sort()
        let k = max(1, dailyReturns.count / 20)
        let tail = dailyReturns.isEmpty ? 0 : -dailyReturns.prefix(k).reduce(0, +) / Double(min(k, dailyReturns.count))
        // Liquidity level as in the Investor Grade: median quote volume per day over the last 30 days.
        let barsPerDay = max(1, Int(s.timeframe.barsPerDay.rounded()))
        let recent = max(0, n - 30 * barsPerDay)
        var quote = (recent..<n).map { volumeIsQuote ? s.volume[$0] : s.volume[$0] * s.close[$0] }.sorted()
        if quote.isEmpty { quote = [0] }
        let medianDaily = quote[quote.count / 2] * Double(barsPerDay)
        let liquidity = Grading.ramp100(medianDaily > 0 ? Foundation.log10(medianDaily) : 0, 5, 10)
        let risk = 0.35 * Grading.ramp100(annual, 0, 1.5) + 0.25 * 100 * maxDD + 0.20 * (100 - liquidity)
            + 0.20 * Grading.ramp100(tail, 0, 0.15)
        return Performance(roi24h: roi(day), roi7d: roi(7 * day), roi30d: roi(30 * day), roi90d: roi(90 * day),
                           roiYearToDate: ytdIndex >= 0 ? s.close[last] / s.close[ytdIndex] - 1 : nil,
                           roiSinceListing: s.close[last] / s.close[0] - 1, predictedVolatility: annual,
                           volatilityModel: volatilityModel, volatilityNote: volatilityNote,
                           maxDrawdown: maxDD, tailLoss: tail, riskScore: risk)
    }
}
