/// Beta (`BETA`): the slope of the least-squares line through the one-bar returns of two series over the
/// last `period` returns, as TA-Lib 0.8.1 computes it; first value at bar `period` (a return needs the bar before).
///
/// Returns `x = (p0[t] - p0[t-1]) / p0[t-1]` (0 when the previous price is zero by `|p| < 1e-14`) and likewise
/// `y` for `p1`; `beta = (n Σxy - Σx Σy) / (n Σx² - (Σx)²)`, 0 when that denominator is at or below 1e-14 of
/// `n Σx²`. `price0` is `bar.high` and `price1` is `bar.low` (TA-Lib's abstract mapping; beta of price1 on price0).
/// The returns are measured against shifts (TA-Lib issue #242): the first return at first, the window's
/// mean return after each rebuild; a rebuild happens when the denominator falls below 1e-6 of `n Σx²`, when
/// the return that left had a squared deviation above 1e3 times the remaining `Σx²`, or every `32 * period`
/// bars — TA-Lib's scheme, reproduced step for step.
public struct BetaState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline let n: Double
    /// The last `period + 1` prices of each series: the returns of the window and the price before them.
    @usableFromInline var pricesX: RingBuffer
    @usableFromInline var pricesY: RingBuffer
    @usableFromInline var shiftX = 0.0
    @usableFromInline var shiftY = 0.0
    @usableFromInline var sxx = 0.0
    @usableFromInline var sxy = 0.0
    @usableFromInline var sx = 0.0
    @usableFromInline var sy = 0.0
    @usableFromInline var leavingXX = 0.0
    @usableFromInline var barsSinceReseed: Int
    @usableFromInline var seen = 0

    /// - Parameter period: returns in the window, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        n = Double(self.period)
        pricesX = RingBuffer(capacity: self.period + 1)
        pricesY = RingBuffer(capacity: self.period + 1)
        barsSinceReseed = 32 * self.period
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { period }

    /// TA-Lib's "is zero" test for a previous price: `|v| < 1e-14` (`TA_IS_ZERO` with 0.8.1's `TA_EPSILON`).
    @inlinable
    static func isZero(_ v: Double) -> Bool { -0.00000000000001 < v && v < 0.00000000000001 }

    /// The return from `previous` to `price`, less `shift`; `-shift` when `previous` is zero.
    @inlinable
    static func shiftedReturn(_ price: Double, from previous: Double, shift: Double) -> Double {
        Self.isZero(previous) ? -shift : (price - previous) / previous - shift
    }

    /// Feeds one pair of prices; returns beta once `period` returns are in the window.
    @inlinable
    public mutating func update(_ priceX: Double, _ priceY: Double) -> Double? {
        let hasPrevious = pricesX.count > 0
        let previousX = hasPrevious ? pricesX.last : 0
        let previousY = hasPrevious ? pricesY.last : 0
        pricesX.push(priceX)
        pricesY.push(priceY)
        seen += 1
        guard hasPrevious else { return nil }
        if seen == 2 {
            // TA-Lib anchors the shifts on the first return of the first window.
            if !Self.isZero(previousX) { shiftX = (priceX - previousX) / previousX }
            if !Self.isZero(previousY) { shiftY = (priceY - previousY) / previousY }
        }
        let x = Self.shiftedReturn(priceX, from: previousX, shift: shiftX)
        let y = Self.shiftedReturn(priceY, from: previousY, shift: shiftY)
        sxx += x * x
        sxy += x * y
        sx += x
        sy += y
        guard seen > period else { return nil }

        var scale = n * sxx
        var denominator = scale - sx * sx
        barsSinceReseed -= 1
        if denominator < 0.000001 * scale || leavingXX > 1000.0 * sxx || barsSinceReseed <= 0 {
            barsSinceReseed = 32 * period
            var totalX = 0.0
            var totalY = 0.0
            for i in 1...period {
                let px = pricesX[i - 1]
                if !Self.isZero(px) { totalX += (pricesX[i] - px) / px }
                let py = pricesY[i - 1]
                if !Self.isZero(py) { totalY += (pricesY[i] - py) / py }
            }
            shiftX = totalX / n
            shiftY = totalY / n
            sxx = 0; sxy = 0; sx = 0; sy = 0
            for i in 1...period {
                let a = Self.shiftedReturn(pricesX[i], from: pricesX[i - 1], shift: shiftX)
                let b = Self.shiftedReturn(pricesY[i], from: pricesY[i - 1], shift: shiftY)
                sxx += a * a
                sxy += a * b
                sx += a
                sy += b
            }
            scale = n * sxx
            denominator = scale - sx * sx
            if denominator < 0 { denominator = 0 }
        }

        // The oldest return of the window, under the current shifts: it leaves with the next bar.
        let tx = Self.shiftedReturn(pricesX[1], from: pricesX[0], shift: shiftX)
        let ty = Self.shiftedReturn(pricesY[1], from: pricesY[0], shift: shiftY)
        let beta = denominator > 0.00000000000001 * scale ? (n * sxy - sx * sy) / denominator : 0
        leavingXX = tx * tx
        sxx -= tx * tx
        sxy -= tx * ty
        sx -= tx
        sy -= ty
        return beta
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.high, bar.low) else { return false }
        out.v0 = v
        return true
    }
}
