/// Annualised Sharpe ratio of the per-bar equity returns, risk-free rate 0.
///
/// `r[i] = equity[i] / equity[i-1] - 1` over consecutive bars; `Sharpe = mean(r) / stdev(r) * sqrt(barsPerYear)`
/// with the sample standard deviation (n - 1). Crypto trades every day: `barsPerYear = 365 * barsPerDay`.
public enum SharpeRatio {
    /// - Returns: nil with fewer than two returns or a zero standard deviation.
    public static func annualised(equity: [Double], barsPerYear: Double) -> Double? {
        annualised(BarReturnStatistics(equity: equity), barsPerYear: barsPerYear)
    }

    static func annualised(_ stats: BarReturnStatistics, barsPerYear: Double) -> Double? {
        guard stats.count >= 2 else { return nil }
        let sd = stats.sampleStandardDeviation
        guard sd > 0, sd.isFinite else { return nil }
        return stats.mean / sd * barsPerYear.squareRoot()
    }
}

/// Mean, variance and downside deviation of per-bar equity returns, in one pass.
struct BarReturnStatistics {
    var count = 0
    var sum = 0.0
    var sumOfSquares = 0.0
    var sumSquaredDownside = 0.0

    init(equity: [Double]) {
        guard equity.count >= 2 else { return }
        // Plain sums: bar returns are small and centred near zero, so sum-of-squares loses nothing measurable
        // here, and one division per bar keeps the grid fast.
        equity.withUnsafeBufferPointer { e in
            var previous = e[0]
            for i in 1..<e.count {
                let current = e[i]
                if previous > 0 {
                    let r = current / previous - 1
                    count += 1
                    sum += r
                    sumOfSquares += r * r
                    sumSquaredDownside += r < 0 ? r * r : 0
                }
                previous = current
            }
        }
    }

    var mean: Double { count > 0 ? sum / Double(count) : .nan }
    var sampleStandardDeviation: Double {
        guard count > 1 else { return .nan }
        let n = Double(count)
        return (max(0, sumOfSquares - sum * sum / n) / (n - 1)).squareRoot()
    }
    /// Root mean square of the negative returns over all returns (the zero-target downside deviation).
    var downsideDeviation: Double { count > 0 ? (sumSquaredDownside / Double(count)).squareRoot() : .nan }
}
