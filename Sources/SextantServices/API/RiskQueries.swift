import MarketData
import Risk

/// The liquidation calculator and the leverage advisor for the API, as `sextant liquidation` and
/// `sextant leverage` run them. Errors of the risk library come back as `QueryError`s naming the API parameter
/// (the CLI option without its dashes, in snake case).
public struct RiskQueryService: Sendable {
    public let repository: any MarketRepository

    public init(repository: any MarketRepository) { self.repository = repository }

    /// The most path-bars one leverage request may walk: `(historical windows + bootstrap paths) · horizon bars`.
    public static let maxLeverageWork = 20_000_000

    /// Liquidation and bankruptcy price, tier and margins of one position (bundled tier tables).
    public func liquidation(_ request: LiquidationRequest) throws -> LiquidationResult {
        do { return try LiquidationCalculator.compute(request) } catch let e as RiskError { throw Self.queryError(e) }
    }

    /// What `sextant leverage SYMBOL` answers: liquidation probability per leverage from the token's finest
    /// stored series and the highest safe leverage.
    /// - Parameters:
    ///   - horizon: `7d`, `36h`, `2w` or a bar count.
    /// - Throws: `QueryError.notFound` for a symbol the store does not hold; `.invalidParameter` for bad input
    ///   or a request over `maxLeverageWork`.
    public func leverage(symbol: String, side: PositionSide, horizon: String, stop: Double?, exchange: Exchange,
                         threshold: Double, paths: Int, seed: UInt64) throws -> LeverageAdvice {
        let series: CandleSeries
        do { series = try RiskService(repository: repository).finestSeries(symbol: symbol) } catch ServiceError.unknownSymbol {
            throw QueryError.notFound(kind: "token", value: symbol)
        }
        do {
            let bars = try LeverageAdvisor.horizonBars(parsing: horizon, timeframe: series.timeframe)
            let work = Double(max(0, series.count - bars) + paths) * Double(bars)
            guard work <= Double(Self.maxLeverageWork) else {
                throw QueryError.invalidParameter(
                    name: "horizon", value: horizon,
                    allowed: "(windows + paths) x horizon bars at most \(Self.maxLeverageWork) (this request: \(series.count - bars) + \(paths) paths x \(bars) \(series.timeframe.rawValue) bars); shorten the horizon or lower paths")
            }
            let request = LeverageAdvisorRequest(side: side, horizonBars: bars, stopDistance: stop, exchange: exchange,
                                                 symbol: series.symbol + "USDT", liquidationThreshold: threshold,
                                                 bootstrapPaths: paths, seed: seed,
                                                 fundingRates: try repository.fundingRates(symbol: series.symbol))
            return try LeverageAdvisor.advise(series: series, request: request)
        } catch let e as RiskError {
            throw Self.queryError(e)
        }
    }

    /// A risk-library error as a `QueryError` naming the API parameter.
    public static func queryError(_ e: RiskError) -> QueryError {
        func parameter(_ name: String) -> String {
            let n = name.lowercased()
            let table: [(String, String)] = [
                ("horizon", "horizon"), ("stop", "stop"), ("threshold", "threshold"), ("bootstrap", "paths"),
                ("maintenance", "maintenance_margin_rate"), ("taker", "taker_fee"), ("fee", "taker_fee"),
                ("extra", "extra_margin"), ("wallet", "wallet_balance"), ("leverage", "leverage"), ("entry", "entry"),
                ("quantity", "quantity"), ("margin", "margin"), ("price", "entry"),
            ]
            return table.first { n.contains($0.0) }?.1 ?? "parameters"
        }
        switch e {
        case let .notPositive(name, value):
            return .invalidParameter(name: parameter(name), value: "\(value)", allowed: "a positive finite number")
        case let .outOfRange(name, value, allowed):
            return .invalidParameter(name: parameter(name), value: "\(value)", allowed: allowed)
        case let .leverageAboveTierMaximum(symbol, leverage, tier, maxLeverage, notional):
            return .invalidParameter(name: "leverage", value: "\(leverage)",
                                     allowed: "at most \(maxLeverage)x for \(symbol) tier \(tier) (notional \(notional))")
        case let .notionalAboveLargestTier(symbol, notional, largest):
            return .invalidParameter(name: "quantity", value: "\(notional)", allowed: "a notional up to \(largest) for \(symbol)")
        case let .unknownSymbol(exchange, symbol, known):
            return .invalidParameter(name: "symbol", value: symbol,
                                     allowed: "a symbol with a \(exchange) tier table (\(known.prefix(8).joined(separator: ", "))...) or pass maintenance_margin_rate")
        case let .missingMaintenanceMarginRate(exchange):
            return .invalidParameter(name: "maintenance_margin_rate", value: "", allowed: "a rate, required for \(exchange)")
        case let .missingInput(name, reason):
            return .invalidParameter(name: parameter(name), value: "", allowed: "a value (\(reason))")
        case let .unsupported(what):
            return .invalidParameter(name: "margin_mode", value: what, allowed: "isolated (cross is modelled for Binance only)")
        case let .stopOnWrongSide(side, entry, stop):
            return .invalidParameter(name: "stop", value: "\(stop)", allowed: "a stop on the losing side of \(entry) for a \(side.rawValue)")
        case let .insufficientData(needed, got, what):
            return .invalidParameter(name: "symbol", value: "", allowed: "a token with at least \(needed) bars for \(what) (has \(got))")
        case .lengthMismatch, .badTierFile:
            return .invalidParameter(name: "parameters", value: "", allowed: e.description)
        }
    }
}
