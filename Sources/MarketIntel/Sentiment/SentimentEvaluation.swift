/// Metrics for judging a sentiment model against crowd labels.
public enum SentimentEvaluation {
    /// Mean of the recall on `bullish` rows and the recall on `bearish` rows (neutral gold rows are ignored).
    /// Returns NaN when either class is absent from `gold`.
    public static func balancedRecall(predicted: [SentimentLabel], gold: [SentimentLabel]) -> Double {
        var hit: [SentimentLabel: Int] = [:], total: [SentimentLabel: Int] = [:]
        for (p, g) in zip(predicted, gold) where g != .neutral {
            total[g, default: 0] += 1
            if p == g { hit[g, default: 0] += 1 }
        }
        guard let b = total[.bullish], let s = total[.bearish], b > 0, s > 0 else { return .nan }
        return (Double(hit[.bullish, default: 0]) / Double(b) + Double(hit[.bearish, default: 0]) / Double(s)) / 2
    }

    /// Spearman's rank correlation: Pearson correlation of the ranks, ties given their average rank.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let n = min(x.count, y.count)
        guard n > 1 else { return .nan }
        return pearson(ranks(Array(x.prefix(n))), ranks(Array(y.prefix(n))))
    }

    /// Pearson's correlation; NaN when either side is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }

    /// Ranks 1...n with ties averaged.
    public static func ranks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var r = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            let avg = Double(i + j) / 2 + 1
            for k in i...j { r[order[k]] = avg }
            i = j + 1
        }
        return r
    }

    /// Each value minus the mean of its group (for example vote polarity minus the mean polarity of the headline's
    /// outlet): what is left once a per-group level is removed.
    public static func withinGroupResiduals(_ values: [Double], groups: [String]) -> [Double] {
        var sum: [String: Double] = [:], n: [String: Int] = [:]
        for (v, g) in zip(values, groups) { sum[g, default: 0] += v; n[g, default: 0] += 1 }
        return zip(values, groups).map { v, g in v - (sum[g] ?? 0) / Double(n[g] ?? 1) }
    }

    /// Vote polarity (positive − negative) / (positive + negative), 0 when there are no votes.
    public static func votePolarity(positive: Int, negative: Int) -> Double {
        positive + negative > 0 ? Double(positive - negative) / Double(positive + negative) : 0
    }

    /// Side-by-side figures of a model on a labelled set.
    public struct Report: Sendable, Codable, Equatable {
        /// Rows evaluated.
        public var rows: Int
        /// Mean recall over the bullish and bearish gold rows.
        public var balancedRecall: Double
        /// Spearman correlation of the scores with the vote polarity.
        public var spearman: Double
        /// Three-class accuracy.
        public var accuracy: Double
    }

    /// Balanced recall, Spearman against `polarity`, and 3-class accuracy.
    public static func report(scores: [Double], labels: [SentimentLabel], gold: [SentimentLabel], polarity: [Double]) -> Report {
        let acc = Double(zip(labels, gold).filter { $0 == $1 }.count) / Double(max(1, gold.count))
        return Report(rows: gold.count, balancedRecall: balancedRecall(predicted: labels, gold: gold),
                      spearman: spearman(scores, polarity), accuracy: acc)
    }
}
