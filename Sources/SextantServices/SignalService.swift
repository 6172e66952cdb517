import Foundation
import MarketData
import MarketIntel
import Signals

/// Signals, grades, training and the track record over the stored data: the facade the CLI (and later HTTP)
/// calls. All maths lives in `Signals`; this only loads, cuts and hands over data.
public struct SignalService: Sendable {
    public let repository: any MarketRepository

    public init(repository: any MarketRepository) { self.repository = repository }

    /// Name of the dominance metric as ingested from `market_structure/btc_dominance.csv`.
    static let dominanceMetric = "btc_dominance_pct"

    /// The model file name for a timeframe inside a models folder: `signals-1d.json`.
    public static func modelFileName(_ tf: Timeframe) -> String { "signals-\(tf.rawValue).json" }

    /// Reads every `signals-<tf>.json` found in `folder` (a missing file is skipped; a bad one throws).
    public static func loadModels(folder: String) throws -> [Timeframe: SignalModel] {
        var out: [Timeframe: SignalModel] = [:]
        for tf in Timeframe.allCases {
            let path = folder + "/" + modelFileName(tf)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let m = try SignalModel.load(path: path)
            guard m.timeframe == tf else { throw SignalsError.corruptModel("\(path) holds a \(m.timeframe.rawValue) model") }
            out[tf] = m
        }
        return out
    }

    /// BTC dominance, if stored.
    func dominance() throws -> MarketMetricSeries? {
        try repository.metricNames().contains(Self.dominanceMetric) ? repository.metric(name: Self.dominanceMetric) : nil
    }

    /// The stored headlines scored by MarketIntel's headline sentiment model, market-wide and per token (a headline
    /// counts for every token it names, by `TokenMatcher` over the bundled taxonomy); nil when no headline is stored.
    /// This is the only place where Signals meets MarketIntel: the features receive plain (time, score) series.
    public func newsContext() throws -> NewsContext? {
        let headlines = try repository.headlines(from: nil, to: nil, limit: nil)
        guard !headlines.isEmpty else { return nil }
        return try Self.newsContext(headlines: headlines)
    }

    /// Scores `headlines` and groups them by the tokens they name (see `newsContext()`).
    public static func newsContext(headlines: [Headline]) throws -> NewsContext {
        let model = try HeadlineSentimentModel.bundled()
        let matcher = TokenMatcher(taxonomy: try SectorTaxonomy.bundled())
        var market: [(time: Timestamp, score: Double)] = []
        var byToken: [String: [(time: Timestamp, score: Double)]] = [:]
        market.reserveCapacity(headlines.count)
        for h in headlines {
            let s = model.score(h.title).score
            market.append((h.time, s))
            for t in Set(matcher.tokens(in: h.title)) { byToken[t.uppercased(), default: []].append((h.time, s)) }
        }
        return NewsContext(market: ScoredHeadlines(market), byToken: byToken.mapValues { ScoredHeadlines($0) })
    }

    /// Every stored token with bars of `tf`, with funding and market caps (the training universe of `tf`).
    public func universe(timeframe tf: Timeframe) throws -> [TokenData] {
        try repository.assets().filter { a in a.series.contains { $0.timeframe == tf } }.map { a in
            let caps = try repository.marketCaps(symbol: a.symbol)
            return TokenData(symbol: a.symbol, bars: try repository.candles(symbol: a.symbol, timeframe: tf, from: nil, to: nil),
                             marketCaps: caps.time.isEmpty ? nil : caps, funding: try repository.fundingRates(symbol: a.symbol),
                             volumeIsQuote: !caps.time.isEmpty && tf == .d1)
        }
    }

    /// The pooled dataset of `tf`: features of every token with BTC of the same timeframe as regime.
    public func dataset(timeframe tf: Timeframe, label: LabelSpec) throws -> Dataset {
        let tokens = try universe(timeframe: tf)
        let btc = tokens.first { $0.symbol == "BTC" }?.bars
        let context = MarketContext(btc: btc, btcDominance: try dominance(), news: try newsContext())
        let features = tokens.map { FeatureBuilder.build($0.bars, funding: $0.funding, context: context) }
        return Dataset(symbols: tokens.map(\.symbol), features: features, label: label, timeframe: tf)
    }

    /// Timeframes that have bars of at least `minimumTokens` tokens, finest first (1d and finer).
    public func trainableTimeframes() throws -> [Timeframe] {
        let assets = try repository.assets()
        return Timeframe.allCases.filter { tf in tf <= .d1 && assets.contains { $0.series.contains { $0.timeframe == tf } } }
    }

    /// Walk-forward over `tf`, then the chosen family fitted on all rows: the model to ship and its evidence.
    public func train(timeframe tf: Timeframe, label: LabelSpec? = nil) throws -> (model: SignalModel, record: TrackRecord) {
        let spec = try (label ?? LabelSpec.standard(for: tf)).validated()
        let data = try dataset(timeframe: tf, label: spec)
        let config = WalkForwardConfig(label: spec)
        let result = try WalkForward.run(data, config: config)
        let record = try TrackRecordBuilder.build(data, result: result, timeframe: tf, band: config.neutralBand)
        let model = try WalkForward.fitFinal(data, kind: result.selection.chosen, timeframe: tf, config: config, selection: result.selection)
        return (model, record)
    }

