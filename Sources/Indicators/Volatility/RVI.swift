/// Relative volatility index (Dorsey), TA-Lib 0.8's form.
///
/// `sigma[t]` = population standard deviation of the last `stdDevPeriod` inputs (two-pass, O(stdDevPeriod)); it goes to the "up" leg
/// when `x[t] > x[t-1]`, to the "down" leg when lower (a tie feeds neither). Each leg is Wilder-smoothed
/// over `period` (seeded with the plain average of its first `period` values);
/// `RVI = 100 * up / (up + down)`, 50 when both are 0. First value at bar `stdDevPeriod - 1 + period - 1`.
public struct RVIState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    /// The standard-deviation window, in bars.
    public let stdDevPeriod: Int
    @usableFromInline let beta: Double
    @usableFromInline let alpha: Double
    @usableFromInline var window: RingBuffer
    @usableFromInline var previous = 0.0
    @usableFromInline var hasPrevious = false
    @usableFromInline var seeded = 0
    @usableFromInline var up = 0.0
    @usableFromInline var down = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, stdDevPeriod: Int) {
        self.period = max(1, period)
        self.stdDevPeriod = max(2, stdDevPeriod)
        beta = Double(self.period - 1) / Double(self.period)
        alpha = 1.0 - beta
        window = RingBuffer(capacity: self.stdDevPeriod)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int, stdDevPeriod: Int) -> Int { max(2, stdDevPeriod) - 1 + max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        let delta = x - previous
        let hadPrevious = hasPrevious
        previous = x
        hasPrevious = true
        window.pushInline(x)
        guard window.isFull, hadPrevious else { return nil }
        // Two passes over the window: the mean, then the squared deviations. The running
        // sum-of-squares form loses too many digits on short windows of large prices.
        // (`WindowSums`' order: four interleaved partial sums.)
        let w = window
        let sigma = WindowSums.standardDeviation(count: w.count) { w[$0] }
        let upValue = delta > 0 ? sigma : 0.0
        let downValue = delta < 0 ? sigma : 0.0
        if seeded < period {
            up += upValue
            down += downValue
            seeded += 1
            guard seeded == period else { return nil }
            up /= Double(period)
            down /= Double(period)
        } else {
            up = alpha * upValue + beta * up
            down = alpha * downValue + beta * down
        }
        let total = up + down
        return total == 0 ? 50.0 : 100.0 * (up / total)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
