#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fitted GARCH(1,1) with constant mean and normal errors, in the units of its input returns
/// (percent when the returns are `100 · ln(c_t / c_{t−1})`, as `arch` and the references use).
public struct GARCHFit: Sendable, Equatable, Codable {
    /// Constant mean μ of the returns.
    public var mu: Double
    /// ω of `σ²_t = ω + α e²_{t−1} + β σ²_{t−1}`.
    public var omega: Double
    /// α: reaction of the variance to the last squared residual.
    public var alpha: Double
    /// β: persistence of the last conditional variance.
    public var beta: Double
    /// Gaussian log-likelihood at the estimate (with the 2π constant, as `arch` reports it).
    public var loglikelihood: Double
    /// Variance forecasts for the next 1…5 periods (`forecast_variance_h1_to_h5`).
    public var forecastVariance: [Double]
    /// σ_T, the conditional volatility of the last return.
    public var lastConditionalVolatility: Double
    /// Number of returns fitted.
    public var observations: Int
    /// The pre-sample variance σ²_0 used by the recursion (arch's backcast).
    public var backcast: Double

    /// α + β.
    public var persistence: Double { alpha + beta }
    /// ω / (1 − α − β), the long-run variance.
    public var unconditionalVariance: Double { omega / (1 - alpha - beta) }

    /// Variance forecasts for horizons 1…`horizon`: `h₁ = ω + α e²_T + β σ²_T`, `h_k = ω + (α+β) h_{k−1}`.
    public func forecast(horizon: Int) -> [Double] {
        guard horizon > 0, let h1 = forecastVariance.first else { return [] }
        var out = [h1]
        while out.count < horizon { out.append(omega + persistence * out[out.count - 1]) }
        return out
    }

    enum CodingKeys: String, CodingKey {
        case mu, omega, alpha, beta, loglikelihood, observations, backcast
        case forecastVariance = "forecast_variance_h1_to_h5"
        case lastConditionalVolatility = "last_conditional_volatility"
    }
}

/// GARCH(1,1) by maximum likelihood, matching `arch` 8.0.0's `arch_model(r, mean='Constant', vol='GARCH', p=1, q=1)`.
///
/// Model: `r_t = μ + e_t`, `e_t = σ_t z_t`, `z_t ~ N(0,1)`, `σ²_t = ω + α e²_{t−1} + β σ²_{t−1}`, with ω > 0,
/// α, β ≥ 0 and α + β < 1. The recursion starts from arch's backcast: the mean of `e²` over the first
/// `min(75, n)` residuals `r − mean(r)` with weights `0.94^i`, normalised (fixed before the optimisation, as
/// arch computes it from its starting mean).
///
/// Like arch, the recursion keeps σ²_t inside loose bounds built from an EWMA (λ = 0.94) of the same residuals:
/// below `max(ewma_t / 10⁶, var / 10⁸)` it is raised to that floor; above `u_t = ewma_t · 10⁶` (kept within
/// `[1 + max e², 10⁷ (1 + max e²)]`) it becomes `u_t + ln(σ²_t / u_t)`. They never bind at sensible parameters
/// but decide the likelihood near α + β = 1 for series with long flat stretches (DOGE's early years).
///
/// The optimiser is our own: Nelder–Mead with restarts on the unconstrained reparameterisation
/// `(μ, ln ω, logit(α+β), logit(α/(α+β)))`, which keeps every trial inside the constraints, from a grid
/// of starting points; the best of the runs wins.
///
/// ```swift
/// let fit = try GARCH11.fit(returns: percentLogReturns)
/// fit.forecastVariance   // h1…h5
/// ```
public enum GARCH11 {
    /// Fewest returns accepted.
    public static let minimumObservations = 10

    /// Fits returns already in the desired units (percent log returns for the references).
    public static func fit(returns: [Double]) throws -> GARCHFit {
        guard returns.count >= minimumObservations else {
            throw RiskError.insufficientData(needed: minimumObservations, got: returns.count, what: "GARCH(1,1)")
        }
        for r in returns where !r.isFinite {
            throw RiskError.outOfRange(name: "return", value: r, allowed: "finite numbers")
        }
        let n = returns.count
        let sampleMean = Statistics.mean(returns)
        let sampleVariance = returns.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / Double(n)
        guard sampleVariance > 0 else {
            throw RiskError.outOfRange(name: "return variance", value: sampleVariance, allowed: "> 0 (constant returns)")
        }
        let residuals = returns.map { $0 - sampleMean }
        let backcast = Self.backcast(residuals: residuals)
        let bounds = varianceBounds(residuals: residuals, backcast: backcast)

        func decode(_ theta: [Double]) -> (mu: Double, omega: Double, alpha: Double, beta: Double) {
            let persistence = logistic(theta[2])
            let share = logistic(theta[3])
            return (theta[0], exp(theta[1]), persistence * share, persistence * (1 - share))
        }
        func objective(_ theta: [Double]) -> Double {
            let p = decode(theta)
            return -logLikelihood(returns: returns, mu: p.mu, omega: p.omega, alpha: p.alpha, beta: p.beta,
                                  backcast: backcast, bounds: bounds)
        }

        // Starting grid: like arch, a few (α, β) pairs with ω matching the sample variance.
        var starts: [(value: Double, theta: [Double])] = []
        for alpha in [0.02, 0.05, 0.1, 0.2] {
            for persistence in [0.8, 0.9, 0.97, 0.995] where alpha < persistence {
                let omega = sampleVariance * (1 - persistence)
                let theta = [sampleMean, log(omega), logit(persistence), logit(alpha / persistence)]
                starts.append((objective(theta), theta))
            }
        }
        starts.sort { $0.value < $1.value }
        let optimizer = NelderMead()
        let scale = sampleVariance.squareRoot()
        var best: NelderMead.Result? = nil
        for start in starts.prefix(4) {
            let run = optimizer.minimize(objective, from: start.theta, step: [0.05 * scale, 0.5, 0.5, 0.5])
            if best == nil || run.value < best!.value { best = run }
        }
        guard let found = best, found.value.isFinite else {
            throw RiskError.outOfRange(name: "GARCH likelihood", value: .nan, allowed: "a finite optimum")
        }
        let p = decode(found.point)
        let sigma2 = conditionalVariance(returns: returns, mu: p.mu, omega: p.omega, alpha: p.alpha, beta: p.beta,
                                         backcast: backcast, bounds: bounds)
        let lastResidual = returns[n - 1] - p.mu
        var forecasts = [p.omega + p.alpha * lastResidual * lastResidual + p.beta * sigma2[n - 1]]
        while forecasts.count < 5 { forecasts.append(p.omega + (p.alpha + p.beta) * forecasts[forecasts.count - 1]) }
        return GARCHFit(mu: p.mu, omega: p.omega, alpha: p.alpha, beta: p.beta, loglikelihood: -found.value,
                        forecastVariance: forecasts, lastConditionalVolatility: sigma2[n - 1].squareRoot(),
                        observations: n, backcast: backcast)
    }

