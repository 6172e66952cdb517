import Foundation
import Testing
import TestSupport
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

    @Test("too few or non-finite returns are rejected")
    func badInput() {
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [1, 2, 3]) }
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [1, 2, 3, .nan, 1, 2, 3, 4, 5, 6, 7]) }
        #expect(throws: RiskError.self) { try GARCH11.fit(returns: [Double](repeating: 1, count: 50)) }
    }
}
