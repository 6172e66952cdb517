import Backtest
import MarketData

/// Backtest metrics with every undefined or infinite figure as nil (JSON null).
public struct BacktestMetricsRow: Sendable, Codable, Equatable {
    public var initialCash, finalEquity: Double?
    public var returnPct, cagrPct, sharpe, sortino, calmar, maxDrawdownPct, winRatePct, profitFactor: Double?
    public var expectancy, expectancyPct, sqn, exposureTimePct, feesPaid, fundingPaid: Double?
    public var tradesCount, liquidations: Int

    /// The row of a run's metrics.
    public init(_ m: BacktestMetrics) {
        initialCash = finiteOrNil(m.initialCash); finalEquity = finiteOrNil(m.finalEquity)
        returnPct = finiteOrNil(m.returnPct); cagrPct = finiteOrNil(m.cagrPct); sharpe = finiteOrNil(m.sharpe)
        sortino = finiteOrNil(m.sortino); calmar = finiteOrNil(m.calmar); maxDrawdownPct = finiteOrNil(m.maxDrawdownPct)
        winRatePct = finiteOrNil(m.winRatePct); profitFactor = finiteOrNil(m.profitFactor); expectancy = finiteOrNil(m.expectancy)
        expectancyPct = finiteOrNil(m.expectancyPct); sqn = finiteOrNil(m.sqn); exposureTimePct = finiteOrNil(m.exposureTimePct)
        feesPaid = finiteOrNil(m.feesPaid); fundingPaid = finiteOrNil(m.fundingPaid)
        tradesCount = m.tradesCount; liquidations = m.liquidations
    }
}

/// One closed trade of a backtest.
public struct BacktestTradeRow: Sendable, Codable, Equatable {
    public var side: String
    public var entryTime, exitTime: String
    public var entryPrice, exitPrice, quantity: Double
    public var pnl, returnPct, fees, funding: Double?
    public var exitReason: String

    /// The row of a trade.
    public init(_ t: Trade) {
        side = t.side.rawValue
        entryTime = t.entryTime.iso8601; exitTime = t.exitTime.iso8601
        entryPrice = t.entryPrice; exitPrice = t.exitPrice; quantity = t.quantity
        pnl = finiteOrNil(t.pnl); returnPct = finiteOrNil(t.returnPct); fees = finiteOrNil(t.fees); funding = finiteOrNil(t.funding)
        exitReason = t.exitReason.rawValue
    }
}

/// One ranked combination of a grid search.
public struct BacktestGridRow: Sendable, Codable, Equatable {
    public var parameters: [String: Double]
    public var metrics: BacktestMetricsRow
}

/// The answer of a stored-data backtest: one run (metrics and trades) or a ranked grid.
public struct StrategyBacktestReport: Sendable, Codable, Equatable {
    public var strategy: String
    public var symbol: String
    public var timeframe: String
    /// Bars backtested and their first and last open time.
    public var bars: Int
    public var firstBar: String?
    public var lastBar: String?
    /// Parameter combinations run (1 without a grid) and `bars · combinations` against the limit.
    public var combinations: Int
    public var work: Int
    public var workLimit: Int
    /// A single run: its parameters (defaults filled in), metrics and trades (the first `maxTrades`).
    public var parameters: [String: Double]?
    public var metrics: BacktestMetricsRow?
    public var trades: [BacktestTradeRow]?
    public var tradesTotal: Int?
    /// A grid: the best `top` combinations by `rankedBy`, and how many combinations were invalid.
    public var rankedBy: String?
    public var results: [BacktestGridRow]?
    public var skippedCombinations: Int?
}

/// Backtests over the stored bars for the API (`POST /v1/backtest`), with a fixed bound on the work per request.
public struct BacktestQueryService: Sendable {
    public let repository: any MarketRepository
    /// The most `bars · combinations` one request may simulate.
    public let maxWork: Int

    public init(repository: any MarketRepository, maxWork: Int = Self.defaultMaxWork) {
        self.repository = repository
        self.maxWork = maxWork
    }

    /// The default work bound: 5,000,000 bar-combinations, about 0.15 s on two cores at the grid benchmark's
    /// ~30 ns per bar and combination (e.g. 285 combinations on 17,500 hourly bars).
    public static let defaultMaxWork = 5_000_000
    /// The most grid combinations one request may ask for.
    public static let maxCombinations = 1_000
    /// Trades listed in a single run's answer.
    public static let maxTrades = 500
    /// The strategies that run on stored bars (`signals` needs a signal file and is CLI-only).
    public static let strategies = StrategyCatalog.names.filter { $0 != "signals" }

