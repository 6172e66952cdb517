/// Zero-lag exponential moving average (Ehlers & Way): an EMA of the de-lagged series
/// `d[t] = 2*x[t] - x[t-lag]`, `lag = (period - 1) / 2`.
///
/// The EMA (`k = 2/(period+1)`) is seeded with the SMA of the first `period` de-lagged values, so the first
/// output is at bar `lag + period - 1` (TA-Lib 0.8). Period 1 is the identity.
public struct ZLEMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline let lag: Int
    @usableFromInline var recent: RingBuffer
    @usableFromInline var ema: EMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        lag = (self.period - 1) / 2
        recent = RingBuffer(capacity: lag + 1)
        ema = EMAState(period: self.period)
    }

    /// Leading bars with no output: `(period - 1) / 2 + period - 1`.
    public static func lookback(period: Int) -> Int {
        let p = max(1, period)
        return (p - 1) / 2 + p - 1
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if period == 1 { return x }
        recent.pushInline(x)
        guard recent.isFull else { return nil }
        // recent[0] is x[t - lag]; the de-lag is one rounding, as TA-Lib writes it.
        return ema.update(2.0 * x - recent[0])
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
