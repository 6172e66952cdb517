/// Bollinger bands: `middle = MA(close, period, matype)`, `upper = middle + nbdevup * sigma`,
/// `lower = middle - nbdevdn * sigma`, `sigma` = population standard deviation of the last `period`
/// closes (about their plain mean, whatever the matype, as TA-Lib).
///
/// First value when both the MA and the deviation window are ready: bar `max(MA lookback, period - 1)`.
/// `MAType.functionDefault` means SMA.
public struct BBANDSState: StreamingIndicator {
    public let period: Int
    public let deviationsUp: Double
    public let deviationsDown: Double
    @usableFromInline var ma: MovingAverageState
    @usableFromInline var window: RingBuffer
    @usableFromInline var sum1 = 0.0
    @usableFromInline var sum2 = 0.0

    public init(period: Int, deviationsUp: Double = 2, deviationsDown: Double = 2, type: MAType = .sma) {
        self.period = max(1, period)
        self.deviationsUp = deviationsUp
        self.deviationsDown = deviationsDown
        ma = MovingAverageState(type, period: self.period, functionDefault: .sma)
        window = RingBuffer(capacity: self.period)
    }

    public static func lookback(period: Int, type: MAType) -> Int {
        max(MovingAverageState.lookback(type, period: period, functionDefault: .sma), max(1, period) - 1)
    }

    /// Feeds one close; returns `(upper, middle, lower)` once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let middle = ma.update(x)
        sum1 += x
        sum2 += x * x
        if let old = window.push(x) {
            sum1 -= old
            sum2 -= old * old
        }
        guard let m = middle, window.isFull else { return nil }
        let n = Double(period)
        let mean = sum1 / n
        let variance = sum2 / n - mean * mean
        let sigma = variance > 0 ? variance.squareRoot() : 0.0
        return (m + deviationsUp * sigma, m, m - deviationsDown * sigma)
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}

/// Acceleration bands (Price Headley): with `r = 4 * (high - low) / (high + low)`,
/// `upper = SMA(high * (1 + r))`, `middle = SMA(close)`, `lower = SMA(low * (1 - r))`, all over `period`
/// (where `high + low` is within 1e-8 of zero, `r` is dropped, as TA-Lib). First value at bar `period - 1`.
public struct ACCBANDSState: StreamingIndicator {
    @usableFromInline var upperSMA: SMAState
    @usableFromInline var middleSMA: SMAState
    @usableFromInline var lowerSMA: SMAState

    public init(period: Int) {
        upperSMA = SMAState(period: max(1, period))
        middleSMA = SMAState(period: max(1, period))
        lowerSMA = SMAState(period: max(1, period))
    }

    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let sum = high + low
        var upperIn = high
        var lowerIn = low
        if !(sum > -1e-8 && sum < 1e-8) {
            let r = 4.0 * (high - low) / sum
            upperIn = high * (1.0 + r)
            lowerIn = low * (1.0 - r)
        }
        let u = upperSMA.update(upperIn)
        let m = middleSMA.update(close)
        let l = lowerSMA.update(lowerIn)
        guard let u, let m, let l else { return nil }
        return (u, m, l)
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}

/// Running highest and lowest value over the last `period` bars, O(1) amortised (monotonic deques).
@usableFromInline
struct OverlapRangeWindow: Sendable {
    @usableFromInline let period: Int
    @usableFromInline var highs = MonotonicDeque(max: true, latestOnTie: true)
    @usableFromInline var lows = MonotonicDeque(max: false, latestOnTie: true)
    @usableFromInline var index = 0

    @usableFromInline init(period: Int) { self.period = max(1, period) }

    /// Adds one bar's high and low; returns the window's (highest high, lowest low) once `period` bars are in.
    @inlinable
    mutating func push(high: Double, low: Double) -> (highest: Double, lowest: Double)? {
        let oldest = index - period + 1
        highs.push(index: index, value: high, oldest: oldest)
        lows.push(index: index, value: low, oldest: oldest)
        index += 1
        guard oldest >= 0 else { return nil }
        return (highs.value, lows.value)
    }
}

