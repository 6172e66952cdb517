/// Vortex Indicator (Botes & Siepman), as TA-Lib 0.8.1 computes it.
///
/// Per bar from the second on: `TR` (TA-Lib's true range), `VM+ = |high - prevLow|`, `VM- = |low - prevHigh|`.
/// Over the last `period` bars: `plusvi = sum(VM+) / sum(TR)`, `minusvi = sum(VM-) / sum(TR)`, both 0 where the TR sum
/// is not positive. Like TA-Lib, when the last `period` true ranges are all exactly 0 the TR total is reset to 0
/// (dropping the running sum's rounding residue). First values at bar `period`.
public struct VORTEXState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var ranges: RingBuffer
    @usableFromInline var plusMoves: RingBuffer
    @usableFromInline var minusMoves: RingBuffer
    @usableFromInline var sumRange = 0.0
    @usableFromInline var sumPlus = 0.0
    @usableFromInline var sumMinus = 0.0
    @usableFromInline var flatRun = 0
    @usableFromInline var previous: (high: Double, low: Double, close: Double) = (0, 0, 0)
    @usableFromInline var seen = 0
    public let period: Int

    /// - Parameter period: window length (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(period: Int = 14) {
        self.period = max(1, period)
        ranges = RingBuffer(capacity: self.period)
        plusMoves = RingBuffer(capacity: self.period)
        minusMoves = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one bar; returns `(plus, minus)` from bar `period` on.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> (plus: Double, minus: Double)? {
        defer { previous = (high, low, close) }
        seen += 1
        guard seen > 1 else { return nil }
        var tr = high - low
        let upGap = abs(previous.close - high)
        if upGap > tr { tr = upGap }
        let downGap = abs(previous.close - low)
        if downGap > tr { tr = downGap }
        let plus = abs(high - previous.low)
        let minus = abs(low - previous.high)
        ranges.push(tr)
        plusMoves.push(plus)
        minusMoves.push(minus)
        sumRange += tr
        sumPlus += plus
        sumMinus += minus
        flatRun = tr == 0 ? flatRun + 1 : 0
        if flatRun >= period {
            flatRun = period
            sumRange = 0
        }
        guard ranges.isFull else { return nil }
        let result = sumRange > 0 ? (sumPlus / sumRange, sumMinus / sumRange) : (0.0, 0.0)
        // Retire the oldest bar of this window, ready for the next one (TA-Lib's order).
        sumRange -= ranges[0]
        sumPlus -= plusMoves[0]
        sumMinus -= minusMoves[0]
        return result
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(high: bar.high, low: bar.low, close: bar.close) else { return false }
        out.v0 = v.plus
        out.v1 = v.minus
        return true
    }
}
