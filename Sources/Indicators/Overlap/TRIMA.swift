/// Triangular moving average: weights rising 1, 2, ... to the middle of the window and falling back to 1.
///
/// The triangle is the convolution of two boxes: for odd `p` both have length `(p+1)/2`; for even `p` the
/// lengths are `p/2` and `p/2 + 1`, which gives exactly TA-Lib's weights (`1..p/2+1..1` over `(p/2+1)^2`,
/// or `1..p/2,p/2..1` over `p/2*(p/2+1)`). First value at bar `p - 1`.
/// Kept as three running sums read straight from the last `p + 1` inputs, so an update is O(1):
/// `head` = sum of the last `inner` inputs, `trail` = the same sum `outer` bars earlier,
/// `total += head - trail` (the triangle-weighted sum), and `TRIMA = total / (inner * outer)` (one multiply,
/// as TA-Lib's one factor). A period of 1 is the identity, as TA-Lib.
public struct TRIMAState: StreamingIndicator {
    /// The period, in bars.
    public let period: Int
    /// The two box lengths (`inner + outer = period + 1`).
    @usableFromInline let inner: Int, outer: Int
    /// `1 / (inner * outer)`.
    @usableFromInline let factor: Double
    /// The last `period + 2` inputs (`inner + outer + 1`): enough to read `x[t - inner - outer]`.
    @usableFromInline var recent: RingBuffer
    @usableFromInline var head = 0.0
    @usableFromInline var trail = 0.0
    @usableFromInline var total = 0.0
    @usableFromInline var seen = 0

    /// A fresh state for these parameters (TA-Lib's meanings; see the type's documentation).
    public init(period: Int) {
        let p = max(1, period)
        self.period = p
        if p % 2 == 1 {
            inner = (p + 1) / 2
            outer = (p + 1) / 2
        } else {
            inner = p / 2
            outer = p / 2 + 1
        }
        factor = 1.0 / Double(inner * outer)
        recent = RingBuffer(capacity: inner + outer + 1)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { max(1, period) - 1 }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable @inline(__always)
    public mutating func update(_ x: Double) -> Double? {
        if period == 1 { return x }
        let t = seen
        seen += 1
        recent.pushInline(x)
        let last = recent.count - 1   // recent[last - j] is x[t - j]
        head += x
        if t >= inner { head -= recent[last - inner] }
        if t >= outer {
            trail += recent[last - outer]
            if t >= outer + inner { trail -= recent[last - outer - inner] }
        }
        total += head
        if t >= outer { total -= trail }
        return t >= inner + outer - 2 ? total * factor : nil
    }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
