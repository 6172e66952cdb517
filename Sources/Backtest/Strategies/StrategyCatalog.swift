/// The built-in strategies by name, with their parameters as data.
///
/// ```swift
/// let s = try StrategyCatalog.make("sma-cross", parameters: ["fast": 20, "slow": 50])
/// ```
public enum StrategyCatalog {
    /// Built-in names, in the order the CLI lists them.
    public static let names = ["sma-cross", "rsi-reversion", "donchian-breakout", "signals"]

    /// The parameters of a built-in strategy (`signals` has none: it takes rows).
    /// - Throws: `BacktestError.unknownStrategy`.
    public static func parameters(of name: String) throws(BacktestError) -> [StrategyParameter] {
        switch name.lowercased() {
        case "sma-cross": return SMACrossStrategy.parameterSpecs
        case "rsi-reversion": return RSIReversionStrategy.parameterSpecs
        case "donchian-breakout": return DonchianBreakoutStrategy.parameterSpecs
        case "signals": return []
        default: throw .unknownStrategy(name, known: names)
        }
    }

    /// Builds a built-in strategy from `--param` values (defaults filled in).
    /// - Parameters:
    ///   - signals: the rows of the `signals` strategy (ignored by the others).
    /// - Throws: `BacktestError.unknownStrategy`, `.unknownParameter` or `.invalidParameter`.
    public static func make(_ name: String, parameters given: [String: Double] = [:],
                            signals: [SignalRow] = []) throws(BacktestError) -> any Strategy {
        let key = name.lowercased()
        let values = try StrategyParameter.resolve(given, specs: parameters(of: key), strategy: key)
        func int(_ n: String) -> Int { Int(values[n] ?? 0) }
        switch key {
        case "sma-cross": return try SMACrossStrategy(fast: int("fast"), slow: int("slow"))
        case "rsi-reversion":
            return try RSIReversionStrategy(period: int("period"), lower: values["lower"] ?? 30, upper: values["upper"] ?? 70)
        case "donchian-breakout": return try DonchianBreakoutStrategy(period: int("period"))
        default: return try SignalStrategy(rows: signals)
        }
    }

    /// Parses one `--param NAME=VALUE` assignment.
    /// - Throws: `BacktestError.invalidParameter` when the text is not `NAME=NUMBER`.
    public static func parseAssignment(_ text: String, strategy: String) throws(BacktestError) -> (name: String, value: Double) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].trimmingWhitespace().isEmpty,
              let value = Double(parts[1].trimmingWhitespace()), value.isFinite else {
            throw .invalidParameter(strategy: strategy, name: text, value: .nan, allowed: "NAME=NUMBER, e.g. fast=10")
        }
        return (String(parts[0].trimmingWhitespace()), value)
    }
}
