import Backtest
import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import SextantServices

/// The body of `POST /v1/backtest`: a strategy with its parameters, or a grid of them, on a token's stored bars.
public struct StrategyBacktestBody: Codable, Sendable {
    /// Token symbol (BTC).
    public var symbol: String?
    /// Bar timeframe (default: the finest stored).
    public var timeframe: String?
    /// sma-cross, rsi-reversion or donchian-breakout.
    public var strategy: String?
    /// Fixed strategy parameters (`{"fast": 10, "slow": 30}`).
    public var params: [String: Double]?
    /// Grid ranges (`[{"name": "fast", "from": 5, "to": 50, "step": 5}]`); every combination is run.
    public var grid: [GridRange]?
    public var startDate: String?
    public var endDate: String?
    public var commission: Double?
    public var slippage: Double?
    public var leverage: Double?
    /// long, short or both.
    public var side: String?
    public var cash: Double?
    public var stopLoss: Double?
    public var takeProfit: Double?
    /// Grid ranking metric (return, sharpe, ...).
    public var rankBy: String?
    /// Grid results listed (1...100, default 20).
    public var top: Int?

    /// One grid range.
    public struct GridRange: Codable, Sendable {
        public var name: String
        public var from: Double
        public var to: Double
        public var step: Double
    }
}

extension APIRoutes {
    /// `POST /v1/backtest`.
    func registerBacktestRoutes(on v1: RouterGroup<SextantRequestContext>) {
        v1.post("backtest") { request, _ in
            if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
                throw APIError.unsupportedMediaType("send the body as application/json")
            }
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: ServerLimits.maxBodyBytes) } catch {
                throw APIError.payloadTooLarge(limit: ServerLimits.maxBodyBytes)
            }
            let body = try JSONCoding.decoder().decode(StrategyBacktestBody.self, from: Data(buffer.readableBytesView))
            return try Self.json(ItemEnvelope(try runBacktest(body)), cacheControl: "no-store")
        }
    }

    /// Validates a backtest body field by field (each error names the field) and runs it.
    func runBacktest(_ body: StrategyBacktestBody) throws -> StrategyBacktestReport {
        guard let rawSymbol = body.symbol else { throw APIError.invalidParameter(name: "symbol", value: "", allowed: "a stored token such as BTC (required)") }
        let symbol = try Symbols.validate(rawSymbol, parameter: "symbol")
        var timeframe: Timeframe? = nil
        if let t = body.timeframe {
            guard let tf = Timeframe(rawValue: t.lowercased()) else {
                throw APIError.invalidParameter(name: "timeframe", value: t, allowed: "one of " + Timeframe.allCases.map(\.rawValue).joined(separator: ", "))
            }
            timeframe = tf
        }
        guard let strategy = body.strategy else {
            throw APIError.invalidParameter(name: "strategy", value: "", allowed: "one of " + BacktestQueryService.strategies.joined(separator: ", ") + " (required)")
        }
        guard strategy.utf8.count <= 40 else { throw APIError.invalidParameter(name: "strategy", value: strategy, allowed: "a strategy name") }
        let params = body.params ?? [:]
        guard params.count <= 20 else { throw APIError.invalidParameter(name: "params", value: "\(params.count) parameters", allowed: "at most 20") }
        for (name, v) in params where !v.isFinite || name.utf8.count > 40 {
            throw APIError.invalidParameter(name: "params", value: name, allowed: "finite numbers under short names")
        }
        let rawGrid = body.grid ?? []
        guard rawGrid.count <= 4 else { throw APIError.invalidParameter(name: "grid", value: "\(rawGrid.count) ranges", allowed: "at most 4 ranges") }
        var grid: [ParameterRange] = []
        for g in rawGrid {
            grid.append(try BacktestQueryService.translated { try ParameterRange(name: g.name, from: g.from, to: g.to, step: g.step) })
        }
        var from: Timestamp? = nil, to: Timestamp? = nil
        if let s = body.startDate {
            guard let t = QueryReader.parseDate(s) else { throw APIError.invalidParameter(name: "start_date", value: s, allowed: "a date YYYY-MM-DD") }
            from = t
        }
        if let s = body.endDate {
            guard let t = QueryReader.parseDate(s) else { throw APIError.invalidParameter(name: "end_date", value: s, allowed: "a date YYYY-MM-DD") }
            to = t + 86_400_000 - 1
        }
        if let from, let to, from > to { throw APIError.invalidParameter(name: "end_date", value: body.endDate ?? "", allowed: "a date on or after start_date") }
        var config = BacktestConfiguration()
        if let v = body.cash { config.initialCash = v }
        if let v = body.commission { config.commission = v }
        if let v = body.slippage { config.slippage = v > 0 ? .fraction(v) : .none }
        if let v = body.leverage { config.leverage = v }
        if let s = body.side {
            guard let side = SideMode(rawValue: s.lowercased()) else {
                throw APIError.invalidParameter(name: "side", value: s, allowed: "one of " + SideMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            config.side = side
        }
        config.stopLoss = body.stopLoss
        config.takeProfit = body.takeProfit
        let checked = config
        try BacktestQueryService.translated { try checked.validate() }
        var rankBy = RankingMetric.totalReturn
        if let s = body.rankBy {
            guard let m = RankingMetric(rawValue: s.lowercased()) else {
                throw APIError.invalidParameter(name: "rank_by", value: s, allowed: "one of " + RankingMetric.allCases.map(\.rawValue).joined(separator: ", "))
            }
            rankBy = m
        }
        let top = body.top ?? 20
        guard (1...100).contains(top) else { throw APIError.invalidParameter(name: "top", value: "\(top)", allowed: "an integer in 1...100") }
        return try services.backtest.run(symbol: symbol, timeframe: timeframe, from: from, to: to, strategy: strategy, parameters: params,
                                         grid: grid, configuration: config, rankBy: rankBy, top: top)
    }

}
