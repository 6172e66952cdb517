import MarketCore

/// One coin's daily history: close price, 24h volume and market cap, all in USD, one row per UTC day.
///
/// `day` holds days since 1970-01-01 (`Timestamp.dayNumber`); rows are strictly increasing in `day`.
/// Missing calendar days are simply absent (nothing is filled).
///
/// ```swift
/// let btc = try DailyCoinSeries(symbol: "BTC", day: [18000, 18001], close: [9000, 9100],
///                               volume: [1e10, 1.1e10], marketCap: [1.6e11, 1.62e11])
/// ```
public struct DailyCoinSeries: Sendable, Equatable, Codable {
    /// Ticker, upper-cased (`BTC`).
    public var symbol: String
    /// Days since the Unix epoch (UTC calendar days), strictly increasing.
    public var day: [Int64]
    /// Close price of the day (USD).
    public var close: [Double]
    /// 24-hour traded volume (USD).
    public var volume: [Double]
    /// Market capitalisation (USD).
    public var marketCap: [Double]

    /// Builds a series, checking that the columns line up and the days increase.
    /// - Throws: `IntelError.invalidSeries` naming the symbol and the first bad row.
    public init(symbol: String, day: [Int64], close: [Double], volume: [Double], marketCap: [Double]) throws(IntelError) {
        let n = day.count
        guard close.count == n, volume.count == n, marketCap.count == n else {
            throw .invalidSeries(symbol: symbol, reason: "columns have different lengths (days \(n), close \(close.count), volume \(volume.count), market cap \(marketCap.count))")
        }
        for i in 1..<max(1, n) where day[i] <= day[i - 1] {
            throw .invalidSeries(symbol: symbol, reason: "day \(DayFormat.string(day[i])) at row \(i) is not after \(DayFormat.string(day[i - 1]))")
        }
        self.symbol = symbol.uppercased()
        self.day = day
        self.close = close
        self.volume = volume
        self.marketCap = marketCap
    }

    /// Joins daily candles with a market-cap series on the candle's UTC day; days missing from either side are dropped.
    /// - Throws: `IntelError.invalidSeries` when the candles are not daily.
    public init(candles: CandleSeries, marketCaps: MarketCapSeries) throws(IntelError) {
        guard candles.timeframe == .d1 else {
            throw .invalidSeries(symbol: candles.symbol, reason: "candles must be daily (1d), got \(candles.timeframe.rawValue)")
        }
        var capByDay: [Int64: Double] = [:]
        for (t, c) in zip(marketCaps.time, marketCaps.marketCap) { capByDay[t.dayNumber] = c }
        var d: [Int64] = [], cl: [Double] = [], v: [Double] = [], mc: [Double] = []
        for i in 0..<candles.count {
            let dn = candles.time[i].dayNumber
            guard let cap = capByDay[dn] else { continue }
            if let last = d.last, dn <= last { continue }
            d.append(dn); cl.append(candles.close[i]); v.append(candles.volume[i]); mc.append(cap)
        }
        try self.init(symbol: Asset.baseSymbol(of: candles.symbol), day: d, close: cl, volume: v, marketCap: mc)
    }

    /// Number of days held.
    public var count: Int { day.count }

    /// The row index of a day, if that day is present. Complexity: O(log n).
    public func index(ofDay target: Int64) -> Int? {
        let i = day.partitioningIndex { $0 >= target }
        return i < day.count && day[i] == target ? i : nil
    }
}

/// `YYYY-MM-DD` conversions for day numbers.
public enum DayFormat {
    /// `YYYY-MM-DD` of a day number.
    public static func string(_ day: Int64) -> String { Timestamp(milliseconds: day * 86_400_000).dateString }

    /// The day number of `YYYY-MM-DD` (a longer ISO string is cut to its date), or nil when it is not a valid date.
    public static func day(_ text: some StringProtocol) -> Int64? {
        let s = Array(text.utf8.prefix(10))
        guard s.count == 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r { guard s[k] >= 48, s[k] <= 57 else { return nil }; v = v * 10 + Int(s[k] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let dn = daysFromCivil(year: y, month: m, day: d)
        // Reject dates such as 2021-02-30 that roll into the next month.
        let back = civilFromDays(dn)
        return back.month == m && back.day == d ? dn : nil
    }
}
