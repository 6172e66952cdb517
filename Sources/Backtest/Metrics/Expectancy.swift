/// Expectancy: the mean result per trade, in money and in percent of the entry notional.
public enum Expectancy {
    /// Mean `pnl` per trade; nil when there are no trades.
    public static func money(_ trades: [Trade]) -> Double? {
        trades.isEmpty ? nil : trades.reduce(0) { $0 + $1.pnl } / Double(trades.count)
    }

    /// Mean `returnPct` per trade; nil when there are no trades.
    public static func percent(_ trades: [Trade]) -> Double? {
        trades.isEmpty ? nil : trades.reduce(0) { $0 + $1.returnPct } / Double(trades.count)
    }
}
