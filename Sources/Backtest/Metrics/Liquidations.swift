/// Number of trades closed by liquidation.
public enum Liquidations {
    /// Trades whose exit reason is `liquidation`.
    public static func count(_ trades: [Trade]) -> Int { trades.count { $0.exitReason == .liquidation } }
}
