import Foundation
import MarketCore
import TestSupport

/// Loads the backtest fixtures: OHLC inputs as `CandleSeries` and the backtesting.py reference JSONs.
enum ReferenceInputs {
    /// A CSV with `date` or `timestamp` and `open,high,low,close` columns, as a series.
    static func series(_ fixture: String, symbol: String, timeframe: Timeframe) throws -> CandleSeries {
        let text = try Fixtures.text("backtest/" + fixture)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int {
            guard let k = header.firstIndex(of: name) else { throw FixtureError.missingColumn(name) }
            return k
        }
        let timeColumn = try header.firstIndex(of: "timestamp") ?? column("date")
        let o = try column("open"), h = try column("high"), l = try column("low"), c = try column("close")
        var series = CandleSeries(symbol: symbol, timeframe: timeframe)
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let time = parseTime(cells[timeColumn]),
                  let open = Double(cells[o]), let high = Double(cells[h]), let low = Double(cells[l]),
                  let close = Double(cells[c]) else { throw FixtureError.badRow(String(line)) }
            series.append(Candle(time: time, open: open, high: high, low: low, close: close, volume: 0))
        }
        return series
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
    static func parseTime(_ s: String) -> Timestamp? {
        let digits = s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3 else { return nil }
        let time = digits.count >= 6 ? (digits[3], digits[4], digits[5]) : (0, 0, 0)
        return Timestamp.utc(year: digits[0], month: digits[1], day: digits[2], hour: time.0, minute: time.1, second: time.2)
    }

    struct Reference: Decodable {
        struct Trade: Decodable {
            let entry_bar: Int
            let exit_bar: Int
            let entry_price: Double
            let exit_price: Double
            let return_pct: Double
        }
        let fast: Int
        let slow: Int
        let commission: Double
        let cash: Double
        let final_equity: Double
        let return_pct: Double
        let max_drawdown_pct: Double
        let trades_count: Int
        let win_rate_pct: Double
        let exposure_time_pct: Double
        let trades: [Trade]
    }

    static func reference(_ fixture: String) throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(Fixtures.text("backtest/" + fixture).utf8))
    }

    enum FixtureError: Error { case missingColumn(String), badRow(String) }
}

/// Small synthetic series for behaviour tests: one bar per hour from 2024-01-01.
enum Bars {
    static func series(_ rows: [(open: Double, high: Double, low: Double, close: Double)],
                       timeframe: Timeframe = .h1) -> CandleSeries {
        var s = CandleSeries(symbol: "TEST", timeframe: timeframe)
        let start = Timestamp.utc(year: 2024, month: 1, day: 1)
        for (k, r) in rows.enumerated() {
            s.append(Candle(time: start + Int64(k) * timeframe.milliseconds, open: r.open, high: r.high, low: r.low,
                            close: r.close, volume: 0))
        }
        return s
    }

    /// Flat bars at `price` (open = high = low = close).
    static func flat(_ prices: [Double]) -> CandleSeries { series(prices.map { ($0, $0, $0, $0) }) }
}
