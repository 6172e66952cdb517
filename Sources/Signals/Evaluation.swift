import Foundation
import MarketCore

/// Hit rates, rank IC and strategy returns of one way of calling the market over the reported period.
public struct CallRecord: Sendable, Codable, Equatable {
    /// `model`, `always_long`, `sma_cross_20_50`, `momentum_30d`.
    public var name: String
    /// Bullish calls and the share followed by a positive forward return.
    public var bullishCalls: Int
    public var bullishHitRate: Double
    /// Bearish calls and the share followed by a negative forward return.
    public var bearishCalls: Int
    public var bearishHitRate: Double
    /// Spearman correlation of the score with the forward log return (NaN for a constant score).
    public var rankIC: Double
    /// Compounded return of following the calls bar by bar after fees, averaged over tokens.
    public var strategyReturn: Double
    /// Buy-and-hold over the same bars, averaged over tokens.
    public var buyAndHoldReturn: Double
}

/// Mean forward return of the rows in one Trader Grade decile.
public struct GradeDecile: Sendable, Codable, Equatable {
    /// 1 (lowest grades) ... 10.
    public var decile: Int
    /// Grade range.
    public var minGrade: Double
    public var maxGrade: Double
    /// Rows.
    public var rows: Int
    /// Mean forward log return over the horizon.
    public var meanForwardReturn: Double
    /// Share of rows with a positive forward return.
    public var upShare: Double
}

/// The track record of a walk-forward run (`sextant evaluate`).
public struct TrackRecord: Sendable, Codable, Equatable {
    /// Timeframe and label.
    public var timeframe: Timeframe
    public var label: LabelSpec
    /// Tokens and the reported period (open times of its first and last rows).
    public var symbols: [String]
    public var reportedFrom: Timestamp
    public var reportedTo: Timestamp
    /// Reported rows (all tokens).
    public var reportedRows: Int
    /// Fee per unit of position change.
    public var feeRate: Double
    /// The family choice, made on the blocks before the reported period.
    public var selection: ModelSelection
    /// Both families scored on the reported period (shown only).
    public var reportScores: [String: ModelScore]
    /// Pooled records of the model and the baselines.
    public var pooled: [CallRecord]
    /// Per token, the model and the baselines.
    public var perToken: [String: [CallRecord]]
    /// Forward returns by Trader Grade decile.
    public var gradeDeciles: [GradeDecile]
}

/// Builds the track record from walk-forward predictions.
public enum TrackRecordBuilder {
    /// The names of the calls compared, model first.
    public static let callNames = ["model", "always_long", "sma_cross_20_50", "momentum_30d"]

    /// Scores the reported period of `result` (rows of blocks after the selection blocks only).
    public static func build(_ data: Dataset, result: WalkForwardResult, timeframe: Timeframe, band: Double,
                             feeRate: Double = 0.001) throws(SignalsError) -> TrackRecord {
        let kind = result.selection.chosen
        let prob = result.probability[kind]!
        let reported = data.samples.indices.filter { result.isReported($0) && prob[$0].isFinite }
        guard let firstRow = reported.first, let lastRow = reported.last else { throw .notEnoughTrainingData("no reported rows") }
        let momentumBars = max(1, Int((30 * timeframe.barsPerDay).rounded()))

        // (signal, score) of every call at a sample.
        func call(_ name: String, _ i: Int) -> (Int, Double)? {
            let s = data.samples[i]
            let f = data.features[s.token]
            switch name {
            case "model": return (SignalEngine.signal(probability: prob[i], band: band), 2 * prob[i] - 1)
            case "always_long": return (1, 1)
            case "sma_cross_20_50":
                let c = f.close[s.bar]
                let a = f.value("trend_sma20", at: s.bar), b = f.value("trend_sma50", at: s.bar)
                guard a.isFinite, b.isFinite else { return nil }
                let spread = (c / (1 + a)) / (c / (1 + b)) - 1
                return (spread > 0 ? 1 : -1, spread)
            default:
                guard s.bar >= momentumBars else { return nil }
                let r = Foundation.log(f.close[s.bar] / f.close[s.bar - momentumBars])
                return (r > 0 ? 1 : (r < 0 ? -1 : 0), r)
            }
        }

        func record(_ name: String, rows: [Int]) -> CallRecord {
            var bull = 0, bullHit = 0, bear = 0, bearHit = 0
            var scores: [Double] = [], fwd: [Double] = []
            var positions: [Int: [(bar: Int, pos: Int)]] = [:]
            for i in rows {
                guard let (sig, score) = call(name, i) else { continue }
                let r = data.samples[i].forwardReturn
                positions[data.samples[i].token, default: []].append((data.samples[i].bar, sig))
                guard r.isFinite else { continue }
                scores.append(score); fwd.append(r)
                if sig > 0 { bull += 1; if r > 0 { bullHit += 1 } }
                if sig < 0 { bear += 1; if r < 0 { bearHit += 1 } }
            }
            var strat: [Double] = [], hold: [Double] = []
            for token in positions.keys.sorted() {
                let p = positions[token]!.sorted { $0.bar < $1.bar }
                let close = data.features[token].close
                var g = 1.0, h = 1.0, pos = 0
                for (k, x) in p.enumerated() {
                    if x.pos != pos { g *= max(0, 1 - feeRate * Double(abs(x.pos - pos))); pos = x.pos }
                    // Hold to the next bar only when it is the next row of this token in the period.
                    guard k + 1 < p.count, p[k + 1].bar == x.bar + 1 else { continue }
                    let r = close[x.bar + 1] / close[x.bar] - 1
                    g *= max(0, 1 + Double(pos) * r)
                    h *= 1 + r
                }
                strat.append(g - 1); hold.append(h - 1)
            }
            func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }
            return CallRecord(name: name, bullishCalls: bull, bullishHitRate: bull > 0 ? Double(bullHit) / Double(bull) : .nan,
                              bearishCalls: bear, bearishHitRate: bear > 0 ? Double(bearHit) / Double(bear) : .nan,
                              rankIC: spearman(scores, fwd), strategyReturn: mean(strat), buyAndHoldReturn: mean(hold))
        }

