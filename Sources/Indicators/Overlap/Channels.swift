/// Donchian channels: `upper` = highest high and `lower` = lowest low of the last `period` bars,
/// `middle = (upper + lower) / 2`. First value at bar `period - 1`.
public struct DONCHIANState: StreamingIndicator {
    @usableFromInline var range: OverlapRangeWindow

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> (upper: Double, middle: Double, lower: Double)? {
        guard let r = range.push(high: high, low: low) else { return nil }
        return (r.highest, (r.highest + r.lowest) / 2.0, r.lowest)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}

/// Midpoint over a period: `(highest + lowest) / 2` of the last `period` closes. First value at bar `period - 1`.
public struct MIDPOINTState: StreamingIndicator {
    @usableFromInline var range: OverlapRangeWindow

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let r = range.push(high: x, low: x) else { return nil }
        return (r.highest + r.lowest) / 2.0
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Midpoint price over a period: `(highest high + lowest low) / 2` of the last `period` bars.
/// First value at bar `period - 1`.
public struct MIDPRICEState: StreamingIndicator {
    @usableFromInline var range: OverlapRangeWindow

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let r = range.push(high: high, low: low) else { return nil }
        return (r.highest + r.lowest) / 2.0
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}
