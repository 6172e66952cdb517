/// Which market signal gates a signal-gated index (`IndexMethod.signal`) into stablecoins.
public enum MarketGate: String, Sendable, Codable, CaseIterable {
    /// The AI signal: the signal model's daily call for BTC (`MarketSignals.modelGate` over BTC's scores).
    case model
    /// The AI signal aggregated over the market: the market-cap-weighted mean of the model's daily scores of
    /// the index universe's largest coins (`MarketSignals.capWeightedScores`), gated like `model`.
    case modelMarket = "model-market"
    /// The baseline trend rule: bearish while BTC's daily close is below its 50-day simple average.
    case btcTrend = "btc-trend"
}

/// A `MarketSignalProvider` from a table of bearish days (days absent from the table are not bearish).
public struct DailyMarketSignal: MarketSignalProvider, Equatable {
    /// Bearish state at the close of each day (days since 1970-01-01).
    public let bearish: [Int64: Bool]
    /// A signal from its table.
    public init(bearish: [Int64: Bool]) { self.bearish = bearish }
    /// The state at the close of `day`; false for a day without an entry.
    public func isBearish(day: Int64) -> Bool { bearish[day] ?? false }
    /// Days with a bearish state, in order.
    public var bearishDays: [Int64] { bearish.filter(\.value).keys.sorted() }
}

/// Market signals for signal-gated indices: the AI gate built from a model's daily scores, and the BTC trend
/// baseline. Pure functions of the inputs; every state at day `d` uses only values of days `<= d`.
public enum MarketSignals {
    /// The baseline trend rule: bearish at the close of day `d` when BTC's close that day is below the simple
    /// average of its last `days` closes (days `d - days + 1 ... d`). Undefined (not bearish) during the first
    /// `days - 1` days; a universe without BTC is never bearish.
    public static func btcTrend(_ universe: [DailyCoinSeries], days: Int = 50) -> DailyMarketSignal {
        guard days >= 1, let btc = universe.first(where: { $0.symbol == "BTC" }) else { return DailyMarketSignal(bearish: [:]) }
        var bearish: [Int64: Bool] = [:]
        var sum = 0.0
        for i in 0..<btc.count {
            sum += btc.close[i]
            if i >= days { sum -= btc.close[i - days] }
            if i >= days - 1 { bearish[btc.day[i]] = btc.close[i] < sum / Double(days) }
        }
        return DailyMarketSignal(bearish: bearish)
    }

    /// The AI gate from daily model scores `2 P(up) - 1` in [-1, 1] (score of day `d` = the model's call at the
    /// close of day `d`, made from data up to that close).
    ///
    /// The gate turns bearish on a day whose score is below `-band` (the model's bearish signal, P(up) < 0.5 - band/2)
    /// and bullish again on a day whose score is above `+band` (its bullish signal); a neutral score, or a day
    /// without a score, keeps the previous state. It starts bullish (invested). With the shipped models'
    /// neutral band of 0.05 on P(up), `band` is 0.1.
    public static func modelGate(scores: [Int64: Double], band: Double = 0.1) -> DailyMarketSignal {
        var bearish: [Int64: Bool] = [:]
        var state = false
        for day in scores.keys.sorted() {
            guard let s = scores[day], s.isFinite else { continue }
            if s < -band { state = true } else if s > band { state = false }
            bearish[day] = state
        }
        // Days between two scored days keep the earlier state: fill them so the table answers every day.
        var filled: [Int64: Bool] = [:]
        let days = bearish.keys.sorted()
        for (k, d) in days.enumerated() {
            let next = k + 1 < days.count ? days[k + 1] : d + 1
            for x in d..<next { filled[x] = bearish[d] }
        }
        return DailyMarketSignal(bearish: filled)
    }

    /// The market-wide aggregate of model scores: on each day, the mean of the scores of the `top` largest coins by
    /// market cap that day (not in `excluded`, with a score that day), weighted by their market caps.
    /// Days where no such coin has a score are absent.
    /// - Parameter scores: per symbol, the model's score per day.
    public static func capWeightedScores(scores: [String: [Int64: Double]], coins: [DailyCoinSeries], top: Int = 10,
                                         excluded: Set<String> = AltcoinSeasonParameters.defaultExcluded) -> [Int64: Double] {
        let candidates = coins.filter { !excluded.contains($0.symbol) && scores[$0.symbol] != nil }
        let days = Set(scores.values.flatMap(\.keys)).sorted()
        var out: [Int64: Double] = [:]
        for d in days {
            var rows: [(cap: Double, score: Double)] = []
            for c in candidates {
                guard let i = c.index(ofDay: d), c.marketCap[i] > 0, c.marketCap[i].isFinite,
                      let s = scores[c.symbol]?[d], s.isFinite else { continue }
                rows.append((c.marketCap[i], s))
            }
            rows.sort { $0.cap > $1.cap }
            let chosen = rows.prefix(max(1, top))
            let total = chosen.reduce(0) { $0 + $1.cap }
            if total > 0 { out[d] = chosen.reduce(0) { $0 + $1.cap * $1.score } / total }
        }
        return out
    }
}
