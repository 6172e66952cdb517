import MarketData
import MarketIntel
import Signals

/// Market intelligence over the stored data: the daily universe, headlines, and the MarketIntel computations.
public struct IntelService: Sendable {
    public let repository: any MarketRepository

    public init(repository: any MarketRepository) { self.repository = repository }

    /// Every asset with daily bars and market caps, joined by day (the universe of the altcoin-season index and
    /// the indices).
    public func dailyUniverse() throws -> [DailyCoinSeries] {
        var out: [DailyCoinSeries] = []
        for a in try repository.assets() where a.series.contains(where: { $0.timeframe == .d1 }) && a.marketCapDays > 0 {
            let bars = try repository.candles(symbol: a.symbol, timeframe: .d1, from: nil, to: nil)
            let caps = try repository.marketCaps(symbol: a.symbol)
            let s = try DailyCoinSeries(candles: bars, marketCaps: caps)
            if s.count > 0 { out.append(s) }
        }
        return out
    }

    /// Daily closes per asset for after-the-fact performance: the finest stored series resampled to days
    /// (market caps are not needed there, so they are left as NaN).
    public func dailyCloses() throws -> [String: DailyCoinSeries] {
        var out: [String: DailyCoinSeries] = [:]
        for a in try repository.assets() {
            guard let best = a.series.max(by: { ($0.last, -$0.timeframe.milliseconds) < ($1.last, -$1.timeframe.milliseconds) }),
                  best.timeframe <= .d1 else { continue }
            var bars = try repository.candles(symbol: a.symbol, timeframe: best.timeframe, from: nil, to: nil)
            if best.timeframe < .d1 { bars = try Resampler.resample(bars, to: .d1) }
            out[a.symbol] = try DailyCoinSeries(symbol: a.symbol, day: bars.time.map(\.dayNumber), close: bars.close,
                                                volume: bars.volume, marketCap: bars.close.map { _ in .nan })
        }
        return out
    }

    public func altcoinSeason(top: Int, window: Int) throws -> [AltcoinSeasonPoint] {
        try AltseasonCommand.run(coins: dailyUniverse(), top: top, window: window)
    }

    public func narratives(since: String?) throws -> [Narrative] {
        try NarrativesCommand.run(headlines: repository.headlines(from: nil, to: nil, limit: nil), since: since, prices: dailyCloses())
    }

    /// The interim market signal for signal-gated indices until the AI market signal exists: bearish when BTC's
    /// daily close is below its 50-day simple average (a classic trend filter; it uses closes up to that day only).
    public static func btcTrendSignal(_ universe: [DailyCoinSeries], days: Int = 50) -> ClosureSignal {
        guard let btc = universe.first(where: { $0.symbol == "BTC" }) else { return ClosureSignal { _ in false } }
        var bearish: [Int64: Bool] = [:]
        var sum = 0.0
        for i in 0..<btc.count {
            sum += btc.close[i]
            if i >= days { sum -= btc.close[i - days] }
            if i >= days - 1 { bearish[btc.day[i]] = btc.close[i] < sum / Double(days) }
        }
        let table = bearish
        return ClosureSignal { day in table[day] ?? false }
    }

    public func indexBacktest(method: IndexMethod, top: Int, rebalance: RebalanceFrequency, feeRate: Double,
                              start: String?, end: String?) throws -> IndexBacktestResult {
        let universe = try dailyUniverse()
        return try IndexCommand.backtest(coins: universe, method: method, top: top, rebalance: rebalance, feeRate: feeRate,
                                         start: start, end: end, grades: method == .grade ? try investorGrades() : nil,
                                         signal: method == .signal ? Self.btcTrendSignal(universe) : nil)
    }

    public func indexHoldings(asOf: String, method: IndexMethod, top: Int, rebalance: RebalanceFrequency) throws -> IndexHoldings {
        let universe = try dailyUniverse()
        return try IndexCommand.holdings(coins: universe, asOf: asOf, method: method, top: top, rebalance: rebalance,
                                         grades: method == .grade ? try investorGrades() : nil,
                                         signal: method == .signal ? Self.btcTrendSignal(universe) : nil)
    }

    /// Investor Grades (Signals) of the stored daily series as known at the close of each day: the weights of
    /// grade-weighted indices. A token without enough history on a day has no grade then.
    func investorGrades() throws -> ClosureGrades {
        var daily: [String: (CandleSeries, MarketCapSeries)] = [:]
        for a in try repository.assets() where a.series.contains(where: { $0.timeframe == .d1 }) {
            daily[a.symbol] = (try repository.candles(symbol: a.symbol, timeframe: .d1, from: nil, to: nil),
                               try repository.marketCaps(symbol: a.symbol))
        }
        let table = daily
        return ClosureGrades { symbol, day in
            guard let (bars, caps) = table[symbol] else { return nil }
            let end = Timestamp(milliseconds: (day + 1) * 86_400_000 - 1)
            let known = bars.slice(to: end)
            return try? Grading.investorGrade(daily: known, marketCaps: caps, volumeIsQuote: !caps.time.isEmpty).value
        }
    }
}
