/// Number of closed trades (positions still open at the end are closed first, so all count).
public enum TradeCount {
    /// The number of trades.
    public static func count(_ trades: [Trade]) -> Int { trades.count }
}
