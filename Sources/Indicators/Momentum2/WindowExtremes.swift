/// The highest high and lowest low of the last `period` bars, kept in two monotonic deques
/// (O(1) amortised per bar). Shared by the stochastic family, WILLR and SMI.
///
/// Only the values matter to these functions, so TA-Lib's tie rule for indices plays no part here.
@usableFromInline
struct WindowExtremes: Sendable {
    @usableFromInline var highs = MonotonicDeque(max: true, latestOnTie: true)
    @usableFromInline var lows = MonotonicDeque(max: false, latestOnTie: true)
    @usableFromInline let period: Int
    @usableFromInline var index = 0

    /// - Parameter period: window length in bars; values below 1 are treated as 1.
    @usableFromInline
    init(period: Int) { self.period = max(1, period) }

    /// Adds one bar; returns whether the window now holds `period` bars.
    @inlinable
    mutating func push(high: Double, low: Double) -> Bool {
        let oldest = index - period + 1
        highs.push(index: index, value: high, oldest: oldest)
        lows.push(index: index, value: low, oldest: oldest)
        index += 1
        return index >= period
    }

    @inlinable var highest: Double { highs.value }
    @inlinable var lowest: Double { lows.value }
}

/// TA-Lib's EMA step in the fused form its newer functions (SMI, TSI) use:
/// `k * x + beta * previous` with `beta = (period - 1) / (period + 1)` and `k = 1 - beta`, seeded with the
/// simple average of the first `period` inputs.
@usableFromInline
struct FusedEMA: Sendable {
    @usableFromInline let period: Int
    @usableFromInline let k: Double
    @usableFromInline let beta: Double
    @usableFromInline var seen = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var value = 0.0

    @usableFromInline
    init(period: Int) {
        let p = max(1, period)
        self.period = p
        let b = Double(p - 1) / Double(p + 1)
        k = 1.0 - b
        beta = 1.0 - k
    }

    /// Feeds one value; returns the average once `period` values have been seen.
    @inlinable
    mutating func update(_ x: Double) -> Double? {
        if seen >= period {
            value = (k * x).addingProduct(beta, value)
            return value
        }
        seen += 1
        sum += x
        if seen == period {
            value = sum / Double(period)
            return value
        }
        return nil
    }
}
