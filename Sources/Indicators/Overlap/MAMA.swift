#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// MESA adaptive moving average (Ehlers), TA-Lib's implementation: outputs `mama` and `fama`.
///
/// The price is smoothed by a 4-bar WMA, run through a Hilbert transform to measure the phase; the phase
/// change sets `alpha = fastLimit / deltaPhase` clamped to `[slowLimit, fastLimit]`;
/// `MAMA = alpha*x + (1-alpha)*MAMA[t-1]`, `FAMA = alpha/2*MAMA + (1-alpha/2)*FAMA[t-1]`.
/// Both start at 0 on bar 12 (after the smoother's warm-up), so the first output TA-Lib gives is at bar 32.
/// Even and odd bars use separate filter buffers, chosen by the bar's index from the start of the series.
public struct MAMAState: StreamingIndicator {
    /// Upper limit of the adaptive factor alpha.
    public let fastLimit: Double
    /// Lower limit of the adaptive factor alpha.
    public let slowLimit: Double
    @usableFromInline var t = 0
    @usableFromInline var recent = RingBuffer(capacity: 4)
    @usableFromInline var wmaSub = 0.0
    @usableFromInline var wmaSum = 0.0
    @usableFromInline var trailingWMA = 0.0
    // The Hilbert FIR stages, one per parity, shared with the HT_* family (`HilbertTransformCore.Stage`).
    @usableFromInline var detrenderEven = HilbertTransformCore.Stage(), detrenderOdd = HilbertTransformCore.Stage()
    @usableFromInline var q1Even = HilbertTransformCore.Stage(), q1Odd = HilbertTransformCore.Stage()
    @usableFromInline var jIEven = HilbertTransformCore.Stage(), jIOdd = HilbertTransformCore.Stage()
    @usableFromInline var jQEven = HilbertTransformCore.Stage(), jQOdd = HilbertTransformCore.Stage()
    @usableFromInline var hilbertIndex = 0
    @usableFromInline var period = 0.0
    @usableFromInline var prevQ2 = 0.0, prevI2 = 0.0, re = 0.0, im = 0.0
    @usableFromInline var i1ForOddPrev2 = 0.0, i1ForOddPrev3 = 0.0, i1ForEvenPrev2 = 0.0, i1ForEvenPrev3 = 0.0
    @usableFromInline var prevPhase = 0.0
    @usableFromInline var mama = 0.0
    @usableFromInline var fama = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(fastLimit: Double = 0.5, slowLimit: Double = 0.05) {
        self.fastLimit = fastLimit
        self.slowLimit = slowLimit
    }

    /// Leading bars with no output: 32 (12 for the smoother, 20 for the transform), whatever the limits.
    public static func lookback() -> Int { 32 }

    @usableFromInline static let rad2Deg = 180.0 / (4.0 * atan(1.0))

    /// Feeds one value; returns `(mama, fama)` from bar 32 on.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> (mama: Double, fama: Double)? {
        let today = t
        t += 1
        recent.pushInline(x)
        if today < 3 {
            wmaSub += x
            wmaSum += x * Double(today + 1)
            return nil
        }
        let adjustedPrevPeriod = 0.075 * period + 0.54
        wmaSub += x
        wmaSub -= trailingWMA
        wmaSum += x * 4.0
        trailingWMA = recent[0]
        let smoothed = wmaSum * 0.1
        wmaSum -= wmaSub
        if today < 12 { return nil }

        let q2: Double, i2: Double, phase: Double
        if today % 2 == 0 {
            let detrender = detrenderEven.apply(smoothed, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let q1 = q1Even.apply(detrender, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let jI = jIEven.apply(i1ForEvenPrev3, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let jQ = jQEven.apply(q1, slot: hilbertIndex, scale: adjustedPrevPeriod)
            hilbertIndex += 1
            if hilbertIndex == 3 { hilbertIndex = 0 }
            q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
            i2 = 0.2 * (i1ForEvenPrev3 - jQ) + 0.8 * prevI2
            i1ForOddPrev3 = i1ForOddPrev2
            i1ForOddPrev2 = detrender
            phase = i1ForEvenPrev3 != 0.0 ? atan(q1 / i1ForEvenPrev3) * MAMAState.rad2Deg : 0.0
        } else {
            let detrender = detrenderOdd.apply(smoothed, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let q1 = q1Odd.apply(detrender, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let jI = jIOdd.apply(i1ForOddPrev3, slot: hilbertIndex, scale: adjustedPrevPeriod)
            let jQ = jQOdd.apply(q1, slot: hilbertIndex, scale: adjustedPrevPeriod)
            q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
            i2 = 0.2 * (i1ForOddPrev3 - jQ) + 0.8 * prevI2
            i1ForEvenPrev3 = i1ForEvenPrev2
            i1ForEvenPrev2 = detrender
            phase = i1ForOddPrev3 != 0.0 ? atan(q1 / i1ForOddPrev3) * MAMAState.rad2Deg : 0.0
        }
        var deltaPhase = prevPhase - phase
        prevPhase = phase
        if deltaPhase < 1.0 { deltaPhase = 1.0 }
        var alpha: Double
        if deltaPhase > 1.0 {
            alpha = fastLimit / deltaPhase
            if alpha < slowLimit { alpha = slowLimit }
        } else {
            alpha = fastLimit
        }
        mama = alpha * x + (1 - alpha) * mama
        alpha *= 0.5
        fama = alpha * mama + (1 - alpha) * fama

        re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * re
        im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * im
        prevQ2 = q2
        prevI2 = i2
        let previous = period
        if im != 0.0 && re != 0.0 { period = 360.0 / (atan(im / re) * MAMAState.rad2Deg) }
        if period > 1.5 * previous { period = 1.5 * previous }
        if period < 0.67 * previous { period = 0.67 * previous }
        if period < 6 { period = 6 } else if period > 50 { period = 50 }
        period = 0.2 * period + 0.8 * previous

        return today >= 32 ? (mama, fama) : nil
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.mama
        out.v1 = v.fama
        return true
    }
}
