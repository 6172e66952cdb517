/// Williams' %R: where the close sits in the last `period` bars' range, on a 0 ... -100 scale.
///
/// TA-Lib's form: `diff = (highest high - lowest low) / -100`; `WILLR = (highest high - close) / diff`, 0 where
/// the range is flat relative to the prices (`isFlatRange`, TA-Lib 0.8.1's rule). First value at bar `period - 1`.
/// Window extremes by the block method of `RollingExtreme`, O(1) amortised.
public struct WILLRState: StreamingIndicator {
    @usableFromInline var extremes: WindowExtremes

    /// - Parameter period: window length (TA-Lib range 2...100000; values below 1 are treated as 1).
    public init(period: Int = 14) {
        extremes = WindowExtremes(period: period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one bar; returns %R once `period` bars have been seen.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        guard extremes.push(high: high, low: low) else { return nil }
        let hh = extremes.highest, ll = extremes.lowest
        if isFlatRange(highest: hh, lowest: ll) { return 0 }
        return (hh - close) / ((hh - ll) / -100.0)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
