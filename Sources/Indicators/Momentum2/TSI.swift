/// True Strength Index (Blau), as TA-Lib 0.8.1 computes it.
///
/// `mom = close[t] - close[t-1]`; `TSI = 100 * EMA(EMA(mom, first), second) / EMA(EMA(|mom|, first), second)`,
/// 0 where the denominator is not positive (tested exactly). Each EMA stage is seeded with the mean of its first
/// inputs and steps as `k*x + (1-k)*prev` (TA-Lib's form, unfused as `FusedEMA`). First value at bar `1 + (first - 1) + (second - 1)`.
public struct TSIState: StreamingIndicator {
    @usableFromInline var firstNumerator: FusedEMA
    @usableFromInline var firstDenominator: FusedEMA
    @usableFromInline var secondNumerator: FusedEMA
    @usableFromInline var secondDenominator: FusedEMA
    @usableFromInline var previous = 0.0
    @usableFromInline var hasPrevious = false

    /// - Parameters: TA-Lib's periods, each 2...100000 (values below 1 are treated as 1).
    public init(firstPeriod: Int = 25, secondPeriod: Int = 13) {
        firstNumerator = FusedEMA(period: firstPeriod)
        firstDenominator = FusedEMA(period: firstPeriod)
        secondNumerator = FusedEMA(period: secondPeriod)
        secondDenominator = FusedEMA(period: secondPeriod)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(firstPeriod: Int = 25, secondPeriod: Int = 13) -> Int {
        1 + firstPeriod - 1 + secondPeriod - 1
    }

    /// Feeds one close; returns the TSI once both smoothing stages are seeded.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard hasPrevious else {
            previous = x
            hasPrevious = true
            return nil
        }
        let mom = x - previous
        previous = x
        // Both lines of a stage are updated every bar (no short-circuit between them).
        let n1 = firstNumerator.update(mom), d1 = firstDenominator.update(abs(mom))
        guard let n1, let d1 else { return nil }
        let n2 = secondNumerator.update(n1), d2 = secondDenominator.update(d1)
        guard let n2, let d2 else { return nil }
        return d2 > 0 ? 100.0 * n2 / d2 : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
