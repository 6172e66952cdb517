/// Wilder's smoothed moving average (RMA, SMMA).
///
/// Seed: the SMA of the first `period` values (at bar `period - 1`); then
/// `RMA[t] = alpha * x[t] + beta * RMA[t-1]` with `beta = (period-1)/period` and `alpha = 1 - beta`
/// (TA-Lib derives alpha from beta so the two sum to exactly 1), stepped two bars at a time
/// (`PairedSmoothing`): the same average, rounded differently from TA-Lib's fused multiply-add by a few
/// units in the last place.
public struct RMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline var seen = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var smoothing: PairedSmoothing

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        let beta = Double(self.period - 1) / Double(self.period)
        smoothing = PairedSmoothing(alpha: 1.0 - beta, beta: beta)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if seen >= period { return smoothing.update(x) }
        seen += 1
        sum += x
        guard seen == period else { return nil }
        smoothing.seed(sum / Double(period))
        return smoothing.value
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
