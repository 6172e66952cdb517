extension RiskMetrics {
    /// Sharpe ratio: `mean(r − rf) / sd(r − rf) · √periodsPerYear` with the sample standard deviation (`n − 1`);
    /// `riskFreeRate` is per period. NaN when the returns are constant.
    public static func sharpeRatio(returns: [Double], riskFreeRate: Double = 0, periodsPerYear: Double = 1) throws -> Double {
        try checkPeriods(periodsPerYear)
        try checkFinite(returns, "return")
        guard returns.count >= 2 else { throw RiskError.insufficientData(needed: 2, got: returns.count, what: "Sharpe ratio") }
        let excess = returns.map { $0 - riskFreeRate }
        let sd = Statistics.sampleStandardDeviation(excess)
        return sd > 0 ? Statistics.mean(excess) / sd * periodsPerYear.squareRoot() : .nan
    }

    /// Sortino ratio: `mean(r − target) / DD · √periodsPerYear`, with the downside deviation
    /// `DD = √( Σ min(0, r − target)² / n )` over all n returns. NaN without any return below the target.
    public static func sortinoRatio(returns: [Double], target: Double = 0, periodsPerYear: Double = 1) throws -> Double {
        try checkPeriods(periodsPerYear)
        try checkFinite(returns, "return")
        guard returns.count >= 2 else { throw RiskError.insufficientData(needed: 2, got: returns.count, what: "Sortino ratio") }
        var downside = 0.0
        for r in returns where r < target { downside += (r - target) * (r - target) }
        let dd = (downside / Double(returns.count)).squareRoot()
        let excess = Statistics.mean(returns) - target
        return dd > 0 ? excess / dd * periodsPerYear.squareRoot() : .nan
    }

    /// Beta of an asset to a benchmark: `cov(a, b) / var(b)` over aligned returns (sample moments).
    public static func beta(returns: [Double], benchmark: [Double]) throws -> Double {
        try checkPair(returns, benchmark, "beta")
        let v = Statistics.sampleVariance(benchmark)
        return v > 0 ? Statistics.sampleCovariance(returns, benchmark) / v : .nan
    }

    /// Pearson correlation of aligned returns.
    public static func correlation(returns: [Double], benchmark: [Double]) throws -> Double {
        try checkPair(returns, benchmark, "correlation")
        let d = Statistics.sampleStandardDeviation(returns) * Statistics.sampleStandardDeviation(benchmark)
        return d > 0 ? Statistics.sampleCovariance(returns, benchmark) / d : .nan
    }

    private static func checkPair(_ a: [Double], _ b: [Double], _ what: String) throws {
        guard a.count == b.count else { throw RiskError.lengthMismatch(what, a.count, b.count) }
        guard a.count >= 3 else { throw RiskError.insufficientData(needed: 3, got: a.count, what: what) }
        try checkFinite(a, "return")
        try checkFinite(b, "benchmark return")
    }
}
