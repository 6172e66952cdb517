/// BOP: balance of power, `(C - O) / (H - L)`; 0 when `H - L` is zero or negative (TA-Lib 0.8.1 tests it
/// exactly).
public struct BOPState: StreamingIndicator {
    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init() {}

    /// Leading bars with no output: none.
    public static func lookback() -> Int { 0 }

    /// The balance of power of one bar.
    @inlinable
    public func value(open: Double, high: Double, low: Double, close: Double) -> Double {
        let range = high - low
        return range <= 0 ? 0 : (close - open) / range
    }

    /// Feeds one bar; BOP has no warm-up.
    @inlinable
    public mutating func update(open: Double, high: Double, low: Double, close: Double) -> Double {
        value(open: open, high: high, low: low, close: close)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = value(open: bar.open, high: bar.high, low: bar.low, close: bar.close)
        return true
    }
}

/// CCI: commodity channel index, `(TP - SMA(TP)) / (0.015 * meanDeviation(TP))` with `TP = (H + L + C) / 3`,
/// over `period` bars; 0 when the numerator or the mean deviation is within `1e-14 * |SMA(TP)|` of zero
/// (TA-Lib 0.8.1's scale-aware flat-window test).
///
/// First value at bar `period - 1`. The mean and the mean deviation are summed over the window each bar in
/// TA-Lib's circular-buffer order, so the update is O(period) and bit-identical.
public struct CCIState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var buffer: [Double]
    @usableFromInline var slot = 0
    @usableFromInline var seen = 0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) {
        self.period = period
        buffer = [Double](repeating: 0, count: period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int = 14) -> Int { period - 1 }

    /// Feeds one bar; returns CCI once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        let typical = (high + low + close) / 3.0
        buffer[slot] = typical
        slot += 1
        if slot == period { slot = 0 }
        seen += 1
        guard seen >= period else { return nil }
        let p = Double(period)
        return buffer.withUnsafeBufferPointer { b in
            var average = 0.0
            for j in 0..<period { average += b[j] }
            average /= p
            var deviation = 0.0
            for j in 0..<period { deviation += abs(b[j] - average) }
            deviation /= p
            let distance = typical - average
            let band = 1e-14 * abs(average)
            return abs(distance) <= band || abs(deviation) <= band ? 0 : distance / (0.015 * deviation)
        }
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// CMO: Chande momentum oscillator with TA-Lib's Wilder smoothing, `100 * (gain - loss) / (gain + loss)`.
///
/// Gains and losses of the first `period` one-bar changes are averaged; then
/// `avg = (avg * (period - 1) + change) / period`. First value at bar `period`; 0 unless `gain + loss` is
/// positive (TA-Lib 0.8.1: so a NaN input gives 0 from then on, as there).
public struct CMOState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var changes = -1
    @usableFromInline var previous = 0.0
    @usableFromInline var gain = 0.0
    @usableFromInline var loss = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) { self.period = period }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 14) -> Int { period }

    /// Feeds one close; returns CMO once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        changes += 1
        let change = x - previous
        previous = x
        if changes == 0 { return nil }
        let p = Double(period)
        if changes > period {
            loss *= p - 1
            gain *= p - 1
        }
        if change < 0 { loss -= change } else { gain += change }
        guard changes >= period else { return nil }
        loss /= p
        gain /= p
        let sum = gain + loss
        return sum > 0 ? 100.0 * ((gain - loss) / sum) : 0
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// CMOU: the unsmoothed Chande momentum oscillator, `100 * (Su - Sd) / (Su + Sd)` over the last `period`
/// one-bar changes (`Su` the sum of rises, `Sd` of falls), kept as moving sums; 0 for a flat window (after
/// `period` unchanged closes the sums are reset to exactly 0, clearing rounding residue).
/// First value at bar `period`.
public struct CMOUState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var closes: RingBuffer
    @usableFromInline var up = 0.0
    @usableFromInline var down = 0.0
    @usableFromInline var flatRun = 0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) {
        self.period = period
        closes = RingBuffer(capacity: period + 1)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 14) -> Int { period }

    /// Feeds one close; returns CMOU once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        if closes.isFull {
            // Drop the oldest change of the window before adding the newest (TA-Lib's order).
            let old = closes[1] - closes[0]
            if old > 0 { up -= old } else if old < 0 { down += old }
        }
        if closes.count > 0 {
            let change = x - closes.last
            if change > 0 { up += change } else if change < 0 { down -= change }
            flatRun = change == 0 ? flatRun + 1 : 0
            if flatRun >= period {
                flatRun = period
                up = 0
                down = 0
            }
        }
        closes.push(x)
        guard closes.isFull else { return nil }
        let sum = up + down
        return sum > 0 ? 100.0 * (up - down) / sum : 0
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// ER: Kaufman's efficiency ratio, `|C - C[-period]| / sum of |C - C[-1]|` over the last `period` changes.
///
/// First value at bar `period`. TA-Lib's guards: 1 when the path sum is not positive or not above the signed
/// net change, and the path sum is reset to exactly 0 after `period` consecutive unchanged closes.
public struct ERState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var closes: RingBuffer
    @usableFromInline var pathSum = 0.0
    @usableFromInline var flatRun = 0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 10) {
        self.period = period
        closes = RingBuffer(capacity: period + 2)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 10) -> Int { period }

    /// Feeds one close; returns the efficiency ratio once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        let seenBefore = closes.count
        closes.push(x)
        let n = closes.count
        guard seenBefore > 0 else { return nil }
        let previous = closes[n - 2]
        if seenBefore > period {
            // Window slides: drop |C[-period-1] - C[-period]| then add the newest change.
            pathSum -= abs(closes[n - 2 - period] - closes[n - 1 - period])
            pathSum += abs(x - previous)
            if x - previous == 0 { flatRun += 1 } else { flatRun = 0 }
            if flatRun >= period {
                flatRun = period
                pathSum = 0
            }
        } else {
            let change = previous - x
            pathSum += abs(change)
            if change == 0 { flatRun += 1 } else { flatRun = 0 }
            if seenBefore < period { return nil }
        }
        let net = x - closes[n - 1 - period]
        return pathSum <= 0 || pathSum <= net ? 1.0 : abs(net / pathSum)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// IMI: intraday momentum index, `100 * U / (U + D)` over the last `period` bars, where `U` sums `C - O` of
