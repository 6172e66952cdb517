/// Qstick (Chande & Kroll): the simple moving average of the candle body `close - open`.
///
/// `QSTICK[t] = (sum of (close - open) over the last period bars) / period`, first value at bar `period - 1`.
/// Kept as a running total in TA-Lib's order (add today's body, read, then drop the trailing body).
public struct QSTICKState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    @usableFromInline var total = 0.0
    public let period: Int

    /// - Parameter period: window length (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one bar's open and close; returns the average body once `period` bars have been seen.
    @inlinable
    public mutating func update(open: Double, close: Double) -> Double? {
        let body = close - open
        if let departed = window.push(body) { total -= departed }
        total += body
        return window.isFull ? total / Double(period) : nil
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(open: bar.open, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
