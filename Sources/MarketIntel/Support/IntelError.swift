/// Errors from the market-intelligence functions: what was wrong and what is allowed.
public enum IntelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is outside its allowed range.
    case invalidParameter(name: String, value: String, allowed: String)
    /// A series is malformed (lengths differ, days not increasing).
    case invalidSeries(symbol: String, reason: String)
    /// A required coin (such as BTC) is absent from the input.
    case missingCoin(symbol: String)
    /// Fewer eligible coins than the requested top size.
    case universeTooSmall(requested: Int, available: Int, asOf: String)
    /// The computation needs more history than there is before the requested date.
    case insufficientHistory(requested: String, earliestStart: String)
    /// No data at all for the requested computation.
    case noData(String)
    /// A row of an input file is unusable (line numbers are 1-based, the header is line 1).
    case badRow(line: Int, reason: String)
    /// A required column is absent from a table.
    case missingColumn(String, available: [String])

    /// A message that says what was wrong and what is allowed.
    public var description: String {
        switch self {
        case .invalidParameter(let n, let v, let a): "invalid \(n) \(v): allowed \(a)"
        case .invalidSeries(let s, let r): "series \(s): \(r)"
        case .missingCoin(let s): "no series for \(s) in the input"
        case .universeTooSmall(let r, let a, let d): "universe too small: top \(r) requested but only \(a) eligible coins on \(d); lower the top size to at most \(a)"
        case .insufficientHistory(let r, let e): "not enough history for \(r): the earliest possible start is \(e)"
        case .noData(let w): "no data: \(w)"
        case .badRow(let l, let r): "line \(l): \(r)"
        case .missingColumn(let c, let a): "missing column \(c) (columns: \(a.joined(separator: ", ")))"
        }
    }
}
