/// TRIX: the one-bar rate of change, in percent, of a triple exponential moving average.
///
/// `E3 = EMA(EMA(EMA(close, p), p), p)` (each stage seeded with the mean of its first `p` inputs, as TA-Lib),
/// `TRIX[t] = (E3[t] - E3[t-1]) / E3[t-1] * 100`, 0 where `E3[t-1] == 0`. First value at bar `3 * (p - 1) + 1`.
public struct TRIXState: StreamingIndicator {
    @usableFromInline var first: EMAState
    @usableFromInline var second: EMAState
    @usableFromInline var third: EMAState
    @usableFromInline var previous = Double.nan
    @usableFromInline var hasPrevious = false

    /// - Parameter period: EMA period (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 30) {
        let p = max(1, period)
        first = EMAState(period: p)
        second = EMAState(period: p)
        third = EMAState(period: p)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { 3 * (period - 1) + 1 }

    /// Feeds one close; returns TRIX once two triple-smoothed values exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let a = first.update(x), let b = second.update(a), let c = third.update(b) else { return nil }
        defer { previous = c; hasPrevious = true }
        guard hasPrevious else { return nil }
        return previous != 0 ? ((c - previous) / previous) * 100.0 : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
