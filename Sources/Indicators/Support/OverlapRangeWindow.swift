/// Running highest and lowest value over the last `period` bars, O(1) amortised (monotonic deques).
@usableFromInline
struct OverlapRangeWindow: Sendable {
    @usableFromInline let period: Int
    @usableFromInline var highs = MonotonicDeque(max: true, latestOnTie: true)
    @usableFromInline var lows = MonotonicDeque(max: false, latestOnTie: true)
    @usableFromInline var index = 0

    @usableFromInline init(period: Int) { self.period = max(1, period) }

    /// Adds one bar's high and low; returns the window's (highest high, lowest low) once `period` bars are in.
    @inlinable
    mutating func push(high: Double, low: Double) -> (highest: Double, lowest: Double)? {
        let oldest = index - period + 1
        highs.push(index: index, value: high, oldest: oldest)
        lows.push(index: index, value: low, oldest: oldest)
        index += 1
        guard oldest >= 0 else { return nil }
        return (highs.value, lows.value)
    }
}
