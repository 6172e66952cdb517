/// Parabolic SAR with separate long/short parameters (TA-Lib's `SAREXT`); `SAR` is the special case with
/// one acceleration for both sides and positive output.
///
/// Wilder's stop-and-reverse: while long, `SAR += af * (EP - SAR)` and the SAR may not rise above the
/// last two lows; `EP` is the extreme price of the trend and `af` grows by `step` (to `max`) with each new
/// extreme. A low at or below the SAR (or high at or above it when short) reverses: the SAR jumps to the
/// EP (bounded by the last two bars, then moved by `offsetOnReverse`), and `af` restarts.
/// TA-Lib's start, at bar 1: with `startValue` 0 the direction is short if bar 1 has a positive
/// `-DM` (lower low exceeding any higher high), long otherwise, and the first SAR is bar 0's low (long) or
/// high (short); a positive / negative `startValue` starts long / short at `|startValue|`.
/// On the first bar TA-Lib takes the "previous" high and low equal to the current ones.
/// `SAREXT` reports short positions as negative values.
public struct SAREXTState: StreamingIndicator {
    /// The start value: 0 picks the first direction from the first two bars, > 0 starts long, < 0 short.
    public let startValue: Double
    /// The fraction by which the SAR is moved away from price on a reversal.
    public let offsetOnReverse: Double
    @usableFromInline let initLong: Double, stepLong: Double, maxLong: Double
    @usableFromInline let initShort: Double, stepShort: Double, maxShort: Double
    /// Whether short positions are reported negative (SAREXT) or positive (SAR).
    @usableFromInline let signedOutput: Bool
    @usableFromInline var afLong: Double
    @usableFromInline var afShort: Double
    @usableFromInline var isLong = true
    @usableFromInline var sar = 0.0
    @usableFromInline var ep = 0.0
    @usableFromInline var newHigh = 0.0
    @usableFromInline var newLow = 0.0
    @usableFromInline var bars = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(startValue: Double = 0, offsetOnReverse: Double = 0,
                accelerationInitLong: Double = 0.02, accelerationLong: Double = 0.02, accelerationMaxLong: Double = 0.2,
                accelerationInitShort: Double = 0.02, accelerationShort: Double = 0.02, accelerationMaxShort: Double = 0.2) {
        self.init(startValue: startValue, offsetOnReverse: offsetOnReverse,
                  initLong: accelerationInitLong, stepLong: accelerationLong, maxLong: accelerationMaxLong,
                  initShort: accelerationInitShort, stepShort: accelerationShort, maxShort: accelerationMaxShort,
                  signedOutput: true)
    }

    @usableFromInline
    init(startValue: Double, offsetOnReverse: Double, initLong: Double, stepLong: Double, maxLong: Double,
         initShort: Double, stepShort: Double, maxShort: Double, signedOutput: Bool) {
        self.startValue = startValue
        self.offsetOnReverse = offsetOnReverse
        // TA-Lib caps the initial acceleration and the step at the maximum.
        self.initLong = min(initLong, maxLong)
        self.stepLong = min(stepLong, maxLong)
        self.maxLong = maxLong
        self.initShort = min(initShort, maxShort)
        self.stepShort = min(stepShort, maxShort)
        self.maxShort = maxShort
        self.signedOutput = signedOutput
        afLong = self.initLong
        afShort = self.initShort
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback() -> Int { 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(high: Double, low: Double) -> Double? {
        bars += 1
        if bars == 1 {
            newHigh = high
            newLow = low
            return nil
        }
        if bars == 2 {
            // newHigh/newLow hold bar 0 here.
            if startValue == 0 {
                let diffPlus = high - newHigh
                let diffMinus = newLow - low
                isLong = !(diffMinus > 0 && diffPlus < diffMinus)
                if isLong {
                    ep = high
                    sar = newLow
                } else {
                    ep = low
                    sar = newHigh
                }
            } else if startValue > 0 {
                isLong = true
                ep = high
                sar = startValue
            } else {
                isLong = false
                ep = low
                sar = abs(startValue)
            }
            newHigh = high
            newLow = low
        }
        let prevLow = newLow
        let prevHigh = newHigh
        newLow = low
        newHigh = high
        let output: Double
        if isLong {
            if newLow <= sar {
                isLong = false
                sar = ep
                if sar < prevHigh { sar = prevHigh }
                if sar < newHigh { sar = newHigh }
                if offsetOnReverse != 0 { sar += sar * offsetOnReverse }
                output = signedOutput ? -sar : sar
                afShort = initShort
                ep = newLow
                sar = sar + afShort * (ep - sar)
                if sar < prevHigh { sar = prevHigh }
                if sar < newHigh { sar = newHigh }
            } else {
                output = sar
                if newHigh > ep {
                    ep = newHigh
                    afLong += stepLong
                    if afLong > maxLong { afLong = maxLong }
                }
                sar = sar + afLong * (ep - sar)
                if sar > prevLow { sar = prevLow }
                if sar > newLow { sar = newLow }
            }
        } else {
            if newHigh >= sar {
                isLong = true
                sar = ep
                if sar > prevLow { sar = prevLow }
                if sar > newLow { sar = newLow }
                if offsetOnReverse != 0 { sar -= sar * offsetOnReverse }
                output = sar
                afLong = initLong
                ep = newHigh
                sar = sar + afLong * (ep - sar)
                if sar > prevLow { sar = prevLow }
                if sar > newLow { sar = newLow }
            } else {
                output = signedOutput ? -sar : sar
                if newLow < ep {
                    ep = newLow
                    afShort += stepShort
                    if afShort > maxShort { afShort = maxShort }
                }
                sar = sar + afShort * (ep - sar)
                if sar < prevHigh { sar = prevHigh }
                if sar < newHigh { sar = newHigh }
            }
        }
        return output
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}

/// Parabolic SAR (Wilder) with one acceleration factor for both sides: `af` starts at `acceleration`,
/// grows by `acceleration` with each new extreme up to `maximum` (the start is capped at `maximum`).
/// Output is always the (positive) SAR. See `SAREXTState` for the rules and TA-Lib's start at bar 1.
public struct SARState: StreamingIndicator {
    @usableFromInline var core: SAREXTState

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(acceleration: Double = 0.02, maximum: Double = 0.2) {
        let a = min(acceleration, maximum)
        core = SAREXTState(startValue: 0, offsetOnReverse: 0, initLong: a, stepLong: a, maxLong: maximum,
                           initShort: a, stepShort: a, maxShort: maximum, signedOutput: false)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback() -> Int { 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable
    public mutating func update(high: Double, low: Double) -> Double? { core.update(high: high, low: low) }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = core.update(high: bar.high, low: bar.low) else { return false }
        out.v0 = v
        return true
    }
}