/// bars closing above their open and `D` sums `O - C` of the others; 50 when both are zero (TA-Lib 0.8.1).
/// First value at bar `period - 1`.
/// Summed over the window each bar, in TA-Lib's order (O(period)).
public struct IMIState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var bodies: RingBuffer

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) {
        self.period = period
        bodies = RingBuffer(capacity: period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int = 14) -> Int { period - 1 }

    /// Feeds one bar's open and close; returns IMI once warmed up.
    @inlinable
    public mutating func update(open: Double, close: Double) -> Double? {
        bodies.push(close - open)
        guard bodies.isFull else { return nil }
        // Oldest to newest, straight off the ring's storage (the window is full, so `head` is the oldest).
        let (up, down) = bodies.storage.withUnsafeBufferPointer { b -> (Double, Double) in
            var up = 0.0
            var down = 0.0
            var slot = bodies.head
            for _ in 0..<period {
                // Branch-free (bar direction is a coin flip); adding the other side's 0 is an exact no-op.
                let body = b[slot]
                let rising = body > 0
                up += rising ? body : 0
                down -= rising ? 0 : body
                slot += 1
                if slot == period { slot = 0 }
            }
            return (up, down)
        }
        let total = up + down
        return total == 0 ? 50.0 : 100.0 * (up / total)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(open: bar.open, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// DPO: detrended price oscillator, `C[-(period / 2 + 1)] - SMA(C, period)`.
///
/// First value at bar `max(period - 1, period / 2 + 1)`; the SMA total follows TA-Lib's order.
public struct DPOState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline let lookback: Int
    @usableFromInline var closes: RingBuffer
    @usableFromInline var bar = -1
    @usableFromInline var total = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 20) {
        self.period = period
        lookback = Self.lookback(period: period)
        closes = RingBuffer(capacity: max(period, period / 2 + 2))
    }

    /// Leading bars with no output: `max(period - 1, period / 2 + 1)`.
    public static func lookback(period: Int = 20) -> Int { max(period - 1, period / 2 + 1) }

    /// Feeds one close; returns DPO once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        bar += 1
        closes.push(x)
        if bar >= lookback - (period - 1) { total += x }
        guard bar >= lookback else { return nil }
        let n = closes.count
        let snapshot = total
        total -= closes[n - period]
        return closes[n - 1 - (period / 2 + 1)] - snapshot / Double(period)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// COPPOCK: the Coppock curve, `WMA(ROC(roc1) + ROC(roc2), wma)` with `ROC(p) = (C / C[-p] - 1) * 100`
/// (0 where `C[-p]` is 0, as TA-Lib's ROC).
///
/// First value at bar `max(roc1, roc2) + wma - 1`. The WMA is TA-Lib's running recurrence (a plain and a
/// weighted total), rebuilt from the window every `8 * wma` bars exactly as TA-Lib re-anchors it.
public struct CoppockState: StreamingIndicator {
    /// The `wmaPeriod` parameter this state was built with.
    public let wmaPeriod: Int
    /// The `roc1Period` parameter this state was built with.
    public let roc1Period: Int
    /// The `roc2Period` parameter this state was built with.
    public let roc2Period: Int
    @usableFromInline var closes: RingBuffer
    /// The last `wma - 1` summed ROC values (at least one slot).
    @usableFromInline var sums: RingBuffer
    @usableFromInline var primed = 0
    @usableFromInline var periodSum = 0.0
    @usableFromInline var periodSub = 0.0
    @usableFromInline var trailing = 0.0
    @usableFromInline var untilReanchor: Int
    @usableFromInline let divider: Double

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(wmaPeriod: Int = 10, roc1Period: Int = 11, roc2Period: Int = 14) {
        self.wmaPeriod = wmaPeriod
        self.roc1Period = roc1Period
        self.roc2Period = roc2Period
        closes = RingBuffer(capacity: max(roc1Period, roc2Period) + 1)
        sums = RingBuffer(capacity: max(1, wmaPeriod - 1))
        untilReanchor = 8 * wmaPeriod
        divider = Double(wmaPeriod) * Double(wmaPeriod + 1) / 2.0
    }

    /// Leading bars with no output: `max(roc1, roc2) + wma - 1`.
    public static func lookback(wmaPeriod: Int = 10, roc1Period: Int = 11, roc2Period: Int = 14) -> Int {
        max(roc1Period, roc2Period) + wmaPeriod - 1
    }

    /// Feeds one close; returns the Coppock curve once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        closes.push(x)
        guard closes.isFull else { return nil }
        let n = closes.count
        let base1 = closes[n - 1 - roc1Period]
        let base2 = closes[n - 1 - roc2Period]
        let roc1 = base1 != 0 ? (x / base1 - 1.0) * 100.0 : 0.0
        let roc2 = base2 != 0 ? (x / base2 - 1.0) * 100.0 : 0.0
        let s = roc1 + roc2
        let w = wmaPeriod
        if primed < w - 1 {
            primed += 1
            periodSub += s
            periodSum += s * Double(primed)
            sums.push(s)
            return nil
        }
        periodSub += s
        periodSub -= trailing
        periodSum += s * Double(w)
        untilReanchor -= 1
        if untilReanchor <= 0 {
            untilReanchor = 8 * w
            periodSub = 0
            periodSum = 0
            if w > 1 {
                for q in 0..<sums.count {
                    let v = sums[q]
                    periodSub += v
                    periodSum += v * Double(q + 1)
                }
            } else {
                periodSub += sums.count > 0 ? sums[0] : 0
            }
            periodSub += s
            periodSum += s * Double(w)
        }
        let value: Double
        if w == 1 {
            trailing = sums.count > 0 ? sums[0] : 0
            sums.push(s)
            value = s
        } else {
            trailing = sums[0]
            sums.push(s)
            value = periodSum / divider
        }
        periodSum -= periodSub
        return value
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// MFI: money flow index, `100 * positive flow / (positive + negative flow)` over `period` bars, where a bar's
/// flow is `TP * volume` (`TP = (H + L + C) / 3`), positive when TP rose, negative when it fell.
///
/// TA-Lib 0.8.1's rules: a move within `1e-14 * (|TP| + |TP[-1]|)` counts as no move; after `period` bars
/// without flow the sums are reset to exactly 0; the ratio is clamped into 0...100, and 0 when no flow at all.
/// First value at bar `period`.
public struct MFIState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var positive: RingBuffer
    @usableFromInline var negative: RingBuffer
    @usableFromInline var previous = 0.0
    @usableFromInline var started = false
    @usableFromInline var positiveSum = 0.0
    @usableFromInline var negativeSum = 0.0
    @usableFromInline var idleRun = 0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) {
        self.period = period
        positive = RingBuffer(capacity: period)
        negative = RingBuffer(capacity: period)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 14) -> Int { period }

    /// Feeds one bar; returns MFI once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double? {
        let typical = (high + low + close) / 3.0
        guard started else {
            started = true
            previous = typical
            return nil
        }
        if positive.isFull {
            positiveSum -= positive[0]
            negativeSum -= negative[0]
        }
        let change = typical - previous
        let scale = abs(typical) + abs(previous)
        previous = typical
        let flow = abs(change) <= 1e-14 * scale ? 0.0 : typical * volume
        let up = change < 0 ? 0.0 : flow
        let down = change < 0 ? flow : 0.0
        positive.push(up)
        negative.push(down)
        positiveSum += up
        negativeSum += down
        idleRun = flow == 0 ? idleRun + 1 : 0
        if idleRun >= period {
            idleRun = period
            positiveSum = 0
            negativeSum = 0
        }
        guard positive.isFull else { return nil }
        let total = positiveSum + negativeSum
        let clamped = positiveSum < 0 ? 0.0 : (positiveSum > total ? total : positiveSum)
        return total <= 0 ? 0 : 100.0 * (clamped / total)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}

/// The index of the window extreme as TA-Lib tracks it (AROON's rule): kept while it stays in the window and
/// replaced by any newer value at least as extreme (the latest bar wins ties); when it leaves the window, the
/// window is rescanned from its oldest bar. That history-dependence decides which bar a NaN input displaces,
/// so it is kept as is rather than replaced by a monotonic deque. O(1) amortised for real prices, O(period)
/// on a rescan.
public struct TAExtremeTracker: Sendable {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline let tracksMax: Bool
    @usableFromInline var window: RingBuffer
    @usableFromInline var bar = -1
    @usableFromInline var extremeIndex = -1
    @usableFromInline var extreme = 0.0

    /// A tracker over the last `period + 1` bars.
    public init(period: Int, max: Bool) {
        self.period = period
        tracksMax = max
        window = RingBuffer(capacity: period + 1)
    }

    @inlinable
    func beats(_ x: Double, _ current: Double) -> Bool { tracksMax ? x >= current : x <= current }

    /// Feeds one value; returns the bar index of the extreme once `period + 1` values are in.
    @inlinable
    public mutating func update(_ x: Double) -> Int? {
        bar += 1
        window.push(x)
        guard window.isFull else { return nil }
        let trailing = bar - period
        if extremeIndex < trailing {
            extremeIndex = trailing
            extreme = window[0]
            var j = 1
            while j <= period {
                if beats(window[j], extreme) {
                    extremeIndex = trailing + j
                    extreme = window[j]
                }
                j += 1
            }
        } else if beats(x, extreme) {
            extremeIndex = bar
            extreme = x
        }
        return extremeIndex
    }

    /// The index of the bar last fed.
    @inlinable public var currentIndex: Int { bar }

    /// The extreme value itself.
    @inlinable public var value: Double { extreme }
}

/// AROON: `up = 100 / period * (period - bars since the highest high)`, `down` likewise for the lowest low,
/// over the last `period + 1` bars (the latest bar wins ties, as in TA-Lib). Outputs (down, up), from bar `period`.
public struct AroonState: StreamingIndicator {
    /// The `period` parameter this state was built with.
    public let period: Int
    @usableFromInline var highs: TAExtremeTracker
    @usableFromInline var lows: TAExtremeTracker
    @usableFromInline let factor: Double

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) {
        self.period = period
        highs = TAExtremeTracker(period: period, max: true)
        lows = TAExtremeTracker(period: period, max: false)
        factor = 100.0 / Double(period)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 14) -> Int { period }

    /// Feeds one bar; returns the bars ago of the extremes once warmed up.
    @inlinable
    mutating func extremes(high: Double, low: Double) -> (highest: Int, lowest: Int)? {
        let l = lows.update(low)
        let h = highs.update(high)
        guard let l, let h else { return nil }
        return (highs.currentIndex - h, lows.currentIndex - l)
    }

    /// Feeds one bar's high and low; returns (down, up) once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> (down: Double, up: Double)? {
        guard let e = extremes(high: high, low: low) else { return nil }
        return (factor * Double(period - e.lowest), factor * Double(period - e.highest))
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v.down
        out.v1 = v.up
        return true
    }
}

