/// Annualised Sharpe ratio of the per-bar equity returns, risk-free rate 0.
///
/// `r[i] = equity[i] / equity[i-1] - 1` over consecutive bars; `Sharpe = mean(r) / stdev(r) * sqrt(barsPerYear)`
/// with the sample standard deviation (n - 1). Crypto trades every day: `barsPerYear = 365 * barsPerDay`.
public enum SharpeRatio {
    /// - Returns: nil with fewer than two returns or a zero standard deviation.
    public static func annualised(equity: [Double], barsPerYear: Double) -> Double? {
        let stats = BarReturnStatistics(equity: equity)
        guard stats.count >= 2 else { return nil }
        let sd = stats.sampleStandardDeviation
        guard sd > 0, sd.isFinite else { return nil }
        return stats.mean / sd * barsPerYear.squareRoot()
    }
}

/// Mean, variance and downside deviation of per-bar equity returns, in one pass.
struct BarReturnStatistics {
    var count = 0
    var mean = 0.0
    var sumSquaredDeviations = 0.0
    var sumSquaredDownside = 0.0

    init(equity: [Double]) {
        guard equity.count >= 2 else { return }
        // Welford's update keeps the variance accurate for long series.
        for i in 1..<equity.count where equity[i - 1] > 0 {
            let r = equity[i] / equity[i - 1] - 1
            count += 1
            let delta = r - mean
            mean += delta / Double(count)
            sumSquaredDeviations += delta * (r - mean)
            if r < 0 { sumSquaredDownside += r * r }
        }
    }

    var sampleStandardDeviation: Double { count > 1 ? (sumSquaredDeviations / Double(count - 1)).squareRoot() : .nan }
    /// Root mean square of the negative returns over all returns (the zero-target downside deviation).
    var downsideDeviation: Double { count > 0 ? (sumSquaredDownside / Double(count)).squareRoot() : .nan }
}
