/// Triangular moving average: weights rising 1, 2, ... to the middle of the window and falling back to 1.
///
/// Computed as an SMA of an SMA: for odd `p` both have length `(p+1)/2`; for even `p` the lengths are
/// `p/2` and `p/2 + 1`. The convolution of the two boxes is exactly TA-Lib's triangle (weights
/// `1..p/2+1..1` over `(p/2+1)^2`, or `1..p/2,p/2..1` over `p/2*(p/2+1)`), first value at bar `p - 1`.
public struct TRIMAState: StreamingIndicator {
    @usableFromInline var inner: SMAState
    @usableFromInline var outer: SMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        let p = max(1, period)
        if p % 2 == 1 {
            inner = SMAState(period: (p + 1) / 2)
            outer = SMAState(period: (p + 1) / 2)
        } else {
            inner = SMAState(period: p / 2)
            outer = SMAState(period: p / 2 + 1)
        }
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let a = inner.update(x) else { return nil }
        return outer.update(a)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
