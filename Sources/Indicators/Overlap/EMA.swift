/// Exponential moving average with TA-Lib's seeding.
///
/// `k = 2 / (period + 1)`; the first value, at bar `period - 1`, is the SMA of the first `period` values
/// (TA-Lib's default compatibility mode); then `EMA[t] = k * x[t] + (1 - k) * EMA[t-1]`: the same average
/// as TA-Lib's `EMA[t-1] + k * (x[t] - EMA[t-1])`, written (as TA-Lib writes T3's EMAs) so the chain from one
/// bar to the next is one product and one sum; the two forms differ by rounding only.
public struct EMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    /// The smoothing factor k (TA-Lib: `2 / (period + 1)`).
    public let k: Double
    /// `1 - k`.
    @usableFromInline let oneMinusK: Double
    @usableFromInline var seen = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var value = 0.0

    /// - Parameter k: the smoothing factor; defaults to `2 / (period + 1)`.
    public init(period: Int, k: Double? = nil) {
        self.period = period
        self.k = k ?? 2.0 / Double(period + 1)
        oneMinusK = 1.0 - self.k
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if seen >= period {
            value = k * x + oneMinusK * value
            return value
        }
        seen += 1
        sum += x
        if seen == period {
            value = sum / Double(period)
            return value
        }
        return nil
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
