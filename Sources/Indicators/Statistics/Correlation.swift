/// Pearson's correlation coefficient of two series over the last `period` bars (`CORREL`), as TA-Lib 0.8.1
/// computes it; first value at bar `period - 1`.
///
/// `r = Sxy / sqrt(Sxx * Syy)` with `Sxx = Σx² - (Σx)²/n` etc. The sums hold deviations from per-series
/// shifts (TA-Lib issue #242, the same scheme as `VarianceState`): shifts start at the first values and are
/// re-anchored at the window means with a rebuild when either sum of squares falls below 1e-6 of its raw
/// sum, when a value that left had a squared deviation above 1e6 times the remaining sum, or every
/// `32 * period` bars. Output 0 when either series is flat in the window (its sum of squares at or below
/// 1e-14 of its raw sum); the result is clamped to [-1, 1]. Reads `price0` (`bar.high`) as x and `price1`
/// (`bar.low`) as y, TA-Lib's abstract-interface mapping.
public struct CorrelationState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline let invPeriod: Double
    @usableFromInline var windowX: RingBuffer
    @usableFromInline var windowY: RingBuffer
    @usableFromInline var shiftX = 0.0
    @usableFromInline var shiftY = 0.0
    @usableFromInline var sumX = 0.0
    @usableFromInline var sumY = 0.0
    @usableFromInline var sumX2 = 0.0
    @usableFromInline var sumY2 = 0.0
    @usableFromInline var sumXY = 0.0
    @usableFromInline var leavingX = 0.0
    @usableFromInline var leavingY = 0.0
    @usableFromInline var barsSinceReseed: Int
    @usableFromInline var started = false

    /// - Parameter period: bars in the window, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        invPeriod = 1.0 / Double(self.period)
        windowX = RingBuffer(capacity: self.period)
        windowY = RingBuffer(capacity: self.period)
        barsSinceReseed = 32 * self.period
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one pair; returns the correlation of the last `period` pairs once there are that many.
    @inlinable
    public mutating func update(_ xValue: Double, _ yValue: Double) -> Double? {
        if !started {
            started = true
            shiftX = xValue
            shiftY = yValue
        }
        windowX.push(xValue)
        windowY.push(yValue)
        let x = xValue - shiftX
        let y = yValue - shiftY
        sumX += x
        sumX2 += x * x
        sumXY += x * y
        sumY += y
        sumY2 += y * y
        guard windowX.isFull else { return nil }

        var ssX = sumX2 - (sumX * sumX) * invPeriod
        var ssY = sumY2 - (sumY * sumY) * invPeriod
        var spXY = sumXY - (sumX * sumY) * invPeriod

        barsSinceReseed -= 1
        if ssX < 0.000001 * sumX2 || ssY < 0.000001 * sumY2
            || leavingX > 1_000_000.0 * sumX2 || leavingY > 1_000_000.0 * sumY2 || barsSinceReseed <= 0 {
            barsSinceReseed = 32 * period
            var totalX = 0.0
            var totalY = 0.0
            for i in 0..<period {
                totalX += windowX[i]
                totalY += windowY[i]
            }
            shiftX = totalX * invPeriod
            shiftY = totalY * invPeriod
            sumX = 0; sumY = 0; sumX2 = 0; sumY2 = 0; sumXY = 0
            for i in 0..<period {
                let a = windowX[i] - shiftX
                sumX += a
                sumX2 += a * a
                let b = windowY[i] - shiftY
                sumXY += a * b
                sumY += b
                sumY2 += b * b
            }
            ssX = sumX2 - (sumX * sumX) * invPeriod
            ssY = sumY2 - (sumY * sumY) * invPeriod
            spXY = sumXY - (sumX * sumY) * invPeriod
            if ssX < 0 { ssX = 0 }
            if ssY < 0 { ssY = 0 }
        }

        let trailingX = windowX[0] - shiftX
        let trailingY = windowY[0] - shiftY
        var r = 0.0
        if ssX > 0.00000000000001 * sumX2 && ssY > 0.00000000000001 * sumY2 {
            r = spXY / (ssX * ssY).squareRoot()
            if r > 1 { r = 1 } else if r < -1 { r = -1 }
        }
        leavingX = trailingX * trailingX
        leavingY = trailingY * trailingY
        sumX -= trailingX
        sumX2 -= leavingX
        sumXY -= trailingX * trailingY
        sumY -= trailingY
        sumY2 -= leavingY
        return r
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.high, bar.low) else { return false }
        out.v0 = v
        return true
    }
}
