/// TA-Lib 0.8.1's exponential smoothing: the first value is the mean of the first `period` inputs; then
/// `ema = ema + (x - ema) * k`, with `k = 2 / (period + 1)` or a fixed `k` (MACDFIX's 0.15 and 0.075).
/// Period 1 is the identity.
///
/// Compatibility choice: TA-Lib's build contracts the step into one fused multiply-add; here it is a multiply
/// then an add (within an ulp per step of TA-Lib, and the smoothing does not accumulate it: ~1e-15 relative),
/// because without an FMA instruction in the baseline x86-64 target `addingProduct` is a libm call costing
/// several times the whole update.
public struct TAExponentialSmoother: Sendable {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline let k: Double
    @usableFromInline var seen = 0
    @usableFromInline var value = 0.0

    /// The usual smoothing factor `k = 2 / (period + 1)`.
    public init(period: Int) {
        self.period = period
        k = 2.0 / Double(period + 1)
    }

    /// A fixed smoothing factor `k`, seeded with the mean of the first `period` values.
    public init(period: Int, k fixedK: Double) {
        self.period = period
        k = fixedK
    }

    /// Feeds one value; returns the average from the `period`-th value on.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        if seen >= period {
            value = period == 1 ? x : value + (x - value) * k
            return value
        }
        seen += 1
        value += x
        if seen == period {
            value /= Double(period)
            return value
        }
        return nil
    }
}

/// The smoothers a MACD signal line runs on: TA-Lib's EMA (MACD, MACDFIX) or any moving average (MACDEXT).
@usableFromInline
protocol SignalLineSmoother: Sendable {
    mutating func update(_ x: Double) -> Double?
}

extension TAExponentialSmoother: SignalLineSmoother {}
extension MovingAverageState: SignalLineSmoother {}

/// The tail MACD, MACDFIX and MACDEXT share: `macd = fast - slow` once both averages exist, its signal line,
/// and `hist = macd - signal`, or nil while any of them warms up. (The batch kernels share
/// `MomentumKernels.macdTail` the same way.)
@inlinable
func macdSignalLine<S: SignalLineSmoother>(fast: Double?, slow: Double?, signal: inout S)
    -> (macd: Double, signal: Double, hist: Double)? {
    guard let fast, let slow else { return nil }
    let macd = fast - slow
    guard let sig = signal.update(macd) else { return nil }
    return (macd, sig, macd - sig)
}

/// MACD: `macd = EMA(fast) - EMA(slow)`, `signal = EMA(macd, signalPeriod)`, `hist = macd - signal`.
///
/// TA-Lib's alignment: both EMAs give their first value on the same bar, `slow - 1`, so the fast EMA is seeded
/// with the mean of the `fast` inputs ending there (the first `slow - fast` bars do not reach it). The signal
/// EMA is seeded with the mean of the first `signalPeriod` MACD values. Outputs from bar
/// `slow - 1 + signalPeriod - 1`. Periods are swapped when `slow < fast`, as TA-Lib does.
/// MACDFIX is this with fixed factors `k = 0.15` (fast 12) and `k = 0.075` (slow 26).
public struct MACDState: StreamingIndicator {
    @usableFromInline var fast: TAExponentialSmoother
    @usableFromInline var slow: TAExponentialSmoother
    @usableFromInline var signal: TAExponentialSmoother
    /// Bars before the fast EMA starts taking input.
    @usableFromInline var fastDelay: Int

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) {
        let (f, s) = slowPeriod < fastPeriod ? (slowPeriod, fastPeriod) : (fastPeriod, slowPeriod)
        fast = TAExponentialSmoother(period: f)
        slow = TAExponentialSmoother(period: s)
        signal = TAExponentialSmoother(period: signalPeriod)
        fastDelay = s - f
    }

    /// MACDFIX: fast 12 / slow 26 with TA-Lib's fixed factors 0.15 and 0.075.
    public static func fixed(signalPeriod: Int = 9) -> MACDState {
        var m = MACDState(fastPeriod: 12, slowPeriod: 26, signalPeriod: signalPeriod)
        m.fast = TAExponentialSmoother(period: 12, k: 0.15)
        m.slow = TAExponentialSmoother(period: 26, k: 0.075)
        return m
    }

    /// Leading bars with no output: `max(fast, slow) - 1 + signalPeriod - 1`.
    public static func lookback(fastPeriod: Int = 12, slowPeriod: Int = 26, signalPeriod: Int = 9) -> Int {
        max(fastPeriod, slowPeriod) - 1 + signalPeriod - 1
    }

    /// Feeds one close; returns MACD, its signal line and the histogram once warmed up.
    @inlinable
    public mutating func update(_ close: Double) -> (macd: Double, signal: Double, hist: Double)? {
        let s = slow.update(close)
        var f: Double? = nil
        if fastDelay > 0 { fastDelay -= 1 } else { f = fast.update(close) }
        return macdSignalLine(fast: f, slow: s, signal: &signal)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.macd
        out.v1 = v.signal
        out.v2 = v.hist
        return true
    }
}

