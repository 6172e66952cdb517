import Testing
import MarketCore
import MarketIntel
import TestSupport

/// A bearish signal from BTC's close against its own 50-day simple moving average (uses closes up to the day only).
struct BTCBelowSMASignal: MarketSignalProvider {
    let btc: DailyCoinSeries
    func isBearish(day: Int64) -> Bool {
        guard let i = btc.index(ofDay: day), i >= 49 else { return false }
        let sma = btc.close[(i - 49)...i].reduce(0, +) / 50
        return btc.close[i] < sma
    }
}

@Suite struct IndexBacktestTests {
    @Test("capped weights respect 30% / 20% caps, sum to one and keep uncapped ratios")
    func caps() {
        let (w, rest) = IndexBacktest.cappedWeights([60, 20, 10, 5, 3, 2], capLargest: 0.3, capOthers: 0.2)
        #expect(abs(w.reduce(0, +) - 1) < 1e-12 && rest < 1e-12)
        #expect(abs(w[0] - 0.3) < 1e-12 && abs(w[1] - 0.2) < 1e-12)
        #expect(w.allSatisfy { $0 <= 0.3 + 1e-12 })
        #expect(abs(w[3] / w[5] - 2.5) < 1e-9)
        let (w3, rest3) = IndexBacktest.cappedWeights([5, 3, 1], capLargest: 0.3, capOthers: 0.2)
        #expect(w3 == [0.3, 0.2, 0.2])
        #expect(abs(rest3 - 0.3) < 1e-12)
    }

    @Test("a one-coin plain cap-weighted index without fees is BTC buy-and-hold")
    func oneCoin() throws {
        let coins = try IntelFixtures.universe()
        let r = try IndexBacktest.run(coins: coins, parameters: .init(method: .cap, top: 1, feeRate: 0, capLargest: 1, capOthers: 1,
                                                                       start: "2017-01-01"))
        #expect(r.indexValue.count == r.btcValue.count)
        for (a, b) in zip(r.indexValue, r.btcValue) { #expect(Tolerance.relative(1e-9).accepts(a, b)) }
        #expect(Tolerance.relative(1e-9).accepts(r.plainCapValue.last ?? 0, r.btcValue.last ?? 1))
    }

    @Test("grade weights with equal grades give the equal-weight index")
    func gradesEqual() throws {
        let coins = try IntelFixtures.universe()
        let params = IndexParameters(method: .equal, top: 8, rebalance: .monthly, start: "2019-01-01")
        var gp = params
        gp.method = .grade
        let eq = try IndexBacktest.run(coins: coins, parameters: params)
        let gr = try IndexBacktest.run(coins: coins, parameters: gp, grades: ClosureGrades { _, _ in 7 })
        for (a, b) in zip(eq.indexValue, gr.indexValue) { #expect(Tolerance.relative(1e-9).accepts(a, b)) }
        #expect(throws: IntelError.self) { try IndexBacktest.run(coins: coins, parameters: gp) }
    }

    @Test("an always-bearish signal keeps the index in stablecoins at its starting value")
    func alwaysBearish() throws {
        let coins = try IntelFixtures.universe()
        let r = try IndexBacktest.run(coins: coins, parameters: .init(method: .signal, top: 5, start: "2019-01-01"),
                                      signal: ClosureSignal { _ in true })
        #expect(r.indexValue.allSatisfy { $0 == 100 })
    }

    @Test("fees and turnover are charged at every rebalance")
    func fees() throws {
        let coins = try IntelFixtures.universe()
        let free = try IndexBacktest.run(coins: coins, parameters: .init(method: .equal, top: 10, rebalance: .weekly, feeRate: 0, start: "2019-01-01"))
        let paid = try IndexBacktest.run(coins: coins, parameters: .init(method: .equal, top: 10, rebalance: .weekly, feeRate: 0.002, start: "2019-01-01"))
        #expect((paid.indexValue.last ?? 0) < (free.indexValue.last ?? 0))
        #expect(abs((paid.rebalances.first?.turnover ?? 0) - 1) < 1e-12)
        #expect(abs((paid.rebalances.first?.feePaid ?? 0) - 0.002) < 1e-12)
        #expect(paid.rebalances.count == free.rebalances.count)
        #expect(paid.rebalances.allSatisfy { abs($0.constituents.reduce(0) { $0 + $1.weight } + $0.stablecoinWeight - 1) < 1e-9 })
        let weeks = Set(paid.dates.map { d -> Int64 in ((DayFormat.day(d) ?? 0) + 3) / 7 }).count
        #expect(paid.rebalances.count == weeks)
    }

    @Test("monthly and quarterly indices rebalance once per calendar month and quarter")
    func periods() throws {
        let coins = try IntelFixtures.universe()
        for (freq, key) in [(RebalanceFrequency.monthly, { (d: String) in String(d.prefix(7)) }),
                            (.quarterly, { (d: String) in "\(d.prefix(4))Q\(((Int(d.dropFirst(5).prefix(2)) ?? 1) - 1) / 3)" })] {
            let r = try IndexBacktest.run(coins: coins, parameters: .init(method: .cap, top: 5, rebalance: freq, start: "2019-02-10"))
            #expect(r.rebalances.count == Set(r.dates.map(key)).count)
            #expect(r.rebalances.dropFirst().allSatisfy { key($0.date) != key(DayFormat.string((DayFormat.day($0.date) ?? 0) - 1)) })
        }
    }

    @Test("a universe too small and a start before enough history give clear errors")
    func errors() throws {
        let coins = try IntelFixtures.universe()
        #expect(throws: IntelError.universeTooSmall(requested: 20, available: 14, asOf: "2020-10-18")) {
            try IndexBacktest.run(coins: coins, parameters: .init(top: 20))
        }
        do {
            _ = try IndexBacktest.run(coins: coins, parameters: .init(top: 10, start: "2015-01-01"))
            Issue.record("expected insufficientHistory")
        } catch {
            guard case .insufficientHistory(_, let earliest) = error else { Issue.record("\(error)"); return }
            #expect(earliest > "2015-01-01")
            _ = try IndexBacktest.run(coins: coins, parameters: .init(top: 10, start: earliest))
        }
        #expect(throws: IntelError.self) { try IndexBacktest.run(coins: coins, parameters: .init(top: 0)) }
    }

    @Test("holdings as of a date are the last rebalance drifted to that day")
    func holdings() throws {
        let coins = try IntelFixtures.universe()
        let h = try IndexBacktest.holdings(coins: coins, parameters: .init(method: .cap, top: 10, start: "2020-01-01"), asOf: "2020-06-15")
        #expect(h.date == "2020-06-15")
        #expect(h.constituents.count == 10)
        #expect(abs(h.constituents.reduce(0) { $0 + $1.weight } + h.stablecoinWeight - 1) < 1e-9)
        #expect(throws: IntelError.self) {
            try IndexBacktest.holdings(coins: coins, parameters: .init(top: 10, start: "2020-01-01"), asOf: "2019-06-15")
        }
    }

