/// Van Tharp's System Quality Number: `sqrt(N) * mean(pnl) / stdev(pnl)` over the N trades (sample stdev),
/// as backtesting.py computes it.
public enum SystemQualityNumber {
    /// - Returns: nil with fewer than two trades or a zero standard deviation.
    public static func value(_ trades: [Trade]) -> Double? {
        let n = Double(trades.count)
        guard trades.count >= 2 else { return nil }
        let mean = trades.reduce(0) { $0 + $1.pnl } / n
        let variance = trades.reduce(0) { $0 + ($1.pnl - mean) * ($1.pnl - mean) } / (n - 1)
        guard variance > 0 else { return nil }
        return n.squareRoot() * mean / variance.squareRoot()
    }
}