/// AROONOSC: Aroon up minus Aroon down, computed as TA-Lib does: `100 / period * (highIndex - lowIndex)`.
public struct AroonOscillatorState: StreamingIndicator {
    @usableFromInline var aroon: AroonState

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 14) { aroon = AroonState(period: period) }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int = 14) -> Int { period }

    /// Feeds one bar's high and low; returns the oscillator once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let e = aroon.extremes(high: high, low: low) else { return nil }
        // Bars ago of the low minus bars ago of the high = index of the high minus index of the low.
        return aroon.factor * Double(e.lowest - e.highest)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// ERI: Elder ray index, `bull = H - EMA(C, period)`, `bear = L - EMA(C, period)`, with TA-Lib's EMA
/// (seeded with the mean of the first `period` closes). First values at bar `period - 1`.
public struct ElderRayState: StreamingIndicator {
    @usableFromInline var ema: TAExponentialSmoother

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int = 13) { ema = TAExponentialSmoother(period: period) }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int = 13) -> Int { period - 1 }

    /// Feeds one bar; returns (bull power, bear power) once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (bull: Double, bear: Double)? {
        // Period 1 is the identity (TA-Lib's explicit copy arm).
        let average: Double
        if ema.period == 1 {
            average = close
        } else {
            guard let v = ema.update(close) else { return nil }
            average = v
        }
        return (high - average, low - average)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.bull
        out.v1 = v.bear
        return true
    }
}
