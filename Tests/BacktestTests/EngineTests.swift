import Backtest
import MarketCore
import Testing
import TestSupport

@Suite struct EngineTests {
    static func run(_ series: CandleSeries, _ rows: [SignalRow], _ configure: (inout BacktestConfiguration) -> Void = { _ in },
                    funding: [FundingRate] = []) throws -> BacktestResult {
        var config = BacktestConfiguration()
        configure(&config)
        return try Backtester.run(try SignalStrategy(rows: rows), on: series, configuration: config, funding: funding)
    }

    @Test("fills a decision at the next bar's open and charges commission on both fills")
    func nextOpenFillAndCommission() throws {
        let series = Bars.series([(100, 101, 99, 100), (110, 111, 109, 110), (120, 121, 119, 120), (130, 131, 129, 130)])
        let c = 0.001
        let r = try Self.run(series, [SignalRow(bar: 0, signal: 1), SignalRow(bar: 1, signal: 0)]) { $0.commission = c }
        let t = try #require(r.trades.first)
        #expect(r.trades.count == 1)
        #expect((t.entryBar, t.exitBar) == (1, 2))
        #expect((t.entryPrice, t.exitPrice) == (110, 120))
        #expect(t.exitReason == .signal)
        #expect(Tolerance.relative(1e-12).accepts(t.returnPct, 100 * ((120.0 - 110) / 110 - c * (110 + 120) / 110)))
        // All equity: quantity q = cash / (110 * (1 + c)); back to cash: q * 120 * (1 - c).
        let q = 100_000 / (110 * (1 + c))
        #expect(Tolerance.relative(1e-12).accepts(r.metrics.finalEquity, q * 120 * (1 - c)))
        #expect(Tolerance.relative(1e-12).accepts(r.metrics.feesPaid, c * q * (110 + 120)))
        // Equity is marked to each close: flat, then the long marked at 110, then cash.
        #expect(r.equity[0] == 100_000)
        #expect(Tolerance.relative(1e-12).accepts(r.equity[1], 100_000 - c * q * 110))
    }

    @Test("fills at the signal bar's close with same-close fills")
    func sameCloseFill() throws {
        let series = Bars.series([(100, 101, 99, 100.5), (110, 111, 109, 110.5), (120, 121, 119, 120.5)])
        let r = try Self.run(series, [SignalRow(bar: 0, signal: 1)]) { $0.fill = .sameClose }
        let t = try #require(r.trades.first)
        #expect((t.entryBar, t.entryPrice) == (0, 100.5))
        #expect((t.exitBar, t.exitPrice, t.exitReason) == (2, 120.5, .endOfData))
    }

    @Test("worsens every market fill by the slippage")
    func slippage() throws {
        let series = Bars.flat([100, 110, 120, 130])
        let long = try Self.run(series, [SignalRow(bar: 0, signal: 1), SignalRow(bar: 1, signal: 0)]) { $0.slippage = .fraction(0.01) }
        #expect(long.trades.first?.entryPrice == 110 * 1.01)
        #expect(long.trades.first?.exitPrice == 120 * 0.99)
        let short = try Self.run(series, [SignalRow(bar: 0, signal: -1), SignalRow(bar: 1, signal: 0)]) {
            $0.slippage = .absolute(2); $0.side = .short
        }
        #expect(short.trades.first?.entryPrice == 108)
        #expect(short.trades.first?.exitPrice == 122)
    }

    @Test("trades short: a rise loses and the return has the short's sign")
    func shortTrade() throws {
        let series = Bars.flat([100, 110, 120, 130])
        let r = try Self.run(series, [SignalRow(bar: 0, signal: -1), SignalRow(bar: 1, signal: 0)]) { $0.side = .both }
        let t = try #require(r.trades.first)
        #expect(t.side == .short)
        #expect(t.returnPct == 100 * (-(120.0 - 110) / 110))
        #expect(t.pnl < 0)
        #expect(Tolerance.relative(1e-12).accepts(r.metrics.finalEquity, 100_000 + t.pnl))
    }

    @Test("reverses a long into a short at one fill when both sides are allowed, and only closes when long only")
    func reversal() throws {
        let series = Bars.flat([100, 110, 120, 130, 140])
        let rows = [SignalRow(bar: 0, signal: 1), SignalRow(bar: 1, signal: -1)]
        let both = try Self.run(series, rows) { $0.side = .both }
        #expect(both.trades.map(\.side) == [.long, .short])
        #expect(both.trades.map(\.entryBar) == [1, 2])
        let longOnly = try Self.run(series, rows)
        #expect(longOnly.trades.map(\.side) == [.long])
        #expect(longOnly.trades.first?.exitBar == 2)
    }

