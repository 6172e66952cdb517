/// Williams' Accumulation/Distribution (Achelis' form, no volume), as TA-Lib 0.8.1.
///
/// With `prevClose` the previous close: if `close > prevClose` add `close - min(low, prevClose)`; if
/// `close < prevClose` add `close - max(high, prevClose)`; otherwise add nothing. The first bar is measured against
/// itself, so the line starts at 0 (lookback 0).
public struct WADState: StreamingIndicator {
    @usableFromInline var total = 0.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var started = false

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one bar; returns the running total.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        if !started {
            started = true
            previousClose = close
        }
        if close > previousClose {
            total += close - (previousClose < low ? previousClose : low)
        } else if close < previousClose {
            total += close - (previousClose > high ? previousClose : high)
        }
        previousClose = close
        return total
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(high: bar.high, low: bar.low, close: bar.close)
        return true
    }
}
