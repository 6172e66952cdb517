/// Mass index (Dorsey): the sum over `slowPeriod` bars of `EMA(range) / EMA(EMA(range))`, both EMAs of
/// `fastPeriod` (SMA-seeded), `range = high - low`. First value at bar `2*(fast-1) + slow - 1`.
public struct MASSIState: StreamingIndicator {
    @usableFromInline var ema1: EMAState
    @usableFromInline var ema2: EMAState
    @usableFromInline var window: RingBuffer
    @usableFromInline var total = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(fastPeriod: Int, slowPeriod: Int) {
        ema1 = EMAState(period: max(1, fastPeriod))
        ema2 = EMAState(period: max(1, fastPeriod))
        window = RingBuffer(capacity: max(1, slowPeriod))
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(fastPeriod: Int, slowPeriod: Int) -> Int { 2 * (max(1, fastPeriod) - 1) + max(1, slowPeriod) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let e1 = ema1.update(high - low), let e2 = ema2.update(e1) else { return nil }
        let ratio = e1 / e2
        total += ratio
        if let old = window.pushInline(ratio) { total -= old }
        return window.isFull ? total : nil
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}
