/// Calmar ratio: CAGR divided by the size of the maximum drawdown, both in percent.
public enum CalmarRatio {
    /// - Parameters:
    ///   - cagrPercent: from `CAGR.percent`.
    ///   - maxDrawdownPercent: from `MaxDrawdown.percent` (zero or negative).
    /// - Returns: nil when either is missing or there was no drawdown.
    public static func ratio(cagrPercent: Double?, maxDrawdownPercent: Double?) -> Double? {
        guard let c = cagrPercent, let d = maxDrawdownPercent, d < 0 else { return nil }
        return c / -d
    }
}
