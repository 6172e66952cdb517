/// Why a backtest could not run: every case names what was wrong and what is allowed.
public enum BacktestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value outside its allowed range.
    case invalidSetting(name: String, value: Double, allowed: String)
    /// A strategy name that `StrategyCatalog` does not know.
    case unknownStrategy(String, known: [String])
    /// A parameter the strategy does not take.
    case unknownParameter(strategy: String, name: String, known: [String])
    /// A strategy parameter outside its allowed range.
    case invalidParameter(strategy: String, name: String, value: Double, allowed: String)
    /// A `NAME=FROM:TO:STEP` grid range that does not parse or is empty.
    case invalidGridRange(String, reason: String)
    /// A grid whose combinations exceed the limit.
    case gridTooLarge(combinations: Int, limit: Int)
    /// A signal row that points outside the series.
    case signalOutOfRange(row: Int, reason: String)
    /// The series cannot be backtested (empty, non-positive or non-finite prices).
    case invalidSeries(String)
    /// An indicator the strategy needs is not in the catalog of this build.
    case indicatorUnavailable(String)

    /// The message shown to the user: what was wrong and what is allowed.
    public var description: String {
        switch self {
        case let .invalidSetting(name, value, allowed):
            return "\(name)=\(value) is not allowed: \(allowed)"
        case let .unknownStrategy(name, known):
            return "unknown strategy '\(name)': known strategies are \(known.joined(separator: ", "))"
        case let .unknownParameter(strategy, name, known):
            return "strategy \(strategy) has no parameter '\(name)': its parameters are \(known.joined(separator: ", "))"
        case let .invalidParameter(strategy, name, value, allowed):
            return "strategy \(strategy) parameter \(name)=\(value) is not allowed: \(allowed)"
        case let .invalidGridRange(text, reason):
            return "grid range '\(text)' is invalid: \(reason) (expected NAME=FROM:TO:STEP, e.g. fast=5:50:5)"
        case let .gridTooLarge(combinations, limit):
            return "the grid has \(combinations) combinations; at most \(limit) are allowed: use larger steps or fewer ranges"
        case let .signalOutOfRange(row, reason):
            return "signal row \(row): \(reason)"
        case let .invalidSeries(reason):
            return "the price series cannot be backtested: \(reason)"
        case let .indicatorUnavailable(id):
            return "indicator \(id) is not available in this build of the indicator catalog"
        }
    }
}
