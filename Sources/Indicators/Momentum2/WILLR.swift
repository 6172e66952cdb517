/// Williams' %R: where the close sits in the last `period` bars' range, on a 0 ... -100 scale.
///
/// TA-Lib's form: `diff = (highest high - lowest low) / -100`; `WILLR = (highest high - close) / diff`, 0 where
/// `diff == 0`. First value at bar `period - 1`. Extremes from monotonic deques, O(1) amortised.
public struct WILLRState: StreamingIndicator {
    @usableFromInline var extremes: WindowExtremes

    /// - Parameter period: window length (TA-Lib range 2...100000; values below 1 are treated as 1).
    public init(period: Int = 14) {
        extremes = WindowExtremes(period: period)
    }

    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one bar; returns %R once `period` bars have been seen.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        guard extremes.push(high: high, low: low) else { return nil }
        let hh = extremes.highest
        let diff = (hh - extremes.lowest) / -100.0
        return diff != 0 ? (hh - close) / diff : 0
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
