/// Total return of the run in percent: `100 * (final / initial - 1)`.
public enum TotalReturn {
    /// - Returns: the percentage, or nil when `initial` is not positive.
    public static func percent(initial: Double, final: Double) -> Double? {
        initial > 0 ? 100 * (final / initial - 1) : nil
    }
}
