/// Moving average with a variable period: at each bar, the MA (of `matype`) whose period is that bar's
/// `periods` value, truncated to an integer and clamped to `minPeriod...maxPeriod` (NaN reads as `minPeriod`).
///
/// As TA-Lib's `TA_MAVP`, each period's MA is the one `TA_MA` gives over the output range: it starts at bar
/// `L - lookback(p)`, where `L = lookback(maxPeriod)` is MAVP's own lookback, so every one of them has its
/// first value at bar `L`. One running MA per period in the range is kept, so an update costs
/// O(maxPeriod - minPeriod). `MAType.functionDefault` means SMA.
public struct MAVPState: StreamingIndicator {
    public let minPeriod: Int
    public let maxPeriod: Int
    @usableFromInline var averages: [MovingAverageState]
    @usableFromInline var starts: [Int]
    @usableFromInline var index = 0

    public init(minPeriod: Int, maxPeriod: Int, type: MAType = .sma) {
        let lo = max(1, minPeriod)
        let hi = max(lo, maxPeriod)
        self.minPeriod = lo
        self.maxPeriod = hi
        let total = MovingAverageState.lookback(type, period: hi, functionDefault: .sma)
        averages = (lo...hi).map { MovingAverageState(type, period: $0, functionDefault: .sma) }
        starts = (lo...hi).map { max(0, total - MovingAverageState.lookback(type, period: $0, functionDefault: .sma)) }
    }

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

    @inlinable
    public mutating func update(_ x: Double, period requested: Double) -> Double? {
        let i = index
        index += 1
        let chosen = effectivePeriod(requested) - minPeriod
        var result: Double?
        averages.withUnsafeMutableBufferPointer { mas in
            for k in 0..<mas.count where i >= starts[k] {
                let v = mas[k].update(x)
                if k == chosen { result = v }
            }
        }
        return result
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close, period: bar.periods) else { return false }
        out.v0 = v
        return true
    }
}
