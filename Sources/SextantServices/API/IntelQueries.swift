import MarketData
import MarketIntel

/// One day of market-wide metrics for the API: altcoin season within the stored universe and BTC dominance.
public struct MarketMetricsRow: Sendable, Codable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Altcoin Season Index (0–100): share of the top alts that beat BTC over the window.
    public var altseasonIndex: Double
    public var season: String
    public var altsCounted: Int
    public var altsOutperforming: Int
    /// BTC's share of the stored universe's market cap, in percent.
    public var btcDominanceUniversePct: Double
    /// BTC dominance of the whole market, from a stored dominance series when there is one (nil otherwise).
    public var btcDominancePct: Double?
}

extension IntelService {
    /// Altcoin season per day joined with the whole-market dominance series (any stored metric whose name
    /// contains "dominance"), oldest first.
    public func marketMetrics(top: Int, window: Int) throws -> [MarketMetricsRow] {
        let points = try altcoinSeason(top: top, window: window)
        var whole: [String: Double] = [:]
        if let name = try repository.metricNames().sorted().first(where: { $0.lowercased().contains("dominance") }) {
            for p in Dominance.wholeMarket(dominanceSeries: try repository.metric(name: name)) { whole[p.date] = p.dominancePct }
        }
        return points.map {
            MarketMetricsRow(date: $0.date, altseasonIndex: $0.altseasonIndex, season: $0.season.rawValue, altsCounted: $0.altsCounted,
                             altsOutperforming: $0.altsOutperforming, btcDominanceUniversePct: $0.btcDominancePct,
                             btcDominancePct: whole[$0.date])
        }
    }

    /// Market-wide headline sentiment per hour or day over the stored headlines in `[from, to]`, oldest first.
    public func sentiment(bucket: SentimentBucket, from: Timestamp?, to: Timestamp?) throws -> [SentimentIndexPoint] {
        let headlines = try repository.headlines(from: from, to: to, limit: nil)
        let model = try HeadlineSentimentModel.bundled()
        return SentimentIndex.market(headlines: headlines, scores: model.score(headlines.map(\.title)), bucket: bucket)
    }
}
