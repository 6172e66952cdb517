import MarketCore

/// `donchian-breakout`: long on a close above the highest high of the previous `period` bars, out (or short)
/// on a close below their lowest low.
///
/// Channel from TA-Lib's `MAX(high, period)` and `MIN(low, period)` at bar `i-1`, so bar `i` is compared with
/// the `period` bars before it: `close[i] > MAX[i-1]` → `enterLong`, `close[i] < MIN[i-1]` → `enterShort`.
public struct DonchianBreakoutStrategy: Strategy {
    /// The parameter: `period` (20).
    public static let parameterSpecs = [
        StrategyParameter("period", default: 20, range: 2...100_000, integer: true, "Bars in the channel"),
    ]

    /// Bars in the channel.
    public let period: Int
    var upperBand: [Double] = []
    var lowerBand: [Double] = []

    /// `donchian-breakout`.
    public var name: String { "donchian-breakout" }
    /// `period`.
    public var parameters: [String: Double] { ["period": Double(period)] }

    /// - Throws: `BacktestError.invalidParameter` when the period is out of range.
    public init(period: Int = 20) throws(BacktestError) {
        _ = try StrategyParameter.resolve(["period": Double(period)], specs: Self.parameterSpecs, strategy: "donchian-breakout")
        self.period = period
    }

    /// Computes the channel with the catalog's MAX and MIN.
    public mutating func prepare(for series: CandleSeries) throws(BacktestError) {
        let p = ["timeperiod": Double(period)]
        upperBand = try catalogColumn("MAX", of: series.high, parameters: p, strategy: name)
        lowerBand = try catalogColumn("MIN", of: series.low, parameters: p, strategy: name)
    }

    /// Breakout above the channel: long; below: short (or out).
    public mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
        guard index >= 1, index < upperBand.count else { return .hold }
        let c = series.close[index]
        if c > upperBand[index - 1] { return .enterLong }
        if c < lowerBand[index - 1] { return .enterShort }
        return .hold
    }
}
