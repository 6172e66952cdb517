/// Volume-weighted moving average: `sum(close * volume) / sum(volume)` over `period` bars (NaN where the
/// window has no volume, as TA-Lib). First value at bar `period - 1`.
public struct VWMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline var prices: RingBuffer
    @usableFromInline var volumes: RingBuffer
    @usableFromInline var weighted = 0.0
    @usableFromInline var volume = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        prices = RingBuffer(capacity: self.period)
        volumes = RingBuffer(capacity: self.period)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(close: Double, volume v: Double) -> Double? {
        weighted += close * v
        volume += v
        let oldPrice = prices.pushInline(close)
        let oldVolume = volumes.pushInline(v)
        if let oldPrice, let oldVolume {
            weighted -= oldPrice * oldVolume
            volume -= oldVolume
        }
        guard prices.isFull else { return nil }
        // Period 1 carries the price itself (also on a zero-volume bar), as TA-Lib; otherwise a window
        // with no volume gives 0/0 = NaN, as TA-Lib does.
        return period == 1 ? close : weighted / volume
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}
