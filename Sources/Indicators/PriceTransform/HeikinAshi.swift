/// Heikin-Ashi candles (`HA`), as TA-Lib 0.8.1 computes them; lookback 0.
///
/// `haclose = (open + high + low + close) / 4`; `haopen = (haopen[t-1] + haclose[t-1]) / 2`, seeded on the
/// first bar with `(open + close) / 2`; `hahigh = max(high, haopen, haclose)`, `halow = min(low, haopen, haclose)`.
/// Outputs in TA-Lib's order: haopen, hahigh, halow, haclose. Path-dependent: the first bar fed is the seed.
public struct HeikinAshiState: StreamingIndicator {
    @usableFromInline var previousOpen = Double.nan
    @usableFromInline var previousClose = Double.nan
    @usableFromInline var started = false

    /// A fresh state.
    public init() {}

    /// Always 0.
    public static func lookback() -> Int { 0 }

    /// The Heikin-Ashi candle of one bar.
    @inlinable
    public mutating func update(open: Double, high: Double, low: Double, close: Double)
        -> (open: Double, high: Double, low: Double, close: Double) {
        let haClose = (open + high + low + close) / 4
        let haOpen = started ? (previousOpen + previousClose) / 2 : (open + close) / 2
        started = true
        previousOpen = haOpen
        previousClose = haClose
        let haHigh = Swift.max(high, Swift.max(haOpen, haClose))
        let haLow = Swift.min(low, Swift.min(haOpen, haClose))
        return (haOpen, haHigh, haLow, haClose)
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        let c = update(open: bar.open, high: bar.high, low: bar.low, close: bar.close)
        out.v0 = c.open
        out.v1 = c.high
        out.v2 = c.low
        out.v3 = c.close
        return true
    }
}