    @Test("backtests of every method against BTC and the plain cap-weighted index")
    func report() throws {
        let coins = try IntelFixtures.universe()
        let btc = try #require(coins.first { $0.symbol == "BTC" })
        // A caller-side grade for the test: 90-day momentum rank (higher return, higher grade), known at the close.
        let momentum = ClosureGrades { symbol, day in
            guard let c = coins.first(where: { $0.symbol == symbol }), let i = c.index(ofDay: day), let j = c.index(ofDay: day - 90) else { return nil }
            return max(0.01, c.close[i] / c.close[j])
        }
        for method in [IndexMethod.cap, .equal, .grade, .signal] {
            let r = try IndexBacktest.run(coins: coins, parameters: .init(method: method, top: 10, rebalance: .monthly, start: "2018-06-01"),
                                          grades: momentum, signal: BTCBelowSMASignal(btc: btc))
            func f(_ m: PerformanceMetrics) -> String {
                "total \(m.totalReturn) CAGR \(m.cagr) vol \(m.volatility) Sharpe \(m.sharpe) maxDD \(m.maxDrawdown)"
            }
            print("index \(method.rawValue) top10 monthly \(r.dates.first ?? "")..\(r.dates.last ?? ""): \(f(r.metrics)); trades \(r.rebalances.count), avg turnover \(r.averageTurnover), fees \(r.totalFees)")
            print("  BTC: \(f(r.btcMetrics))")
            print("  plain cap: \(f(r.plainCapMetrics))")
            #expect(r.svgChart.components(separatedBy: "<polyline").count == 4)
            #expect(r.metrics.maxDrawdown >= 0 && r.metrics.maxDrawdown < 1)
            #expect(r.indexValue.count == r.dates.count)
        }
    }
}
