/// True range: `max(high, prevClose) - min(low, prevClose)`, computed as TA-Lib does:
/// the largest of `high - low`, `|prevClose - high|` and `|prevClose - low|`. First value at bar 1.
public struct TRANGEState: StreamingIndicator {
    @usableFromInline var prevClose = 0.0
    @usableFromInline var hasPrevious = false

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init() {}

    /// Leading bars with no output: 1 (the first bar has no previous close).
    public static func lookback() -> Int { 1 }

    /// The true range of one bar against the previous close, in TA-Lib's order of comparisons.
    @inlinable
    public static func trueRange(high: Double, low: Double, previousClose: Double) -> Double {
        var greatest = high - low
        let val2 = abs(previousClose - high)
        if val2 > greatest { greatest = val2 }
        let val3 = abs(previousClose - low)
        if val3 > greatest { greatest = val3 }
        return greatest
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        defer { prevClose = close; hasPrevious = true }
        guard hasPrevious else { return nil }
        return TRANGEState.trueRange(high: high, low: low, previousClose: prevClose)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Average true range (Wilder): the SMA of the first `period` true ranges (bars 1 ... period), then
/// `ATR[t] = alpha * TR[t] + beta * ATR[t-1]` with `beta = (period - 1) / period`, `alpha = 1 - beta`, as
/// TA-Lib 0.8 computes it (the same average as `(ATR[t-1] * (period - 1) + TR[t]) / period`), stepped two
/// bars at a time (`PairedSmoothing`), so no division and only one product and sum per two bars lie on the
/// chain from bar to bar. First value at bar `period`; a period of 1 gives the true range itself.
public struct ATRState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline var trueRange = TRANGEState()
    @usableFromInline var count = 0
    @usableFromInline var sum = 0.0
    /// Wilder's weights `beta = (period - 1) / period`, `alpha = 1 - beta`, stepped two bars at a time.
    @usableFromInline var smoothing: PairedSmoothing

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        let beta = Double(self.period - 1) / Double(self.period)
        smoothing = PairedSmoothing(alpha: 1.0 - beta, beta: beta)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { max(1, period) }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        guard let tr = trueRange.update(high: high, low: low, close: close) else { return nil }
        if period == 1 { return tr }
        if count < period {
            count += 1
            sum += tr
            guard count == period else { return nil }
            smoothing.seed(sum / Double(period))
            return smoothing.value
        }
        return smoothing.update(tr)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Normalized ATR: `100 * ATR / close` (0 where the close is within 1e-8 of zero, as TA-Lib).
/// With a period of 1 TA-Lib gives the true range itself, and so does this.
public struct NATRState: StreamingIndicator {
    @usableFromInline var atr: ATRState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) { atr = ATRState(period: period) }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { ATRState.lookback(period: period) }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        guard let a = atr.update(high: high, low: low, close: close) else { return nil }
        // Compatibility: TA-Lib's NATR with a period of 1 returns the plain true range, not normalised.
        if atr.period == 1 { return a }
        return (close > -1e-8 && close < 1e-8) ? 0.0 : (a / close) * 100.0
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
