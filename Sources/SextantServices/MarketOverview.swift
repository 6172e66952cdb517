import MarketData

/// One token's line in the market overview.
public struct TokenOverview: Sendable, Codable, Equatable {
    public var symbol: String
    /// The series the figures come from: the one with the most recent bar (the finer on a tie).
    public var timeframe: Timeframe
    public var lastTime: Timestamp
    public var lastPrice: Double
    /// Simple returns, in percent, against the last bar at or before 24 hours / 7 / 30 days earlier; nil when the
    /// series does not reach back that far.
    public var return24h: Double?
    public var return7d: Double?
    public var return30d: Double?
    /// Annualised volatility (percent) of daily log returns over the last 30 days (sqrt(365), crypto trades daily).
    public var volatility30d: Double?
    /// Latest known market cap (USD) and its date.
    public var marketCap: Double?
    public var marketCapTime: Timestamp?
    public var first: Timestamp
    public var bars: Int
    public var gaps: Int
    public var missingBars: Int
}

/// The market overview the demo prints: per token, price, returns, volatility, market cap and data quality.
public struct MarketOverviewService: Sendable {
    public let repository: any MarketRepository

    public init(repository: any MarketRepository) { self.repository = repository }

    public func overview() throws -> [TokenOverview] {
        var out: [TokenOverview] = []
        for asset in try repository.assets() {
            guard let best = asset.series.max(by: { ($0.last, -$0.timeframe.milliseconds) < ($1.last, -$1.timeframe.milliseconds) }) else { continue }
            let bars = try repository.candles(symbol: asset.symbol, timeframe: best.timeframe, from: nil, to: nil)
            guard var row = Self.figures(bars) else { continue }
            row.gaps = best.gaps
            row.missingBars = best.missingBars
            let caps = try repository.marketCaps(symbol: asset.symbol)
            row.marketCap = caps.marketCap.last
            row.marketCapTime = caps.time.last
            out.append(row)
        }
        return out.sorted { ($0.marketCap ?? -1, $0.symbol) > ($1.marketCap ?? -1, $1.symbol) }
    }

    /// Price, returns and volatility of one bar series. Pure.
    public static func figures(_ s: CandleSeries) -> TokenOverview? {
        guard let last = s.time.last, let price = s.close.last else { return nil }
        func ret(_ back: Int64) -> Double? {
            let target = last - back
            let k = s.time.partitioningIndex { $0 > target } - 1
            guard k >= 0, s.time[0] <= target else { return nil }
            return (price / s.close[k] - 1) * 100
        }
        let day: Int64 = 86_400_000
        return TokenOverview(symbol: s.symbol, timeframe: s.timeframe, lastTime: last, lastPrice: price,
                             return24h: ret(day), return7d: ret(7 * day), return30d: ret(30 * day),
                             volatility30d: volatility(s, days: 30), marketCap: nil, marketCapTime: nil,
                             first: s.time[0], bars: s.count, gaps: s.gaps().count, missingBars: s.gaps().reduce(0) { $0 + $1.missingBars })
    }

    /// Annualised volatility in percent of daily log returns over the last `days` days (daily closes taken as the
    /// last bar of each UTC day).
    static func volatility(_ s: CandleSeries, days: Int) -> Double? {
        guard let last = s.time.last else { return nil }
        let start = last - Int64(days + 1) * 86_400_000
        var closes: [Double] = []
        var currentDay: Int64 = .min
        for i in s.time.partitioningIndex(where: { $0 > start })..<s.count {
            let d = s.time[i].dayNumber
            if d != currentDay { closes.append(s.close[i]); currentDay = d } else { closes[closes.count - 1] = s.close[i] }
        }
        guard closes.count >= days / 2 + 2 else { return nil }
        let r = (1..<closes.count).map { log(closes[$0] / closes[$0 - 1]) }
        let mean = r.reduce(0, +) / Double(r.count)
        let v = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count - 1)
        return (v * 365).squareRoot() * 100
    }
}
