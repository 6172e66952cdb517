// MOM, ROC, ROCP, ROCR, ROCR100: the close compared with the close `period` bars earlier.
// Each keeps the last `period` closes in a ring, so an update is O(1). Lookback `period`.
// Compatibility choice (TA-Lib): where the earlier close is exactly 0 the ratio forms output 0.

/// Momentum: `MOM[t] = x[t] - x[t-period]`, first value at bar `period`.
public struct MOMState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the momentum once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return x - old
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Rate of change in percent: `ROC[t] = (x[t] / x[t-period] - 1) * 100`, 0 where `x[t-period] == 0` (TA-Lib).
public struct ROCState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the rate of change once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return old != 0 ? (x / old - 1.0) * 100.0 : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Rate of change as a fraction: `ROCP[t] = (x[t] - x[t-period]) / x[t-period]`, 0 where `x[t-period] == 0` (TA-Lib).
public struct ROCPState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the fractional change once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return old != 0 ? (x - old) / old : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Rate of change ratio: `ROCR[t] = x[t] / x[t-period]`, 0 where `x[t-period] == 0` (TA-Lib).
public struct ROCRState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the ratio once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return old != 0 ? x / old : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Rate of change ratio on a 100 scale: `ROCR100[t] = x[t] / x[t-period] * 100`, 0 where `x[t-period] == 0` (TA-Lib).
public struct ROCR100State: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var window: RingBuffer
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 10) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the ratio times 100 once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return old != 0 ? (x / old) * 100.0 : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
