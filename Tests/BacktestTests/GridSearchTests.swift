import Backtest
import MarketCore
import Testing
import TestSupport

@Suite struct GridSearchTests {
    static func eth() throws -> CandleSeries {
        try ReferenceInputs.series("ETH_hourly_tail3000.csv.gz", symbol: "ETH", timeframe: .h1)
    }

    @Test("parses NAME=FROM:TO:STEP into every value up to TO")
    func parseRange() throws {
        let r = try ParameterRange(parsing: "fast=5:50:5")
        #expect(r.name == "fast")
        #expect(r.values == [5, 10, 15, 20, 25, 30, 35, 40, 45, 50])
        #expect(try ParameterRange(parsing: "lower=0.1:0.3:0.1").values.count == 3)
        #expect(try ParameterRange(parsing: "slow = 7:7:1").values == [7])
    }

    @Test("rejects malformed ranges with what was wrong", arguments: ["fast", "fast=5:50", "fast=a:5:1", "fast=5:1:1",
                                                                     "fast=1:5:0", "=1:5:1", "fast=1:5:-1"])
    func badRange(_ text: String) {
        #expect(throws: BacktestError.self) { try ParameterRange(parsing: text) }
    }

    @Test("the sma-cross grid gives exactly the metrics of running each combination alone, and skips fast >= slow")
    func smaGridMatchesSingleRuns() throws {
        let series = try Self.eth()
        var config = BacktestConfiguration()
        config.commission = 0.0005
        config.side = .both
        let ranges = [try ParameterRange(parsing: "fast=5:25:10"), try ParameterRange(parsing: "slow=15:45:15")]
        let grid = try GridSearch.run(strategy: "sma-cross", ranges: ranges, on: series, configuration: config, rankBy: .sharpe)
        // fast 5, 15, 25 × slow 15, 30, 45: (15, 15) and (25, 15) are invalid.
        #expect(grid.skippedCombinations == 2)
        #expect(grid.results.count == 7)
        for row in grid.results {
            let single = try Backtester.run(strategyNamed: "sma-cross", parameters: row.parameters, on: series, configuration: config)
            #expect(single.metrics == row.metrics, "\(row.parameters)")
        }
        let sharpes = grid.results.compactMap(\.metrics.sharpe)
        #expect(sharpes == sharpes.sorted(by: >))
    }

    @Test("grids other strategies through the catalog and ranks by the chosen metric")
    func rsiGrid() throws {
        let series = try Self.eth()
        let ranges = [try ParameterRange(parsing: "period=7:21:7"), try ParameterRange(parsing: "lower=20:30:10")]
        let grid = try GridSearch.run(strategy: "rsi-reversion", ranges: ranges, fixed: ["upper": 75], on: series,
                                      rankBy: .totalReturn)
        #expect(grid.results.count == 6)
        #expect(grid.results.allSatisfy { $0.parameters["upper"] == 75 })
        let returns = grid.results.compactMap(\.metrics.returnPct)
        #expect(returns == returns.sorted(by: >))
        let best = try #require(grid.results.first)
        let single = try Backtester.run(strategyNamed: "rsi-reversion", parameters: best.parameters, on: series)
        #expect(single.metrics == best.metrics)
    }

    @Test("refuses unknown grid parameters, repeated names and grids over the limit")
    func gridErrors() throws {
        let series = Bars.flat([1, 2, 3])
        #expect(throws: BacktestError.unknownParameter(strategy: "sma-cross", name: "period", known: ["fast", "slow"])) {
            try GridSearch.run(strategy: "sma-cross", ranges: [try ParameterRange(parsing: "period=1:3:1")], on: series)
        }
        #expect(throws: BacktestError.self) {
            try GridSearch.combinationsOf([try ParameterRange(parsing: "fast=1:3:1"), try ParameterRange(parsing: "fast=1:3:1")])
        }
        #expect(throws: BacktestError.self) {
            try GridSearch.combinationsOf([try ParameterRange(parsing: "fast=1:2000:1"), try ParameterRange(parsing: "slow=1:2000:1")])
        }
    }

    @Test("ranks undefined metrics last, keeping grid order among equals")
    func rankingOrder() throws {
        let series = Bars.flat([1, 1, 1])
        func row(_ sharpe: Double?, _ k: Double) -> GridRunResult {
            var m = BacktestMetrics(initialCash: 1, equity: [1], trades: [], barsInMarket: 0, series: series)
            m.sharpe = sharpe
            return GridRunResult(parameters: ["k": k], metrics: m)
        }
        let ranked = GridSearch.rank([row(nil, 0), row(1, 1), row(2, 2), row(.nan, 3), row(1, 4)], by: .sharpe)
        #expect(ranked.map { $0.parameters["k"] } == [2, 1, 4, 0, 3])
    }

    @Test("the benchmark grid is 1,000 valid sma-cross combinations")
    func benchmarkGrid() throws {
        let combinations = try GridSearch.combinationsOf(GridBenchmark.ranges)
        #expect(combinations.count == 1000)
        #expect(combinations.allSatisfy { ($0["fast"] ?? 0) < ($0["slow"] ?? 0) })
    }
}
