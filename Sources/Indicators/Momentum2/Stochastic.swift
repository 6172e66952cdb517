// The stochastic family: STOCH, STOCHF and STOCHRSI.
//
// Raw %K over the last `fastKPeriod` bars (current bar included), in TA-Lib's form:
//     diff = (highest high - lowest low) / 100;  %K = (close - lowest low) / diff,
// and 0 when the range is flat *relative to the prices* (see `isFlatRange`), as TA-Lib 0.8.1 does.
// The smoothing stages are `MovingAverageState`s of the caller's type, chained from the first raw %K,
// exactly as TA-Lib runs TA_MA over the whole %K series.

/// Whether a window's range is flat for TA-Lib 0.8.1's stochastics and WILLR: `highest - lowest` at most
/// `2e-14 * max(|highest|, |lowest|)` (about 90 ulps of the prices).
///
/// Compatibility choice: TA-Lib 0.8.1 treats such a range as zero (output 0), which matters where the
/// "prices" are themselves computed, e.g. STOCHRSI over an RSI that is constant up to rounding in a flat
/// market. The constant was measured against the library (`2e-14`, to 1e-4 relative); a NaN range is not flat.
@inlinable
func isFlatRange(highest: Double, lowest: Double) -> Bool {
    highest - lowest <= 2e-14 * Swift.max(abs(highest), abs(lowest))
}

@inlinable
func stochasticRawK(close: Double, highest: Double, lowest: Double) -> Double {
    if isFlatRange(highest: highest, lowest: lowest) { return 0 }
    return (close - lowest) / ((highest - lowest) / 100.0)
}

/// Slow stochastic (STOCH): `slowK = MA(%K, slowKPeriod)`, `slowD = MA(slowK, slowDPeriod)`.
///
/// Outputs `slowk`, `slowd` at bar `fastKPeriod - 1 + lookback(slowK MA) + lookback(slowD MA)` on
/// (8 with TA-Lib's defaults 5, 3 SMA, 3 SMA). `MAType.functionDefault` means SMA.
public struct STOCHState: StreamingIndicator {
    @usableFromInline var extremes: WindowExtremes
    @usableFromInline var slowK: Smoother
    @usableFromInline var slowD: Smoother

    /// - Parameters: periods as TA-Lib (fastK 1...100000, slowK 1...100000, slowD 1...100000).
    public init(fastKPeriod: Int = 5, slowKPeriod: Int = 3, slowKType: MAType = .sma,
                slowDPeriod: Int = 3, slowDType: MAType = .sma) {
        extremes = WindowExtremes(period: fastKPeriod)
        slowK = Smoother(slowKType, period: max(1, slowKPeriod), functionDefault: .sma)
        slowD = Smoother(slowDType, period: max(1, slowDPeriod), functionDefault: .sma)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastKPeriod: Int = 5, slowKPeriod: Int = 3, slowKType: MAType = .sma,
                                slowDPeriod: Int = 3, slowDType: MAType = .sma) -> Int {
        fastKPeriod - 1 + MovingAverageState.lookback(slowKType, period: slowKPeriod, functionDefault: .sma)
            + MovingAverageState.lookback(slowDType, period: slowDPeriod, functionDefault: .sma)
    }

    /// Feeds one bar; returns `(slowK, slowD)` once both are defined.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (slowK: Double, slowD: Double)? {
        guard extremes.push(high: high, low: low) else { return nil }
        let k = stochasticRawK(close: close, highest: extremes.highest, lowest: extremes.lowest)
        guard let sk = slowK.update(k), let sd = slowD.update(sk) else { return nil }
        return (sk, sd)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.slowK
        out.v1 = v.slowD
        return true
    }
}

/// Fast stochastic (STOCHF): raw `%K` and `fastD = MA(%K, fastDPeriod)`.
///
/// Outputs `fastk`, `fastd` at bar `fastKPeriod - 1 + lookback(fastD MA)` on (6 with defaults 5, 3 SMA).
/// `MAType.functionDefault` means SMA.
public struct STOCHFState: StreamingIndicator {
    @usableFromInline var extremes: WindowExtremes
    @usableFromInline var fastD: Smoother

    /// - Parameters: periods as TA-Lib (fastK 1...100000, fastD 1...100000).
    public init(fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) {
        extremes = WindowExtremes(period: fastKPeriod)
        fastD = Smoother(fastDType, period: max(1, fastDPeriod), functionDefault: .sma)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) -> Int {
        fastKPeriod - 1 + MovingAverageState.lookback(fastDType, period: fastDPeriod, functionDefault: .sma)
    }

    /// Feeds one bar; returns `(fastK, fastD)` once both are defined.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (fastK: Double, fastD: Double)? {
        guard extremes.push(high: high, low: low) else { return nil }
        let k = stochasticRawK(close: close, highest: extremes.highest, lowest: extremes.lowest)
        guard let d = fastD.update(k) else { return nil }
        return (k, d)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.fastK
        out.v1 = v.fastD
        return true
    }
}

/// Stochastic RSI: `RSI(close, period)` fed as high, low and close into a fast stochastic (TA-Lib's STOCHRSI).
///
/// Outputs `fastk`, `fastd` at bar `period + fastKPeriod - 1 + lookback(fastD MA)` on (20 with defaults 14, 5, 3 SMA).
public struct STOCHRSIState: StreamingIndicator {
    @usableFromInline var rsi: RSIState
    @usableFromInline var stochastic: STOCHFState

    /// - Parameters: periods as TA-Lib (RSI 2...100000, fastK 1...100000, fastD 1...100000).
    public init(period: Int = 14, fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) {
        rsi = RSIState(period: period)
        stochastic = STOCHFState(fastKPeriod: fastKPeriod, fastDPeriod: fastDPeriod, fastDType: fastDType)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int = 14, fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) -> Int {
        RSIState.lookback(period: period)
            + STOCHFState.lookback(fastKPeriod: fastKPeriod, fastDPeriod: fastDPeriod, fastDType: fastDType)
    }

    /// Feeds one close; returns `(fastK, fastD)` of the RSI once both are defined.
    @inlinable
    public mutating func update(_ x: Double) -> (fastK: Double, fastD: Double)? {
        guard let r = rsi.update(x) else { return nil }
        return stochastic.update(high: r, low: r, close: r)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.fastK
        out.v1 = v.fastD
        return true
    }
}
