import MarketCore
import TestSupport

/// Reads a `daily_marketcap` fixture (`date,symbol,name,open,high,low,close,volume,market_cap`) as daily candles.
enum DailyCandles {
    static func load(_ fixture: String, symbol: String) throws -> CandleSeries {
        let text = try Fixtures.text(fixture)
        let table = NumericTable(csv: text)
        var series = CandleSeries(symbol: symbol, timeframe: .d1)
        let dates = text.split(separator: "\n").dropFirst().map { $0.prefix(10).split(separator: "-").compactMap { Int($0) } }
        guard let open = table["open"], let high = table["high"], let low = table["low"], let close = table["close"],
              let volume = table["volume"] else { return series }
        for (i, d) in dates.enumerated() where d.count == 3 {
            series.append(Candle(time: .utc(year: d[0], month: d[1], day: d[2]), open: open[i], high: high[i],
                                 low: low[i], close: close[i], volume: volume[i]))
        }
        return series
    }

    /// Synthetic daily bars: every bar opens and closes at `price`, ranges ±1%, except the listed bars' extremes.
    static func flat(count: Int, price: Double = 100, lows: [Int: Double] = [:], highs: [Int: Double] = [:]) -> CandleSeries {
        var series = CandleSeries(symbol: "BTC", timeframe: .d1)
        let start = Timestamp.utc(year: 2024, month: 1, day: 1)
        for i in 0..<count {
            series.append(Candle(time: Timestamp(milliseconds: start.milliseconds + Int64(i) * 86_400_000), open: price,
                                 high: highs[i] ?? price * 1.01, low: lows[i] ?? price * 0.99, close: price, volume: 1))
        }
        return series
    }
}
