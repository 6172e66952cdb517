import MarketCore

/// Bucket size for sentiment indices.
public enum SentimentBucket: String, Sendable, Codable, CaseIterable {
    /// UTC hours or UTC calendar days.
    case hourly, daily

    /// The bucket's length in milliseconds.
    public var milliseconds: Int64 { self == .hourly ? 3_600_000 : 86_400_000 }
}

/// Sentiment of the headlines in one time bucket.
public struct SentimentIndexPoint: Sendable, Equatable, Codable {
    /// Bucket start (UTC), ISO-8601.
    public var start: String
    /// Headlines in the bucket.
    public var count: Int
    /// Mean score in [-1, 1].
    public var meanScore: Double
    /// Headlines labelled bullish / bearish / neutral.
    public var bullish: Int
    /// Headlines labelled bearish.
    public var bearish: Int
    /// Headlines labelled neutral.
    public var neutral: Int
    /// (bullish − bearish) / count, in [-1, 1].
    public var netBullishRatio: Double
}

/// Market-wide and per-token sentiment indices over time.
public enum SentimentIndex {
    /// Scores grouped into UTC hours or days; only buckets with headlines are reported, oldest first.
    /// `scores[k]` belongs to `headlines[k]`; extra elements on either side are ignored.
    public static func market(headlines: [Headline], scores: [SentimentScore], bucket: SentimentBucket) -> [SentimentIndexPoint] {
        aggregate(zip(headlines, scores).map { ($0.time, $1) }, bucket: bucket)
    }

    /// One index per token: headlines mentioning the token (by `TokenMatcher`) grouped per bucket.
    /// Tokens never mentioned are absent from the result.
    public static func perToken(headlines: [Headline], scores: [SentimentScore], matcher: TokenMatcher,
                                bucket: SentimentBucket) -> [String: [SentimentIndexPoint]] {
        var byToken: [String: [(Timestamp, SentimentScore)]] = [:]
        for (h, s) in zip(headlines, scores) {
            for t in matcher.tokens(in: h.title) { byToken[t, default: []].append((h.time, s)) }
        }
        return byToken.mapValues { aggregate($0, bucket: bucket) }
    }

    static func aggregate(_ rows: [(Timestamp, SentimentScore)], bucket: SentimentBucket) -> [SentimentIndexPoint] {
        var groups: [Int64: [SentimentScore]] = [:]
        for (t, s) in rows {
            let key = t.milliseconds >= 0 ? t.milliseconds / bucket.milliseconds : (t.milliseconds - bucket.milliseconds + 1) / bucket.milliseconds
            groups[key, default: []].append(s)
        }
        return groups.keys.sorted().map { key in
            let g = groups[key] ?? []
            let bull = g.filter { $0.label == .bullish }.count, bear = g.filter { $0.label == .bearish }.count
            let start = Timestamp(milliseconds: key * bucket.milliseconds)
            return SentimentIndexPoint(start: bucket == .daily ? start.dateString : start.iso8601, count: g.count,
                                       meanScore: g.reduce(0) { $0 + $1.score } / Double(g.count),
                                       bullish: bull, bearish: bear, neutral: g.count - bull - bear,
                                       netBullishRatio: Double(bull - bear) / Double(g.count))
        }
    }
}

/// One row of `sextant sentiment`: the input row's index (0-based, header excluded), score and label.
public struct SentimentRow: Sendable, Equatable, Codable {
    /// Row index, 0-based, header excluded.
    public var i: Int
    /// Score in [-1, 1].
    public var score: Double
    /// bullish, bearish or neutral.
    public var label: SentimentLabel
    /// Encoding status of the text (`clean`, `repaired`, `broken`).
    public var encoding: TextNormalizer.EncodingStatus
}

/// Entry point for `sextant sentiment --input FILE [--text-column title] [--format csv|json]`.
public enum SentimentCommand {
    /// Scores the `textColumn` of a CSV text, one row per data row.
    /// - Throws: `IntelError.missingColumn` when the column is absent.
    public static func run(csvText: String, textColumn: String = "title",
                           model: HeadlineSentimentModel? = nil) throws(IntelError) -> [SentimentRow] {
        let m: HeadlineSentimentModel
        if let model { m = model } else { m = try HeadlineSentimentModel.bundled() }
        let texts = try CSVTable(text: csvText).requireColumn(textColumn)
        return texts.enumerated().map { k, t in
            let s = m.score(t)
            return SentimentRow(i: k, score: s.score, label: s.label, encoding: s.encoding)
        }
    }

    /// `i,score,label` lines (newline-terminated, header first).
    public static func csv(_ rows: [SentimentRow]) -> String {
        var s = "i,score,label\n"
        for r in rows { s += "\(r.i),\(r.score),\(r.label.rawValue)\n" }
        return s
    }
}
