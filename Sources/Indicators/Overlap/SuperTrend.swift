/// SuperTrend, TA-Lib 0.8's form. Outputs the line (`supertrend`) and the trend (`trend`: 1 up, -1 down).
///
/// `ATR` is Wilder's over `period` (first at bar `period`); basic bands `(high + low)/2 ± multiplier*ATR`.
/// Each final band ratchets toward price and is released only by a previous close on its far side:
/// `upper = basicUpper if basicUpper < upper[t-1] or close[t-1] > upper[t-1]`, and mirror for `lower`.
/// The trend turns down when the close falls below the lower band and up when it rises above the upper band;
/// the line is the lower band in an uptrend, the upper band in a downtrend. TA-Lib's convention for the
/// first bar: both bands unclamped and the trend up.
public struct SUPERTRENDState: StreamingIndicator {
    /// The ATR multiplier of the bands.
    public let multiplier: Double
    @usableFromInline var atr: ATRState
    @usableFromInline var started = false
    @usableFromInline var isUptrend = true
    @usableFromInline var finalUpper = 0.0
    @usableFromInline var finalLower = 0.0
    @usableFromInline var prevClose = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, multiplier: Double = 3) {
        self.multiplier = multiplier
        atr = ATRState(period: max(2, period))
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { ATRState.lookback(period: max(2, period)) }

    /// Feeds one bar; returns `(line, trend)` with `trend` 1 (up) or -1 (down) once warmed up.
    @inlinable @inline(__always)
    public mutating func update(high: Double, low: Double, close: Double) -> (line: Double, trend: Int)? {
        guard let a = atr.update(high: high, low: low, close: close) else { return nil }
        let median = (high + low) / 2.0
        let band = multiplier * a
        let basicUpper = median + band
        let basicLower = median - band
        if !started {
            started = true
            finalUpper = basicUpper
            finalLower = basicLower
            isUptrend = true
            prevClose = close
            return (finalLower, 1)
        }
        if basicUpper < finalUpper || prevClose > finalUpper { finalUpper = basicUpper }
        if basicLower > finalLower || prevClose < finalLower { finalLower = basicLower }
        if isUptrend {
            if close < finalLower { isUptrend = false }
        } else if close > finalUpper {
            isUptrend = true
        }
        prevClose = close
        return isUptrend ? (finalLower, 1) : (finalUpper, -1)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else {
            // Compatibility: TA-Lib's Python interface (and so the reference) reports the integer `trend`
            // as 0, not "no value", on the warm-up bars; the line stays NaN there.
            out.v0 = .nan
            out.v1 = 0
            return true
        }
        out.v0 = v.line
        out.v1 = Double(v.trend)
        return true
    }
}
