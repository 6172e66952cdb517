/// Maximum drawdown of the equity curve in percent, as a negative number (backtesting.py's sign):
/// `100 * min over i of (equity[i] / max(initial, equity[0...i]) - 1)`.
public enum MaxDrawdown {
    /// - Returns: 0 for a curve that never falls below its running peak; nil for an empty curve.
    public static func percent(equity: [Double], initial: Double) -> Double? {
        guard !equity.isEmpty else { return nil }
        var peak = initial
        var worst = 0.0
        for e in equity {
            if e > peak { peak = e }
            if peak > 0 { worst = min(worst, e / peak - 1) }
        }
        return 100 * worst
    }

    /// The drawdown at each bar in percent (zero or negative), for charts and the equity CSV.
    public static func curve(equity: [Double], initial: Double) -> [Double] {
        var peak = initial
        return equity.map { e in
            if e > peak { peak = e }
            return peak > 0 ? 100 * (e / peak - 1) : 0
        }
    }
}
