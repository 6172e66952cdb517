import MarketCore

/// The equity curve as CSV text, one row per input bar:
/// `time,close,equity,drawdown_pct,position` (time in ISO 8601 UTC; position +1 long, -1 short, 0 flat at the close).
public enum EquityCurveCSV {
    /// - Precondition-free: rows beyond the shorter of the series and the curve are left out.
    public static func make(result: BacktestResult, series: CandleSeries) -> String {
        let n = min(series.count, result.equity.count)
        var position = [Int8](repeating: 0, count: n)
        for t in result.trades {
            // Held at the close of bars entry ..< exit (a position closed during a bar is flat at its close).
            let sign: Int8 = t.side == .long ? 1 : -1
            var i = t.entryBar
            while i < min(t.exitBar, n) { position[i] = sign; i += 1 }
        }
        let drawdown = MaxDrawdown.curve(equity: result.equity, initial: result.metrics.initialCash)
        var out = "time,close,equity,drawdown_pct,position\n"
        out.reserveCapacity(64 * (n + 1))
        for i in 0..<n {
            out += series.time[i].iso8601
            out += ","
            out += "\(series.close[i]),\(result.equity[i]),\(drawdown[i]),\(position[i])\n"
        }
        return out
    }
}
