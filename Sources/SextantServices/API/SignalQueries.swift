import Foundation
import MarketData
import Signals
import Synchronization

/// What a signal, grade, performance or risk listing may be sorted by. Every key applies to every listing (all
/// figures exist per token); tokens without a value for the key go last, ties by symbol.
public enum SignalSortKey: String, Sendable, CaseIterable, Codable {
    case symbol
    case roiSinceSignal = "roi_since_signal", signalReturn = "signal_return", probability, entryTime = "entry_time"
    case traderGrade = "trader_grade", investorGrade = "investor_grade"
    case return24h = "return_24h", return7d = "return_7d", return30d = "return_30d", return90d = "return_90d"
    case returnYtd = "return_ytd", returnSinceListing = "return_since_listing"
    case predictedVolatility = "predicted_volatility", riskScore = "risk_score", maxDrawdown = "max_drawdown"
    case roiRank = "roi_rank", riskRank = "risk_rank"

    /// The key's value in a report (nil when the token has none).
    func value(_ r: TokenReport) -> Double? {
        let p = r.performance
        let v: Double?
        switch self {
        case .symbol: v = nil
        case .roiSinceSignal: v = r.signals?.active?.priceChange
        case .signalReturn: v = r.signals?.active?.signalReturn
        case .probability: v = r.signals?.current?.probability
        case .entryTime: v = (r.signals?.active?.time.milliseconds).map(Double.init)
        case .traderGrade: v = r.trader.grade?.value
        case .investorGrade: v = r.investor.grade?.value
        case .return24h: v = p?.roi24h
        case .return7d: v = p?.roi7d
        case .return30d: v = p?.roi30d
        case .return90d: v = p?.roi90d
        case .returnYtd: v = p?.roiYearToDate
        case .returnSinceListing: v = p?.roiSinceListing
        case .predictedVolatility: v = p?.predictedVolatility
        case .riskScore: v = p?.riskScore
        case .maxDrawdown: v = p?.maxDrawdown
        case .roiRank: v = r.roiRank.map(Double.init)
        case .riskRank: v = r.riskRank.map(Double.init)
        }
        return finiteOrNil(v)
    }
}

/// Filters and order of a signal, grade, performance or risk listing. Every filter is optional.
public struct SignalListQuery: Sendable, Equatable {
    /// Only these symbols (upper case). A symbol the store does not hold is `QueryError.notFound`.
    public var symbols: Set<String>?
    /// Only tokens of this sector (case-insensitive, the bundled taxonomy's primary sector).
    public var sector: String?
    /// Only tokens linked to this narrative (case-insensitive term, see `IntelService.narratives`).
    public var narrative: String?
    /// The signal series' timeframe (nil: per token, the series with the most recent bar).
    public var timeframe: Timeframe?
    /// Grade range (inclusive, 0-100) on the grade of `gradeKind`; a token without that grade is left out.
    public var minGrade: Double?
    public var maxGrade: Double?
    public var gradeKind: GradeKind
    /// Only tokens whose current signal has this direction.
    public var signal: SignalDirection?
    public var sort: SignalSortKey
    public var descending: Bool

    public init(symbols: Set<String>? = nil, sector: String? = nil, narrative: String? = nil, timeframe: Timeframe? = nil,
                minGrade: Double? = nil, maxGrade: Double? = nil, gradeKind: GradeKind = .trader, signal: SignalDirection? = nil,
                sort: SignalSortKey = .roiSinceSignal, descending: Bool = true) {
        self.symbols = symbols
        self.sector = sector
        self.narrative = narrative
        self.timeframe = timeframe
        self.minGrade = minGrade
        self.maxGrade = maxGrade
        self.gradeKind = gradeKind
        self.signal = signal
        self.sort = sort
        self.descending = descending
    }
}

/// What a signal-history listing may be sorted by.
public enum SignalHistorySortKey: String, Sendable, CaseIterable, Codable {
    case entryTime = "entry_time", roiSinceSignal = "roi_since_signal", signalReturn = "signal_return", probability, symbol
}

/// Filters and order of a signal-history listing.
public struct SignalHistoryQuery: Sendable, Equatable {
    public var symbols: Set<String>?
    public var timeframe: Timeframe?
    public var signal: SignalDirection?
    /// Entry time range (inclusive).
    public var from: Timestamp?
    public var to: Timestamp?
    /// Only active (true) or ended (false) signals.
    public var active: Bool?
    /// Leave out calls inside the model's training data.
    public var outOfSampleOnly: Bool
    public var sort: SignalHistorySortKey
    public var descending: Bool

