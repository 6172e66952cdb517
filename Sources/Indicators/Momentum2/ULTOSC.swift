/// Ultimate Oscillator (Larry Williams), as TA-Lib computes it.
///
/// Per bar (from the second on): `trueLow = min(low, prevClose)`, buying pressure `BP = close - trueLow`,
/// `TR` = TA-Lib's true range. Over the shortest, middle and longest of the three periods (TA-Lib sorts them):
/// `avg_i = sum(BP) / sum(TR)`; `ULTOSC = 100 * (4*avg_short + 2*avg_mid + avg_long) / 7`, where a window whose
/// TR sum is exactly 0 contributes nothing. A window made only of zero-range bars counts as exactly 0 (TA-Lib
/// 0.8.1 reseeds its running totals there rather than keep their rounding residue).
/// First value at bar `max(periods)` (28 with defaults 7, 14, 28).
public struct ULTOSCState: StreamingIndicator {
    @usableFromInline let periods: (Int, Int, Int)
    @usableFromInline var pressure: RingBuffer
    @usableFromInline var ranges: RingBuffer
    @usableFromInline var sums: (bp: (Double, Double, Double), tr: (Double, Double, Double)) = ((0, 0, 0), (0, 0, 0))
    @usableFromInline var previousClose = 0.0
    @usableFromInline var seen = 0
    /// Consecutive bars whose true range is exactly 0.
    @usableFromInline var flatRun = 0

    /// - Parameters: the three periods, each 1...100000 in TA-Lib, in any order (values below 1 are treated as 1).
    public init(period1: Int = 7, period2: Int = 14, period3: Int = 28) {
        let sorted = [period1, period2, period3].map { max(1, $0) }.sorted()
        periods = (sorted[0], sorted[1], sorted[2])
        pressure = RingBuffer(capacity: sorted[2] + 1)
        ranges = RingBuffer(capacity: sorted[2] + 1)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period1: Int = 7, period2: Int = 14, period3: Int = 28) -> Int {
        max(period1, period2, period3)
    }

    /// Feeds one bar; returns the oscillator from bar `max(periods)` on.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        defer { previousClose = close }
        seen += 1
        guard seen > 1 else { return nil }
        let trueLow = min(low, previousClose)
        let bp = close - trueLow
        var tr = high - low
        let upGap = abs(previousClose - high)
        if upGap > tr { tr = upGap }
        let downGap = abs(previousClose - low)
        if downGap > tr { tr = downGap }
        flatRun = tr == 0 ? flatRun + 1 : 0
        pressure.push(bp)
        ranges.push(tr)
        let n = pressure.count
        sums.bp.0 += bp; sums.tr.0 += tr
        sums.bp.1 += bp; sums.tr.1 += tr
        sums.bp.2 += bp; sums.tr.2 += tr
        if n > periods.0 { sums.bp.0 -= pressure[n - 1 - periods.0]; sums.tr.0 -= ranges[n - 1 - periods.0] }
        if n > periods.1 { sums.bp.1 -= pressure[n - 1 - periods.1]; sums.tr.1 -= ranges[n - 1 - periods.1] }
        if n > periods.2 { sums.bp.2 -= pressure[n - 1 - periods.2]; sums.tr.2 -= ranges[n - 1 - periods.2] }
        if flatRun >= periods.0 { sums.bp.0 = 0; sums.tr.0 = 0 }
        if flatRun >= periods.1 { sums.bp.1 = 0; sums.tr.1 = 0 }
        if flatRun >= periods.2 { sums.bp.2 = 0; sums.tr.2 = 0 }
        guard seen > periods.2 else { return nil }
        var total = 0.0
        if sums.tr.0 != 0 { total += 4.0 * (sums.bp.0 / sums.tr.0) }
        if sums.tr.1 != 0 { total += 2.0 * (sums.bp.1 / sums.tr.1) }
        if sums.tr.2 != 0 { total += sums.bp.2 / sums.tr.2 }
        return 100.0 * (total / 7.0)
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v
        return true
    }
}
