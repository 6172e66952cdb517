/// Net funding paid over all trades, in quote currency: positive when paid, negative when received.
public enum FundingPaid {
    /// Sum of `funding` over the trades.
    public static func total(_ trades: [Trade]) -> Double { trades.reduce(0) { $0 + $1.funding } }
}