/// Donchian channels: `upper` = highest high and `lower` = lowest low of the last `period` bars,
/// `middle = (upper + lower) / 2`. First value at bar `period - 1`.
public struct DONCHIANState: StreamingIndicator {
    @usableFromInline var range: OverlapRangeWindow

    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(high: Double, low: Double) -> (upper: Double, middle: Double, lower: Double)? {
        guard let r = range.push(high: high, low: low) else { return nil }
        return (r.highest, (r.highest + r.lowest) / 2.0, r.lowest)
    }

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

    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let r = range.push(high: x, low: x) else { return nil }
        return (r.highest + r.lowest) / 2.0
    }

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

    public init(period: Int) { range = OverlapRangeWindow(period: period) }

    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let r = range.push(high: high, low: low) else { return nil }
        return (r.highest + r.lowest) / 2.0
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// Keltner channels, TA-Lib 0.8's form: `middle = EMA(typical price, period)`,
/// `upper/lower = middle ± nbdev * ATR(atrPeriod)`, typical price `(high + low + close) / 3`.
///
/// First value at bar `L = max(period - 1, atrPeriod)`. As TA-Lib, each leg is entered at its own
/// lookback before `L`: the EMA is seeded from bar `L - (period - 1)` and the ATR from bar `L - atrPeriod`,
/// so the shorter leg does not start at bar 0.
public struct KCState: StreamingIndicator {
    public let deviations: Double
    @usableFromInline let emaStart: Int
    @usableFromInline let atrStart: Int
    @usableFromInline var ema: EMAState
    @usableFromInline var atr: ATRState
    @usableFromInline var index = 0

    public init(period: Int, atrPeriod: Int, deviations: Double = 2) {
        self.deviations = deviations
        let total = KCState.lookback(period: period, atrPeriod: atrPeriod)
        emaStart = total - EMAState.lookback(period: max(1, period))
        atrStart = total - ATRState.lookback(period: atrPeriod)
        ema = EMAState(period: max(1, period))
        atr = ATRState(period: atrPeriod)
    }

    public static func lookback(period: Int, atrPeriod: Int) -> Int {
        max(EMAState.lookback(period: max(1, period)), ATRState.lookback(period: atrPeriod))
    }

    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (upper: Double, middle: Double, lower: Double)? {
        let i = index
        index += 1
        let middle = i >= emaStart ? ema.update((high + low + close) / 3.0) : nil
        let range = i >= atrStart ? atr.update(high: high, low: low, close: close) : nil
        guard let m = middle, let a = range else { return nil }
        let band = a * deviations
        return (m + band, m, m - band)
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.upper
        out.v1 = v.middle
        out.v2 = v.lower
        return true
    }
}

/// Volume-weighted moving average: `sum(close * volume) / sum(volume)` over `period` bars (NaN where the
/// window has no volume, as TA-Lib). First value at bar `period - 1`.
public struct VWMAState: StreamingIndicator {
    public let period: Int
    @usableFromInline var prices: RingBuffer
    @usableFromInline var volumes: RingBuffer
    @usableFromInline var weighted = 0.0
    @usableFromInline var volume = 0.0

    public init(period: Int) {
        self.period = max(1, period)
        prices = RingBuffer(capacity: self.period)
        volumes = RingBuffer(capacity: self.period)
    }

    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(close: Double, volume v: Double) -> Double? {
        weighted += close * v
        volume += v
        let oldPrice = prices.push(close)
        let oldVolume = volumes.push(v)
        if let oldPrice, let oldVolume {
            weighted -= oldPrice * oldVolume
            volume -= oldVolume
        }
        guard prices.isFull else { return nil }
        // Period 1 carries the price itself (also on a zero-volume bar), as TA-Lib; otherwise a window
        // with no volume gives 0/0 = NaN, as TA-Lib does.
        return period == 1 ? close : weighted / volume
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(close: bar.close, volume: bar.volume) else { return false }
        out.v0 = v
        return true
    }
}
