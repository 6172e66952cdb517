/// Share of bars during which a position was held at some moment, in percent (backtesting.py's
/// "Exposure Time": the entry bar and the exit bar both count).
public enum Exposure {
    /// - Returns: nil for an empty series.
    public static func percent(barsInMarket: Int, totalBars: Int) -> Double? {
        totalBars > 0 ? 100 * Double(barsInMarket) / Double(totalBars) : nil
    }
}