    public init(symbols: Set<String>? = nil, timeframe: Timeframe? = nil, signal: SignalDirection? = nil, from: Timestamp? = nil,
                to: Timestamp? = nil, active: Bool? = nil, outOfSampleOnly: Bool = false, sort: SignalHistorySortKey = .entryTime,
                descending: Bool = true) {
        self.symbols = symbols
        self.timeframe = timeframe
        self.signal = signal
        self.from = from
        self.to = to
        self.active = active
        self.outOfSampleOnly = outOfSampleOnly
        self.sort = sort
        self.descending = descending
    }
}

/// Every token's signals, grades, performance and rankings from the data known at `asOf`, with names and sectors.
public struct SignalSnapshot: Sendable {
    public let asOf: Timestamp
    /// The signal-series timeframe asked for (nil: each token's most recent series).
    public let timeframe: Timeframe?
    public let reports: [TokenReport]
    public let names: [String: String]
    public let sectors: [String: String]
}

/// Read-only signal, grade, performance and risk queries for the API and the market pages. All figures of a
/// listing come from one `SignalSnapshot` (the whole stored universe, so ranks do not depend on the filters).
///
/// Snapshots are memoised by (data version, as-of time, timeframe) when the caller passes a data version, so a
/// server computes the universe once per ingest and as-of bucket, not per request.
///
/// ```swift
/// let service = try SignalQueryService(repository: repo, modelsFolder: nil)
/// let rows = try service.currentSignals(SignalListQuery(signal: .bullish, sort: .traderGrade), asOf: now)
/// ```
public struct SignalQueryService: Sendable {
    public let repository: any MarketRepository
    /// Signal models by timeframe (a timeframe without one gets no signals and no model sub-grade).
    public let models: [Timeframe: SignalModel]
    let market: MarketQueryService
    let memo = SnapshotMemo()

    public init(repository: any MarketRepository, models: [Timeframe: SignalModel]) {
        self.repository = repository
        self.models = models
        market = MarketQueryService(repository: repository)
    }

    /// Loads the models of `modelsFolder`, or of `defaultModelsFolder()` when nil; no folder means no models.
    /// - Throws: `SignalsError` for a model file that cannot be read.
    public init(repository: any MarketRepository, modelsFolder: String?) throws {
        let folder = modelsFolder ?? Self.defaultModelsFolder()
        self.init(repository: repository, models: try folder.map { try SignalService.loadModels(folder: $0) } ?? [:])
    }

    /// Where the shipped models live: `Models/` of the working directory, else of the checkout this binary was
    /// built from; nil when neither exists.
    public static func defaultModelsFolder() -> String? {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath + "/Models"
        if fm.fileExists(atPath: cwd) { return cwd }
        var dir = #filePath
        for _ in 0..<4 { dir = (dir as NSString).deletingLastPathComponent }   // Sources/SextantServices/API/<file>
        let built = dir + "/Models"
        return fm.fileExists(atPath: built) ? built : nil
    }

    /// `now` floored to the minute: the as-of time of `latestSnapshot`.
    public static func minute(_ now: Timestamp) -> Timestamp {
        Timestamp(milliseconds: now.milliseconds - ((now.milliseconds % 60_000) + 60_000) % 60_000)
    }

    /// The universe as of about `now`, for a server: the memoised snapshot of this data version when its as-of
    /// minute is at most `maxAge` ms before `now`'s minute; an older one of the same version is answered at once
    /// while a fresh one is computed in the background (only the staleness flags and bars closed since can
    /// differ); with none for this version (after an ingest) it is computed here, once for concurrent callers.
    public func latestSnapshot(now: Timestamp, timeframe: Timeframe? = nil, dataVersion: Int64, maxAge: Int64 = 60_000) throws -> SignalSnapshot {
        let asOf = Self.minute(now)
        let key = SnapshotMemo.LatestKey(version: dataVersion, timeframe: timeframe)
        if let held = memo.latest(key) {
            if asOf.milliseconds - held.asOf.milliseconds > maxAge, memo.startRefresh(key) {
                let service = self
                Task.detached(priority: .utility) {
                    let fresh = try? service.computeSnapshot(asOf: asOf, timeframe: timeframe)
                    service.memo.finishRefresh(key, fresh)
                }
            }
            return held
        }
        return try memo.computing.withLock { _ throws -> SignalSnapshot in
            if let held = memo.latest(key) { return held }
            let snap = try computeSnapshot(asOf: asOf, timeframe: timeframe)
            memo.setLatest(key, snap)
            return snap
        }
    }