    @Test("assumes the stop-loss first when the stop and the take-profit are both inside one bar, and says so")
    func adverseFirst() throws {
        let series = Bars.series([(100, 100, 100, 100), (100, 100, 100, 100), (100, 106, 94, 100), (100, 100, 100, 100)])
        let r = try Self.run(series, [SignalRow(bar: 0, signal: 1)]) { $0.stopLoss = 0.05; $0.takeProfit = 0.05 }
        let t = try #require(r.trades.first)
        #expect((t.exitBar, t.exitPrice, t.exitReason) == (2, 95, .stopLoss))
        #expect(r.ambiguousIntrabarBars == 1)
        #expect(r.intrabarAssumption.contains("adverse"))
    }

    @Test("takes profit inside a bar, and fills a stop at the open when the bar gaps through it")
    func takeProfitAndGap() throws {
        let up = Bars.series([(100, 100, 100, 100), (100, 100, 100, 100), (101, 106, 99, 104)])
        let tp = try Self.run(up, [SignalRow(bar: 0, signal: 1)]) { $0.takeProfit = 0.05 }
        #expect(tp.trades.first?.exitPrice == 105)
        #expect(tp.trades.first?.exitReason == .takeProfit)
        #expect(tp.ambiguousIntrabarBars == 0)
        let gap = Bars.series([(100, 100, 100, 100), (100, 100, 100, 100), (90, 92, 88, 91)])
        let stop = try Self.run(gap, [SignalRow(bar: 0, signal: 1)]) { $0.stopLoss = 0.05 }
        #expect(stop.trades.first?.exitPrice == 90)
        #expect(stop.trades.first?.exitReason == .stopLoss)
    }

    @Test("liquidates a levered long at the isolated liquidation price, where margin plus loss equals maintenance margin")
    func longLiquidation() throws {
        let series = Bars.series([(100, 100, 100, 100), (100, 101, 99, 100), (98, 99, 85, 86), (86, 87, 85, 86)])
        let mmr = 0.005
        let r = try Self.run(series, [SignalRow(bar: 0, signal: 1)]) { $0.leverage = 10; $0.maintenanceMarginRate = mmr }
        let t = try #require(r.trades.first)
        #expect(t.exitReason == .liquidation)
        #expect(t.exitBar == 2)
        // The defining identity of the liquidation price.
        let equityAtLiquidation = t.margin + t.quantity * (t.exitPrice - t.entryPrice)
        #expect(Tolerance.relative(1e-12).accepts(equityAtLiquidation, mmr * t.quantity * t.exitPrice))
        #expect(r.metrics.liquidations == 1)
        // The run keeps what the isolated margin had left: the maintenance margin.
        #expect(Tolerance.relative(1e-9).accepts(r.metrics.finalEquity, mmr * t.quantity * t.exitPrice))
    }

