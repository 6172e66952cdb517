/// Rolling nearest-rank percentile (`PERCENTILE`) of the last `period` values; first value at bar `period - 1`.
///
/// The `k`-th smallest value of the window with `k = ceil(percentile · period / 100)` clamped to
/// `1...period` (TA-Lib computes `percentile · period` before dividing by 100, so round percentages
/// land on exact ranks). The window is kept sorted: O(log period) search plus an O(period) shift per bar.
public struct PercentileState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    /// The percentile reported, 0...100.
    public let percentile: Double
    /// 0-based position of the reported order statistic in the sorted window.
    @usableFromInline let rankIndex: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var sorted: [Double] = []

    /// - Parameters:
    ///   - period: bars in the window, at least 1.
    ///   - percentile: 0...100.
    public init(period: Int, percentile: Double = 50) {
        self.period = max(1, period)
        self.percentile = percentile
        let raw = (percentile * Double(self.period) / 100.0).rounded(.up)
        let rank = raw.isFinite ? Int(Swift.min(Swift.max(raw, 1), Double(self.period))) : 1
        rankIndex = rank - 1
        window = RingBuffer(capacity: self.period)
        sorted.reserveCapacity(self.period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// First index whose value is greater than `x` (NaN sorts last): where a new value goes, after its equals.
    @inlinable
    func upperBound(_ x: Double) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.ordered(x, before: sorted[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// First index whose value is not less than `x`: the oldest of a run of equal values.
    @inlinable
    func lowerBound(_ x: Double) -> Int {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.ordered(sorted[mid], before: x) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Total order used for the sorted window: numbers ascending, NaN after every number.
    @inlinable
    static func ordered(_ a: Double, before b: Double) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return a < b
    }

    /// Feeds one value; returns the percentile once the window is full.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        if let old = window.push(x) {
            // Equal values sit in age order (a new one goes after its equals), so the departing value is the
            // first of its run, as in TA-Lib; this only shows in the sign of a zero.
            let i = lowerBound(old)
            if i < sorted.count { sorted.remove(at: i) }
        }
        sorted.insert(x, at: upperBound(x))
        guard window.isFull else { return nil }
        return sorted[rankIndex]
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Percent rank (`PERCENTRANK`): the share of the previous `period` values strictly below the current one,
/// in percent; first value at bar `period`.
///
/// `PERCENTRANK[t] = (count of x[t-period] ... x[t-1] below x[t]) / period · 100`, divided before scaling as
/// TA-Lib does. O(period) per bar.
public struct PercentRankState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline var previous: RingBuffer

    /// - Parameter period: previous bars compared, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        previous = RingBuffer(capacity: self.period)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one value; returns its percent rank among the previous `period` values once there are that many.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        var result: Double?
        if previous.isFull {
            var count = 0
            for i in 0..<period where previous[i] < x { count += 1 }
            result = (Double(count) / Double(period)) * 100.0
        }
        previous.push(x)
        return result
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