    /// The universe's reports at `asOf` (memoised under `dataVersion` when given).
    public func snapshot(asOf: Timestamp, timeframe: Timeframe? = nil, dataVersion: Int64? = nil) throws -> SignalSnapshot {
        let key = SnapshotMemo.Key(version: dataVersion ?? .min, asOf: asOf, timeframe: timeframe)
        guard dataVersion != nil else { return try computeSnapshot(asOf: asOf, timeframe: timeframe) }
        if let hit = memo.lookup(key) { return hit }
        // One computation per key: concurrent requests for the same snapshot wait for the first.
        return try memo.computing.withLock { _ throws -> SignalSnapshot in
            if let hit = memo.lookup(key) { return hit }
            let snap = try computeSnapshot(asOf: asOf, timeframe: timeframe)
            memo.store(key, snap)
            return snap
        }
    }

    func computeSnapshot(asOf: Timestamp, timeframe: Timeframe?) throws -> SignalSnapshot {
        let service = SignalService(repository: repository)
        let reports = try service.reports(asOf: asOf, models: models, timeframe: timeframe)
        var names: [String: String] = [:]
        for a in try repository.assets() { if let n = a.name { names[a.symbol] = n } }
        var sectors: [String: String] = [:]
        for r in reports { if let s = market.sector(of: r.symbol) { sectors[r.symbol] = s } }
        return SignalSnapshot(asOf: asOf, timeframe: timeframe, reports: reports, names: names, sectors: sectors)
    }

    /// The reports that pass `q`'s filters, in `q`'s order.
    /// - Throws: `QueryError.notFound` for a symbol the store does not hold or an unknown narrative.
    public func select(_ q: SignalListQuery, in snap: SignalSnapshot) throws -> [TokenReport] {
        if let wanted = q.symbols {
            let stored = Set(try repository.assets().map(\.symbol))
            if let missing = wanted.sorted().first(where: { !stored.contains($0) }) { throw QueryError.notFound(kind: "token", value: missing) }
        }
        let linked = try q.narrative.map { try narrativeTokens($0) }
        let rows = snap.reports.filter { r in
            if let s = q.symbols, !s.contains(r.symbol) { return false }
            if let want = q.sector, snap.sectors[r.symbol]?.lowercased() != want.lowercased() { return false }
            if let linked, !linked.contains(r.symbol) { return false }
            if let want = q.signal, SignalDirection(signal: r.signals?.current?.signal) != want { return false }
            if q.minGrade != nil || q.maxGrade != nil {
                guard let g = q.gradeKind.outcome(r).grade?.value else { return false }
                if let lo = q.minGrade, g < lo { return false }
                if let hi = q.maxGrade, g > hi { return false }
            }
            return true
        }
        return Self.sorted(rows, by: q.sort, descending: q.descending)
    }

    /// Reports in the order of `key` (missing values last, ties by symbol ascending).
    public static func sorted(_ rows: [TokenReport], by key: SignalSortKey, descending: Bool) -> [TokenReport] {
        if key == .symbol { return rows.sorted { descending ? $0.symbol > $1.symbol : $0.symbol < $1.symbol } }
        return sortedMissingLast(rows, descending: descending, symbol: \.symbol, key: key.value)
    }

    /// `rows` in the order of `key`, each computed once: rows without a value last, ties by symbol ascending.
    /// The listings' one ordering rule (API and pages).
    public static func sortedMissingLast<Row, Key: Comparable>(_ rows: [Row], descending: Bool, symbol: (Row) -> String,
                                                               key: (Row) -> Key?) -> [Row] {
        rows.map { ($0, key($0)) }.sorted { a, b in
            switch (a.1, b.1) {
            case let (x?, y?): return x != y ? (descending ? x > y : x < y) : symbol(a.0) < symbol(b.0)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return symbol(a.0) < symbol(b.0)
            }
        }.map(\.0)
    }

