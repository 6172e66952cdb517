/// KDJ: the stochastic oscillator with a J line, `K = MA(%K, slowK)`, `D = MA(K, slowD)`, `J = 3K - 2D`.
///
/// `%K = (C - LL) / ((HH - LL) / 100)` over the last `fastK` bars, 0 when `HH == LL` (TA-Lib's STOCH). Both
/// smoothings default to Wilder's (RMA, matype 13). First values at bar `fastK - 1 + MA lookbacks`.
public struct KDJState: StreamingIndicator {
    /// The `fastKPeriod` parameter this state was built with.
    public let fastKPeriod: Int
    @usableFromInline var highs: TAExtremeTracker
    @usableFromInline var lows: TAExtremeTracker
    @usableFromInline var slowK: MovingAverageState
    @usableFromInline var slowD: MovingAverageState

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastKPeriod: Int = 9, slowKPeriod: Int = 3, slowKType: MAType = .rma,
                slowDPeriod: Int = 3, slowDType: MAType = .rma) {
        self.fastKPeriod = fastKPeriod
        // TA-Lib's STOCH tracks the window extremes incrementally, rescanning when one leaves the window.
        highs = TAExtremeTracker(period: fastKPeriod - 1, max: true)
        lows = TAExtremeTracker(period: fastKPeriod - 1, max: false)
        slowK = MovingAverageState(slowKType, period: slowKPeriod, functionDefault: .rma)
        slowD = MovingAverageState(slowDType, period: slowDPeriod, functionDefault: .rma)
    }

    /// Leading bars with no output: `fastK - 1` plus both MA lookbacks.
    public static func lookback(fastKPeriod: Int = 9, slowKPeriod: Int = 3, slowKType: MAType = .rma,
                                slowDPeriod: Int = 3, slowDType: MAType = .rma) -> Int {
        fastKPeriod - 1 + MovingAverageState.lookback(slowKType, period: slowKPeriod, functionDefault: .rma)
            + MovingAverageState.lookback(slowDType, period: slowDPeriod, functionDefault: .rma)
    }

    /// Feeds one bar; returns (K, D, J) once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (k: Double, d: Double, j: Double)? {
        let l = lows.update(low)
        let h = highs.update(high)
        guard l != nil, h != nil else { return nil }
        let lowest = lows.value
        let diff = (highs.value - lowest) / 100.0
        let fastK = diff != 0 ? (close - lowest) / diff : 0
        guard let k = slowK.update(fastK), let d = slowD.update(k) else { return nil }
        return (k, d, 3.0 * k - 2.0 * d)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.k
        out.v1 = v.d
        out.v2 = v.j
        return true
    }
}
