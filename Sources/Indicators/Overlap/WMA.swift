/// Weighted moving average: linear weights 1 ... period, newest heaviest.
///
/// `WMA[t] = (1*x[t-p+1] + 2*x[t-p+2] + ... + p*x[t]) / (p(p+1)/2)`, first value at bar `p - 1`.
/// Kept, as TA-Lib does, as a running weighted sum `periodSum` and plain sum `periodSub`
/// (`periodSum -= periodSub` after each output shifts every weight down by one), so an update is O(1).
public struct WMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline let divider: Double
    @usableFromInline var window: RingBuffer
    @usableFromInline var periodSub = 0.0
    @usableFromInline var periodSum = 0.0
    @usableFromInline var seen = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        divider = Double(self.period * (self.period + 1) / 2)
        window = RingBuffer(capacity: self.period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one value; returns the WMA once `period` values have been seen.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        let evicted = window.pushInline(x)
        periodSub += x
        if let old = evicted { periodSub -= old }
        if seen < period { seen += 1 }
        periodSum += x * Double(seen)
        guard seen == period else { return nil }
        let value = periodSum / divider
        periodSum -= periodSub
        return value
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
