/// Tillson's T3: six EMAs in cascade (`k = 2/(period+1)`), combined as
/// `T3 = c1*e6 + c2*e5 + c3*e4 + c4*e3` with `c1 = -v^3`, `c2 = 3v^2 + 3v^3`, `c3 = -6v^2 - 3v - 3v^3`,
/// `c4 = 1 + 3v + v^3 + 3v^2` (`v` = volume factor).
///
/// TA-Lib's seeding: `e1` starts as the SMA of the first `period` inputs; each next `e(j)` starts as the
/// average of the first `period` values of `e(j-1)` (its seed plus `period - 1` updates), so the first
/// output is at bar `6 * (period - 1)`.
public struct T3State: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    /// The volume factor v of the T3 coefficients.
    public let volumeFactor: Double
    @usableFromInline let k: Double
    @usableFromInline let oneMinusK: Double
    @usableFromInline let c1: Double, c2: Double, c3: Double, c4: Double
    @usableFromInline var e1 = 0.0, e2 = 0.0, e3 = 0.0, e4 = 0.0, e5 = 0.0, e6 = 0.0
    /// How many of e1...e6 are running (0 while the first seed accumulates).
    @usableFromInline var stage = 0
    @usableFromInline var count = 0
    @usableFromInline var sum = 0.0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int, volumeFactor: Double = 0.7) {
        self.period = max(1, period)
        self.volumeFactor = volumeFactor
        k = 2.0 / (Double(self.period) + 1.0)
        oneMinusK = 1.0 - k
        let v = volumeFactor
        let v2 = v * v
        c1 = -(v2 * v)
        c2 = 3.0 * (v2 - c1)
        c3 = -6.0 * v2 - 3.0 * (v - c1)
        c4 = 1.0 + 3.0 * v - c1 + 3.0 * v2
    }

    /// Leading bars with no output: `6 * (period - 1)`.
    public static func lookback(period: Int) -> Int { 6 * (max(1, period) - 1) }

    @inlinable
    mutating func cascade(_ x: Double, levels: Int) {
        e1 = (k * x) + (oneMinusK * e1)
        if levels < 2 { return }
        e2 = (k * e1) + (oneMinusK * e2)
        if levels < 3 { return }
        e3 = (k * e2) + (oneMinusK * e3)
        if levels < 4 { return }
        e4 = (k * e3) + (oneMinusK * e4)
        if levels < 5 { return }
        e5 = (k * e4) + (oneMinusK * e5)
        if levels < 6 { return }
        e6 = (k * e5) + (oneMinusK * e6)
    }

    @inlinable
    mutating func seedNext() {
        let v = sum / Double(period)
        stage += 1
        switch stage {
        case 1: e1 = v
        case 2: e2 = v
        case 3: e3 = v
        case 4: e4 = v
        case 5: e5 = v
        default: e6 = v
        }
        sum = v
        count = 0
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if stage == 6 {
            cascade(x, levels: 6)
        } else if stage == 0 {
            sum += x
            count += 1
            if count < period { return nil }
            seedNext()
        } else {
            cascade(x, levels: stage)
            switch stage {
            case 1: sum += e1
            case 2: sum += e2
            case 3: sum += e3
            case 4: sum += e4
            default: sum += e5
            }
            count += 1
            if count < period - 1 { return nil }
            seedNext()
        }
        while stage < 6 && period == 1 { seedNext() }
        guard stage == 6 else { return nil }
        return c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
