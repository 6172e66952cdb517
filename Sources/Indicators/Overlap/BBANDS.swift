/// Bollinger bands: `middle = MA(close, period, matype)`, `upper = middle + nbdevup * sigma`,
/// `lower = middle - nbdevdn * sigma`, `sigma` = population standard deviation of the last `period`
/// closes (about their plain mean, whatever the matype, as TA-Lib). The deviation is kept with a sliding
/// Welford update (O(1) per bar), steadier than TA-Lib's sum of squares on large prices; the difference
/// is rounding only.
///
/// First value when both the MA and the deviation window are ready: bar `max(MA lookback, period - 1)`.
/// `MAType.functionDefault` means SMA.
public struct BBANDSState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    /// Standard deviations above the middle band.
    public let deviationsUp: Double
    /// Standard deviations below the middle band.
    public let deviationsDown: Double
    @usableFromInline var ma: MovingAverageState
    @usableFromInline var window: RingBuffer
    /// Sliding mean and sum of squared deviations (Welford), re-counted exactly from the window every
    /// `recountEvery` bars so rounding cannot pile up over long series.
    @usableFromInline var mean = 0.0
    @usableFromInline var squaredDeviations = 0.0
    @usableFromInline var sinceRecount = 0
    @usableFromInline let recountEvery: Int
    /// `1 / period`: the sliding update multiplies by it (no division on the bar-to-bar chain).
    @usableFromInline let invPeriod: Double

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, deviationsUp: Double = 2, deviationsDown: Double = 2, type: MAType = .sma) {
        self.period = max(1, period)
        self.deviationsUp = deviationsUp
        self.deviationsDown = deviationsDown
        ma = MovingAverageState(type, period: self.period, functionDefault: .sma)
        window = RingBuffer(capacity: self.period)
        recountEvery = max(1024, 8 * self.period)
        invPeriod = 1.0 / Double(self.period)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int, type: MAType) -> Int {
        max(MovingAverageState.lookback(type, period: period, functionDefault: .sma), max(1, period) - 1)
    }

    /// Recomputes the mean and squared deviations from the window (two passes).
    @inlinable
    mutating func recount() {
        let n = window.count
        var total = 0.0
        for k in 0..<n { total += window[k] }
        mean = total / Double(n)
        var squares = 0.0
        for k in 0..<n {
            let d = window[k] - mean
            squares += d * d
        }
        squaredDeviations = squares
        sinceRecount = 0
    }

    /// Feeds one close; returns `(upper, middle, lower)` once warmed up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let middle = ma.update(x)
        if let old = window.pushInline(x) {
            let newMean = mean + (x - old) * invPeriod
            squaredDeviations += (x - old) * ((x - newMean) + (old - mean))
            mean = newMean
            sinceRecount += 1
            if sinceRecount >= recountEvery { recount() }
        } else {
            let d = x - mean
            mean += d / Double(window.count)
            squaredDeviations += d * (x - mean)
        }
        guard let m = middle, window.isFull else { return nil }
        let variance = squaredDeviations * invPeriod
        let sigma = variance > 0 ? variance.squareRoot() : 0.0
        return (m + deviationsUp * sigma, m, m - deviationsDown * sigma)
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}
