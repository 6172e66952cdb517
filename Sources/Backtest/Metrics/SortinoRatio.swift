/// Annualised Sortino ratio of the per-bar equity returns, target 0.
///
/// `Sortino = mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(barsPerYear)`: the downside deviation averages the
/// squared negative returns over all bars.
public enum SortinoRatio {
    /// - Returns: nil with fewer than two returns or no negative return.
    public static func annualised(equity: [Double], barsPerYear: Double) -> Double? {
        annualised(BarReturnStatistics(equity: equity), barsPerYear: barsPerYear)
    }

    static func annualised(_ stats: BarReturnStatistics, barsPerYear: Double) -> Double? {
        guard stats.count >= 2 else { return nil }
        let dd = stats.downsideDeviation
        guard dd > 0, dd.isFinite else { return nil }
        return stats.mean / dd * barsPerYear.squareRoot()
    }
}
