/// Kaufman adaptive moving average, TA-Lib's form.
///
/// Efficiency ratio `ER = |x[t] - x[t-p]| / sum(|x[i] - x[i-1]|, last p changes)` (1 when the noise sum is
/// zero or not above the signed change, as TA-Lib tests it), smoothing `sc = (ER*(2/3 - 2/31) + 2/31)^2`,
/// `KAMA[t] = sc * x[t] + (1 - sc) * KAMA[t-1]` (TA-Lib's `KAMA[t-1] + sc * (x[t] - KAMA[t-1])`, written so
/// the chain from bar to bar is one product and one sum; the two differ by rounding only). TA-Lib's seed: `KAMA[p-1] = x[p-1]`, first output at
/// bar `p` (lookback `period`). A period of 1 is the identity, as TA-Lib.
public struct KAMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    @usableFromInline static let constMax = 2.0 / (30.0 + 1.0)
    @usableFromInline static let constDiff = 2.0 / (2.0 + 1.0) - constMax
    @usableFromInline var window: RingBuffer   // the last period+1 inputs before this bar
    @usableFromInline var sumROC1 = 0.0
    @usableFromInline var prevKAMA = 0.0
    @usableFromInline var seen = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period + 1)
    }

    /// Leading bars with no output: `period` (0 for a period of 1, which is the identity).
    public static func lookback(period: Int) -> Int { period <= 1 ? 0 : period }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        // TA-Lib: a period of 1 copies the input (lookback 0).
        if period == 1 { return x }
        let t = seen
        seen += 1
        if t == 0 {
            window.pushInline(x)
            return nil
        }
        let prev = window.last
        let trailing: Double
        if t <= period {
            sumROC1 += abs(prev - x)
            if t < period {
                window.pushInline(x)
                return nil
            }
            trailing = window[0]
            prevKAMA = prev
        } else {
            let older = window[0]
            trailing = window[1]
            sumROC1 -= abs(older - trailing)
            sumROC1 += abs(x - prev)
        }
        window.pushInline(x)
        let periodROC = x - trailing
        let er: Double
        // TA-Lib compares the noise sum with the signed change, and treats |sum| < 1e-8 as zero.
        if sumROC1 <= periodROC || (sumROC1 > -1e-8 && sumROC1 < 1e-8) {
            er = 1.0
        } else {
            er = abs(periodROC / sumROC1)
        }
        var sc = er * KAMAState.constDiff + KAMAState.constMax
        sc *= sc
        prevKAMA = sc * x + (1.0 - sc) * prevKAMA
        return prevKAMA
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