/// MACDEXT: MACD with a moving-average type per line.
///
/// `macd = MA(fast) - MA(slow)`, `signal = MA(macd)`, `hist = macd - signal`. As TA-Lib, each of the two price
/// averages starts taking input so that both give their first value on the same bar (the longer lookback);
/// periods and types are swapped together when `slow < fast`.
public struct MACDExtState: StreamingIndicator {
    @usableFromInline var fast: MovingAverageState
    @usableFromInline var slow: MovingAverageState
    @usableFromInline var signal: MovingAverageState
    @usableFromInline var fastDelay: Int
    @usableFromInline var slowDelay: Int

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastPeriod: Int = 12, fastType: MAType = .sma, slowPeriod: Int = 26, slowType: MAType = .sma,
                signalPeriod: Int = 9, signalType: MAType = .sma) {
        var (fp, ft, sp, st) = (fastPeriod, fastType, slowPeriod, slowType)
        if sp < fp { (fp, ft, sp, st) = (sp, st, fp, ft) }
        fast = MovingAverageState(ft, period: fp)
        slow = MovingAverageState(st, period: sp)
        signal = MovingAverageState(signalType, period: signalPeriod)
        let lf = MovingAverageState.lookback(ft, period: fp)
        let ls = MovingAverageState.lookback(st, period: sp)
        let largest = max(lf, ls)
        fastDelay = largest - lf
        slowDelay = largest - ls
    }

    /// Leading bars with no output: the larger price-average lookback plus the signal's.
    public static func lookback(fastPeriod: Int = 12, fastType: MAType = .sma, slowPeriod: Int = 26,
                                slowType: MAType = .sma, signalPeriod: Int = 9, signalType: MAType = .sma) -> Int {
        max(MovingAverageState.lookback(fastType, period: fastPeriod), MovingAverageState.lookback(slowType, period: slowPeriod))
            + MovingAverageState.lookback(signalType, period: signalPeriod)
    }

    /// Feeds one close; returns MACD, its signal line and the histogram once warmed up.
    @inlinable
    public mutating func update(_ close: Double) -> (macd: Double, signal: Double, hist: Double)? {
        var f: Double? = nil
        var s: Double? = nil
        if fastDelay > 0 { fastDelay -= 1 } else { f = fast.update(close) }
        if slowDelay > 0 { slowDelay -= 1 } else { s = slow.update(close) }
        return macdSignalLine(fast: f, slow: s, signal: &signal)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.macd
        out.v1 = v.signal
        out.v2 = v.hist
        return true
    }
}

/// APO: absolute price oscillator, `MA(fast) - MA(slow)` of one moving-average type.
///
/// As TA-Lib 0.8.1, the periods are swapped when `slow < fast`, and each average runs over the whole series
/// from the first bar (unlike MACD, the fast EMA is not re-seeded to line up with the slow one).
/// First value at the slow average's lookback.
public struct APOState: StreamingIndicator {
    @usableFromInline var fast: MovingAverageState
    @usableFromInline var slow: MovingAverageState

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) {
        let (f, s) = slowPeriod < fastPeriod ? (slowPeriod, fastPeriod) : (fastPeriod, slowPeriod)
        // matype 11 ("the function's own default") means EMA for APO, as in TA-Lib.
        fast = MovingAverageState(type, period: f, functionDefault: .ema)
        slow = MovingAverageState(type, period: s, functionDefault: .ema)
    }

    /// Leading bars with no output: the lookback of the slower average.
    public static func lookback(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) -> Int {
        MovingAverageState.lookback(type, period: max(fastPeriod, slowPeriod), functionDefault: .ema)
    }

    /// Feeds one close; returns `fast - slow` once warmed up.
    @inlinable
    public mutating func update(_ close: Double) -> Double? {
        let f = fast.update(close)
        let s = slow.update(close)
        guard let f, let s else { return nil }
        return f - s
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
