#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension RiskMetrics {
    /// Close-to-close volatility: the sample standard deviation (`n − 1`) of log returns `ln(c_t/c_{t−1})`,
    /// times `√periodsPerYear`. Needs at least 3 closes.
    public static func closeToCloseVolatility(closes: [Double], periodsPerYear: Double = 1) throws -> Double {
        try checkPeriods(periodsPerYear)
        let r = try logReturns(closes)
        guard r.count >= 2 else { throw RiskError.insufficientData(needed: 3, got: closes.count, what: "close-to-close volatility") }
        return Statistics.sampleStandardDeviation(r) * periodsPerYear.squareRoot()
    }

    /// Parkinson (1980) high–low volatility: `√( Σ ln(H_t/L_t)² / (4 n ln 2) )`, times `√periodsPerYear`.
    public static func parkinsonVolatility(high: [Double], low: [Double], periodsPerYear: Double = 1) throws -> Double {
        try checkPeriods(periodsPerYear)
        guard high.count == low.count else { throw RiskError.lengthMismatch("high/low", high.count, low.count) }
        guard !high.isEmpty else { throw RiskError.insufficientData(needed: 1, got: 0, what: "Parkinson volatility") }
        try checkPrices(high, "high")
        try checkPrices(low, "low")
        var sum = 0.0
        for i in high.indices {
            let x = log(high[i] / low[i])
            sum += x * x
        }
        return (sum / (4 * Double(high.count) * log(2.0))).squareRoot() * periodsPerYear.squareRoot()
    }

    /// Garman–Klass (1980) volatility: `√( (1/n) Σ [½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)²] )`, times `√periodsPerYear`.
    public static func garmanKlassVolatility(open: [Double], high: [Double], low: [Double], close: [Double],
                                             periodsPerYear: Double = 1) throws -> Double {
        try checkPeriods(periodsPerYear)
        let n = open.count
        guard high.count == n, low.count == n, close.count == n else {
            throw RiskError.lengthMismatch("open/high/low/close", n, min(high.count, low.count, close.count))
        }
        guard n > 0 else { throw RiskError.insufficientData(needed: 1, got: 0, what: "Garman-Klass volatility") }
        try checkPrices(open, "open"); try checkPrices(high, "high")
        try checkPrices(low, "low"); try checkPrices(close, "close")
        let k = 2 * log(2.0) - 1
        var sum = 0.0
        for i in 0..<n {
            let hl = log(high[i] / low[i]), co = log(close[i] / open[i])
            sum += 0.5 * hl * hl - k * co * co
        }
        return (max(sum, 0) / Double(n)).squareRoot() * periodsPerYear.squareRoot()
    }
}
