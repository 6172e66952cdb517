/// Rolling variance of the last `period` values as TA-Lib 0.8.1 computes it (`VAR`); first value at bar
/// `period - 1`.
///
/// Population variance `mean(x²) - mean(x)²`, kept as running sums of deviations from a *shift* near the
/// window (TA-Lib issue #118), so the two terms are at variance scale and do not cancel. The shift starts at
/// the first value and is re-anchored at the window mean, with both sums rebuilt, when the variance falls
/// below 1e-6 of the mean squared deviation, when the value that just left was an outlier (its squared
/// deviation above 1e6 times the remaining sum), or every `32 * period` bars. After a rebuild a variance
/// below 1e-12 of that scale is clamped to 0, so the output is never negative. All of this is TA-Lib's
/// numerical scheme, reproduced step for step so the results agree to the last bits.
public struct VarianceState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline let invPeriod: Double
    @usableFromInline var window: RingBuffer
    @usableFromInline var shift = 0.0
    @usableFromInline var total1 = 0.0
    @usableFromInline var total2 = 0.0
    @usableFromInline var barsSinceReseed: Int
    @usableFromInline var started = false

    /// - Parameter period: bars in the window, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        invPeriod = 1.0 / Double(self.period)
        window = RingBuffer(capacity: self.period)
        barsSinceReseed = 32 * self.period
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; returns the variance of the last `period` values once there are that many.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        if !started {
            started = true
            shift = x   // TA-Lib anchors on the first window value
        }
        window.push(x)
        var d = x - shift
        total1 += d
        total2 += d * d
        guard window.isFull else { return nil }

        let mean = total1 * invPeriod
        var variance = total2 * invPeriod - mean * mean
        // Take off the value that leaves with the next bar.
        d = window[0] - shift
        total1 -= d
        let leaving = d * d
        total2 -= leaving

        barsSinceReseed -= 1
        if variance < 0.000001 * (total2 * invPeriod) || leaving > 1_000_000.0 * total2 || barsSinceReseed <= 0 {
            barsSinceReseed = 32 * period
            var sum = 0.0
            for i in 0..<period { sum += window[i] }
            shift = sum * invPeriod
            total1 = 0
            total2 = 0
            for i in 0..<period {
                let e = window[i] - shift
                total1 += e
                total2 += e * e
            }
            let m = total1 * invPeriod
            variance = total2 * invPeriod - m * m
            if variance < 0.000000000001 * (total2 * invPeriod) { variance = 0 }
            let e = window[0] - shift
            total1 -= e
            total2 -= e * e
        }
        return variance
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Rolling standard deviation (`STDDEV`): `sqrt(VAR) * nbdev` over the last `period` values; first value at
/// bar `period - 1`. The variance is `VarianceState`'s (never negative), so the root is taken unconditionally,
/// as TA-Lib 0.8.1 does.
public struct StandardDeviationState: StreamingIndicator {
    /// The multiplier `nbdev` applied to the standard deviation.
    public let deviations: Double
    @usableFromInline var variance: VarianceState

    /// - Parameters:
    ///   - period: bars in the window, at least 1 (TA-Lib's range for STDDEV is 2...100000).
    ///   - deviations: the multiplier `nbdev`.
    public init(period: Int, deviations: Double = 1) {
        self.deviations = deviations
        variance = VarianceState(period: period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; returns `sqrt(variance) * nbdev` once the window is full.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let v = variance.update(x) else { return nil }
        return v.squareRoot() * deviations
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
