/// The extreme (maximum or minimum) of the last `period` values, as a monotonic deque in a fixed ring of
/// `period` slots: O(1) amortised per value and no allocation after `init`.
///
/// Only values are reported, so TA-Lib's tie rule for indices plays no part; on ties the later entry is kept.
@usableFromInline
struct RollingExtreme: Sendable {
    @usableFromInline var values: [Double]
    @usableFromInline var indices: [Int]
    @usableFromInline var head = 0
    @usableFromInline var count = 0
    @usableFromInline let capacity: Int
    @usableFromInline let keepsMaximum: Bool

    @usableFromInline
    init(period: Int, maximum: Bool) {
        capacity = max(1, period)
        keepsMaximum = maximum
        values = [Double](repeating: 0, count: capacity)
        indices = [Int](repeating: 0, count: capacity)
    }

    /// Adds the value of bar `index` (bars numbered consecutively) and drops bars outside the window.
    @inlinable
    mutating func push(_ x: Double, index: Int) {
        // Drop dominated entries from the back.
        while count > 0 {
            var back = head + count - 1
            if back >= capacity { back -= capacity }
            let v = values[back]
            if keepsMaximum ? v <= x : v >= x { count -= 1 } else { break }
        }
        // Drop the front entry once it has left the window (at most one per bar).
        if count > 0 && indices[head] <= index - capacity {
            head += 1
            if head == capacity { head = 0 }
            count -= 1
        }
        var slot = head + count
        if slot >= capacity { slot -= capacity }
        values[slot] = x
        indices[slot] = index
        count += 1
    }

    /// The extreme of the window (the first value pushed, until a second arrives).
    @inlinable var value: Double { values[head] }
}

/// The highest high and lowest low of the last `period` bars. Shared by the stochastic family, WILLR and SMI.
@usableFromInline
struct WindowExtremes: Sendable {
    @usableFromInline var highs: RollingExtreme
    @usableFromInline var lows: RollingExtreme
    @usableFromInline let period: Int
    @usableFromInline var index = 0

    /// - Parameter period: window length in bars; values below 1 are treated as 1.
    @usableFromInline
    init(period: Int) {
        self.period = max(1, period)
        highs = RollingExtreme(period: self.period, maximum: true)
        lows = RollingExtreme(period: self.period, maximum: false)
    }

    /// Adds one bar; returns whether the window now holds `period` bars.
    @inlinable
    mutating func push(high: Double, low: Double) -> Bool {
        highs.push(high, index: index)
        lows.push(low, index: index)
        index += 1
        return index >= period
    }

    @inlinable var highest: Double { highs.value }
    @inlinable var lowest: Double { lows.value }
}

/// A moving average of any `MAType` with a direct path for SMA, the stochastics' default: the general
/// `MovingAverageState` is an enum over every type, and moving it through each update costs more than the
/// whole SMA step. Values are identical either way (the SMA path is `SMAState`, which the enum also uses).
@usableFromInline
struct Smoother: Sendable {
    @usableFromInline let usesSMA: Bool
    @usableFromInline var sma: SMAState
    @usableFromInline var general: MovingAverageState?

    @usableFromInline
    init(_ type: MAType, period: Int, functionDefault: MAType) {
        let p = max(1, period)
        usesSMA = p > 1 && MovingAverageState.resolve(type, functionDefault: functionDefault) == .sma
        sma = SMAState(period: usesSMA ? p : 1)
        general = usesSMA ? nil : MovingAverageState(type, period: p, functionDefault: functionDefault)
    }

    @inlinable
    mutating func update(_ x: Double) -> Double? {
        if usesSMA { return sma.update(x) }
        return general?.update(x) ?? nil
    }
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
