/// Average (mean absolute) deviation (`AVGDEV`) of the last `period` closes; first value at bar `period - 1`.
///
/// `mean = (x[t-period+1] + ... + x[t]) / period`, `AVGDEV[t] = (|x[t-period+1] - mean| + ... + |x[t] - mean|) / period`.
/// The mean moves with every bar, so each update re-reads the window: O(period), summed in `WindowSums`' order
/// (four interleaved partial sums; the same values as a left-to-right sum up to rounding).
public struct AverageDeviationState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline var window: RingBuffer

    /// - Parameter period: bars in the window, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; returns the average deviation once the window is full.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        window.pushInline(x)
        guard window.isFull else { return nil }
        let w = window
        return WindowSums.meanAbsoluteDeviation(count: period) { w[$0] }
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
