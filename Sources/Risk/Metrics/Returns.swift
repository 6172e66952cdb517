#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Risk metrics of a price or return series: volatility estimators, value at risk, drawdown, beta,
/// Sharpe and Sortino. Each is a small static function over `[Double]`, testable on hand-made inputs.
///
/// Conventions: returns are fractions (0.01 = 1%) unless a function says otherwise; `periodsPerYear`
/// annualises by `√periodsPerYear` (1 keeps the per-period value; 365 for daily crypto bars).
public enum RiskMetrics {
    /// `scale · ln(p_t / p_{t−1})` for t = 1…n−1 (n−1 values; `scale` 100 gives percent, arch's convention).
    /// Throws for a price ≤ 0 or non-finite.
    public static func logReturns(_ prices: [Double], scale: Double = 1) throws -> [Double] {
        try checkPrices(prices, "price")
        guard prices.count > 1 else { return [] }
        return (1..<prices.count).map { scale * log(prices[$0] / prices[$0 - 1]) }
    }

    /// `p_t / p_{t−1} − 1` for t = 1…n−1. Throws for a price ≤ 0 or non-finite.
    public static func simpleReturns(_ prices: [Double]) throws -> [Double] {
        try checkPrices(prices, "price")
        guard prices.count > 1 else { return [] }
        return (1..<prices.count).map { prices[$0] / prices[$0 - 1] - 1 }
    }

    static func checkPrices(_ prices: [Double], _ name: String) throws {
        for (i, p) in prices.enumerated() where !(p.isFinite && p > 0) {
            throw RiskError.notPositive(name: "\(name) at index \(i)", value: p)
        }
    }

    static func checkFinite(_ values: [Double], _ name: String) throws {
        for (i, v) in values.enumerated() where !v.isFinite {
            throw RiskError.outOfRange(name: "\(name) at index \(i)", value: v, allowed: "finite numbers")
        }
    }

    static func checkConfidence(_ c: Double) throws {
        guard c > 0, c < 1 else {
            throw RiskError.outOfRange(name: "confidence", value: c, allowed: "0 < confidence < 1 (0.95, 0.99)")
        }
    }

    static func checkPeriods(_ p: Double) throws {
        try requirePositive(p, "periods per year")
    }
}