    @Test("liquidates an unlevered short when the price nearly doubles, but never an unlevered long")
    func unleveredLiquidation() throws {
        let series = Bars.series([(100, 100, 100, 100), (100, 100, 100, 100), (150, 210, 140, 200), (200, 200, 200, 200)])
        let short = try Self.run(series, [SignalRow(bar: 0, signal: -1)]) { $0.side = .short }
        let t = try #require(short.trades.first)
        #expect(t.exitReason == .liquidation)
        #expect(t.exitPrice == IsolatedMargin.liquidationPrice(side: .short, entryPrice: 100, quantity: t.quantity,
                                                              margin: t.margin, maintenanceMarginRate: 0.005))
        let crash = Bars.series([(100, 100, 100, 100), (100, 100, 100, 100), (50, 60, 0.01, 1), (1, 1, 1, 1)])
        let long = try Self.run(crash, [SignalRow(bar: 0, signal: 1)])
        #expect(long.trades.first?.exitReason == .endOfData)
        #expect(long.metrics.liquidations == 0)
    }

    @Test("pays funding at each funding time on a long and receives it on a short")
    func funding() throws {
        let series = Bars.flat([100, 100, 102, 104, 104])
        let t2 = series.time[2], t3 = series.time[3]
        let rates = [FundingRate(symbol: "TEST", time: t3, rate: 0.0002), FundingRate(symbol: "TEST", time: t2, rate: 0.0001),
                     FundingRate(symbol: "TEST", time: series.time[0], rate: 0.5)]
        for side in [PositionSide.long, .short] {
            let r = try Self.run(series, [SignalRow(bar: 0, signal: side == .long ? 1 : -1)], { $0.side = .both },
                                 funding: rates)
            let t = try #require(r.trades.first)
            let expected = side.direction * t.quantity * (102 * 0.0001 + 104 * 0.0002)
            #expect(Tolerance.relative(1e-12).accepts(t.funding, expected))
            #expect(Tolerance.relative(1e-12).accepts(r.metrics.fundingPaid, expected))
            let pricePnL = side.direction * t.quantity * (t.exitPrice - t.entryPrice)
            #expect(Tolerance.relative(1e-12).accepts(t.pnl, pricePnL - expected))
        }
    }

    @Test("reports gaps in the data")
    func gaps() throws {
        var series = Bars.flat([100, 101, 102, 103])
        series.time[3] = series.time[2] + 3 * Timeframe.h1.milliseconds
        let r = try Self.run(series, [])
        #expect(r.gaps == [Gap(after: series.time[2], before: series.time[3], missingBars: 2)])
    }

    @Test("counts the entry and exit bars in the exposure")
    func exposure() throws {
        let series = Bars.flat([100, 100, 100, 100, 100, 100, 100, 100, 100, 100])
        let r = try Self.run(series, [SignalRow(bar: 1, signal: 1), SignalRow(bar: 4, signal: 0)])
        #expect(r.barsInMarket == 4)   // bars 2, 3, 4, 5
        #expect(r.metrics.exposureTimePct == 40)
    }

    static func invalid(_ name: String, _ change: (inout BacktestConfiguration) -> Void) -> (String, BacktestConfiguration) {
        var config = BacktestConfiguration()
        change(&config)
        return (name, config)
    }

    static let invalidConfigurations = [
        invalid("leverage") { $0.leverage = 0 },
        invalid("commission") { $0.commission = -0.001 },
        invalid("cash") { $0.initialCash = 0 },
        invalid("maintenance-margin-rate") { $0.leverage = 50; $0.maintenanceMarginRate = 0.02 },
        invalid("stop-loss") { $0.stopLoss = 1.5 },
        invalid("slippage") { $0.slippage = .fraction(.nan) },
    ]

    @Test("rejects settings out of range with the allowed range", arguments: invalidConfigurations)
    func invalidSettings(_ name: String, _ config: BacktestConfiguration) throws {
        #expect {
            try config.validate()
        } throws: { error in
            guard case let .invalidSetting(n, _, allowed)? = error as? BacktestError else { return false }
            return n == name && !allowed.isEmpty
        }
    }

    @Test("rejects a series with a non-positive price, naming the row")
    func invalidSeries() throws {
        var series = Bars.flat([100, 101, 102])
        series.low[1] = 0
        #expect(throws: BacktestError.self) { try Self.run(series, []) }
        do { _ = try Self.run(series, []) } catch { #expect("\(error)".contains("row 1")) }
    }

    @Test("returns an empty result for an empty series")
    func emptySeries() throws {
        let r = try Self.run(CandleSeries(symbol: "X", timeframe: .h1), [])
        #expect(r.trades.isEmpty)
        #expect(r.equity.isEmpty)
        #expect(r.metrics.finalEquity == 100_000)
    }
}

@Suite struct AccountingTests {
    @Test("a levered two-sided run with funding, stops and liquidations keeps its books: final equity = cash + every trade's pnl")
    func accountingIdentity() throws {
        let series = try ReferenceInputs.series("ETH_hourly_tail3000.csv.gz", symbol: "ETH", timeframe: .h1)
        // Funding every 8 hours, alternating sign.
        let funding = stride(from: 0, to: series.count, by: 8).map { k in
            FundingRate(symbol: "ETHUSDT", time: series.time[k], rate: k % 16 == 0 ? 0.0003 : -0.0001)
        }
        var config = BacktestConfiguration()
        config.leverage = 25
        config.side = .both
        config.commission = 0.0004
        config.slippage = .fraction(0.0001)
        config.maintenanceMarginRate = 0.01
        config.takeProfit = 0.03
        let result = try Backtester.run(try SMACrossStrategy(fast: 5, slow: 20), on: series, configuration: config,
                                        funding: funding)
        let m = result.metrics
        #expect(m.liquidations > 0)
        #expect(result.trades.contains { $0.exitReason == .takeProfit })
        #expect(Tolerance.relative(1e-9).accepts(m.finalEquity, config.initialCash + result.trades.reduce(0) { $0 + $1.pnl }))
        #expect(result.equity.allSatisfy { $0 >= 0 })
        for t in result.trades where t.exitReason == .liquidation {
            // Margin left after funding, plus the loss at the liquidation price, is the maintenance margin.
            let marginLeft = t.margin - t.funding + t.side.direction * t.quantity * (t.exitPrice - t.entryPrice)
            #expect(Tolerance.relative(1e-9).accepts(marginLeft, config.maintenanceMarginRate * t.quantity * t.exitPrice))
        }
        #expect(Tolerance.relative(1e-9).accepts(m.fundingPaid, result.trades.reduce(0) { $0 + $1.funding }))
    }
}
