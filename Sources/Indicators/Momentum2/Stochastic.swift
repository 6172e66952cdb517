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
    /// The single-buffer path for identity/SMA/EMA smoothing (nil for other types).
    @usableFromInline var core: StochasticCore?

    /// - Parameters: periods as TA-Lib (fastK 1...100000, slowK 1...100000, slowD 1...100000).
    public init(fastKPeriod: Int = 5, slowKPeriod: Int = 3, slowKType: MAType = .sma,
                slowDPeriod: Int = 3, slowDType: MAType = .sma) {
        core = StochasticCore(period: fastKPeriod, first: slowKType, firstPeriod: slowKPeriod, second: slowDType,
                              secondPeriod: slowDPeriod)
        extremes = WindowExtremes(period: core == nil ? fastKPeriod : 1)
        slowK = Smoother(slowKType, period: core == nil ? max(1, slowKPeriod) : 1, functionDefault: .sma)
        slowD = Smoother(slowDType, period: core == nil ? max(1, slowDPeriod) : 1, functionDefault: .sma)
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
        if core != nil {
            guard let v = core?.update(high: high, low: low, close: close), let sk = v.first, let sd = v.second else { return nil }
            return (sk, sd)
        }
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
    /// The single-buffer path for identity/SMA/EMA smoothing (nil for other types).
    @usableFromInline var core: StochasticCore?

    /// - Parameters: periods as TA-Lib (fastK 1...100000, fastD 1...100000).
    public init(fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) {
        core = StochasticCore(period: fastKPeriod, first: fastDType, firstPeriod: fastDPeriod, second: .sma, secondPeriod: 1)
        extremes = WindowExtremes(period: core == nil ? fastKPeriod : 1)
        fastD = Smoother(fastDType, period: core == nil ? max(1, fastDPeriod) : 1, functionDefault: .sma)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastKPeriod: Int = 5, fastDPeriod: Int = 3, fastDType: MAType = .sma) -> Int {
        fastKPeriod - 1 + MovingAverageState.lookback(fastDType, period: fastDPeriod, functionDefault: .sma)
    }

    /// Feeds one bar; returns `(fastK, fastD)` once both are defined.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (fastK: Double, fastD: Double)? {
        if core != nil {
            guard let v = core?.update(high: high, low: low, close: close), let d = v.first else { return nil }
            return (v.k, d)
        }
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

/// The streaming core of STOCH and STOCHF when their smoothing is the identity, SMA or EMA (every default):
/// the same values as `WindowExtremes` + `Smoother` (`RollingExtreme`'s block method, `RunningMean`'s order,
/// `EMAState`), with both extreme blocks, their suffixes and the SMA rings in one array, so an update pays one
/// copy-on-write check instead of one per ring, and no enum dispatch.
@usableFromInline
struct StochasticCore: Sendable {
    @usableFromInline var storage: [Double]
    @usableFromInline let period: Int
    @usableFromInline let first: InlineAverage, second: InlineAverage
    @usableFromInline let firstPeriod: Int, secondPeriod: Int
    @usableFromInline let firstValue: Double, secondValue: Double
    @usableFromInline var offset = 0
    @usableFromInline var seen = 0
    @usableFromInline var prefixHigh = 0.0, prefixLow = 0.0
    @usableFromInline var firstTotal = 0.0, firstCount = 0, firstSlot = 0
    @usableFromInline var secondTotal = 0.0, secondCount = 0, secondSlot = 0
    @usableFromInline var firstEMA: EMAState, secondEMA: EMAState

    /// nil when a smoothing type has no inline form (the caller keeps the general path).
    @usableFromInline
    init?(period: Int, first: MAType, firstPeriod: Int, second: MAType, secondPeriod: Int) {
        let p1 = max(1, firstPeriod), p2 = max(1, secondPeriod)
        guard let a = InlineAverage(first, period: p1, functionDefault: .sma),
              let b = InlineAverage(second, period: p2, functionDefault: .sma) else { return nil }
        self.period = max(1, period)
        self.first = a
        self.second = b
        self.firstPeriod = p1
        self.secondPeriod = p2
        firstValue = Double(p1)
        secondValue = Double(p2)
        firstEMA = EMAState(period: a == .ema ? p1 : 1)
        secondEMA = EMAState(period: b == .ema ? p2 : 1)
        let p = self.period
        storage = [Double](repeating: 0, count: 4 * p + p1 + p2)
        for j in 0..<p {
            storage[p + j] = -.infinity
            storage[3 * p + j] = .infinity
        }
    }

    /// Feeds one bar; returns the raw %K and its first and second smoothing (nil until each is defined).
    @inlinable
    mutating func update(high: Double, low: Double, close: Double) -> (k: Double, first: Double?, second: Double?)? {
        var buffer: [Double] = []
        swap(&buffer, &storage)
        defer { swap(&buffer, &storage) }
        return buffer.withUnsafeMutableBufferPointer { b -> (k: Double, first: Double?, second: Double?)? in
            guard let base = b.baseAddress else { return nil }
            let p = period
            let blockHigh = base, suffixHigh = base + p, blockLow = base + 2 * p, suffixLow = base + 3 * p
            blockHigh[offset] = high
            blockLow[offset] = low
            prefixHigh = offset == 0 ? high : (high > prefixHigh ? high : prefixHigh)
            prefixLow = offset == 0 ? low : (low < prefixLow ? low : prefixLow)
            let next = offset + 1
            var highest = prefixHigh, lowest = prefixLow
            if next < p {
                let sh = suffixHigh[next], sl = suffixLow[next]
                highest = prefixHigh > sh ? prefixHigh : sh
                lowest = prefixLow < sl ? prefixLow : sl
                offset = next
            } else {
                var rh = blockHigh[p - 1], rl = blockLow[p - 1]
                suffixHigh[p - 1] = rh
                suffixLow[p - 1] = rl
                var j = p - 2
                while j >= 0 {
                    let a = blockHigh[j], c = blockLow[j]
                    rh = a > rh ? a : rh
                    rl = c < rl ? c : rl
                    suffixHigh[j] = rh
                    suffixLow[j] = rl
                    j -= 1
                }
                offset = 0
            }
            if seen < p { seen += 1 }
            guard seen == p else { return nil }
            let k = stochasticRawK(close: close, highest: highest, lowest: lowest)
            let rings = base + 4 * p
            guard let f = Self.smooth(first, k, rings, firstPeriod, firstValue, &firstTotal, &firstCount, &firstSlot, &firstEMA) else {
                return (k, nil, nil)
            }
            let s = Self.smooth(second, f, rings + firstPeriod, secondPeriod, secondValue, &secondTotal, &secondCount, &secondSlot,
                           &secondEMA)
            return (k, f, s)
        }
    }

    @inlinable
    static func smooth(_ kind: InlineAverage, _ x: Double, _ ring: UnsafeMutablePointer<Double>, _ p: Int, _ pv: Double,
                _ total: inout Double, _ count: inout Int, _ slot: inout Int, _ ema: inout EMAState) -> Double? {
        switch kind {
        case .identity: return x
        case .ema: return ema.update(x)
        case .sma:
            total += x
            if count == p { total -= ring[slot] } else { count += 1 }
            ring[slot] = x
            slot = slot + 1 == p ? 0 : slot + 1
            return count == p ? total / pv : nil
        }
    }
}
