/// Hull moving average (Alan Hull, 2005):
/// `HMA(n) = WMA(2*WMA(x, n/2) - WMA(x, n), floor(sqrt(n)))`, both derived periods truncated (TA-Lib).
///
/// First value at bar `(n - 1) + (floor(sqrt(n)) - 1)`. For `n` = 2 or 3 both derived periods are 1, so
/// `HMA = 2*x - WMA(x, n)`; `n` = 1 is the identity.
public struct HMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline var full: WMAState
    @usableFromInline var half: WMAState
    @usableFromInline var outer: WMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        full = WMAState(period: self.period)
        half = WMAState(period: max(1, self.period / 2))
        outer = WMAState(period: HMAState.sqrtPeriod(self.period))
    }

    @usableFromInline static func sqrtPeriod(_ n: Int) -> Int { max(1, Int(Double(n).squareRoot())) }

    /// Leading bars with no output: `(n - 1) + (floor(sqrt(n)) - 1)`.
    public static func lookback(period: Int) -> Int {
        let p = max(1, period)
        return p == 1 ? 0 : (p - 1) + (sqrtPeriod(p) - 1)
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if period == 1 { return x }
        let h = half.update(x)
        guard let f = full.update(x) else { return nil }
        if period <= 3 { return 2.0 * x - f }
        guard let hv = h else { return nil }
        return outer.update(2.0 * hv - f)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
