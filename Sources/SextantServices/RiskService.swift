import MarketData

/// Price series for the risk tools, chosen from what the store holds.
public struct RiskService: Sendable {
    public let repository: any MarketRepository

    public init(repository: any MarketRepository) { self.repository = repository }

    /// The asset's most recent series, at its finest timeframe (ties to the finer).
    public func finestSeries(symbol: String) throws -> CandleSeries {
        let sym = Asset.baseSymbol(of: symbol)
        guard let asset = try repository.assets().first(where: { $0.symbol == sym }),
              let best = asset.series.max(by: { ($0.last, -$0.timeframe.milliseconds) < ($1.last, -$1.timeframe.milliseconds) }) else {
            throw ServiceError.unknownSymbol(symbol)
        }
        return try repository.candles(symbol: sym, timeframe: best.timeframe, from: nil, to: nil)
    }

    /// The most recent series resampled to daily bars (daily series as they are).
    public func dailySeries(symbol: String) throws -> CandleSeries {
        let s = try finestSeries(symbol: symbol)
        return s.timeframe < .d1 ? try Resampler.resample(s, to: .d1) : s
    }
}

/// Errors of the service layer, mapped once to CLI messages and HTTP statuses.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    case unknownSymbol(String)

    public var description: String {
        switch self {
        case .unknownSymbol(let s): "unknown symbol '\(s)': 'sextant assets' lists what is stored"
        }
    }
}