    /// The walk-forward track record of `tf` (nothing is written; the shipped model is not used: every
    /// prediction comes from a model trained on earlier data only).
    public func evaluate(timeframe tf: Timeframe, label: LabelSpec? = nil, feeRate: Double = 0.001) throws -> TrackRecord {
        let spec = try (label ?? LabelSpec.standard(for: tf)).validated()
        let data = try dataset(timeframe: tf, label: spec)
        let config = WalkForwardConfig(label: spec)
        let result = try WalkForward.run(data, config: config)
        return try TrackRecordBuilder.build(data, result: result, timeframe: tf, band: config.neutralBand, feeRate: feeRate)
    }

    /// Per token, the series used for signals and the Trader Grade at `asOf`: the one whose last bar known then
    /// is the latest (ties: the finer), among 1d and finer.
    public func tokens(asOf: Timestamp, symbols: Set<String>? = nil, timeframe: Timeframe? = nil) throws -> [TokenData] {
        var out: [TokenData] = []
        for a in try repository.assets() where symbols?.contains(a.symbol) ?? true {
            let caps = try repository.marketCaps(symbol: a.symbol)
            var best: CandleSeries? = nil
            var bestLast: Timestamp? = nil
            var storedDaily: CandleSeries? = nil
            for s in a.series where s.timeframe <= .d1 && (timeframe == nil || s.timeframe == timeframe || s.timeframe == .d1) {
                let bars = try repository.candles(symbol: a.symbol, timeframe: s.timeframe, from: nil, to: nil)
                if s.timeframe == .d1 { storedDaily = bars }
                guard timeframe == nil || s.timeframe == timeframe else { continue }
                let known = bars.slice(to: asOf - s.timeframe.milliseconds)
                guard let last = known.time.last else { continue }
                if bestLast == nil || last > bestLast! || (last == bestLast! && s.timeframe < best!.timeframe) { best = bars; bestLast = last }
            }
            guard let bars = best else { continue }
            // Daily bars for the Investor Grade: the stored ones, unless the resampled signal bars reach later.
            var daily = storedDaily
            var volumeIsQuote = !caps.time.isEmpty
            if bars.timeframe < .d1 {
                let resampled = try Resampler.resample(bars.slice(to: asOf - bars.timeframe.milliseconds), to: .d1)
                let storedLast = storedDaily?.slice(to: asOf - Timeframe.d1.milliseconds).time.last
                if let r = resampled.time.last, storedLast == nil || r > storedLast! { daily = resampled; volumeIsQuote = false }
            }
            out.append(TokenData(symbol: a.symbol, bars: bars, daily: daily, marketCaps: caps.time.isEmpty ? nil : caps,
                                 funding: try repository.fundingRates(symbol: a.symbol), volumeIsQuote: volumeIsQuote))
        }
        return out
    }

    /// Signals, grades, performance and rankings of every stored token (or `symbols`) from data known at `asOf`.
    public func reports(asOf: Timestamp, models: [Timeframe: SignalModel], symbols: Set<String>? = nil,
                        timeframe: Timeframe? = nil) throws -> [TokenReport] {
        try reports(tokens: tokens(asOf: asOf, symbols: symbols, timeframe: timeframe), asOf: asOf, models: models)
    }

    /// Signals, grades, performance and rankings of already loaded tokens (see `tokens(asOf:)`).
    public func reports(tokens: [TokenData], asOf: Timestamp, models: [Timeframe: SignalModel]) throws -> [TokenReport] {
        var btc: [Timeframe: CandleSeries] = [:]
        for tf in Set(tokens.map(\.bars.timeframe)) {
            if let b = try? repository.candles(symbol: "BTC", timeframe: tf, from: nil, to: nil), !b.isEmpty { btc[tf] = b }
        }
        return SignalUniverse.evaluate(tokens: tokens, models: models, btc: btc, dominance: try dominance(), news: try newsContext(),
                                       asOf: asOf)
    }

    /// Out-of-sample daily scores `2 P(up) - 1` of the signal model for every stored token with daily bars: the
    /// walk-forward over the daily dataset (the family chosen on its selection blocks), so that a backtest over the
    /// stored history never uses a model trained on the days it is tested on. A day's score is the call at that
    /// day's close; the first walk-forward block (training only) has no scores.
    public func outOfSampleDailyScores(label: LabelSpec? = nil) throws -> (scores: [String: [Int64: Double]], chosen: ModelKind) {
        let spec = try (label ?? LabelSpec.standard(for: .d1)).validated()
        let data = try dataset(timeframe: .d1, label: spec)
        let result = try WalkForward.run(data, config: WalkForwardConfig(label: spec))
        let kind = result.selection.chosen
        guard let p = result.probability[kind] else { return ([:], kind) }
        var out: [String: [Int64: Double]] = [:]
        for (i, s) in data.samples.enumerated() where p[i].isFinite {
            out[data.symbols[s.token], default: [:]][s.time.dayNumber] = 2 * p[i] - 1
        }
        return (out, kind)
    }

