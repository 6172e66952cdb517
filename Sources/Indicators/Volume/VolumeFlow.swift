/// Elder's Force Index: `EMA((close - prevClose) * volume, period)`.
///
/// The EMA is seeded with the mean of the first `period` force values and steps `ema += (force - ema) * k`,
/// `k = 2 / (period + 1)` (TA-Lib's EMA; a multiply then an add where TA-Lib's build fuses them, ~1e-15
/// relative, as `TAExponentialSmoother`); period 1 gives the raw force. First value at bar `period`.
public struct EFIState: StreamingIndicator {
    /// The window length (or period) in bars.
    public let period: Int
    @usableFromInline let k: Double
    @usableFromInline var previousClose = 0.0
    @usableFromInline var seen = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var value = 0.0

    /// - Parameter period: EMA period (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 13) {
        self.period = max(1, period)
        k = 2.0 / Double(self.period + 1)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close and its volume; returns the index from bar `period` on.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double? {
        defer { previousClose = close }
        seen += 1
        guard seen > 1 else { return nil }
        let force = (close - previousClose) * volume
        if period == 1 { return force }
        if seen > period + 1 {
            value = value + (force - value) * k
            return value
        }
        sum += force
        guard seen == period + 1 else { return nil }
        value = sum / Double(period)
        return value
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}

/// Market Facilitation Index (Bill Williams): `(high - low) / volume`, 0 where the volume is exactly 0 (TA-Lib).
/// Lookback 0.
public struct MARKETFIState: StreamingIndicator {
    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Returns the index of one bar.
    @inlinable
    public func update(high: Double, low: Double, volume: Double) -> Double {
        volume != 0 ? (high - low) / volume : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(high: bar.high, low: bar.low, volume: bar.volume)
        return true
    }
}

/// Relative Volume: today's volume over the mean volume of the `period` bars before it.
///
/// `RVOL[t] = volume[t] / (sum(volume[t-period ..< t]) / period)` with no guard (a dead baseline gives inf/NaN,
/// as TA-Lib); once `period` consecutive bars had zero volume the running total is reset to exactly 0, as TA-Lib
/// 0.8.1 does. First value at bar `period`.
public struct RVOLState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var volumes: RingBuffer
    @usableFromInline var total = 0.0
    @usableFromInline var zeroRun = 0
    public let period: Int

    /// - Parameter period: baseline length (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 20) {
        self.period = max(1, period)
        volumes = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one volume; returns the relative volume from bar `period` on.
    @inlinable
    public mutating func update(_ volume: Double) -> Double? {
        let full = volumes.isFull
        let baseline = total / Double(period)
        if let departed = volumes.push(volume) { total -= departed }
        total += volume
        zeroRun = volume == 0 ? zeroRun + 1 : 0
        if zeroRun >= period {
            zeroRun = period
            total = 0
        }
        return full ? volume / baseline : nil
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.volume) else { return false }
        out.v0 = v
        return true
    }
}

/// Volume Weighted Average Price, cumulative from the first bar: `sum(typical * volume) / sum(volume)` with
/// `typical = (high + low + close) / 3`.
///
/// TA-Lib 0.8.1's rules: a bar whose typical price or volume is not finite is skipped; until some volume has
/// traded the value is 0, and afterwards a bar that adds nothing repeats the previous value. Lookback 0.
public struct VWAPState: StreamingIndicator {
    @usableFromInline var priceVolume = 0.0
    @usableFromInline var volumeTotal = 0.0
    @usableFromInline var value = 0.0

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one bar; returns the VWAP so far.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double {
        let typical = (high + low + close) / 3.0
        if typical.isFinite && volume.isFinite {
            priceVolume += typical * volume
            volumeTotal += volume
        }
        if volumeTotal > 0 { value = priceVolume / volumeTotal }
        return value
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
        return true
    }
}

/// Percentage Volume Oscillator: the PPO of volume, `(MA(volume, fast) - MA(volume, slow)) / MA(volume, slow) * 100`,
/// with the same rules as `PPOState` (periods swapped when slow < fast, 0 where the slow average is 0,
/// `MAType.functionDefault` = EMA). First value at bar `lookback(slow MA)`.
public struct PVOState: StreamingIndicator {
    @usableFromInline var oscillator: PPOState

    /// - Parameters: periods 2...100000 as TA-Lib; `type` the moving average of both lines.
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) {
        oscillator = PPOState(fastPeriod: fastPeriod, slowPeriod: slowPeriod, type: type)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) -> Int {
        PPOState.lookback(fastPeriod: fastPeriod, slowPeriod: slowPeriod, type: type)
    }

    /// Feeds one volume; returns the oscillator once both averages are defined.
    @inlinable
    public mutating func update(_ volume: Double) -> Double? { oscillator.update(volume) }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.volume) else { return false }
        out.v0 = v
        return true
    }
}
