import MarketCore

/// Scored headlines as a time series: publication times (oldest first) and sentiment scores in [-1, 1].
///
/// Signals does not score text itself: the caller (the services layer, with MarketIntel's headline model) passes
/// the scores in, so this target stays free of any text or MarketIntel dependency.
public struct ScoredHeadlines: Sendable, Equatable {
    /// Publication times, non-decreasing.
    public private(set) var time: [Timestamp]
    /// Scores in [-1, 1], one per time (non-finite scores are dropped on construction).
    public private(set) var score: [Double]
    /// Prefix sums of `score`: `scoreSum[k]` is the sum of the first `k` scores (one more element than `score`).
    let scoreSum: [Double]

    /// Pairs of (time, score) in any order; they are sorted by time (stable), non-finite scores dropped and
    /// scores clamped to [-1, 1].
    public init(_ items: [(time: Timestamp, score: Double)]) {
        let kept = items.enumerated().filter { $0.element.score.isFinite }
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        time = kept.map(\.element.time)
        score = kept.map { min(1, max(-1, $0.element.score)) }
        var sums = [0.0]
        sums.reserveCapacity(score.count + 1)
        for s in score { sums.append(sums[sums.count - 1] + s) }
        scoreSum = sums
    }

    /// Number of headlines.
    public var count: Int { time.count }

    /// Count and mean score of the headlines published in `(end - window, end]`, by binary search:
    /// `(0, 0)` when there are none (the "no information" value of the features).
    public func window(endingAt end: Timestamp, length window: Int64) -> (count: Int, mean: Double) {
        let hi = time.partitioningIndex { $0 > end }
        let lo = time.partitioningIndex { $0 > end - window }
        guard hi > lo else { return (0, 0) }
        return (hi - lo, (scoreSum[hi] - scoreSum[lo]) / Double(hi - lo))
    }
}

/// The news known to the feature builder: every scored headline (market-wide) and, per token symbol, the
/// headlines that mention that token.
public struct NewsContext: Sendable, Equatable {
    /// All headlines.
    public var market: ScoredHeadlines
    /// Headlines mentioning each token, by upper-case base symbol (`BTC`).
    public var byToken: [String: ScoredHeadlines]

    /// A news context.
    public init(market: ScoredHeadlines, byToken: [String: ScoredHeadlines] = [:]) {
        self.market = market
        self.byToken = byToken
    }

    /// The headlines published at or before `asOf` only.
    public func known(at asOf: Timestamp) -> NewsContext {
        func cut(_ h: ScoredHeadlines) -> ScoredHeadlines {
            let k = h.time.partitioningIndex { $0 > asOf }
            return ScoredHeadlines(zip(h.time[..<k], h.score[..<k]).map { (time: $0, score: $1) })
        }
        return NewsContext(market: cut(market), byToken: byToken.mapValues(cut))
    }
}
