import Foundation
import Testing
import TestSupport
@testable import Risk

@Suite struct RiskMetricsTests {
    @Test("log and simple returns of a hand-made series")
    func returns() throws {
        let r = try RiskMetrics.logReturns([100, 110, 99])
        #expect(r == [log(110.0 / 100), log(99.0 / 110)])
        #expect(try RiskMetrics.logReturns([100, 110], scale: 100) == [100 * log(1.1)])
        let s = try RiskMetrics.simpleReturns([100, 110, 99])
        #expect(abs(s[0] - 0.1) < 1e-15 && abs(s[1] + 0.1) < 1e-15)
        #expect(throws: RiskError.self) { try RiskMetrics.logReturns([100, 0, 99]) }
        #expect(throws: RiskError.self) { try RiskMetrics.simpleReturns([100, -1]) }
    }

    @Test("close-to-close volatility is the sample deviation of log returns times the square root of periods")
    func closeToClose() throws {
        let closes = [100.0, 110, 99, 108.9]
        let r = [log(1.1), log(0.9), log(1.1)]
        let m = (r[0] + r[1] + r[2]) / 3
        let variance = ((r[0] - m) * (r[0] - m) + (r[1] - m) * (r[1] - m) + (r[2] - m) * (r[2] - m)) / 2
        let daily = try RiskMetrics.closeToCloseVolatility(closes: closes)
        #expect(abs(daily - variance.squareRoot()) < 1e-12)
        let annual = try RiskMetrics.closeToCloseVolatility(closes: closes, periodsPerYear: 365)
        #expect(abs(annual - variance.squareRoot() * 365.0.squareRoot()) < 1e-12)
        #expect(throws: RiskError.self) { try RiskMetrics.closeToCloseVolatility(closes: [100, 101]) }
    }

    @Test("Parkinson volatility of one bar is ln(H/L) over the square root of 4 ln 2")
    func parkinson() throws {
        let v = try RiskMetrics.parkinsonVolatility(high: [102, 105], low: [100, 100])
        let expected = ((pow(log(1.02), 2) + pow(log(1.05), 2)) / (4 * 2 * log(2.0))).squareRoot()
        #expect(abs(v - expected) < 1e-15)
        #expect(throws: RiskError.self) { try RiskMetrics.parkinsonVolatility(high: [102], low: [100, 99]) }
    }

    @Test("Garman-Klass combines the high-low range and the open-close move")
    func garmanKlass() throws {
        let v = try RiskMetrics.garmanKlassVolatility(open: [100], high: [102], low: [99], close: [101])
        let expected = (0.5 * pow(log(102.0 / 99), 2) - (2 * log(2.0) - 1) * pow(log(1.01), 2)).squareRoot()
        #expect(abs(v - expected) < 1e-15)
    }

    @Test("historical VaR interpolates the 5% quantile and CVaR averages the tail")
    func historicalVaR() throws {
        let returns = [3, 7, 0, 9, 4, 1, 8, 2, 6, 5].map { Double($0 - 5) / 100 }   // −5% … +4%, unsorted
        let v95 = try RiskMetrics.historicalVaR(returns: returns, confidence: 0.95)
        // Position 0.05 · 9 = 0.45 between −5% and −4%: −4.55%.
        #expect(abs(v95.valueAtRisk - 0.0455) < 1e-15)
        #expect(abs(v95.conditionalValueAtRisk - 0.05) < 1e-15)
        let v80 = try RiskMetrics.historicalVaR(returns: returns, confidence: 0.8)
        // Position 0.2 · 9 = 1.8: −4% + 0.8 · 1% = −3.2%; tail −5%, −4%.
        #expect(abs(v80.valueAtRisk - 0.032) < 1e-15)
        #expect(abs(v80.conditionalValueAtRisk - 0.045) < 1e-15)
        #expect(throws: RiskError.self) { try RiskMetrics.historicalVaR(returns: returns, confidence: 1.5) }
    }

    @Test("parametric VaR uses the normal quantile and CVaR the density over the tail")
    func parametricVaR() throws {
        let returns = [-0.02, 0, 0.02]   // mean 0, sample sd 0.02
        let v99 = try RiskMetrics.parametricVaR(returns: returns, confidence: 0.99)
        let z99 = 2.3263478740408408   // Φ⁻¹(0.99)
        #expect(abs(v99.valueAtRisk - 0.02 * z99) < 1e-12)
        let density = exp(-0.5 * z99 * z99) / (2 * Double.pi).squareRoot()
        #expect(abs(v99.conditionalValueAtRisk - 0.02 * density / 0.01) < 1e-12)
        let shifted = try RiskMetrics.parametricVaR(returns: returns.map { $0 + 0.01 }, confidence: 0.99)
        #expect(abs(shifted.valueAtRisk - (0.02 * z99 - 0.01)) < 1e-12)
    }

