/// TA-Lib's zero test for denominators: |v| < 1e-14 (`TA_IS_ZERO`, TA-Lib 0.8.1's `TA_EPSILON`).
@inlinable
func taIsZero(_ v: Double) -> Bool { -1e-14 < v && v < 1e-14 }

/// The running core of Wilder's directional movement system, shared by PLUS_DM, MINUS_DM, PLUS_DI,
/// MINUS_DI, DX, ADX and ADXR.
///
/// Per bar after the first: `+DM1 = H - H[-1]` when it is positive and larger than `-DM1 = L[-1] - L`
/// (and symmetrically for `-DM1`; both zero on a tie), `TR1 = max(H - L, |H - C[-1]|, |L - C[-1]|)`.
/// TA-Lib's seeding: the first `period - 1` one-bar values are summed; from the `period`-th on each sum is
/// smoothed as Wilder does, `S = S - S / period + x1`. Nothing is divided by the period, so the DMs and TR
/// are "period sums", and DI = 100 * DM / TR.
public struct WilderDirectionalCore: Sendable {
    /// The `period` parameter this state was built with.
    public let period: Int
    /// The period as a Double.
    @usableFromInline let periodValue: Double
    /// One-bar moves seen so far (bars minus one).
    @usableFromInline var moves = -1
    @usableFromInline var prevHigh = 0.0
    @usableFromInline var prevLow = 0.0
    @usableFromInline var prevClose = 0.0
    /// Smoothed +DM, -DM and true range.
    @usableFromInline var plusDM = 0.0
    @usableFromInline var minusDM = 0.0
    @usableFromInline var trueRange = 0.0
    /// The smoothed +DM (a period sum).
    @inlinable public var smoothedPlusDM: Double { plusDM }
    /// The smoothed -DM (a period sum).
    @inlinable public var smoothedMinusDM: Double { minusDM }
    /// The smoothed true range (a period sum).
    @inlinable public var smoothedTrueRange: Double { trueRange }

    /// The last bar's own (unsmoothed) +DM1, -DM1 and true range.
    @usableFromInline var lastPlusDM1 = 0.0
    @usableFromInline var lastMinusDM1 = 0.0
    @usableFromInline var lastTrueRange1 = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int) {
        self.period = period
        periodValue = Double(period)
    }

    /// One-bar moves seen so far: 0 after the first bar.
    @inlinable public var moveCount: Int { moves }

    /// Feeds one bar. After it, the smoothed values hold the sums/smoothed values over the moves seen
    /// (`moveCount` of them).
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) {
        moves += 1
        if moves == 0 {
            prevHigh = high
            prevLow = low
            prevClose = close
            return
        }
        let diffP = high - prevHigh
        prevHigh = high
        let diffM = prevLow - low
        prevLow = low
        // TA-Lib 0.8.1's selection: the larger leg, if positive; both zero on a tie.
        let minusDM1 = diffM > 0 && diffM - diffP > 0 ? diffM : 0.0
        let plusDM1 = diffP > 0 && diffP - diffM > 0 ? diffP : 0.0
        var range = high - low
        let up = abs(high - prevClose)
        if up > range { range = up }
        let down = abs(low - prevClose)
        if down > range { range = down }
        if moves >= period {
            // Wilder's smoothing once the seed sum of period - 1 moves is complete, dividing by the
            // period as TA-Lib 0.8.1 does (bit-identical to it).
            minusDM -= minusDM / periodValue
            plusDM -= plusDM / periodValue
            trueRange = trueRange - trueRange / periodValue + range
        } else {
            trueRange += range
        }
        minusDM += minusDM1
        plusDM += plusDM1
        lastPlusDM1 = plusDM1
        lastMinusDM1 = minusDM1
        lastTrueRange1 = range
        prevClose = close
    }

    /// `100 * DM / TR`, or 0 unless the true range is positive (TA-Lib 0.8.1 tests it exactly).
    @inlinable
    public static func indicator(_ dm: Double, _ tr: Double) -> Double {
        tr > 0 ? 100.0 * (dm / tr) : 0
    }

    /// `DX = 100 * |-DI - +DI| / (-DI + +DI)`, or nil where TA-Lib leaves it undefined (zero TR or DI sum).
    @inlinable
    public var directionalIndex: Double? {
        guard trueRange > 0 else { return nil }
        let minusDI = 100.0 * (minusDM / trueRange)
        let plusDI = 100.0 * (plusDM / trueRange)
        let sum = minusDI + plusDI
        guard !taIsZero(sum) else { return nil }
        return 100.0 * (abs(minusDI - plusDI) / sum)
    }
}

/// Which side of the directional movement a DM/DI state reports.
public enum DirectionalSide: Sendable {
    case plus, minus
}

