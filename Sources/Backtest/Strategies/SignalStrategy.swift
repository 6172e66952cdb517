import MarketCore

/// One row of an external signal list: at a bar (or time), the wanted position -1, 0 or +1.
public struct SignalRow: Sendable, Equatable, Codable {
    /// Where the signal applies.
    public enum Key: Sendable, Equatable, Codable {
        /// A 0-based input row.
        case bar(Int)
        /// A time: the signal belongs to the last bar that opens at or before it.
        case time(Timestamp)
    }

    /// The bar or time of the row.
    public var key: Key
    /// +1 long, -1 short, 0 flat.
    public var signal: Int

    /// A row at a 0-based input row.
    public init(bar: Int, signal: Int) {
        key = .bar(bar)
        self.signal = signal
    }

    /// A row at a time.
    public init(time: Timestamp, signal: Int) {
        key = .time(time)
        self.signal = signal
    }
}

/// `signals`: trades a list of (bar or time, -1/0/+1) rows, parsed by the caller (a CSV now, the signal model later).
///
/// A row is an event at the close of its bar: +1 → `enterLong`, -1 → `enterShort`, 0 → `exit`; it fills at the
/// next open like any decision. Between rows nothing happens (a position closed by a stop is not re-entered
/// until the next row). When several rows fall on one bar the last one counts.
public struct SignalStrategy: Strategy {
    /// The rows, as given.
    public let rows: [SignalRow]
    var actions: [StrategyAction] = []

    /// `signals`.
    public var name: String { "signals" }
    /// None: the rows drive it.
    public var parameters: [String: Double] { [:] }

    /// - Throws: `BacktestError.signalOutOfRange` for a signal other than -1, 0, +1.
    public init(rows: [SignalRow]) throws(BacktestError) {
        for (k, row) in rows.enumerated() where !(-1...1).contains(row.signal) {
            throw .signalOutOfRange(row: k, reason: "signal \(row.signal) is not -1, 0 or +1")
        }
        self.rows = rows
    }

    /// - Throws: `BacktestError.signalOutOfRange` for a bar outside the series or a time before its first bar.
    public mutating func prepare(for series: CandleSeries) throws(BacktestError) {
        actions = [StrategyAction](repeating: .hold, count: series.count)
        for (k, row) in rows.enumerated() {
            let bar: Int
            switch row.key {
            case .bar(let b):
                guard b >= 0 && b < series.count else {
                    throw .signalOutOfRange(row: k, reason: "bar \(b) is outside the input's rows 0 ..< \(series.count)")
                }
                bar = b
            case .time(let t):
                let after = series.time.partitioningIndex { $0 > t }
                guard after > 0 else {
                    throw .signalOutOfRange(row: k, reason: "time \(t) is before the first bar (\(series.time.first.map { "\($0)" } ?? "empty input"))")
                }
                bar = after - 1
            }
            actions[bar] = row.signal > 0 ? .enterLong : row.signal < 0 ? .enterShort : .exit
        }
    }

    /// The action of the row on this bar, or `hold`.
    public mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
        index < actions.count ? actions[index] : .hold
    }
}
