/// Gross profit over gross loss: `sum(pnl > 0) / |sum(pnl < 0)|`.
public enum ProfitFactor {
    /// - Returns: nil when no trade lost money (the ratio would be infinite) or there are no trades.
    public static func ratio(_ trades: [Trade]) -> Double? {
        var gains = 0.0, losses = 0.0
        for t in trades { if t.pnl > 0 { gains += t.pnl } else { losses -= t.pnl } }
        return losses > 0 ? gains / losses : nil
    }
}
