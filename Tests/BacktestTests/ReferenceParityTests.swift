import Backtest
import MarketCore
import Testing
import TestSupport

/// `sma-cross` against backtesting.py 0.6.6 (`Tests/Fixtures/backtest/README.md`).
///
/// Rules: SMA(fast) and SMA(slow) of the close; a crossover at the close of bar i fills at the open of bar i+1;
/// long only; all equity, commission on both fills; starting cash 100,000.
@Suite struct ReferenceParityTests {
    struct Case: Sendable, CustomStringConvertible {
        let reference: String
        let input: String
        let timeframe: Timeframe
        var description: String { reference }
    }

    static let cases = [
        Case(reference: "sma_cross_10_30_btc_daily.json", input: "BTC_daily.csv.gz", timeframe: .d1),
        Case(reference: "sma_cross_20_50_eth_1h_tail3000.json", input: "ETH_hourly_tail3000.csv.gz", timeframe: .h1),
    ]

    static func run(_ c: Case) throws -> (BacktestResult, ReferenceInputs.Reference) {
        let ref = try ReferenceInputs.reference(c.reference)
        let series = try ReferenceInputs.series(c.input, symbol: "X", timeframe: c.timeframe)
        var config = BacktestConfiguration()
        config.initialCash = ref.cash
        config.commission = ref.commission
        // backtesting.py's finalize_trades closes the last open trade at the last bar's OPEN (it re-runs its broker
        // on the last bar), although the README says close; both reference files end with such a trade.
        config.endOfData = .closeAtLastOpen
        let result = try Backtester.run(try SMACrossStrategy(fast: ref.fast, slow: ref.slow), on: series, configuration: config)
        return (result, ref)
    }

    /// backtesting.py's FractionalBacktest multiplies prices by the 1e-8 unit and divides trade prices by it
    /// afterwards, which moves about a fifth of the reported prices by an ulp. Our fill is the input price; this is
    /// the same round trip applied to it.
    static func asReported(_ price: Double) -> Double { (price * (1 / 100e6)) / (1 / 100e6) }

    @Test("gives the reference trade list: the same entry and exit bars and prices", arguments: cases)
    func tradeList(_ c: Case) throws {
        let (result, ref) = try Self.run(c)
        try #require(result.trades.count == ref.trades.count)
        for (ours, theirs) in zip(result.trades, ref.trades) {
            #expect(ours.entryBar == theirs.entry_bar)
            #expect(ours.exitBar == theirs.exit_bar)
            #expect(Self.asReported(ours.entryPrice) == theirs.entry_price, "entry at bar \(ours.entryBar)")
            #expect(Self.asReported(ours.exitPrice) == theirs.exit_price, "exit at bar \(ours.exitBar)")
            // And the unscaled price is within the one ulp the scaling can move it.
            #expect(abs(ours.entryPrice - theirs.entry_price) <= theirs.entry_price.ulp)
            #expect(abs(ours.exitPrice - theirs.exit_price) <= theirs.exit_price.ulp)
        }
    }

    @Test("gives the reference per-trade returns within 1e-9", arguments: cases)
    func tradeReturns(_ c: Case) throws {
        let (result, ref) = try Self.run(c)
        try #require(result.trades.count == ref.trades.count)
        for (ours, theirs) in zip(result.trades, ref.trades) {
            #expect(abs(ours.returnPct - theirs.return_pct) <= 1e-9, "trade entered at bar \(ours.entryBar)")
        }
    }

    @Test("gives the reference trade count, win rate and exposure exactly", arguments: cases)
    func countsAndShares(_ c: Case) throws {
        let (result, ref) = try Self.run(c)
        #expect(result.metrics.tradesCount == ref.trades_count)
        // Ratios of small integers: equal up to the last bit of the division.
        #expect(Tolerance.relative(1e-15).accepts(try #require(result.metrics.winRatePct), ref.win_rate_pct))
        #expect(Tolerance.relative(1e-15).accepts(try #require(result.metrics.exposureTimePct), ref.exposure_time_pct))
    }

    /// "All equity" here spends the whole cash on margin plus commission, in unrounded units; backtesting.py
    /// spends 99.99% in whole 1e-8 units (its default `size=.9999`). Over 47 compounded BTC trades the two agree
    /// to about 1e-11, so the equity-derived fields are compared at a relative 1e-9.
    @Test("gives the reference final equity, return and maximum drawdown within a relative 1e-9", arguments: cases)
    func equityFields(_ c: Case) throws {
        let (result, ref) = try Self.run(c)
        #expect(Tolerance.relative(1e-9).accepts(result.metrics.finalEquity, ref.final_equity))
        #expect(Tolerance.relative(1e-9).accepts(try #require(result.metrics.returnPct), ref.return_pct))
        #expect(Tolerance.relative(1e-9).accepts(try #require(result.metrics.maxDrawdownPct), ref.max_drawdown_pct))
    }

    @Test("with the default end-of-data policy closes the last trade at the last close instead", arguments: cases)
    func defaultEndOfData(_ c: Case) throws {
        let ref = try ReferenceInputs.reference(c.reference)
        let series = try ReferenceInputs.series(c.input, symbol: "X", timeframe: c.timeframe)
        var config = BacktestConfiguration()
        config.commission = ref.commission
        let result = try Backtester.run(try SMACrossStrategy(fast: ref.fast, slow: ref.slow), on: series, configuration: config)
        let last = try #require(result.trades.last)
        #expect(last.exitBar == series.count - 1)
        #expect(last.exitPrice == series.close[series.count - 1])
        #expect(last.exitReason == .endOfData)
        #expect(result.trades.dropLast().map(\.entryBar) == ref.trades.dropLast().map(\.entry_bar))
    }
}
