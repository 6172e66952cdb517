import Synchronization
import MarketData
import MarketIntel
import Signals

/// The last out-of-sample daily calls an `IntelService` computed, with the data version they belong to. One per
/// service value (the server keeps one for its lifetime), so two databases never share an entry.
final class GateScoresMemo: Sendable {
    let last = Mutex<(version: Int64, scores: [String: [Int64: Double]])?>(nil)
}

/// Market intelligence over the stored data: the daily universe, headlines, and the MarketIntel computations.
public struct IntelService: Sendable {
    public let repository: any MarketRepository

    /// This service's memo of the model-gate calls (see `outOfSampleDailyScores`).
    private let gateScores = GateScoresMemo()

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

    /// The market signal of a signal-gated index: the AI gate (the signal model's out-of-sample daily calls for BTC,
    /// or their market-cap-weighted aggregate over the `top` largest coins), or the BTC 50-day trend baseline.
    /// The model's scores come from the walk-forward (`SignalService.outOfSampleDailyScores`), never from a model
    /// trained on the days being gated; days before the first out-of-sample call are not gated.
    public func marketSignal(_ gate: MarketGate, universe: [DailyCoinSeries], top: Int) throws -> DailyMarketSignal {
        switch gate {
        case .btcTrend:
            return MarketSignals.btcTrend(universe)
        case .model, .modelMarket:
            let scores = try outOfSampleDailyScores()
            let daily = gate == .model ? (scores["BTC"] ?? [:]) : MarketSignals.capWeightedScores(scores: scores, coins: universe, top: top)
            guard !daily.isEmpty else {
                throw IntelError.noData("no out-of-sample model calls\(gate == .model ? " for BTC" : ""): the daily walk-forward needs stored daily bars")
            }
            return MarketSignals.modelGate(scores: daily)
        }
    }

    /// The model's out-of-sample daily calls (`SignalService.outOfSampleDailyScores`), remembered per data version
    /// when the store is versioned: the walk-forward behind them is the bulk of a model-gated index request, and the
    /// server and repeated CLI calls would otherwise redo it for unchanged data.
    func outOfSampleDailyScores() throws -> [String: [Int64: Double]] {
        let compute = { try SignalService(repository: repository).outOfSampleDailyScores().scores }
        guard let versioned = repository as? any DataVersioned else { return try compute() }
        let version = try versioned.dataVersion()
        if let hit = gateScores.last.withLock({ $0 }), hit.version == version { return hit.scores }
        let scores = try compute()
        gateScores.last.withLock { $0 = (version, scores) }
        return scores
    }

    public func indexBacktest(method: IndexMethod, top: Int, rebalance: RebalanceFrequency, feeRate: Double,
                              start: String?, end: String?, gate: MarketGate = .model) throws -> IndexBacktestResult {
        let universe = try dailyUniverse()
        let signal = method == .signal ? try marketSignal(gate, universe: universe, top: top) : nil
        var result = try IndexCommand.backtest(coins: universe, method: method, top: top, rebalance: rebalance, feeRate: feeRate,
                                               start: start, end: end, grades: method == .grade ? try investorGrades() : nil, signal: signal)
        if let signal {
            let inRange = Set(result.dates.compactMap { DayFormat.day($0) })
            let bearishDays = signal.bearishDays.filter { inRange.contains($0) }.count
            result.notes.append("gate \(gate.rawValue): bearish on \(bearishDays) of \(result.dates.count) days"
                                + (gate == .btcTrend ? "" : "; model calls are out of sample (daily walk-forward), days before the first call are not gated"))
        }
        return result
    }

    public func indexHoldings(asOf: String, method: IndexMethod, top: Int, rebalance: RebalanceFrequency,
                              gate: MarketGate = .model) throws -> IndexHoldings {
        let universe = try dailyUniverse()
        return try IndexCommand.holdings(coins: universe, asOf: asOf, method: method, top: top, rebalance: rebalance,
                                         grades: method == .grade ? try investorGrades() : nil,
                                         signal: method == .signal ? try marketSignal(gate, universe: universe, top: top) : nil)
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

/// One day of volume rotation and BTC dominance, as `sextant rotation` prints it.
public struct RotationDay: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// BTC / alt shares of the universe's traded volume, alt/BTC volume ratio and the alt share's 7-30 day trend.
    public var btcVolumeShare: Double
    public var altVolumeShare: Double
    public var altToBtcRatio: Double?
    public var altShareTrend: Double?
    /// BTC market cap / the stored universe's market cap × 100.
    public var btcDominanceUniversePct: Double?
    /// Whole-market BTC dominance from the stored `btc_dominance_pct` series, when stored for that day.
    public var btcDominanceMarketPct: Double?
}

extension IntelService {
    /// Cap-weighted sector indices of the stored daily universe (sectors from the bundled taxonomy).
    public func sectorIndices() throws -> [SectorIndexSeries] {
        let taxonomy = try SectorTaxonomy.bundled()
        return SectorIndex.compute(coins: try dailyUniverse(), sectorOf: { taxonomy.sector(ofSymbol: $0) })
    }

    /// Which sectors capital rotated into over the `days` days before `end` (default the last day): cap-share change
    /// and return of each sector index against the market, largest share gain first.
    public func sectorRotation(days: Int, end: String?) throws -> [SectorRotation] {
        try SectorIndex.rotation(sectorIndices(), days: days, endDate: end)
    }

    /// The headline sentiment index, market-wide or of the headlines naming `token`, per UTC hour or day (only
    /// buckets with headlines), scored by the bundled headline model.
    /// - Throws: `IntelError.noData` when no headline is stored, or none names `token`.
    public func sentimentIndex(token: String?, bucket: SentimentBucket) throws -> [SentimentIndexPoint] {
        let headlines = try repository.headlines(from: nil, to: nil, limit: nil)
        guard !headlines.isEmpty else { throw IntelError.noData("no headlines stored: ingest a news file first") }
        let model = try HeadlineSentimentModel.bundled()
        let scores = headlines.map { model.score($0.title) }
        guard let token else { return SentimentIndex.market(headlines: headlines, scores: scores, bucket: bucket) }
        let symbol = token.uppercased()
        let matcher = TokenMatcher(taxonomy: try SectorTaxonomy.bundled())
        guard let points = SentimentIndex.perToken(headlines: headlines, scores: scores, matcher: matcher, bucket: bucket)[symbol] else {
            throw IntelError.noData("no stored headline names \(symbol)")
        }
        return points
    }

    /// Volume rotation between BTC and the alts, with BTC dominance within the universe and of the whole market.
    public func rotation(short: Int = 7, long: Int = 30) throws -> [RotationDay] {
        let universe = try dailyUniverse()
        let volume = try VolumeRotation.compute(coins: universe, short: short, long: long)
        var universeDominance: [String: Double] = [:]
        for p in try Dominance.withinUniverse(coins: universe) { universeDominance[p.date] = p.dominancePct }
        var marketDominance: [String: Double] = [:]
        if try repository.metricNames().contains("btc_dominance_pct") {
            for p in Dominance.wholeMarket(dominanceSeries: try repository.metric(name: "btc_dominance_pct")) { marketDominance[p.date] = p.dominancePct }
        }
        return volume.map { v in
            RotationDay(date: v.date, btcVolumeShare: v.btcVolumeShare, altVolumeShare: v.altVolumeShare, altToBtcRatio: v.altToBtcRatio,
                        altShareTrend: v.altShareTrend, btcDominanceUniversePct: universeDominance[v.date],
                        btcDominanceMarketPct: marketDominance[v.date])
        }
    }
}
