/// Relative Strength Index with TA-Lib's Wilder seeding.
///
/// The first `period` close-to-close changes are split into gains and losses and averaged
/// (`avgGain = sum(gains) / period`, `avgLoss = sum(losses) / period`); the first value is at bar `period`
/// (lookback `period`). Then Wilder's smoothing: `avg = (avg * (period - 1) + today) * (1 / period)`.
/// `RSI = 100 * (avgGain / (avgGain + avgLoss))`, and 0 when both averages are exactly 0.
///
/// Compatibility choice: the smoothing multiplies by the reciprocal of the period where TA-Lib's source divides,
/// because that is what the TA-Lib 0.8.1 binary computes (bit for bit, measured); it matters for STOCHRSI, which
/// rescales RSI values that differ only by rounding in a flat market. The seed divides, as the binary does.
///
/// O(1) per bar and allocation-free: the hot path is one subtraction, two multiply-adds, two multiplications
/// and one division.
public struct RSIState: StreamingIndicator {
    /// The window length (or period) in bars.
    public let period: Int
    @usableFromInline let periodValue: Double
    @usableFromInline let periodMinusOne: Double
    @usableFromInline let reciprocal: Double
    /// Closes seen so far, saturating once the seed is complete.
    @usableFromInline var seen = 0
    @usableFromInline var previous = 0.0
    @usableFromInline var averageGain = 0.0
    @usableFromInline var averageLoss = 0.0

    /// - Parameter period: Wilder period (TA-Lib range 2...100000; values below 1 are treated as 1).
    public init(period: Int = 14) {
        self.period = max(1, period)
        periodValue = Double(self.period)
        periodMinusOne = Double(self.period - 1)
        reciprocal = 1.0 / Double(self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the RSI from bar `period` on.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        if seen > period {
            let change = x - previous
            previous = x
            var gain = averageGain * periodMinusOne
            var loss = averageLoss * periodMinusOne
            if change < 0 { loss -= change } else { gain += change }
            averageGain = gain * reciprocal
            averageLoss = loss * reciprocal
            return ratio()
        }
        return warmUp(x)
    }

    @inlinable
    func ratio() -> Double {
        let total = averageGain + averageLoss
        return total != 0 ? 100.0 * (averageGain / total) : 0
    }

    @usableFromInline
    mutating func warmUp(_ x: Double) -> Double? {
        if seen > 0 {
            let change = x - previous
            if change < 0 { averageLoss -= change } else { averageGain += change }
        }
        previous = x
        seen += 1
        guard seen > period else { return nil }
        averageGain /= periodValue
        averageLoss /= periodValue
        return ratio()
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
