import MarketCore

/// `rsi-reversion`: buy oversold, sell overbought, on TA-Lib's RSI of the close.
///
/// At the close of bar `i`: `RSI[i] < lower` → `enterLong`; `RSI[i] > upper` → `enterShort` (with
/// `SideMode.long`, this closes the long). Levels, not crossings: the engine ignores an entry in the direction
/// already held. No decision during RSI's warm-up (`period` bars).
public struct RSIReversionStrategy: Strategy {
    /// The parameters: `period` (14), `lower` (30), `upper` (70), `lower < upper`.
    public static let parameterSpecs = [
        StrategyParameter("period", default: 14, range: 2...100_000, integer: true, "Bars in the RSI"),
        StrategyParameter("lower", default: 30, range: 0...100, integer: false, "Oversold level: buy below it"),
        StrategyParameter("upper", default: 70, range: 0...100, integer: false, "Overbought level: sell above it"),
    ]

    /// Bars in the RSI.
    public let period: Int
    /// Oversold level.
    public let lower: Double
    /// Overbought level.
    public let upper: Double
    var rsi: [Double] = []

    /// `rsi-reversion`.
    public var name: String { "rsi-reversion" }
    /// `period`, `lower`, `upper`.
    public var parameters: [String: Double] { ["period": Double(period), "lower": lower, "upper": upper] }

    /// - Throws: `BacktestError.invalidParameter` when a value is out of range or `lower >= upper`.
    public init(period: Int = 14, lower: Double = 30, upper: Double = 70) throws(BacktestError) {
        _ = try StrategyParameter.resolve(["period": Double(period), "lower": lower, "upper": upper],
                                          specs: Self.parameterSpecs, strategy: "rsi-reversion")
        guard lower < upper else {
            throw .invalidParameter(strategy: "rsi-reversion", name: "lower", value: lower, allowed: "below upper (\(upper))")
        }
        self.period = period
        self.lower = lower
        self.upper = upper
    }

    /// Computes the RSI with the catalog's `RSI`.
    public mutating func prepare(for series: CandleSeries) throws(BacktestError) {
        rsi = try catalogColumn("RSI", of: series.close, parameters: ["timeperiod": Double(period)], strategy: name)
    }

    /// Below `lower`: long; above `upper`: short (or out).
    public mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
        guard index < rsi.count else { return .hold }
        let r = rsi[index]
        if r < lower { return .enterLong }
        if r > upper { return .enterShort }
        return .hold
    }
}