    @Test("the normal quantile matches known values")
    func normalQuantile() {
        #expect(abs(Statistics.normalQuantile(0.95) - 1.6448536269514722) < 1e-13)
        #expect(abs(Statistics.normalQuantile(0.99) - 2.3263478740408408) < 1e-13)
        #expect(abs(Statistics.normalQuantile(0.025) + 1.959963984540054) < 1e-13)
        #expect(abs(Statistics.normalQuantile(0.5)) < 1e-15)
        #expect(abs(Statistics.normalQuantile(1e-6) + 4.753424308822899) < 1e-10)
    }

    @Test("maximum drawdown finds the peak, trough, recovery and duration")
    func drawdown() throws {
        let d = try RiskMetrics.maxDrawdown(values: [100, 120, 90, 110, 130, 100])
        #expect(abs(d.maxDrawdown - 0.25) < 1e-15)
        #expect(d.peakIndex == 1 && d.troughIndex == 2 && d.recoveryIndex == 4)
        #expect(d.durationBars == 3 && d.declineBars == 1 && d.longestUnderwaterBars == 3)
        let open = try RiskMetrics.maxDrawdown(values: [100, 50, 60])
        #expect(open.maxDrawdown == 0.5 && open.recoveryIndex == nil && open.durationBars == 2)
        let rising = try RiskMetrics.maxDrawdown(values: [1, 2, 3])
        #expect(rising.maxDrawdown == 0 && rising.durationBars == 0 && rising.longestUnderwaterBars == 0)
        #expect(throws: RiskError.self) { try RiskMetrics.maxDrawdown(values: []) }
    }

    @Test("beta and correlation of a scaled copy are the scale and one")
    func betaAndCorrelation() throws {
        let benchmark = [0.01, -0.02, 0.03, 0.0, -0.015]
        let levered = benchmark.map { 2 * $0 + 0.001 }
        #expect(abs(try RiskMetrics.beta(returns: levered, benchmark: benchmark) - 2) < 1e-12)
        #expect(abs(try RiskMetrics.correlation(returns: levered, benchmark: benchmark) - 1) < 1e-12)
        let inverse = benchmark.map { -$0 }
        #expect(abs(try RiskMetrics.beta(returns: inverse, benchmark: benchmark) + 1) < 1e-12)
        #expect(abs(try RiskMetrics.correlation(returns: inverse, benchmark: benchmark) + 1) < 1e-12)
        #expect(throws: RiskError.self) { try RiskMetrics.beta(returns: [0.1, 0.2], benchmark: [0.1, 0.2, 0.3]) }
    }

    @Test("Sharpe divides the mean by the sample deviation; Sortino by the downside deviation")
    func sharpeSortino() throws {
        #expect(abs(try RiskMetrics.sharpeRatio(returns: [0.01, 0.02, 0.03]) - 2) < 1e-12)
        #expect(abs(try RiskMetrics.sharpeRatio(returns: [0.01, 0.02, 0.03], periodsPerYear: 365) - 2 * 365.0.squareRoot()) < 1e-10)
        #expect(abs(try RiskMetrics.sharpeRatio(returns: [0.01, 0.02, 0.03], riskFreeRate: 0.01) - 1) < 1e-12)
        let returns = [0.02, -0.01, 0.03, -0.02]
        let downside = ((0.0001 + 0.0004) / 4).squareRoot()
        #expect(abs(try RiskMetrics.sortinoRatio(returns: returns) - 0.005 / downside) < 1e-12)
        #expect(try RiskMetrics.sortinoRatio(returns: [0.01, 0.02]).isNaN)
    }

    @Test("the risk report of ETH against BTC agrees with the individual metrics")
    func reportAgrees() throws {
        let eth = try DailyCandles.load("risk/ETH_daily.csv.gz", symbol: "ETH")
        let btc = try DailyCandles.load("risk/BTC_daily.csv.gz", symbol: "BTC")
        #expect(eth.count == 2031 && btc.count == 2862)
        let report = try RiskMetrics.report(series: eth, benchmark: btc)
        #expect(report.periodsPerYear == 365)
        #expect(report.closeToCloseVolatility == (try RiskMetrics.closeToCloseVolatility(closes: eth.close, periodsPerYear: 365)))
        let simple = try RiskMetrics.simpleReturns(eth.close)
        #expect(report.historicalVar99 == (try RiskMetrics.historicalVaR(returns: simple, confidence: 0.99)))
        let (a, b) = try RiskMetrics.alignedSimpleReturns(eth, btc)
        #expect(a.count == eth.count - 1)   // every ETH day has a BTC day
        #expect(report.betaToBenchmark == (try RiskMetrics.beta(returns: a, benchmark: b)))
        let correlation = try #require(report.correlationToBenchmark)
        #expect(correlation > 0.3 && correlation < 1)
        #expect(report.historicalVar99.valueAtRisk > report.historicalVar95.valueAtRisk)
        #expect(report.historicalVar95.conditionalValueAtRisk > report.historicalVar95.valueAtRisk)
        #expect(report.garch != nil)
        #expect(report.drawdown.maxDrawdown > 0.9)
        #expect(try !JSONEncoder().encode(report).isEmpty)   // ETH fell more than 90% from its January 2018 peak
    }
}
