/// AO: Bill Williams' Awesome Oscillator, `SMA(median, fast) - SMA(median, slow)` with `median = (H + L) / 2`.
///
/// First value at bar `max(fast, slow) - 1`. Each running total follows TA-Lib's SMA order (add the new bar,
/// take the value, drop the bar leaving the window) and starts where TA-Lib starts it, so values match bit
/// for bit.
public struct AOState: StreamingIndicator {
    /// The `fastPeriod` parameter this state was built with.
    public let fastPeriod: Int
    /// The `slowPeriod` parameter this state was built with.
    public let slowPeriod: Int
    @usableFromInline let lookback: Int
    @usableFromInline var medians: RingBuffer
    @usableFromInline var bar = -1
    @usableFromInline var sumFast = 0.0
    @usableFromInline var sumSlow = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastPeriod: Int = 5, slowPeriod: Int = 34) {
        self.fastPeriod = fastPeriod
        self.slowPeriod = slowPeriod
        lookback = Self.lookback(fastPeriod: fastPeriod, slowPeriod: slowPeriod)
        medians = RingBuffer(capacity: max(fastPeriod, slowPeriod))
    }

    /// Leading bars with no output: `max(fast, slow) - 1`.
    public static func lookback(fastPeriod: Int = 5, slowPeriod: Int = 34) -> Int { max(fastPeriod, slowPeriod) - 1 }

    /// Feeds one bar's high and low; returns the oscillator once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        bar += 1
        let median = (high + low) / 2.0
        medians.push(median)
        if bar >= lookback - (fastPeriod - 1) { sumFast += median }
        if bar >= lookback - (slowPeriod - 1) { sumSlow += median }
        guard bar >= lookback else { return nil }
        let osc = sumFast / Double(fastPeriod) - sumSlow / Double(slowPeriod)
        let n = medians.count
        sumFast -= medians[n - fastPeriod]
        sumSlow -= medians[n - slowPeriod]
        return osc
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// AC: Bill Williams' Accelerator/Decelerator Oscillator, `AO - SMA(AO, signal)`.
///
/// First value at bar `AO lookback + signal - 1`; the signal total follows TA-Lib's SMA order.
public struct ACState: StreamingIndicator {
    @usableFromInline var ao: AOState
    @usableFromInline var oscillators: RingBuffer
    @usableFromInline var sumSignal = 0.0
    /// The `signalPeriod` parameter this state was built with.
    public let signalPeriod: Int

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(fastPeriod: Int = 5, slowPeriod: Int = 34, signalPeriod: Int = 5) {
        ao = AOState(fastPeriod: fastPeriod, slowPeriod: slowPeriod)
        oscillators = RingBuffer(capacity: signalPeriod)
        self.signalPeriod = signalPeriod
    }

    /// Leading bars with no output: `max(fast, slow) - 1 + signal - 1`.
    public static func lookback(fastPeriod: Int = 5, slowPeriod: Int = 34, signalPeriod: Int = 5) -> Int {
        AOState.lookback(fastPeriod: fastPeriod, slowPeriod: slowPeriod) + signalPeriod - 1
    }

    /// Feeds one bar's high and low; returns AC once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let osc = ao.update(high: high, low: low) else { return nil }
        oscillators.push(osc)
        sumSignal += osc
        guard oscillators.isFull else { return nil }
        let value = osc - sumSignal / Double(signalPeriod)
        sumSignal -= oscillators[0]
        return value
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// FRACTAL: Bill Williams' fractals. A swing high (low) is flagged 100 on bar `t` when the high (low) of bar
/// `t - rightBars` is strictly above (below) every other high (low) from `t - leftBars - rightBars` to `t`;
/// 0 otherwise. The flag is reported on the bar that confirms it (`rightBars` after the pivot), as TA-Lib does.
/// The warm-up bars read 0, not "no value": TA-Lib's integer outputs are zero-filled there (its Python
/// wrapper, which the reference vectors come from, returns 0 before the lookback).
public struct FractalState: StreamingIndicator {
    /// The `leftBars` parameter this state was built with.
    public let leftBars: Int
    /// The `rightBars` parameter this state was built with.
    public let rightBars: Int
    @usableFromInline var highs: RingBuffer
    @usableFromInline var lows: RingBuffer

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(leftBars: Int = 2, rightBars: Int = 2) {
        self.leftBars = leftBars
        self.rightBars = rightBars
        highs = RingBuffer(capacity: leftBars + rightBars + 1)
        lows = RingBuffer(capacity: leftBars + rightBars + 1)
    }

    /// Leading bars with no output: `leftBars + rightBars`.
    public static func lookback(leftBars: Int = 2, rightBars: Int = 2) -> Int { leftBars + rightBars }

    /// Feeds one bar; returns the (swing high, swing low) flags, each 100 or 0, once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> (swingHigh: Int, swingLow: Int)? {
        highs.push(high)
        lows.push(low)
        guard highs.isFull else { return nil }
        let pivot = leftBars   // window index of the pivot bar; index 0 is the oldest
        var otherHigh = highs[0]
        var otherLow = lows[0]
        for j in 1..<highs.count where j != pivot {
            let h = highs[j], l = lows[j]
            if h > otherHigh { otherHigh = h }
            if l < otherLow { otherLow = l }
        }
        return (highs[pivot] > otherHigh ? 100 : 0, lows[pivot] < otherLow ? 100 : 0)
    }

    /// Writes the two flags; during the warm-up both are 0 (TA-Lib's zero-filled integer outputs).
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        let v = update(high: bar.high, low: bar.low)
        out.v0 = Double(v?.swingHigh ?? 0)
        out.v1 = Double(v?.swingLow ?? 0)
        return true
    }
}