        let pooled = callNames.map { record($0, rows: reported) }
        var perToken: [String: [CallRecord]] = [:]
        for (k, sym) in data.symbols.enumerated() {
            let rows = reported.filter { data.samples[$0].token == k }
            if !rows.isEmpty { perToken[sym] = callNames.map { record($0, rows: rows) } }
        }

        // Trader Grade deciles over reported rows with a known forward return.
        var graded: [(grade: Double, fwd: Double)] = []
        for i in reported where data.samples[i].forwardReturn.isFinite {
            let s = data.samples[i]
            if let g = try? Grading.traderGrade(data.features[s.token], at: s.bar, probability: prob[i], timeframe: timeframe) {
                graded.append((g.value, s.forwardReturn))
            }
        }
        graded.sort { $0.grade < $1.grade }
        var deciles: [GradeDecile] = []
        if graded.count >= 10 {
            for d in 0..<10 {
                let part = graded[(d * graded.count / 10)..<((d + 1) * graded.count / 10)]
                deciles.append(GradeDecile(decile: d + 1, minGrade: part.first!.grade, maxGrade: part.last!.grade, rows: part.count,
                                           meanForwardReturn: part.reduce(0) { $0 + $1.fwd } / Double(part.count),
                                           upShare: Double(part.filter { $0.fwd > 0 }.count) / Double(part.count)))
            }
        }
        return TrackRecord(timeframe: timeframe, label: data.label, symbols: data.symbols,
                           reportedFrom: data.samples[firstRow].time, reportedTo: data.samples[lastRow].time,
                           reportedRows: reported.count, feeRate: feeRate, selection: result.selection,
                           reportScores: result.reportScores, pooled: pooled, perToken: perToken, gradeDeciles: deciles)
    }
}

extension TrackRecord {
    /// The report as markdown.
    public var markdown: String {
        func pct(_ x: Double) -> String { x.isFinite ? String(format: "%.1f%%", 100 * x) : "-" }
        func num(_ x: Double, _ d: Int = 3) -> String { x.isFinite ? String(format: "%.\(d)f", x) : "-" }
        func table(_ rows: [CallRecord]) -> String {
            var s = "| call | bullish calls | bullish hit rate | bearish calls | bearish hit rate | rank IC | strategy after fees | buy & hold |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
            for r in rows {
                s += "| \(r.name) | \(r.bullishCalls) | \(pct(r.bullishHitRate)) | \(r.bearishCalls) | \(pct(r.bearishHitRate)) | \(num(r.rankIC)) | \(pct(r.strategyReturn)) | \(pct(r.buyAndHoldReturn)) |\n"
            }
            return s
        }
        let sel = selection
        let other = ModelKind.allCases.first { $0 != sel.chosen }!
        var s = "# Sextant signal track record (\(timeframe.rawValue))\n\n"
        s += "Walk-forward, out of sample only: every row below was predicted by a model trained on earlier rows, purged of labels reaching into the test block and embargoed. "
        s += "Label: sign of the \(label.horizon)-bar forward log return beyond \(num(label.threshold, 4)). Fees \(pct(feeRate)) per unit of position change.\n\n"
        s += "Reported period: \(reportedFrom.iso8601) .. \(reportedTo.iso8601), \(reportedRows) rows, tokens: \(symbols.joined(separator: ", ")). "
        s += "The model family was chosen on the earlier selection blocks only; nothing was tuned on the reported period.\n\n"
        s += "## Model choice\n\n| family | selection log loss | selection AUC | selection accuracy | reported log loss | reported AUC | reported accuracy |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for k in ModelKind.allCases {
            let a = sel.scores[k.rawValue], b = reportScores[k.rawValue]
            s += "| \(k.rawValue)\(k == sel.chosen ? " (chosen)" : "") | \(num(a?.logLoss ?? .nan, 4)) | \(num(a?.auc ?? .nan)) | \(pct(a?.accuracy ?? .nan)) | \(num(b?.logLoss ?? .nan, 4)) | \(num(b?.auc ?? .nan)) | \(pct(b?.accuracy ?? .nan)) |\n"
        }
        s += "\nChosen: \(sel.chosen.rawValue), log loss \(num(sel.logLossMargin, 4)) lower than \(other.rawValue) on the selection blocks (AUC difference \(sel.aucMargin >= 0 ? "+" : "")\(num(sel.aucMargin))).\n\n"
        s += "## Pooled\n\n" + table(pooled)
        s += "\n## Forward return by Trader Grade decile\n\n| decile | grades | rows | mean forward log return | up share |\n|---:|---|---:|---:|---:|\n"
        for d in gradeDeciles { s += "| \(d.decile) | \(num(d.minGrade, 1))-\(num(d.maxGrade, 1)) | \(d.rows) | \(pct(d.meanForwardReturn)) | \(pct(d.upShare)) |\n" }
        s += "\n## Per token\n"
        for sym in perToken.keys.sorted() { s += "\n### \(sym)\n\n" + table(perToken[sym]!) }
        return s
    }
}
