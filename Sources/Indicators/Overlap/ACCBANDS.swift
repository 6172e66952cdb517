/// Acceleration bands (Price Headley): with `r = 4 * (high - low) / (high + low)`,
/// `upper = SMA(high * (1 + r))`, `middle = SMA(close)`, `lower = SMA(low * (1 - r))`, all over `period`
/// (where `high + low` is within 1e-8 of zero, `r` is dropped, as TA-Lib). First value at bar `period - 1`.
public struct ACCBANDSState: StreamingIndicator {
    @usableFromInline var upperSMA: SMAState
    @usableFromInline var middleSMA: SMAState
    @usableFromInline var lowerSMA: SMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        upperSMA = SMAState(period: max(1, period))
        middleSMA = SMAState(period: max(1, period))
        lowerSMA = SMAState(period: max(1, period))
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let sum = high + low
        var upperIn = high
        var lowerIn = low
        if !(sum > -1e-8 && sum < 1e-8) {
            let r = 4.0 * (high - low) / sum
            upperIn = high * (1.0 + r)
            lowerIn = low * (1.0 - r)
        }
        let u = upperSMA.update(upperIn)
        let m = middleSMA.update(close)
        let l = lowerSMA.update(lowerIn)
        guard let u, let m, let l else { return nil }
        return (u, m, l)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}
