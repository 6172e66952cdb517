import MarketCore

/// What a strategy wants at the close of a bar. The engine maps it onto the allowed sides
/// (`SideMode.long` turns `enterShort` into `exit`, `SideMode.short` turns `enterLong` into `exit`).
public enum StrategyAction: Sendable, Equatable {
    /// Keep whatever is open (or stay flat).
    case hold
    /// Be long: open a long, or reverse a short into a long; nothing when already long.
    case enterLong
    /// Be short: open a short, or reverse a long into a short; nothing when already short.
    case enterShort
    /// Be flat: close any open position.
    case exit
}

/// A trading strategy: a decision at the close of each bar, filled by the engine (at the next open by default).
///
/// ```swift
/// struct BuyTheFirstBar: Strategy {
///     var name: String { "buy-first-bar" }
///     var parameters: [String: Double] { [:] }
///     mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
///         index == 0 ? .enterLong : .hold
///     }
/// }
/// let result = try Backtester.run(BuyTheFirstBar(), on: series)
/// ```
public protocol Strategy: Sendable {
    /// The strategy's name, reported in the result.
    var name: String { get }
    /// Its parameters, reported in the result.
    var parameters: [String: Double] { get }
    /// Called once before the first bar with the whole series, to precompute indicator columns. A value
    /// computed here for bar `i` must only depend on bars `0...i`.
    mutating func prepare(for series: CandleSeries) throws(BacktestError)
    /// The decision at the close of bar `index`, knowing only bars `0...index` and the open position.
    mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction
}

extension Strategy {
    /// Nothing to precompute.
    public mutating func prepare(for series: CandleSeries) throws(BacktestError) {}
}