    /// The symbols linked to a narrative (its term, case-insensitive) in the stored headlines.
    /// - Throws: `QueryError.notFound` when no narrative has that term.
    public func narrativeTokens(_ term: String) throws -> Set<String> {
        let all = try IntelService(repository: repository).narratives(since: nil)
        let matching = all.filter { $0.term.lowercased() == term.lowercased() }
        guard !matching.isEmpty else { throw QueryError.notFound(kind: "narrative", value: term) }
        return Set(matching.flatMap(\.linkedTokens).map { $0.uppercased() })
    }

    /// Current signals with entry, ROI since the signal, drivers, grades and returns.
    public func currentSignals(_ q: SignalListQuery, asOf: Timestamp, dataVersion: Int64? = nil) throws -> [TradingSignalRow] {
        try currentSignals(q, in: snapshot(asOf: asOf, timeframe: q.timeframe, dataVersion: dataVersion))
    }

    /// Current signals of a snapshot (taken with `q.timeframe`).
    public func currentSignals(_ q: SignalListQuery, in snap: SignalSnapshot) throws -> [TradingSignalRow] {
        try select(q, in: snap).map { TradingSignalRow($0, name: snap.names[$0.symbol], sector: snap.sectors[$0.symbol]) }
    }

    /// Trader or Investor Grades with their sub-grades and explanations (`q.gradeKind` is set to `kind`).
    public func grades(_ kind: GradeKind, _ q: SignalListQuery, asOf: Timestamp, dataVersion: Int64? = nil) throws -> [GradeListRow] {
        try grades(kind, q, in: snapshot(asOf: asOf, timeframe: q.timeframe, dataVersion: dataVersion))
    }

    /// Grades of a snapshot.
    public func grades(_ kind: GradeKind, _ q: SignalListQuery, in snap: SignalSnapshot) throws -> [GradeListRow] {
        var q = q
        q.gradeKind = kind
        return try select(q, in: snap).map { GradeListRow($0, kind: kind, name: snap.names[$0.symbol], sector: snap.sectors[$0.symbol]) }
    }

    /// Returns over 24h/7d/30d/90d, year to date and since listing, predicted volatility and the ROI rank.
    public func performance(_ q: SignalListQuery, asOf: Timestamp, dataVersion: Int64? = nil) throws -> [PerformanceRow] {
        try performance(q, in: snapshot(asOf: asOf, timeframe: q.timeframe, dataVersion: dataVersion))
    }

    /// Performance of a snapshot.
    public func performance(_ q: SignalListQuery, in snap: SignalSnapshot) throws -> [PerformanceRow] {
        try select(q, in: snap).map { PerformanceRow($0, name: snap.names[$0.symbol], sector: snap.sectors[$0.symbol]) }
    }

    /// Risk scores with the figures behind them and the risk rank.
    public func riskScores(_ q: SignalListQuery, asOf: Timestamp, dataVersion: Int64? = nil) throws -> [RiskScoreRow] {
        try riskScores(q, in: snapshot(asOf: asOf, timeframe: q.timeframe, dataVersion: dataVersion))
    }

    /// Risk scores of a snapshot.
    public func riskScores(_ q: SignalListQuery, in snap: SignalSnapshot) throws -> [RiskScoreRow] {
        try select(q, in: snap).map { RiskScoreRow($0, name: snap.names[$0.symbol], sector: snap.sectors[$0.symbol]) }
    }

    /// Every signal change of the model over the stored bars, with the price change to the next change (or the
    /// last close). Calls inside a model's training data are marked `inSample`.
    public func signalHistory(_ q: SignalHistoryQuery, asOf: Timestamp, dataVersion: Int64? = nil) throws -> [SignalHistoryRow] {
        try signalHistory(q, in: snapshot(asOf: asOf, timeframe: q.timeframe, dataVersion: dataVersion))
    }

