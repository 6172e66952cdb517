/// Value at risk and conditional value at risk (expected shortfall) at one confidence level.
/// Both are **losses as positive fractions** of the position (0.05 = a 5% loss).
public struct ValueAtRisk: Sendable, Equatable, Codable {
    /// Confidence level (0.95, 0.99).
    public var confidence: Double
    /// The loss not exceeded with probability `confidence`.
    public var valueAtRisk: Double
    /// The mean loss beyond the VaR (expected shortfall).
    public var conditionalValueAtRisk: Double
}

extension RiskMetrics {
    /// Historical VaR and CVaR: `VaR = −q(1 − c)` with `q` the type-7 (numpy default, linear) quantile of the
    /// returns; `CVaR = −mean(returns ≤ q(1 − c))`.
    public static func historicalVaR(returns: [Double], confidence: Double) throws -> ValueAtRisk {
        try checkConfidence(confidence)
        try checkFinite(returns, "return")
        guard returns.count >= 2 else { throw RiskError.insufficientData(needed: 2, got: returns.count, what: "historical VaR") }
        let sorted = returns.sorted()
        let q = Statistics.quantile(sorted: sorted, 1 - confidence)
        let tail = sorted.prefix { $0 <= q }
        let cvar = tail.isEmpty ? -q : -tail.reduce(0, +) / Double(tail.count)
        return ValueAtRisk(confidence: confidence, valueAtRisk: -q, conditionalValueAtRisk: cvar)
    }

    /// Parametric (normal) VaR and CVaR from the mean μ and sample standard deviation σ of the returns:
    /// `VaR = −(μ + σ Φ⁻¹(1 − c))`, `CVaR = −μ + σ φ(Φ⁻¹(c)) / (1 − c)`.
    public static func parametricVaR(returns: [Double], confidence: Double) throws -> ValueAtRisk {
        try checkConfidence(confidence)
        try checkFinite(returns, "return")
        guard returns.count >= 2 else { throw RiskError.insufficientData(needed: 2, got: returns.count, what: "parametric VaR") }
        let mu = Statistics.mean(returns), sigma = Statistics.sampleStandardDeviation(returns)
        let z = Statistics.normalQuantile(confidence)
        return ValueAtRisk(confidence: confidence, valueAtRisk: -(mu - sigma * z),
                           conditionalValueAtRisk: -mu + sigma * Statistics.normalDensity(z) / (1 - confidence))
    }
}
