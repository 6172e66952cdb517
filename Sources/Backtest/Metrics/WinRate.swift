/// Share of trades with a positive money result, in percent.
public enum WinRate {
    /// - Returns: nil when there are no trades.
    public static func percent(_ trades: [Trade]) -> Double? {
        guard !trades.isEmpty else { return nil }
        return 100 * Double(trades.count { $0.pnl > 0 }) / Double(trades.count)
    }
}
