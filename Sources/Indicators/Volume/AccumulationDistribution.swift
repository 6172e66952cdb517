/// The Chaikin money-flow volume of one bar: `((close - low) - (high - close)) / (high - low) * volume`,
/// 0 where `high - low` is not positive (TA-Lib 0.8.1 tests the range exactly). Shared by AD, ADOSC and CMF.
@inlinable
func moneyFlowVolume(high: Double, low: Double, close: Double, volume: Double) -> Double {
    let range = high - low
    return range > 0 ? ((close - low) - (high - close)) / range * volume : 0
}

/// Chaikin Accumulation/Distribution line: the running total of each bar's money-flow volume.
///
/// `AD[t] = AD[t-1] + ((close - low) - (high - close)) / (high - low) * volume`, a zero-range bar adding 0.
/// Starts at the first bar (lookback 0).
public struct ADState: StreamingIndicator {
    @usableFromInline var total = 0.0

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one bar; returns the line's value at that bar.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double {
        total += moneyFlowVolume(high: high, low: low, close: close, volume: volume)
        return total
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
        return true
    }
}

/// Chaikin A/D Oscillator: `EMA(AD, fast) - EMA(AD, slow)`.
///
/// TA-Lib's seeding: both EMAs start at the first bar's AD value (not at a simple average) and step
/// `ema = k * AD + (1 - k) * ema` with `k = 2 / (period + 1)`. First value at bar `max(fast, slow) - 1`.
public struct ADOSCState: StreamingIndicator {
    @usableFromInline var line = ADState()
    @usableFromInline let fastK: Double
    @usableFromInline let slowK: Double
    @usableFromInline var fast = 0.0
    @usableFromInline var slow = 0.0
    @usableFromInline var seen = 0
    @usableFromInline let lookbackBars: Int

    /// - Parameters: EMA periods (TA-Lib range 2...100000 each; values below 1 are treated as 1).
    public init(fastPeriod: Int = 3, slowPeriod: Int = 10) {
        let f = max(1, fastPeriod), s = max(1, slowPeriod)
        fastK = 2.0 / Double(f + 1)
        slowK = 2.0 / Double(s + 1)
        lookbackBars = max(f, s) - 1
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastPeriod: Int = 3, slowPeriod: Int = 10) -> Int { max(fastPeriod, slowPeriod) - 1 }

    /// Feeds one bar; returns the oscillator from bar `max(fast, slow) - 1` on.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double? {
        let ad = line.update(high: high, low: low, close: close, volume: volume)
        if seen == 0 {
            fast = ad
            slow = ad
        } else {
            fast = fastK * ad + (1.0 - fastK) * fast
            slow = slowK * ad + (1.0 - slowK) * slow
        }
        seen += 1
        return seen > lookbackBars ? fast - slow : nil
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}

/// Chaikin Money Flow: `sum(money-flow volume) / sum(volume)` over the last `period` bars, 0 where the volume
/// total is not positive (TA-Lib 0.8.1). First value at bar `period - 1`.
public struct CMFState: StreamingIndicator {
    @usableFromInline var flows: RingBuffer
    @usableFromInline var volumes: RingBuffer
    @usableFromInline var flowTotal = 0.0
    @usableFromInline var volumeTotal = 0.0

    /// - Parameter period: window length (TA-Lib range 2...100000; values below 1 are treated as 1).
    public init(period: Int = 20) {
        flows = RingBuffer(capacity: max(1, period))
        volumes = RingBuffer(capacity: max(1, period))
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one bar; returns CMF once `period` bars have been seen.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double? {
        let mfv = moneyFlowVolume(high: high, low: low, close: close, volume: volume)
        if let departed = flows.push(mfv) { flowTotal -= departed }
        if let departed = volumes.push(volume) { volumeTotal -= departed }
        flowTotal += mfv
        volumeTotal += volume
        guard flows.isFull else { return nil }
        return volumeTotal > 0 ? flowTotal / volumeTotal : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}
