/// Simple moving average: the mean of the last `period` values.
///
/// `SMA[t] = (x[t-period+1] + ... + x[t]) / period`, first value at bar `period - 1` (lookback `period - 1`).
/// Kept as a running total, as TA-Lib does, so each update is O(1).
public struct SMAState: StreamingIndicator {
    @usableFromInline var window: RingBuffer
    @usableFromInline var total = 0.0
    /// The period, in bars.
    public let period: Int

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = period
        window = RingBuffer(capacity: period)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; returns the average once `period` values have been seen.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        total += x
        if let old = window.pushInline(x) { total -= old }
        return window.isFull ? total / Double(period) : nil
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
