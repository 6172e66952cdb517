/// Vertical Horizontal Filter: how much of the path over the window was net range.
///
/// `VHF = (highest close - lowest close over the last period closes) / sum(|close[i] - close[i-1]|)` over the last
/// `period` changes (which reach one close further back), 0 when that sum is not positive (a flat window, or a
/// NaN inside it), as TA-Lib 0.8.1. First value at bar `period`.
/// O(period) per bar: like TA-Lib, the change total is summed afresh over the window each bar, so it carries no
/// running-sum residue and a NaN leaves the window cleanly.
public struct VHFState: StreamingIndicator {
    /// The window length (or period) in bars.
    @usableFromInline var closes: RingBuffer
    public let period: Int

    /// - Parameter period: window length (TA-Lib range 2...100000; values below 1 are treated as 1).
    public init(period: Int = 28) {
        self.period = max(1, period)
        closes = RingBuffer(capacity: self.period + 1)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns VHF from bar `period` on.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        closes.push(x)
        guard closes.isFull else { return nil }
        var highest = x, lowest = x
        var previous = closes[0]
        var total = 0.0
        for i in 1...period {
            let c = closes[i]
            total += abs(c - previous)
            if c > highest { highest = c }
            if c < lowest { lowest = c }
            previous = c
        }
        return total > 0 ? (highest - lowest) / total : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
