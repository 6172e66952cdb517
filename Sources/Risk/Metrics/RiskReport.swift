import MarketCore

/// Every risk metric of one asset at once: the answer behind `sextant risk SYMBOL`.
public struct RiskReport: Sendable, Equatable, Codable {
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// Number of bars used.
    public var bars: Int
    /// Annualisation periods (365 for daily crypto bars).
    public var periodsPerYear: Double
    /// Annualised close-to-close volatility of log returns.
    public var closeToCloseVolatility: Double
    /// Annualised Parkinson volatility.
    public var parkinsonVolatility: Double
    /// Annualised Garman–Klass volatility.
    public var garmanKlassVolatility: Double
    /// One-period historical VaR/CVaR of simple returns at 95% and 99%.
    public var historicalVar95: ValueAtRisk
    /// One-period historical VaR/CVaR of simple returns at 99%.
    public var historicalVar99: ValueAtRisk
    /// One-period normal VaR/CVaR of simple returns at 95% and 99%.
    public var parametricVar95: ValueAtRisk
    /// One-period normal VaR/CVaR of simple returns at 99%.
    public var parametricVar99: ValueAtRisk
    /// Drawdown of the closes.
    public var drawdown: Drawdown
    /// Annualised Sharpe ratio of simple returns (risk-free rate 0); nil when undefined (constant returns).
    public var sharpeRatio: Double?
    /// Annualised Sortino ratio of simple returns (target 0); nil when undefined (no losing period).
    public var sortinoRatio: Double?
    /// Benchmark symbol (BTC) and the beta and correlation of simple returns on common bar times; nil without one.
    public var benchmarkSymbol: String?
    /// Beta of simple returns to the benchmark on common bar times.
    public var betaToBenchmark: Double?
    /// Correlation of simple returns with the benchmark on common bar times.
    public var correlationToBenchmark: Double?
    /// GARCH(1,1) of percent log returns; nil when the fit is impossible (too few bars).
    public var garch: GARCHFit?
}

extension RiskMetrics {
    /// Computes the full report of `series`. `benchmark` (BTC) is matched to `series` on equal bar times;
    /// returns are taken between consecutive common times.
    public static func report(series: CandleSeries, benchmark: CandleSeries? = nil,
                              periodsPerYear: Double? = nil) throws -> RiskReport {
        guard series.count >= 3 else { throw RiskError.insufficientData(needed: 3, got: series.count, what: "a risk report") }
        // Crypto trades every day: a year has 365 days of bars.
        let periods = periodsPerYear ?? 365 * series.timeframe.barsPerDay
        let simple = try simpleReturns(series.close)
        var beta: Double? = nil, correlation: Double? = nil
        if let benchmark {
            let (a, b) = try alignedSimpleReturns(series, benchmark)
            if a.count >= 3 {
                beta = try RiskMetrics.beta(returns: a, benchmark: b)
                correlation = try RiskMetrics.correlation(returns: a, benchmark: b)
            }
        }
        return RiskReport(
            symbol: series.symbol, bars: series.count, periodsPerYear: periods,
            closeToCloseVolatility: try closeToCloseVolatility(closes: series.close, periodsPerYear: periods),
            parkinsonVolatility: try parkinsonVolatility(high: series.high, low: series.low, periodsPerYear: periods),
            garmanKlassVolatility: try garmanKlassVolatility(open: series.open, high: series.high, low: series.low,
                                                             close: series.close, periodsPerYear: periods),
            historicalVar95: try historicalVaR(returns: simple, confidence: 0.95),
            historicalVar99: try historicalVaR(returns: simple, confidence: 0.99),
            parametricVar95: try parametricVaR(returns: simple, confidence: 0.95),
            parametricVar99: try parametricVaR(returns: simple, confidence: 0.99),
            drawdown: try maxDrawdown(values: series.close),
            sharpeRatio: definedOrNil(try sharpeRatio(returns: simple, periodsPerYear: periods)),
            sortinoRatio: definedOrNil(try sortinoRatio(returns: simple, periodsPerYear: periods)),
            benchmarkSymbol: benchmark?.symbol, betaToBenchmark: beta.flatMap(definedOrNil),
            correlationToBenchmark: correlation.flatMap(definedOrNil),
            garch: try? GARCH11.fit(closes: series.close))
    }

    /// NaN (undefined) becomes nil, so that the report encodes as plain JSON.
    static func definedOrNil(_ x: Double) -> Double? { x.isFinite ? x : nil }

    /// Simple returns of two series between consecutive bar times present in both.
    public static func alignedSimpleReturns(_ a: CandleSeries, _ b: CandleSeries) throws -> ([Double], [Double]) {
        try checkPrices(a.close, "close"); try checkPrices(b.close, "benchmark close")
        var i = 0, j = 0
        var pairs: [(Double, Double)] = []
        while i < a.count, j < b.count {
            if a.time[i] == b.time[j] { pairs.append((a.close[i], b.close[j])); i += 1; j += 1 }
            else if a.time[i] < b.time[j] { i += 1 } else { j += 1 }
        }
        guard pairs.count > 1 else { return ([], []) }
        let ra = (1..<pairs.count).map { pairs[$0].0 / pairs[$0 - 1].0 - 1 }
        let rb = (1..<pairs.count).map { pairs[$0].1 / pairs[$0 - 1].1 - 1 }
        return (ra, rb)
    }
}
