/// Average day range: the SMA of `high - low` over `period` bars. First value at bar `period - 1`.
public struct ADRState: StreamingIndicator {
    @usableFromInline var sma: SMAState

    public init(period: Int) { sma = SMAState(period: max(1, period)) }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? { sma.update(high - low) }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// Chaikin's volatility: the rate of change, in percent over `rocPeriod` bars, of the EMA (`period`,
/// SMA-seeded) of `high - low`: `100 * (E[t] - E[t-r]) / E[t-r]` (0 where `E[t-r]` is 0).
/// First value at bar `period - 1 + rocPeriod`.
public struct CVIState: StreamingIndicator {
    @usableFromInline var ema: EMAState
    @usableFromInline var history: RingBuffer

    public init(period: Int, rocPeriod: Int) {
        ema = EMAState(period: max(1, period))
        history = RingBuffer(capacity: max(1, rocPeriod) + 1)
    }

    public static func lookback(period: Int, rocPeriod: Int) -> Int { max(1, period) - 1 + max(1, rocPeriod) }

    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let e = ema.update(high - low) else { return nil }
        history.push(e)
        guard history.isFull else { return nil }
        let old = history[0]
        return old != 0 ? ((e - old) / old) * 100.0 : 0.0
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// Mass index (Dorsey): the sum over `slowPeriod` bars of `EMA(range) / EMA(EMA(range))`, both EMAs of
/// `fastPeriod` (SMA-seeded), `range = high - low`. First value at bar `2*(fast-1) + slow - 1`.
public struct MASSIState: StreamingIndicator {
    @usableFromInline var ema1: EMAState
    @usableFromInline var ema2: EMAState
    @usableFromInline var window: RingBuffer
    @usableFromInline var total = 0.0

    public init(fastPeriod: Int, slowPeriod: Int) {
        ema1 = EMAState(period: max(1, fastPeriod))
        ema2 = EMAState(period: max(1, fastPeriod))
        window = RingBuffer(capacity: max(1, slowPeriod))
    }

    public static func lookback(fastPeriod: Int, slowPeriod: Int) -> Int { 2 * (max(1, fastPeriod) - 1) + max(1, slowPeriod) - 1 }

    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        guard let e1 = ema1.update(high - low), let e2 = ema2.update(e1) else { return nil }
        let ratio = e1 / e2
        total += ratio
        if let old = window.push(ratio) { total -= old }
        return window.isFull ? total : nil
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}
