import Foundation
import MarketData
import MarketIntel
import Risk
import Signals

/// A bullish or bearish signal change to mark on a price chart.
public struct SignalMarker: Sendable, Equatable {
    /// Open time of the bar at whose close the signal changed.
    public var time: Timestamp
    /// +1 bullish, -1 bearish (neutral changes are not marked).
    public var signal: Int
    /// Close of that bar: the entry price.
    public var entryPrice: Double
    /// P(up) of the model at that bar.
    public var probability: Double
    /// `exit / entry - 1` up to the next change (or the last bar); nil when not known.
    public var roiSinceSignal: Double?
}

/// Where the chart's markers come from.
public enum SignalMarkerSource: String, Sendable, Equatable {
    /// Signal changes stored with `sextant signals --record` (the track record as it was published).
    case recorded
    /// Signal changes recomputed now by the shipped model over the stored bars.
    case computed
    /// No model for the timeframe and nothing stored.
    case none
}

/// Everything the token page shows beyond the token's listing row.
public struct TokenPageData: Sendable {
    /// Signals, grades with sub-grades, performance and rankings (from `SignalService.reports`).
    public var report: TokenReport
    /// The whole stored series the signals were computed on (the report's timeframe).
    public var bars: CandleSeries
    /// Bullish and bearish signal changes, oldest first.
    public var markers: [SignalMarker]
    public var markerSource: SignalMarkerSource
    /// Risk metrics of the last 365 daily bars (BTC as benchmark); nil with `riskUnavailable` saying why.
    public var risk: RiskReport?
    public var riskUnavailable: String?
}

/// A sector's standing over a look-back window, for the market page's rotation table.
public struct SectorStanding: Sendable, Equatable {
    public var sector: String
    /// Stored tokens classified in the sector.
    public var symbols: [String]
    /// Share of the classified (non-stablecoin) market cap at the end and its change over the window.
    public var capShareNow: Double
    public var capShareChange: Double
    /// Cap-weighted sector return and the market's over the window.
    public var sectorReturn: Double
    public var marketReturn: Double
    /// `(1 + sector) / (1 + market) - 1`: above 0 the sector outperformed the market.
    public var relativeReturn: Double { (1 + sectorReturn) / (1 + marketReturn) - 1 }
}

/// Sector rotation over one window ending on the last day of the daily universe.
public struct SectorRotationView: Sendable, Equatable {
    /// `YYYY-MM-DD` of the window's last day.
    public var endDate: String
    public var days: Int
    /// Largest relative return first.
    public var sectors: [SectorStanding]
}

/// Read-only queries behind the server-rendered pages that no API endpoint needs: the token page's chart,
/// markers and risk block, sector rotation, the dominance history.
///
/// ```swift
/// let page = try MarketPageService(repository: repo).tokenPage(symbol: "BTC", models: models, asOf: now)
/// ```
public struct MarketPageService: Sendable {
    public let repository: any MarketRepository
    let taxonomy: SectorTaxonomy?

    public init(repository: any MarketRepository) {
        self.repository = repository
        taxonomy = try? SectorTaxonomy.bundled()
    }

    /// The chart series, signal markers and risk metrics of one token whose report (from a universe snapshot,
    /// so that its ranks are among all tokens) is given, from data known at `asOf`.
    /// Markers are the stored signal changes of the report's token and timeframe when the store holds any (the
    /// published record), else the changes the model computed over the stored bars (`report.signals`).
    public func tokenPage(report: TokenReport, asOf: Timestamp) throws -> TokenPageData {
        let symbol = report.symbol
        let tf = report.timeframe
        let bars = try repository.candles(symbol: symbol, timeframe: tf, from: nil, to: asOf - tf.milliseconds)
        var markers: [SignalMarker] = []
        var source = SignalMarkerSource.none
        if let store = repository as? any SignalHistoryStore {
            let stored = try SignalService(repository: repository).history(from: store, symbol: symbol, timeframe: tf, asOf: asOf)
            markers = stored.filter { $0.event.signal != 0 }.map {
                SignalMarker(time: $0.event.time, signal: $0.event.signal, entryPrice: $0.event.entryPrice,
                             probability: $0.event.probability, roiSinceSignal: $0.roiSinceSignal)
            }
            if !stored.isEmpty { source = .recorded }
        }
        if source == .none, let events = report.signals?.events {
            markers = events.filter { $0.signal != 0 }.map {
                SignalMarker(time: $0.time, signal: $0.signal, entryPrice: $0.entryPrice, probability: $0.probability,
                             roiSinceSignal: $0.priceChange)
            }
            source = .computed
        }
        var risk: RiskReport? = nil
        var riskUnavailable: String? = nil
        do {
            let riskService = RiskService(repository: repository)
            let daily = try riskService.dailySeries(symbol: symbol).slice(to: asOf - Timeframe.d1.milliseconds)
            let btc = symbol == "BTC" ? nil : (try? riskService.dailySeries(symbol: "BTC")).map { Self.suffix($0.slice(to: asOf - Timeframe.d1.milliseconds), 365) }
            risk = try RiskMetrics.report(series: Self.suffix(daily, 365), benchmark: btc)
        } catch {
            riskUnavailable = "\(error)"
        }
        return TokenPageData(report: report, bars: bars, markers: markers, markerSource: source, risk: risk, riskUnavailable: riskUnavailable)
    }

    /// The last `n` bars of a series.
    static func suffix(_ s: CandleSeries, _ n: Int) -> CandleSeries {
        guard s.count > n, let from = s.time.dropLast(n - 1).last else { return s }
        return s.slice(from: from)
    }

    /// Sector rotation over the `days` days before the daily universe's last day: every sector (stablecoins and
    /// wrapped tokens left out) with its cap share, share change, and return against the market's.
    /// - Throws: `QueryError.invalidParameter` for `days` outside 1...365; `IntelError.insufficientHistory`
    ///   when no sector reaches back that far.
    public func sectorRotation(days: Int) throws -> SectorRotationView {
        guard (1...365).contains(days) else {
            throw QueryError.invalidParameter(name: "window", value: "\(days)", allowed: "1 to 365 days")
        }
        let universe = try IntelService(repository: repository).dailyUniverse()
        let series = SectorIndex.compute(coins: universe) { [taxonomy] in taxonomy?.sector(ofSymbol: $0) }
        let rotation = try SectorIndex.rotation(series, days: days)
        let end = series.compactMap { $0.points.last?.date }.max() ?? ""
        let members = Dictionary(series.map { ($0.sector, $0.symbols) }, uniquingKeysWith: { a, _ in a })
        let standings = rotation.map {
            SectorStanding(sector: $0.sector, symbols: members[$0.sector] ?? [], capShareNow: $0.capShareNow,
                           capShareChange: $0.shareChange, sectorReturn: $0.sectorReturn, marketReturn: $0.marketReturn)
        }
        return SectorRotationView(endDate: end, days: days,
                                  sectors: standings.sorted { ($0.relativeReturn, $1.sector) > ($1.relativeReturn, $0.sector) })
    }

    /// Whole-market BTC dominance from the stored dominance series (the first stored metric whose name contains
    /// "dominance"), the last `days` points, oldest first; empty when none is stored.
    public func dominanceHistory(days: Int) throws -> [DominancePoint] {
        guard let name = try repository.metricNames().sorted().first(where: { $0.lowercased().contains("dominance") }) else { return [] }
        return Array(Dominance.wholeMarket(dominanceSeries: try repository.metric(name: name)).suffix(days))
    }
}
