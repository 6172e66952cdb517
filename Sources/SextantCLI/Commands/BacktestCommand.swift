import ArgumentParser
import Backtest
import Foundation
import MarketData

extension SideMode: ExpressibleByArgument {}
extension RankingMetric: ExpressibleByArgument {}
extension EndOfDataPolicy: ExpressibleByArgument {}

/// `sextant backtest`: a strategy bar by bar with fees, slippage, leverage, liquidation and funding.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest a strategy (sma-cross, rsi-reversion, donchian-breakout, signals) on a price file.",
        discussion: """
            Orders fill at the next bar's open; liquidation is checked against each bar's high and low; when a stop \
            and a take-profit could both trigger in one bar the adverse one is assumed first. --grid NAME=FROM:TO:STEP \
            (repeatable) runs every combination on all cores and ranks them by --rank-by.
            """)

    @Option(help: "Price file (any OHLCV format the readers understand).") var input: String
    @Option(help: "sma-cross, rsi-reversion, donchian-breakout or signals.") var strategy: String
    @Option(name: .customLong("param"), help: "Strategy parameter NAME=VALUE (repeatable), e.g. fast=10.") var params: [String] = []
    @Option(help: "Commission per fill, a fraction of notional.") var commission = 0.0
    @Option(help: "Slippage per fill, a fraction of price.") var slippage = 0.0
    @Option var leverage = 1.0
    @Option var side: SideMode = .long
    @Option(help: "Funding-rate file (funding_time,symbol,funding_rate).") var funding: String?
    @Option(help: "Signals file for --strategy signals: a time (or bar) column and a signal column of -1/0/1.") var signals: String?
    @Option(help: "Starting cash.") var cash = 100_000.0
    @Option(help: "Stop-loss distance as a fraction of entry.") var stopLoss: Double?
    @Option(help: "Take-profit distance as a fraction of entry.") var takeProfit: Double?
    @Option(help: "Close a position still open at the end at the last bar's close (last-close) or open (last-open, as backtesting.py).")
    var endOfData: EndOfDataPolicy = .closeAtLastClose
    @Option(name: .customLong("grid"), help: "Grid parameter NAME=FROM:TO:STEP (repeatable).") var grid: [String] = []
    @Option(help: "Metric that ranks grid results.") var rankBy: RankingMetric = .totalReturn
    @Option(help: "Write the equity curve as CSV.") var equityCsv: String?
    @Option(help: "Write an SVG chart of price, trades and drawdown.") var chart: String?
    @Flag var json = false

    func run() throws {
        let file = try MarketFileReader.read(input)
        guard case let .candles(series, _) = file.content else { throw CommandFailure("\(input): holds \(file.format.rawValue) data, not prices") }
        var config = BacktestConfiguration()
        config.initialCash = cash
        config.commission = commission
        config.slippage = slippage > 0 ? .fraction(slippage) : .none
        config.leverage = leverage
        config.side = side
        config.stopLoss = stopLoss
        config.takeProfit = takeProfit
        config.endOfData = endOfData
        var parameters: [String: Double] = [:]
        for p in params {
            let (name, value) = try StrategyCatalog.parseAssignment(p, strategy: strategy)
            parameters[name] = value
        }
        var rates: [FundingRate] = []
        if let funding {
            let f = try MarketFileReader.read(funding, options: ReadOptions(format: .funding))
            if case let .funding(r) = f.content { rates = r }
        }
        if !grid.isEmpty {
            let ranges = try grid.map { text throws(BacktestError) in try ParameterRange(parsing: text) }
            let result = try GridSearch.run(strategy: strategy, ranges: ranges, fixed: parameters, on: series,
                                            configuration: config, funding: rates, rankBy: rankBy)
            if json { print(try Output.json(result)); return }
            print(Output.table(["rank", "parameters", "return %", "sharpe", "max dd %", "trades"], result.results.prefix(10).enumerated().map { k, r in
                [String(k + 1), r.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Output.shortest($0.value))" }.joined(separator: " "),
                 Output.fixed(r.metrics.returnPct), Output.fixed(r.metrics.sharpe), Output.fixed(r.metrics.maxDrawdownPct),
                 String(r.metrics.tradesCount)]
            }))
            print("\(result.results.count) combinations ranked by \(rankBy.rawValue)\(result.skippedCombinations > 0 ? ", \(result.skippedCombinations) invalid skipped" : "")")
            return
        }
        let rows = try signals.map(Self.readSignals) ?? []
        let result = try Backtester.run(strategyNamed: strategy, parameters: parameters, signals: rows, on: series,
                                        configuration: config, funding: rates)
        if let equityCsv { try EquityCurveCSV.make(result: result, series: series).write(toFile: equityCsv, atomically: true, encoding: .utf8) }
        if let chart { try BacktestChart.svg(result: result, series: series).write(toFile: chart, atomically: true, encoding: .utf8) }
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try e.encode(result), as: UTF8.self))
            return
        }
        let m = result.metrics
        print(Output.table(["metric", "value"], [
            ["total return", Output.percent(m.returnPct)], ["CAGR", Output.percent(m.cagrPct)],
            ["Sharpe", Output.fixed(m.sharpe)], ["Sortino", Output.fixed(m.sortino)], ["Calmar", Output.fixed(m.calmar)],
            ["max drawdown", Output.percent(m.maxDrawdownPct)], ["win rate", Output.fixed(m.winRatePct) + "%"],
            ["profit factor", Output.fixed(m.profitFactor)], ["trades", String(m.tradesCount)], ["liquidations", String(m.liquidations)],
            ["fees paid", Output.fixed(m.feesPaid)], ["funding paid", Output.fixed(m.fundingPaid)],
        ]))
        if !result.gaps.isEmpty { Output.stderr("note: the data has \(result.gaps.count) gaps") }
    }

    /// A signals CSV: a `bar` column (0-based rows) or a time column, and a `signal` column of -1, 0 or 1.
    static func readSignals(_ path: String) throws -> [SignalRow] {
        let text = String(decoding: try FileBytes.read(path), as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw CommandFailure("\(path): empty signals file") }
        let header = lines.removeFirst().lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let s = header.firstIndex(of: "signal") else { throw CommandFailure("\(path):1: missing column 'signal'") }
        let b = header.firstIndex(of: "bar") ?? header.firstIndex(of: "i")
        let t = header.firstIndex { ["timestamp", "time", "date"].contains($0) }
        guard b != nil || t != nil else { throw CommandFailure("\(path):1: expected a 'bar' or 'timestamp' column") }
        return try lines.enumerated().compactMap { k, line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count > s else { throw CommandFailure("\(path):\(k + 2): truncated row") }
            if f[s].isEmpty { return nil }
            guard let d = Double(f[s]), let sig = Int(exactly: d), (-1...1).contains(sig) else {
                throw CommandFailure("\(path):\(k + 2): column 'signal': expected -1, 0 or 1, found '\(f[s])'")
            }
            if let b, f.count > b, let bar = Int(f[b]) { return SignalRow(bar: bar, signal: sig) }
            if let t, f.count > t, let time = Timestamp.parse(f[t]) { return SignalRow(time: time, signal: sig) }
            throw CommandFailure("\(path):\(k + 2): expected a bar number or a time")
        }
    }
}

/// `sextant bench grid`: combinations per second of a 1,000-combination sma-cross grid.
struct BenchGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid", abstract: "1,000 sma-cross combinations on a price file: combinations per second.")

    @Argument(help: "Price file (default: ../shared/data/intraday_5m/BTCUSDT_5m.csv.gz).")
    var file = "../shared/data/intraday_5m/BTCUSDT_5m.csv.gz"
    @Flag var json = false

    func run() throws {
        let f = try MarketFileReader.read(file)
        guard case let .candles(series, _) = f.content else { throw CommandFailure("\(file): not prices") }
        var config = BacktestConfiguration()
        config.commission = 0.0005
        let r = try GridBenchmark.run(on: series, configuration: config)
        if json { print(try Output.json(r)); return }
        print(String(format: "%d sma-cross combinations on %d bars: %.2f s, %.1f combinations/s, %.2f ns per bar per combination",
                     r.combinations, r.bars, r.seconds, r.combinationsPerSecond, r.nanosecondsPerBar))
        print("machine: \(machineDescription())")
    }
}
