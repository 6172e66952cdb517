/// The largest peak-to-trough fall of a value series and how long it lasted.
public struct Drawdown: Sendable, Equatable, Codable {
    /// `1 − trough / peak`, a fraction (0.25 = −25%); 0 for a series that never falls.
    public var maxDrawdown: Double
    /// Index of the peak before the largest fall.
    public var peakIndex: Int
    /// Index of the trough of the largest fall.
    public var troughIndex: Int
    /// First index after the trough where the value is back at or above the peak; nil when not recovered.
    public var recoveryIndex: Int?
    /// Bars from the peak to the recovery (or to the last value when not recovered).
    public var durationBars: Int
    /// Bars from the peak to the trough.
    public var declineBars: Int
    /// The longest stretch of bars spent below a previous peak, any drawdown.
    public var longestUnderwaterBars: Int
}

extension RiskMetrics {
    /// Maximum drawdown of prices or an equity curve (all values > 0), with its peak, trough, recovery and duration.
    public static func maxDrawdown(values: [Double]) throws -> Drawdown {
        try checkPrices(values, "value")
        guard !values.isEmpty else { throw RiskError.insufficientData(needed: 1, got: 0, what: "maximum drawdown") }
        var peakIndex = 0, bestPeak = 0, bestTrough = 0
        var worst = 0.0
        var underwaterStart: Int? = nil
        var longest = 0
        for i in values.indices {
            if values[i] >= values[peakIndex] {
                if let start = underwaterStart { longest = max(longest, i - start); underwaterStart = nil }
                peakIndex = i
                continue
            }
            if underwaterStart == nil { underwaterStart = peakIndex }
            let dd = 1 - values[i] / values[peakIndex]
            if dd > worst { worst = dd; bestPeak = peakIndex; bestTrough = i }
        }
        if let start = underwaterStart { longest = max(longest, values.count - 1 - start) }
        var recovery: Int? = nil
        if worst > 0 {
            recovery = values[(bestTrough + 1)...].firstIndex { $0 >= values[bestPeak] }
        }
        let end = recovery ?? (values.count - 1)
        return Drawdown(maxDrawdown: worst, peakIndex: bestPeak, troughIndex: bestTrough, recoveryIndex: recovery,
                        durationBars: worst > 0 ? end - bestPeak : 0, declineBars: bestTrough - bestPeak,
                        longestUnderwaterBars: longest)
    }
}
