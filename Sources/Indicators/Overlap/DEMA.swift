/// Double exponential moving average (Mulloy): `DEMA = 2*EMA(x) - EMA(EMA(x))`.
///
/// Both EMAs use `k = 2 / (period + 1)` and TA-Lib's SMA seeding; the second EMA starts on the first
/// value of the first, so the first DEMA is at bar `2 * (period - 1)`.
public struct DEMAState: StreamingIndicator {
    @usableFromInline var ema1: EMAState
    @usableFromInline var ema2: EMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        ema1 = EMAState(period: max(1, period))
        ema2 = EMAState(period: max(1, period))
    }

    /// Leading bars with no output: `2 * (period - 1)`.
    public static func lookback(period: Int) -> Int { 2 * (max(1, period) - 1) }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        guard let e1 = ema1.update(x), let e2 = ema2.update(e1) else { return nil }
        return 2.0 * e1 - e2
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Triple exponential moving average (Mulloy): `TEMA = 3*EMA1 - 3*EMA2 + EMA3`, each EMA of the previous.
///
/// First value at bar `3 * (period - 1)`; every EMA seeded with the SMA of its first `period` inputs (TA-Lib).
public struct TEMAState: StreamingIndicator {
    @usableFromInline var ema1: EMAState
    @usableFromInline var ema2: EMAState
    @usableFromInline var ema3: EMAState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        ema1 = EMAState(period: max(1, period))
        ema2 = EMAState(period: max(1, period))
        ema3 = EMAState(period: max(1, period))
    }

    /// Leading bars with no output: `3 * (period - 1)`.
    public static func lookback(period: Int) -> Int { 3 * (max(1, period) - 1) }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        guard let e1 = ema1.update(x), let e2 = ema2.update(e1), let e3 = ema3.update(e2) else { return nil }
        return (3.0 * e1) - (3.0 * e2) + e3
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