    /// Fits the percent log returns `100 · ln(c_t / c_{t−1})` of closing prices (all > 0).
    public static func fit(closes: [Double]) throws -> GARCHFit {
        try fit(returns: try RiskMetrics.logReturns(closes, scale: 100))
    }

    /// arch's backcast: `Σ w_i e_i²` over the first `min(75, n)` residuals, `w_i ∝ 0.94^i`, normalised.
    public static func backcast(residuals: [Double]) -> Double {
        let tau = min(75, residuals.count)
        var weight = 1.0, weightSum = 0.0, total = 0.0
        for i in 0..<tau {
            total += weight * residuals[i] * residuals[i]
            weightSum += weight
            weight *= 0.94
        }
        return weightSum > 0 ? total / weightSum : 0
    }

    /// arch's loose variance bounds `(lower, upper)` for each observation, from the residuals `r − mean(r)`.
    public static func varianceBounds(residuals: [Double], backcast: Double) -> [(lower: Double, upper: Double)] {
        let n = residuals.count
        guard n > 0 else { return [] }
        let mean = residuals.reduce(0, +) / Double(n)
        let variance = residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let maxSquare = residuals.reduce(0) { max($0, $1 * $1) }
        let floor = variance / 1e8
        let minUpper = 1 + maxSquare, maxUpper = 1e7 * (1 + maxSquare)
        var out: [(lower: Double, upper: Double)] = []
        out.reserveCapacity(n)
        var ewma = backcast
        for t in 0..<n {
            if t > 0 { ewma = 0.06 * residuals[t - 1] * residuals[t - 1] + 0.94 * ewma }
            out.append((max(ewma / 1e6, floor), min(max(ewma * 1e6, minUpper), maxUpper)))
        }
        return out
    }

    /// arch's `bounds_check`: raise to the floor, or grow only logarithmically above the ceiling.
    @inline(__always)
    static func bounded(_ s2: Double, _ bound: (lower: Double, upper: Double)) -> Double {
        if s2 < bound.lower { return bound.lower }
        if s2 > bound.upper { return s2.isInfinite ? bound.upper + 1000 : bound.upper + log(s2 / bound.upper) }
        return s2
    }

    /// σ²_t for every return, starting from `σ²_0 = ω + (α + β) · backcast`, kept within `bounds` when given.
    public static func conditionalVariance(returns: [Double], mu: Double, omega: Double, alpha: Double, beta: Double,
                                           backcast: Double, bounds: [(lower: Double, upper: Double)]? = nil) -> [Double] {
        var out = [Double](repeating: 0, count: returns.count)
        var previousSigma2 = backcast, previousSquare = backcast
        for t in returns.indices {
            var s2 = omega + alpha * previousSquare + beta * previousSigma2
            if let bounds { s2 = bounded(s2, bounds[t]) }
            out[t] = s2
            let e = returns[t] - mu
            previousSquare = e * e
            previousSigma2 = s2
        }
        return out
    }

    /// Gaussian log-likelihood `−½ Σ (ln 2π + ln σ²_t + e²_t / σ²_t)`, with σ²_t kept within `bounds` when given.
    public static func logLikelihood(returns: [Double], mu: Double, omega: Double, alpha: Double, beta: Double,
                                     backcast: Double, bounds: [(lower: Double, upper: Double)]? = nil) -> Double {
        let logTwoPi = log(2 * Double.pi)
        var total = 0.0
        var previousSigma2 = backcast, previousSquare = backcast
        for (t, r) in returns.enumerated() {
            var s2 = omega + alpha * previousSquare + beta * previousSigma2
            if let bounds { s2 = bounded(s2, bounds[t]) }
            guard s2 > 0, s2.isFinite else { return -.infinity }
            let e = r - mu
            total += logTwoPi + log(s2) + e * e / s2
            previousSquare = e * e
            previousSigma2 = s2
        }
        return -0.5 * total
    }

    private static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    private static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
}