    /// The signal history of a snapshot (taken with `q.timeframe`).
    public func signalHistory(_ q: SignalHistoryQuery, in snap: SignalSnapshot) throws -> [SignalHistoryRow] {
        if let wanted = q.symbols {
            let stored = Set(try repository.assets().map(\.symbol))
            if let missing = wanted.sorted().first(where: { !stored.contains($0) }) { throw QueryError.notFound(kind: "token", value: missing) }
        }
        var rows: [SignalHistoryRow] = []
        for r in snap.reports where q.symbols?.contains(r.symbol) ?? true {
            guard let s = r.signals else { continue }
            let trainedTo = models[r.timeframe]?.trainedTo
            for e in s.events {
                if let from = q.from, e.time < from { continue }
                if let to = q.to, e.time > to { continue }
                if let want = q.signal, SignalDirection(signal: e.signal) != want { continue }
                if let active = q.active, active != (e.endedAt == nil) { continue }
                let inSample = trainedTo.map { e.time <= $0 } ?? false
                if q.outOfSampleOnly && inSample { continue }
                rows.append(SignalHistoryRow(symbol: r.symbol, timeframe: r.timeframe.rawValue, entryTime: e.time.iso8601,
                                             entryPrice: e.entryPrice, signal: e.signal,
                                             signalType: SignalDirection(signal: e.signal)?.rawValue ?? "neutral",
                                             probability: e.probability, score: 2 * e.probability - 1, endTime: e.endedAt?.iso8601,
                                             roiSinceSignal: e.priceChange, signalReturn: e.signalReturn, active: e.endedAt == nil,
                                             inSample: inSample))
            }
        }
        return Self.sorted(rows, by: q.sort, descending: q.descending)
    }

    /// History rows in the order of `key` (ties: entry time, then symbol).
    public static func sorted(_ rows: [SignalHistoryRow], by key: SignalHistorySortKey, descending: Bool) -> [SignalHistoryRow] {
        func less(_ a: SignalHistoryRow, _ b: SignalHistoryRow) -> Bool {
            switch key {
            case .entryTime, .symbol: return false
            case .roiSinceSignal: return a.roiSinceSignal < b.roiSinceSignal
            case .signalReturn: return a.signalReturn < b.signalReturn
            case .probability: return a.probability < b.probability
            }
        }
        return rows.sorted { a, b in
            if key == .symbol, a.symbol != b.symbol { return descending ? a.symbol > b.symbol : a.symbol < b.symbol }
            if less(a, b) { return !descending }
            if less(b, a) { return descending }
            if a.entryTime != b.entryTime { return descending ? a.entryTime > b.entryTime : a.entryTime < b.entryTime }
            return a.symbol < b.symbol
        }
    }
}

/// The snapshot memo of a `SignalQueryService` (a few entries; cleared whole when full).
final class SnapshotMemo: Sendable {
    struct Key: Hashable, Sendable {
        var version: Int64
        var asOf: Timestamp
        var timeframe: Timeframe?
    }
    /// The latest snapshot per data version and timeframe (for `latestSnapshot`).
    struct LatestKey: Hashable, Sendable {
        var version: Int64
        var timeframe: Timeframe?
    }
    private let entries = Mutex<[Key: SignalSnapshot]>([:])
    private let latestEntries = Mutex<(snapshots: [LatestKey: SignalSnapshot], refreshing: Set<LatestKey>)>(([:], []))
    /// Held while a snapshot is computed (single flight).
    let computing = Mutex<Void>(())

    func latest(_ key: LatestKey) -> SignalSnapshot? { latestEntries.withLock { $0.snapshots[key] } }

    func setLatest(_ key: LatestKey, _ snap: SignalSnapshot) {
        latestEntries.withLock { e in
            if e.snapshots.keys.contains(where: { $0.version != key.version }) { e.snapshots.removeAll() }
            e.snapshots[key] = snap
        }
    }

    /// Marks a background refresh of `key` as started; false when one already runs.
    func startRefresh(_ key: LatestKey) -> Bool { latestEntries.withLock { $0.refreshing.insert(key).inserted } }

    /// Stores a refreshed snapshot (when its version is still current) and ends the refresh.
    func finishRefresh(_ key: LatestKey, _ snap: SignalSnapshot?) {
        latestEntries.withLock { e in
            e.refreshing.remove(key)
            if let snap, let held = e.snapshots[key], held.asOf < snap.asOf { e.snapshots[key] = snap }
        }
    }
    static let capacity = 16

    func lookup(_ key: Key) -> SignalSnapshot? { entries.withLock { $0[key] } }

    func store(_ key: Key, _ snap: SignalSnapshot) {
        entries.withLock { e in
            if e.count >= Self.capacity || e.keys.contains(where: { $0.version != key.version }) { e.removeAll() }
            e[key] = snap
        }
    }
}
