/// Stochastic Momentum Index (Blau), as TA-Lib 0.8.1 computes it.
///
/// Over the last `period` bars: `num = close - (highest high + lowest low) / 2`, `den = highest high - lowest low`.
/// Both are smoothed by an EMA of `slowPeriod`, then by an EMA of `fastPeriod` (each stage seeded with the mean of
/// its first inputs, with TA-Lib's fused step `k*x + (1-k)*prev`); `SMI = 100 * num'' / (den'' / 2)`, 0 where
/// `den''` is not positive (tested exactly); `smisignal = EMA(SMI, signalPeriod)`.
/// Both outputs from bar `period - 1 + (slow - 1) + (fast - 1) + (signal - 1)` on (45 with defaults 13, 2, 25, 9).
public struct SMIState: StreamingIndicator {
    @usableFromInline var extremes: WindowExtremes
    @usableFromInline var slowNumerator: FusedEMA
    @usableFromInline var slowDenominator: FusedEMA
    @usableFromInline var fastNumerator: FusedEMA
    @usableFromInline var fastDenominator: FusedEMA
    @usableFromInline var signal: FusedEMA

    /// - Parameters: TA-Lib's periods, each 2...100000 (values below 1 are treated as 1).
    public init(period: Int = 13, fastPeriod: Int = 2, slowPeriod: Int = 25, signalPeriod: Int = 9) {
        extremes = WindowExtremes(period: period)
        slowNumerator = FusedEMA(period: slowPeriod)
        slowDenominator = FusedEMA(period: slowPeriod)
        fastNumerator = FusedEMA(period: fastPeriod)
        fastDenominator = FusedEMA(period: fastPeriod)
        signal = FusedEMA(period: signalPeriod)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int = 13, fastPeriod: Int = 2, slowPeriod: Int = 25, signalPeriod: Int = 9) -> Int {
        period - 1 + slowPeriod - 1 + fastPeriod - 1 + signalPeriod - 1
    }

    /// Feeds one bar; returns `(smi, signal)` once the signal line is defined.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (smi: Double, signal: Double)? {
        guard extremes.push(high: high, low: low) else { return nil }
        let hh = extremes.highest, ll = extremes.lowest
        let num = close - (hh + ll) * 0.5
        let den = hh - ll
        // Both lines of a stage are updated every bar (no short-circuit between them).
        let sn = slowNumerator.update(num), sd = slowDenominator.update(den)
        guard let sn, let sd else { return nil }
        let fn = fastNumerator.update(sn), fd = fastDenominator.update(sd)
        guard let fn, let fd else { return nil }
        let half = 0.5 * fd
        let smi = half > 0 ? 100.0 * fn / half : 0
        guard let s = signal.update(smi) else { return nil }
        return (smi, s)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.smi
        out.v1 = v.signal
        return true
    }
}
