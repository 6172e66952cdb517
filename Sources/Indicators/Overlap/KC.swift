/// Keltner channels, TA-Lib 0.8's form: `middle = EMA(typical price, period)`,
/// `upper/lower = middle ± nbdev * ATR(atrPeriod)`, typical price `(high + low + close) / 3`.
///
/// First value at bar `L = max(period - 1, atrPeriod)`. As TA-Lib, each leg is entered at its own
/// lookback before `L`: the EMA is seeded from bar `L - (period - 1)` and the ATR from bar `L - atrPeriod`,
/// so the shorter leg does not start at bar 0.
public struct KCState: StreamingIndicator {
    /// The ATR multiplier of the bands.
    public let deviations: Double
    @usableFromInline let emaStart: Int
    @usableFromInline let atrStart: Int
    @usableFromInline var ema: EMAState
    @usableFromInline var atr: ATRState
    @usableFromInline var index = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, atrPeriod: Int, deviations: Double = 2) {
        self.deviations = deviations
        let total = KCState.lookback(period: period, atrPeriod: atrPeriod)
        emaStart = total - EMAState.lookback(period: max(1, period))
        atrStart = total - ATRState.lookback(period: atrPeriod)
        ema = EMAState(period: max(1, period))
        atr = ATRState(period: atrPeriod)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int, atrPeriod: Int) -> Int {
        max(EMAState.lookback(period: max(1, period)), ATRState.lookback(period: atrPeriod))
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(high: Double, low: Double, close: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let i = index
        index += 1
        let middle = i >= emaStart ? ema.update((high + low + close) / 3.0) : nil
        let range = i >= atrStart ? atr.update(high: high, low: low, close: close) : nil
        guard let m = middle, let a = range else { return nil }
        let band = a * deviations
        return (m + band, m, m - band)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}
