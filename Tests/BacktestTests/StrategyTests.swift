import Backtest
import Indicators
import MarketCore
import Testing
import TestSupport

@Suite struct StrategyTests {
    static func eth() throws -> CandleSeries {
        try ReferenceInputs.series("ETH_hourly_tail3000.csv.gz", symbol: "ETH", timeframe: .h1)
    }

    /// The long-only trade list a level strategy gives when replayed by hand: at the close of bar i, when flat and
    /// `wantsLong(i)`, enter at open[i+1]; when long and `wantsOut(i)`, exit at open[i+1]; close the rest at the end.
    static func replay(_ series: CandleSeries, wantsLong: (Int) -> Bool, wantsOut: (Int) -> Bool) -> [(Int, Int)] {
        var trades: [(Int, Int)] = []
        var entry: Int?
        var pendingEntry = false, pendingExit = false
        for i in 0..<series.count {
            if pendingEntry { entry = i; pendingEntry = false }
            if pendingExit, let e = entry { trades.append((e, i)); entry = nil; pendingExit = false }
            guard i < series.count - 1 else { break }
            if entry == nil && wantsLong(i) { pendingEntry = true } else if entry != nil && wantsOut(i) { pendingExit = true }
        }
        if let e = entry { trades.append((e, series.count - 1)) }
        return trades
    }

    @Test("rsi-reversion trades TA-Lib's RSI levels: the RSI(10) of the reference vectors replayed by hand")
    func rsiReversion() throws {
        let series = try Self.eth()
        // TA-Lib 0.8.1's RSI(10) of this input, from the indicator parity fixtures.
        let reference = try #require(NumericTable(csv: try Fixtures.text("talib/eth_hourly_variant/RSI.csv.gz"))["real"])
        try #require(reference.count == series.count)
        let result = try Backtester.run(try RSIReversionStrategy(period: 10, lower: 30, upper: 70), on: series)
        let expected = Self.replay(series, wantsLong: { reference[$0] < 30 }, wantsOut: { reference[$0] > 70 })
        #expect(expected.count > 5)
        #expect(result.trades.map { [$0.entryBar, $0.exitBar] } == expected.map { [$0.0, $0.1] })
    }

    @Test("donchian-breakout buys a close above the previous period's highest high and exits below its lowest low",
          .enabled(if: (try? IndicatorCatalog.function(named: "MAX")) != nil, "needs MAX and MIN from the indicator catalog"))
    func donchianBreakout() throws {
        let series = try Self.eth()
        let period = 24
        func channel(_ i: Int, _ pick: (Double, Double) -> Double, _ column: [Double]) -> Double? {
            guard i >= period else { return nil }
            return column[(i - period)..<i].reduce(column[i - period], pick)
        }
        let result = try Backtester.run(try DonchianBreakoutStrategy(period: period), on: series)
        let expected = Self.replay(series,
                                   wantsLong: { i in channel(i, max, series.high).map { series.close[i] > $0 } ?? false },
                                   wantsOut: { i in channel(i, min, series.low).map { series.close[i] < $0 } ?? false })
        #expect(expected.count > 5)
        #expect(result.trades.map { [$0.entryBar, $0.exitBar] } == expected.map { [$0.0, $0.1] })
    }

    @Test("sma-cross with both sides alternates long and short at every crossover")
    func smaCrossBothSides() throws {
        let series = try Self.eth()
        var config = BacktestConfiguration()
        config.side = .both
        let both = try Backtester.run(try SMACrossStrategy(fast: 20, slow: 50), on: series, configuration: config)
        let longOnly = try Backtester.run(try SMACrossStrategy(fast: 20, slow: 50), on: series)
        #expect(both.trades.filter { $0.side == .long }.map(\.entryBar) == longOnly.trades.map(\.entryBar))
        for (a, b) in zip(both.trades, both.trades.dropFirst()) {
            #expect(a.side != b.side)
            #expect(a.exitBar == b.entryBar)
        }
    }

    @Test("signals maps times to the last bar opening at or before them, and rejects rows outside the series")
    func signalRows() throws {
        let series = Bars.flat([100, 101, 102, 103, 104, 105])
        let halfHour: Int64 = 1_800_000
        let rows = [SignalRow(time: series.time[1] + halfHour, signal: 1), SignalRow(bar: 3, signal: 0)]
        let r = try Backtester.run(try SignalStrategy(rows: rows), on: series)
        #expect(r.trades.map { [$0.entryBar, $0.exitBar] } == [[2, 4]])
        #expect(throws: BacktestError.self) { try Backtester.run(try SignalStrategy(rows: [SignalRow(bar: 6, signal: 1)]), on: series) }
        #expect(throws: BacktestError.self) {
            try Backtester.run(try SignalStrategy(rows: [SignalRow(time: series.time[0] - 1, signal: 1)]), on: series)
        }
        #expect(throws: BacktestError.self) { try SignalStrategy(rows: [SignalRow(bar: 0, signal: 2)]) }
    }

    @Test("the catalog builds strategies by name and rejects unknown names and parameters with the allowed values")
    func catalog() throws {
        let s = try StrategyCatalog.make("SMA-CROSS", parameters: ["fast": 5])
        #expect(s.parameters == ["fast": 5, "slow": 30])
        #expect(throws: BacktestError.unknownStrategy("macd-cross", known: StrategyCatalog.names)) {
            try StrategyCatalog.make("macd-cross")
        }
        #expect(throws: BacktestError.unknownParameter(strategy: "sma-cross", name: "period", known: ["fast", "slow"])) {
            try StrategyCatalog.make("sma-cross", parameters: ["period": 3])
        }
        #expect(throws: BacktestError.self) { try StrategyCatalog.make("sma-cross", parameters: ["fast": 30, "slow": 30]) }
        #expect(throws: BacktestError.self) { try StrategyCatalog.make("sma-cross", parameters: ["fast": 2.5]) }
        #expect(throws: BacktestError.self) { try StrategyCatalog.make("rsi-reversion", parameters: ["lower": 80]) }
        for name in StrategyCatalog.names { #expect((try? StrategyCatalog.parameters(of: name)) != nil) }
    }

    @Test("a custom strategy runs through the protocol")
    func customStrategy() throws {
        struct BuyEveryThirdBar: Strategy {
            var name: String { "every-third" }
            var parameters: [String: Double] { [:] }
            mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
                index % 3 == 0 ? .enterLong : .exit
            }
        }
        let r = try Backtester.run(BuyEveryThirdBar(), on: Bars.flat([1, 2, 3, 4, 5, 6, 7, 8]))
        #expect(r.strategy == "every-third")
        #expect(r.trades.map { [$0.entryBar, $0.exitBar] } == [[1, 2], [4, 5], [7, 7]])
    }
}
