import Foundation
import Backtest
import MarketCore
import Testing
import TestSupport

@Suite struct MetricsTests {
    static func trade(pnl: Double, returnPct: Double = 0, fees: Double = 0, funding: Double = 0,
                      reason: ExitReason = .signal) -> Trade {
        Trade(entryBar: 0, exitBar: 1, side: .long, entryTime: Timestamp(milliseconds: 0), exitTime: Timestamp(milliseconds: 1),
              entryPrice: 1, exitPrice: 1, quantity: 1, margin: 1, fees: fees, funding: funding, pnl: pnl,
              returnPct: returnPct, returnOnMarginPct: 0, exitReason: reason)
    }

    static let curve = [100.0, 110, 99, 120, 90, 95, 130]

    /// Per-bar returns of `curve`, computed directly.
    static var returns: [Double] { zip(curve.dropFirst(), curve).map { $0 / $1 - 1 } }

    @Test("maximum drawdown is the deepest fall from a running peak, as a negative percentage")
    func maxDrawdown() {
        // Deepest: from 120 to 90.
        let deepest: Double = 100 * (90.0 / 120 - 1)
        #expect(MaxDrawdown.percent(equity: Self.curve, initial: 100) == deepest)
        #expect(MaxDrawdown.percent(equity: [100, 101, 102], initial: 100) == 0)
        #expect(MaxDrawdown.curve(equity: Self.curve, initial: 100)[4] == deepest)
    }

    @Test("Sharpe is the mean over the sample deviation of bar returns, annualised by the square root of bars per year")
    func sharpe() throws {
        let r = Self.returns
        let mean = r.reduce(0, +) / Double(r.count)
        let sd = (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(r.count - 1)).squareRoot()
        let ours = try #require(SharpeRatio.annualised(equity: Self.curve, barsPerYear: 365))
        #expect(Tolerance.relative(1e-12).accepts(ours, mean / sd * 365.0.squareRoot()))
        #expect(SharpeRatio.annualised(equity: [100, 100, 100], barsPerYear: 365) == nil)
    }

    @Test("Sortino divides the mean bar return by the root mean square of the negative ones")
    func sortino() throws {
        let r = Self.returns
        let mean = r.reduce(0, +) / Double(r.count)
        let downside = (r.map { min($0, 0) * min($0, 0) }.reduce(0, +) / Double(r.count)).squareRoot()
        let ours = try #require(SortinoRatio.annualised(equity: Self.curve, barsPerYear: 8760))
        #expect(Tolerance.relative(1e-12).accepts(ours, mean / downside * 8760.0.squareRoot()))
        #expect(SortinoRatio.annualised(equity: [100, 101, 102], barsPerYear: 365) == nil)
    }

    @Test("CAGR compounds over the calendar span, and Calmar divides it by the drawdown")
    func cagrAndCalmar() throws {
        #expect(CAGR.percent(initial: 100, final: 400, years: 2) == 100)
        #expect(CAGR.percent(initial: 100, final: 0, years: 2) == -100)
        #expect(CAGR.percent(initial: 100, final: 200, years: 0) == nil)
        #expect(CalmarRatio.ratio(cagrPercent: 30, maxDrawdownPercent: -15) == 2)
        #expect(CalmarRatio.ratio(cagrPercent: 30, maxDrawdownPercent: 0) == nil)
        // Through the aggregate: 366 daily bars span 366 days.
        let series = Bars.series(Array(repeating: (1.0, 1.0, 1.0, 1.0), count: 366), timeframe: .d1)
        let equity = (0..<366).map { 100.0 + Double($0) }
        let m = BacktestMetrics(initialCash: 100, equity: equity, trades: [], barsInMarket: 0, series: series)
        let years = 366.0 / 365.25
        #expect(Tolerance.relative(1e-12).accepts(try #require(m.cagrPct), 100 * (pow(465.0 / 100, 1 / years) - 1)))
    }

    @Test("trade statistics: win rate, profit factor, expectancy, SQN, counts, fees and funding")
    func tradeStatistics() throws {
        let pnls = [50.0, -20, 30, -10, 0]
        let trades = pnls.enumerated().map { k, p in
            Self.trade(pnl: p, returnPct: p / 10, fees: 1, funding: k == 0 ? -2 : 0.5, reason: k == 1 ? .liquidation : .signal)
        }
        #expect(WinRate.percent(trades) == 40)
        #expect(ProfitFactor.ratio(trades) == 80.0 / 30)
        #expect(ProfitFactor.ratio([Self.trade(pnl: 5)]) == nil)
        #expect(Expectancy.money(trades) == 10)
        #expect(Expectancy.percent(trades) == 1)
        let mean = 10.0
        let sd = (pnls.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        #expect(Tolerance.relative(1e-12).accepts(try #require(SystemQualityNumber.value(trades)), 5.0.squareRoot() * mean / sd))
        #expect(TradeCount.count(trades) == 5)
        #expect(Liquidations.count(trades) == 1)
        #expect(FeesPaid.total(trades) == 5)
        #expect(FundingPaid.total(trades) == 0)
        #expect(WinRate.percent([]) == nil)
        #expect(Exposure.percent(barsInMarket: 3, totalBars: 12) == 25)
        #expect(TotalReturn.percent(initial: 200, final: 250) == 25)
    }
}
