import Foundation
import Testing
import TestSupport
import MarketCore
@testable import Risk

struct GARCHReference: Decodable {
    let input: String
    let closes_used: Int
    let mu, omega, alpha, beta, loglikelihood, last_conditional_volatility: Double
    let forecast_variance_h1_to_h5: [Double]
}

@Suite struct GARCHTests {
    static let cases: [(reference: String, prices: String)] = [
        ("risk/garch_btc_daily.json", "risk/BTC_daily.csv.gz"),
        ("risk/garch_eth_daily.json", "risk/ETH_daily.csv.gz"),
    ]

    @Test("GARCH(1,1) fits reach arch's log-likelihood and forecast within 1%", arguments: cases)
    func fitMatchesArch(reference: String, prices: String) throws {
        let ref = try JSONDecoder().decode(GARCHReference.self, from: Data(try Fixtures.text(reference).utf8))
        let closes = try #require(NumericTable(csv: try Fixtures.text(prices))["close"])
        #expect(closes.count == ref.closes_used)
        let fit = try GARCH11.fit(closes: closes)
        print("GARCH \(ref.input): loglik \(fit.loglikelihood) vs \(ref.loglikelihood); mu \(fit.mu) omega \(fit.omega) alpha \(fit.alpha) beta \(fit.beta); h1..5 \(fit.forecastVariance) vs \(ref.forecast_variance_h1_to_h5)")
        #expect(fit.loglikelihood >= ref.loglikelihood - 0.01)
        #expect(fit.forecastVariance.count == 5)
        for (ours, theirs) in zip(fit.forecastVariance, ref.forecast_variance_h1_to_h5) {
            #expect(abs(ours - theirs) <= 0.01 * theirs)
        }
        #expect(abs(fit.lastConditionalVolatility - ref.last_conditional_volatility) <= 0.01 * ref.last_conditional_volatility)
        #expect(fit.alpha >= 0 && fit.beta >= 0 && fit.alpha + fit.beta < 1)
    }

    @Test("the log-likelihood at arch's own parameters equals arch's reported value")
    func likelihoodAtReferenceParameters() throws {
        let ref = try JSONDecoder().decode(GARCHReference.self, from: Data(try Fixtures.text("risk/garch_btc_daily.json").utf8))
        let closes = try #require(NumericTable(csv: try Fixtures.text("risk/BTC_daily.csv.gz"))["close"])
        let r = try RiskMetrics.logReturns(closes, scale: 100)
        let mean = r.reduce(0, +) / Double(r.count)
        let backcast = GARCH11.backcast(residuals: r.map { $0 - mean })
        let ll = GARCH11.logLikelihood(returns: r, mu: ref.mu, omega: ref.omega, alpha: ref.alpha, beta: ref.beta,
                                       backcast: backcast)
        #expect(abs(ll - ref.loglikelihood) <= 1e-6 * abs(ref.loglikelihood))
    }

    @Test("the backcast weights the first 75 squared residuals by 0.94^i")
    func backcastWeights() {
        // Two residuals: (1·1 + 0.94·4) / 1.94.
        #expect(abs(GARCH11.backcast(residuals: [1, 2]) - (1 + 0.94 * 4) / 1.94) < 1e-15)
        // Beyond 75 values, later residuals are ignored.
        let long = [Double](repeating: 1, count: 75) + [1000]
        #expect(abs(GARCH11.backcast(residuals: long) - 1) < 1e-12)
    }

    @Test("forecasts follow h_k = omega + (alpha + beta) h_{k-1}")
    func forecastRecursion() throws {
        let closes = try #require(NumericTable(csv: try Fixtures.text("risk/ETH_daily.csv.gz"))["close"])
        let fit = try GARCH11.fit(closes: closes)
        let h = fit.forecast(horizon: 8)
        #expect(h.count == 8)
        for k in 1..<8 { #expect(abs(h[k] - (fit.omega + fit.persistence * h[k - 1])) <= 1e-12 * h[k]) }
        #expect(Array(h.prefix(5)) == fit.forecastVariance)
    }

    @Test("on a simulated GARCH(1,1) the fit beats the true parameters' likelihood and lands near them")
    func recoversSimulatedParameters() throws {
        // r_t = 0.05 + σ_t z_t, σ²_t = 0.2 + 0.1 e²_{t−1} + 0.85 σ²_{t−1}, z from Box–Muller on a seeded generator.
        var generator = SeededGenerator(seed: 2024)
        func uniform() -> Double { (Double(generator.next() >> 11) + 0.5) / 9_007_199_254_740_992 }
        let (mu, omega, alpha, beta) = (0.05, 0.2, 0.1, 0.85)
        var sigma2 = omega / (1 - alpha - beta), returns: [Double] = []
        for _ in 0..<4_000 {
            let z = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
            let e = sigma2.squareRoot() * z
            returns.append(mu + e)
            sigma2 = omega + alpha * e * e + beta * sigma2
        }
        let fit = try GARCH11.fit(returns: returns)
        let mean = returns.reduce(0, +) / Double(returns.count)
        let residuals = returns.map { $0 - mean }
        let backcast = GARCH11.backcast(residuals: residuals)
        let atTruth = GARCH11.logLikelihood(returns: returns, mu: mu, omega: omega, alpha: alpha, beta: beta,
                                            backcast: backcast,
                                            bounds: GARCH11.varianceBounds(residuals: residuals, backcast: backcast))
        #expect(fit.loglikelihood >= atTruth)
        #expect(abs(fit.alpha - alpha) < 0.04 && abs(fit.beta - beta) < 0.06 && abs(fit.mu - mu) < 0.1)
    }

    @Test("too few or non-finite returns are rejected")
    func badInput() {
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [1, 2, 3]) }
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [1, 2, 3, .nan, 1, 2, 3, 4, 5, 6, 7]) }
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [Double](repeating: 1, count: 50)) }
    }
}
