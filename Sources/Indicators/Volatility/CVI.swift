/// Chaikin's volatility: the rate of change, in percent over `rocPeriod` bars, of the EMA (`period`,
/// SMA-seeded) of `high - low`: `100 * (E[t] - E[t-r]) / E[t-r]` (0 where `E[t-r]` is 0).
/// First value at bar `period - 1 + rocPeriod`.
public struct CVIState: StreamingIndicator {
    @usableFromInline var ema: EMAState
    @usableFromInline var history: RingBuffer

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, rocPeriod: Int) {
        ema = EMAState(period: max(1, period))
        history = RingBuffer(capacity: max(1, rocPeriod) + 1)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int, rocPeriod: Int) -> Int { max(1, period) - 1 + max(1, rocPeriod) }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let e = ema.update(high - low) else { return nil }
        history.pushInline(e)
        guard history.isFull else { return nil }
        let old = history[0]
        return old != 0 ? ((e - old) / old) * 100.0 : 0.0
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}