    /// Runs `strategy` on a token's stored bars in `[from, to]` (the finest stored timeframe when nil): once with
    /// `parameters`, or over every combination of `grid` ranked by `rankBy` (the best `top` listed).
    /// - Throws: `QueryError.notFound` for an unknown symbol; `.invalidParameter` naming the body field for a bad
    ///   strategy, parameter, setting, or a request over `maxWork` / `maxCombinations`.
    public func run(symbol: String, timeframe: Timeframe?, from: Timestamp?, to: Timestamp?, strategy: String,
                    parameters: [String: Double], grid: [ParameterRange], configuration: BacktestConfiguration,
                    rankBy: RankingMetric, top: Int) throws -> StrategyBacktestReport {
        let key = strategy.lowercased()
        guard Self.strategies.contains(key) else {
            throw QueryError.invalidParameter(name: "strategy", value: strategy, allowed: "one of " + Self.strategies.joined(separator: ", "))
        }
        let series = try MarketQueryService(repository: repository).bars(symbol: symbol, timeframe: timeframe, from: from, to: to)
        guard series.count >= 2 else {
            throw QueryError.invalidParameter(name: "start_date", value: from?.dateString ?? "",
                                              allowed: "a range holding at least 2 bars of \(symbol) \(series.timeframe.rawValue)")
        }
        var combinations = 1.0
        for r in grid { combinations *= Double(r.values.count) }
        guard combinations <= Double(Self.maxCombinations) else {
            throw QueryError.invalidParameter(name: "grid", value: "\(Int(min(combinations, 1e15))) combinations",
                                              allowed: "at most \(Self.maxCombinations) combinations")
        }
        let work = Double(series.count) * combinations
        guard work <= Double(maxWork) else {
            throw QueryError.invalidParameter(
                name: grid.isEmpty ? "start_date" : "grid", value: "\(series.count) bars x \(Int(combinations)) combinations",
                allowed: "bars x combinations at most \(maxWork): narrow the dates or the grid")
        }
        var report = StrategyBacktestReport(strategy: key, symbol: series.symbol, timeframe: series.timeframe.rawValue, bars: series.count,
                                            firstBar: series.time.first?.iso8601, lastBar: series.time.last?.iso8601,
                                            combinations: Int(combinations), work: Int(work), workLimit: maxWork)
        let funding = try repository.fundingRates(symbol: series.symbol)
        if grid.isEmpty {
            let r = try Self.translated {
                try Backtester.run(strategyNamed: key, parameters: parameters, on: series, configuration: configuration, funding: funding)
            }
            report.parameters = r.parameters
            report.metrics = BacktestMetricsRow(r.metrics)
            report.trades = r.trades.prefix(Self.maxTrades).map(BacktestTradeRow.init)
            report.tradesTotal = r.trades.count
        } else {
            let g = try Self.translated {
                try GridSearch.run(strategy: key, ranges: grid, fixed: parameters, on: series, configuration: configuration,
                                   funding: funding, rankBy: rankBy)
            }
            report.rankedBy = g.rankedBy.rawValue
            report.results = g.results.prefix(top).map { BacktestGridRow(parameters: $0.parameters, metrics: BacktestMetricsRow($0.metrics)) }
            report.skippedCombinations = g.skippedCombinations
        }
        return report
    }

    /// Runs `body`, turning a `BacktestError` into the `QueryError` naming the body field.
    public static func translated<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as BacktestError { throw queryError(e) }
    }

    /// A backtest-library error as a `QueryError` naming the body field.
    public static func queryError(_ e: BacktestError) -> QueryError {
        switch e {
        case let .invalidSetting(name, value, allowed):
            return .invalidParameter(name: name.replacingOccurrences(of: "-", with: "_"), value: "\(value)", allowed: allowed)
        case let .unknownStrategy(name, known):
            return .invalidParameter(name: "strategy", value: name, allowed: "one of " + known.joined(separator: ", "))
        case let .unknownParameter(strategy, name, known):
            return .invalidParameter(name: "params", value: name, allowed: "parameters of \(strategy): " + known.joined(separator: ", "))
        case let .invalidParameter(_, name, value, allowed):
            return .invalidParameter(name: "params", value: "\(name)=\(value)", allowed: allowed)
        case let .invalidGridRange(text, reason):
            return .invalidParameter(name: "grid", value: text, allowed: reason)
        case let .gridTooLarge(combinations, limit):
            return .invalidParameter(name: "grid", value: "\(combinations) combinations", allowed: "at most \(limit)")
        case .signalOutOfRange, .indicatorUnavailable:
            return .invalidParameter(name: "strategy", value: "", allowed: e.description)
        case let .invalidSeries(reason):
            return .invalidParameter(name: "symbol", value: "", allowed: "a series that can be backtested (\(reason))")
        }
    }
}
