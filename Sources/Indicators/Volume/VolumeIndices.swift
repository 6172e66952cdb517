// Cumulative volume lines: OBV, NVI, PVI, PVT. All start at the first bar (lookback 0).

/// On Balance Volume: starts at the first bar's volume; then adds the volume on an up close, subtracts it on a
/// down close, and carries the total on an unchanged close (TA-Lib).
public struct OBVState: StreamingIndicator {
    @usableFromInline var total = 0.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var started = false

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one close and its volume; returns the running total.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        if !started {
            started = true
            total = volume
        } else if close > previousClose {
            total += volume
        } else if close < previousClose {
            total -= volume
        }
        previousClose = close
        return total
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(close: bar.close, volume: bar.volume)
        return true
    }
}

/// Negative Volume Index: starts at 1000 and compounds the close's percentage change only on bars whose volume
/// fell: `NVI += (close - prevClose) / prevClose * NVI`.
///
/// TA-Lib 0.8.1's guards: no update when `prevClose == 0`, and a non-finite result keeps the previous value.
public struct NVIState: StreamingIndicator {
    @usableFromInline var core = VolumeIndexCore(onRisingVolume: false)

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one close and its volume; returns the index.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double { core.update(close: close, volume: volume) }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(close: bar.close, volume: bar.volume)
        return true
    }
}

/// Positive Volume Index: as `NVIState`, but updated only on bars whose volume rose.
public struct PVIState: StreamingIndicator {
    @usableFromInline var core = VolumeIndexCore(onRisingVolume: true)

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one close and its volume; returns the index.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double { core.update(close: close, volume: volume) }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(close: bar.close, volume: bar.volume)
        return true
    }
}

/// The shared update of NVI and PVI.
@usableFromInline
struct VolumeIndexCore: Sendable {
    @usableFromInline let onRisingVolume: Bool
    @usableFromInline var index = 1000.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var previousVolume = 0.0
    @usableFromInline var started = false

    @usableFromInline
    init(onRisingVolume: Bool) { self.onRisingVolume = onRisingVolume }

    @inlinable
    mutating func update(close: Double, volume: Double) -> Double {
        if !started {
            started = true
            previousClose = close
            previousVolume = volume
        }
        let moved = onRisingVolume ? volume > previousVolume : volume < previousVolume
        if moved && previousClose != 0 {
            var next = index
            next += (close - previousClose) / previousClose * next
            if next.isFinite { index = next }
        }
        previousClose = close
        previousVolume = volume
        return index
    }
}

/// Price Volume Trend: `PVT[t] = PVT[t-1] + (close - prevClose) / prevClose * volume`, starting at 0 on the first
/// bar; a bar whose previous close is exactly 0 adds nothing (TA-Lib).
public struct PVTState: StreamingIndicator {
    @usableFromInline var total = 0.0
    @usableFromInline var previousClose = 0.0
    @usableFromInline var started = false

    /// A fresh state at the start of a series.
    public init() {}

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback() -> Int { 0 }

    /// Feeds one close and its volume; returns the running total.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        if !started {
            started = true
        } else if previousClose != 0 {
            total += (close - previousClose) / previousClose * volume
        }
        previousClose = close
        return total
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(close: bar.close, volume: bar.volume)
        return true
    }
}