    /// Signals for the bars of a file (`sextant signals --input`): no market context beyond the file itself
    /// (funding, BTC, dominance and news columns are 0, which the model reads as "no information").
    public static func signals(forFile path: String, model: SignalModel, asOf: Timestamp) throws -> TokenSignals {
        let file = try MarketFileReader.read(path, options: ReadOptions(timeframe: nil))
        guard case .candles(let bars, _) = file.content else {
            throw SignalsError.invalidParameter("\(path) holds no OHLCV bars")
        }
        let f = FeatureBuilder.build(bars)
        return SignalEngine.run(symbol: bars.symbol, features: f, model: model, timeframe: bars.timeframe, asOf: asOf)
    }
}

/// A signal change as stored, so that its ROI since entry can be recomputed later from the stored bars.
public struct StoredSignalEvent: Sendable, Codable, Equatable {
    public var symbol: String
    public var timeframe: Timeframe
    /// Open time of the bar at whose close the signal changed.
    public var time: Timestamp
    /// +1, -1 or 0.
    public var signal: Int
    public var probability: Double
    /// Close of that bar.
    public var entryPrice: Double
    /// The model that made the call: kind and training end (`gradient_boosting@2021-02-27T00:00:00Z`).
    public var model: String
    /// When it was stored.
    public var recordedAt: Timestamp

    public init(symbol: String, timeframe: Timeframe, time: Timestamp, signal: Int, probability: Double, entryPrice: Double,
                model: String, recordedAt: Timestamp) {
        self.symbol = symbol
        self.timeframe = timeframe
        self.time = time
        self.signal = signal
        self.probability = probability
        self.entryPrice = entryPrice
        self.model = model
        self.recordedAt = recordedAt
    }
}

/// Where signal history is kept (SQLite: the `v2: signals` migration's `signal_event` table).
public protocol SignalHistoryStore: Sendable {
    /// Stores events; an event with the same (symbol, timeframe, time) replaces the old one. Returns rows written.
    func recordSignalEvents(_ events: [StoredSignalEvent]) throws -> Int
    /// Stored events, oldest first.
    func signalEvents(symbol: String?, timeframe: Timeframe?) throws -> [StoredSignalEvent]
}

extension SignalService {
    /// The events of `reports` in storable form.
    public static func storable(_ reports: [TokenReport], models: [Timeframe: SignalModel], at now: Timestamp) -> [StoredSignalEvent] {
        reports.flatMap { r -> [StoredSignalEvent] in
            guard let s = r.signals, let m = models[r.timeframe] else { return [] }
            let tag = "\(m.kind.rawValue)@\(m.trainedTo.iso8601)"
            return s.events.map { e in
                StoredSignalEvent(symbol: r.symbol, timeframe: r.timeframe, time: e.time, signal: e.signal, probability: e.probability,
                                  entryPrice: e.entryPrice, model: tag, recordedAt: now)
            }
        }
    }
}

/// A stored signal with its ROI recomputed from the stored bars.
public struct SignalHistoryEntry: Sendable, Codable, Equatable {
    public var event: StoredSignalEvent
    /// Open time and close of the bar the ROI is measured to: the bar of the next change of this token and
    /// timeframe, else the last bar known at the as-of time.
    public var exitTime: Timestamp?
    public var exitPrice: Double?
    /// `exit / entry - 1`.
    public var roiSinceSignal: Double?
    /// `signal * roiSinceSignal`.
    public var signalReturn: Double?
    /// Whether a later change ended it.
    public var ended: Bool
}

extension SignalService {
    /// Stored signals (known at `asOf`) with their ROI since entry, recomputed from the stored bars.
    public func history(from store: any SignalHistoryStore, symbol: String?, timeframe: Timeframe?, asOf: Timestamp) throws -> [SignalHistoryEntry] {
        let events = try store.signalEvents(symbol: symbol, timeframe: timeframe).filter { $0.time + $0.timeframe.milliseconds <= asOf }
        var bars: [String: CandleSeries] = [:]
        var out: [SignalHistoryEntry] = []
        for (k, e) in events.enumerated() {
            let key = e.symbol + "/" + e.timeframe.rawValue
            if bars[key] == nil {
                bars[key] = try repository.candles(symbol: e.symbol, timeframe: e.timeframe, from: nil, to: asOf - e.timeframe.milliseconds)
            }
            let s = bars[key]!
            let next = events[(k + 1)...].first { $0.symbol == e.symbol && $0.timeframe == e.timeframe }
            var exit: Int? = s.count > 0 ? s.count - 1 : nil
            if let next, let i = s.time.firstIndex(of: next.time) { exit = i }
            let price = exit.map { s.close[$0] }
            let roi = price.map { $0 / e.entryPrice - 1 }
            out.append(SignalHistoryEntry(event: e, exitTime: exit.map { s.time[$0] }, exitPrice: price, roiSinceSignal: roi,
                                          signalReturn: roi.map { Double(e.signal) * $0 }, ended: next != nil))
        }
        return out
    }
}