/// PLUS_DM / MINUS_DM: Wilder-smoothed directional movement (a period sum, not an average).
///
/// First value at bar `period - 1` (the sum of the first `period - 1` one-bar moves, TA-Lib's seeding), then
/// `DM = DM - DM / period + DM1`. With `period == 1` it is the raw one-bar move, from bar 1.
public struct DirectionalMovementState: StreamingIndicator {
    @usableFromInline var core: WilderDirectionalCore
    /// The `side` parameter this state was built with.
    public let side: DirectionalSide

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(_ side: DirectionalSide, period: Int) {
        self.side = side
        core = WilderDirectionalCore(period: period)
    }

    /// Leading bars with no output: `period - 1`, or 1 when `period == 1`.
    public static func lookback(period: Int) -> Int { period > 1 ? period - 1 : 1 }

    /// Feeds one bar's high and low; returns the smoothed DM once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? {
        core.update(high: high, low: low, close: .nan)
        guard core.moveCount >= max(1, core.period - 1) else { return nil }
        return side == .plus ? core.plusDM : core.minusDM
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// PLUS_DI / MINUS_DI: `100 * DM / TR` of the Wilder-smoothed sums.
///
/// First value at bar `period` (TA-Lib applies one smoothing step to the seed sums before the first output);
/// 0 where the true range is zero. With `period == 1`, TA-Lib's unsmoothed ratio `DM1 / TR1` (not times 100)
/// from bar 1.
public struct DirectionalIndicatorState: StreamingIndicator {
    @usableFromInline var core: WilderDirectionalCore
    /// The `side` parameter this state was built with.
    public let side: DirectionalSide

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(_ side: DirectionalSide, period: Int) {
        self.side = side
        core = WilderDirectionalCore(period: period)
    }

    /// Leading bars with no output: `period` (1 when `period == 1`).
    public static func lookback(period: Int) -> Int { max(1, period) }

    /// Feeds one bar; returns the DI once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        core.update(high: high, low: low, close: close)
        guard core.moveCount >= max(1, core.period) else { return nil }
        if core.period == 1 {
            // TA-Lib's unsmoothed arm: the plain ratio DM1 / TR1, not scaled by 100.
            let dm = side == .plus ? core.lastPlusDM1 : core.lastMinusDM1
            return dm > 0 && core.lastTrueRange1 > 0 ? dm / core.lastTrueRange1 : 0
        }
        return WilderDirectionalCore.indicator(side == .plus ? core.plusDM : core.minusDM, core.trueRange)
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// DX: directional movement index, `100 * |-DI - +DI| / (-DI + +DI)`.
///
/// First value at bar `period`. Where it is undefined (zero true range or zero DI sum) TA-Lib repeats the
/// previous value (0 for the first).
public struct DXState: StreamingIndicator {
    @usableFromInline var core: WilderDirectionalCore
    @usableFromInline var last = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int) { core = WilderDirectionalCore(period: period) }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one bar; returns DX once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        core.update(high: high, low: low, close: close)
        guard core.moveCount >= core.period else { return nil }
        if let dx = core.directionalIndex { last = dx }
        return last
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// ADX: Wilder's average of DX.
///
/// The first ADX, at bar `2 * period - 1`, is the sum of the `period` DX values of bars `period ... 2*period-1`
/// divided by `period` (an undefined DX adds nothing, TA-Lib's rule); then
/// `ADX = (ADX[-1] * (period - 1) + DX) / period`, skipping bars where DX is undefined.
public struct ADXState: StreamingIndicator {
    @usableFromInline var core: WilderDirectionalCore
    @usableFromInline var adx = 0.0

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int) { core = WilderDirectionalCore(period: period) }

    /// Leading bars with no output: `2 * period - 1`.
    public static func lookback(period: Int) -> Int { 2 * period - 1 }

    /// Feeds one bar; returns ADX once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        core.update(high: high, low: low, close: close)
        let n = core.moveCount
        let p = core.period
        guard n >= p else { return nil }
        let dx = core.directionalIndex
        if n < 2 * p - 1 {
            if let dx { adx += dx }
            return nil
        }
        if n == 2 * p - 1 {
            if let dx { adx += dx }
            adx /= Double(p)
            return adx
        }
        if let dx { adx = (adx * Double(p - 1) + dx) / Double(p) }
        return adx
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// ADXR: average of today's ADX and the ADX of `period - 1` bars ago, `(ADX + ADX[-(period-1)]) / 2`.
public struct ADXRState: StreamingIndicator {
    @usableFromInline var adx: ADXState
    @usableFromInline var history: RingBuffer

    /// A fresh state; parameters are TA-Lib's (the catalog validates their ranges).
    public init(period: Int) {
        adx = ADXState(period: period)
        history = RingBuffer(capacity: period)
    }

    /// Leading bars with no output: ADX's lookback plus `period - 1`.
    public static func lookback(period: Int) -> Int { ADXState.lookback(period: period) + period - 1 }

    /// Feeds one bar; returns ADXR once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        guard let a = adx.update(high: high, low: low, close: close) else { return nil }
        history.push(a)
        guard history.isFull else { return nil }
        return (a + history[0]) / 2.0
    }

    /// Feeds one bar (the fields this function reads) and writes its outputs; false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
