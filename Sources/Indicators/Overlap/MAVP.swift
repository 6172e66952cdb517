/// Moving average with a variable period: at each bar, the MA (of `matype`) whose period is that bar's
/// `periods` value, truncated to an integer and clamped to `minPeriod...maxPeriod` (NaN reads as `minPeriod`).
///
/// As TA-Lib's `TA_MAVP`, each period's MA is the one `TA_MA` gives over the output range: it starts at bar
/// `L - lookback(p)`, where `L = lookback(maxPeriod)` is MAVP's own lookback, so every one of them has its
/// first value at bar `L`.
/// - SMA and WMA only need the window, so they are computed from one shared window of `maxPeriod` inputs:
///   O(period) per bar and O(maxPeriod) memory, whatever the range of periods.
/// - Every other type carries history, so one running MA per period in the range is kept and updated:
///   O(maxPeriod - minPeriod) per bar. `MAType.functionDefault` means SMA.
public struct MAVPState: StreamingIndicator {
    /// The smallest period used.
    public let minPeriod: Int
    /// The largest period used.
    public let maxPeriod: Int
    @usableFromInline let type: MAType
    @usableFromInline let total: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var averages: [MovingAverageState]
    @usableFromInline var starts: [Int]
    @usableFromInline var index = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(minPeriod: Int, maxPeriod: Int, type: MAType = .sma) {
        let lo = max(1, minPeriod)
        let hi = max(lo, maxPeriod)
        self.minPeriod = lo
        self.maxPeriod = hi
        let resolved = MovingAverageState.resolve(type, functionDefault: .sma)
        self.type = resolved
        total = MovingAverageState.lookback(resolved, period: hi)
        if resolved == .sma || resolved == .wma {
            window = RingBuffer(capacity: hi)
            averages = []
            starts = []
        } else {
            window = RingBuffer(capacity: 1)
            averages = (lo...hi).map { MovingAverageState(resolved, period: $0) }
            starts = (lo...hi).map { [total] in max(0, total - MovingAverageState.lookback(resolved, period: $0)) }
        }
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(minPeriod: Int, maxPeriod: Int, type: MAType) -> Int {
        MovingAverageState.lookback(type, period: max(max(1, minPeriod), maxPeriod), functionDefault: .sma)
    }

    /// The period used for a requested `periods` value.
    @inlinable
    public func effectivePeriod(_ requested: Double) -> Int {
        if !(requested >= Double(minPeriod)) { return minPeriod }
        if requested >= Double(maxPeriod) { return maxPeriod }
        return Int(requested)
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(_ x: Double, period requested: Double) -> Double? {
        let i = index
        index += 1
        let p = effectivePeriod(requested)
        if averages.isEmpty {
            window.push(x)
            guard i >= total else { return nil }
            if p == 1 { return x }
            let n = window.count
            if type == .sma {
                var sum = 0.0
                for k in (n - p)..<n { sum += window[k] }
                return sum / Double(p)
            }
            var sum = 0.0
            var weight = 1.0
            for k in (n - p)..<n {
                sum += window[k] * weight
                weight += 1
            }
            return sum / Double(p * (p + 1) / 2)
        }
        let chosen = p - minPeriod
        var result: Double?
        averages.withUnsafeMutableBufferPointer { mas in
            for k in 0..<mas.count where i >= starts[k] {
                let v = mas[k].update(x)
                if k == chosen { result = v }
            }
        }
        return result
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close, period: bar.periods) else { return false }
        out.v0 = v
        return true
    }
}
