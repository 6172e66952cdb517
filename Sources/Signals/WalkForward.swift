import Foundation
import MarketCore

/// Walk-forward settings: the pooled samples are cut by time into `blocks` blocks of equal size; each block
/// after the first is predicted by models trained only on earlier rows.
public struct WalkForwardConfig: Sendable, Codable, Equatable {
    /// Number of time blocks (the first is only trained on).
    public var blocks = 6
    /// Test blocks used to choose the model family (the next ones are the reported period, never used to choose).
    public var selectionBlocks = 2
    /// Bars dropped between the end of a training label window and the test block, on top of the purge.
    public var embargoBars: Int
    /// Probabilities within `0.5 ± neutralBand` give a neutral signal.
    public var neutralBand = 0.05
    /// Gradient boosting settings.
    public var boosting = BoostingParameters()
    /// Logistic regression L2 penalty.
    public var logisticL2 = 10.0

    /// Defaults with an embargo of one horizon.
    public init(label: LabelSpec) { embargoBars = label.horizon }

    func validated() throws(SignalsError) -> WalkForwardConfig {
        guard blocks >= 3, selectionBlocks >= 1, selectionBlocks < blocks - 1 else {
            throw .invalidParameter("walk-forward needs blocks >= 3 and 1 <= selection blocks < blocks - 1 (got \(blocks), \(selectionBlocks))")
        }
        guard embargoBars >= 0, neutralBand >= 0, neutralBand < 0.5 else { throw .invalidParameter("embargo >= 0 and neutral band in [0, 0.5)") }
        return self
    }
}

/// Out-of-sample predictions of both families for every sample in a test block.
public struct WalkForwardResult: Sendable {
    /// Test block of each sample (`Dataset.samples` order); 0 for the initial training block.
    public var block: [Int]
    /// Out-of-sample probability per family and sample (NaN in block 0).
    public var probability: [ModelKind: [Double]]
    /// Scores of both families on the selection blocks, and the choice.
    public var selection: ModelSelection
    /// Scores of both families on the reported blocks (shown, never used to choose).
    public var reportScores: [String: ModelScore]
    /// First reported block.
    public var firstReportBlock: Int
    /// Labelled training rows per test block (of the last family trained).
    public var trainingRows: [Int]

    /// Whether a sample lies in the reported period.
    public func isReported(_ sampleIndex: Int) -> Bool { block[sampleIndex] >= firstReportBlock }
}

/// Walk-forward training with purging and an embargo, and the final fit.
public enum WalkForward {
    /// Runs the walk-forward over `data` for both families.
    ///
    /// Purge: a training row at time `s` is used for test block starting at `T` only when its label window
    /// ends before `T`, `s + horizon bars < T`; embargo: additionally `s + (horizon + embargo) bars < T`.
    public static func run(_ data: Dataset, config: WalkForwardConfig) throws(SignalsError) -> WalkForwardResult {
        let cfg = try config.validated()
        let n = data.samples.count
        guard n >= cfg.blocks * 50 else { throw .notEnoughTrainingData("\(n) complete rows, walk-forward needs at least \(cfg.blocks * 50)") }
        var block = [Int](repeating: 0, count: n)
        var starts: [Int] = []
        for k in 0..<cfg.blocks {
            // A block starts at the first sample of its time: rows of one timestamp never straddle blocks.
            var s = k * n / cfg.blocks
            while s > 0 && s < n && data.samples[s].time == data.samples[s - 1].time { s += 1 }
            starts.append(s)
        }
        starts.append(n)
        for k in 0..<cfg.blocks where starts[k] < starts[k + 1] { for i in starts[k]..<starts[k + 1] { block[i] = k } }

        var prob: [ModelKind: [Double]] = [:]
        for kind in ModelKind.allCases { prob[kind] = [Double](repeating: .nan, count: n) }
        var trainingRows: [Int] = []
        let width = data.features.first?.width ?? FeatureSet.names.count
        for k in 1..<cfg.blocks where starts[k] < starts[k + 1] {
            var x: [Double] = [], y: [Double] = []
            for i in Self.trainingRows(data, testStart: starts[k], embargoBars: cfg.embargoBars) {
                x.append(contentsOf: data.inputs(data.samples[i]))
                y.append(data.label(data.samples[i])!)
            }
            trainingRows.append(y.count)
            let gb = try GradientBoostedTrees.fit(rows: x, width: width, labels: y, parameters: cfg.boosting)
            let lr = try LogisticModel.fit(rows: x, width: width, labels: y, l2: cfg.logisticL2)
            for i in starts[k]..<starts[k + 1] {
                let row = data.inputs(data.samples[i])
                prob[.gradientBoosting]![i] = 1 / (1 + Foundation.exp(-gb.logOdds(row)))
                prob[.logistic]![i] = 1 / (1 + Foundation.exp(-lr.logOdds(row)))
            }
        }
        let firstReport = cfg.selectionBlocks + 1
        func scores(_ inBlocks: (Int) -> Bool) -> [String: ModelScore] {
            var out: [String: ModelScore] = [:]
            for kind in ModelKind.allCases {
                var p: [Double] = [], y: [Double] = []
                for i in 0..<n where inBlocks(block[i]) {
                    guard let l = data.label(data.samples[i]), prob[kind]![i].isFinite else { continue }
                    p.append(prob[kind]![i]); y.append(l)
                }
                out[kind.rawValue] = score(probabilities: p, labels: y)
            }
            return out
        }
        let sel = scores { $0 >= 1 && $0 < firstReport }
        let gbScore = sel[ModelKind.gradientBoosting.rawValue]!, lrScore = sel[ModelKind.logistic.rawValue]!
        let chosen: ModelKind = gbScore.logLoss <= lrScore.logLoss ? .gradientBoosting : .logistic
        let (win, lose) = chosen == .gradientBoosting ? (gbScore, lrScore) : (lrScore, gbScore)
        let selection = ModelSelection(scores: sel, chosen: chosen, logLossMargin: lose.logLoss - win.logLoss,
                                       aucMargin: win.auc - lose.auc)
        return WalkForwardResult(block: block, probability: prob, selection: selection,
                                 reportScores: scores { $0 >= firstReport }, firstReportBlock: firstReport,
                                 trainingRows: trainingRows)
    }

    /// Indices of the labelled samples a model for the test block starting at sample `testStart` may train on:
    /// earlier rows whose label window plus the embargo ends before the block's first bar opens
    /// (`time + (horizon + embargo) bars < test start`).
    static func trainingRows(_ data: Dataset, testStart: Int, embargoBars: Int) -> [Int] {
        guard testStart < data.samples.count else { return [] }
        let start = data.samples[testStart].time.milliseconds
        let gap = Int64(data.label.horizon + embargoBars) * data.barMilliseconds
        return (0..<testStart).filter { i in
            data.samples[i].time.milliseconds + gap < start && data.label(data.samples[i]) != nil
        }
    }

    /// Fits `kind` on every labelled row of `data` and wraps it as a model file.
    public static func fitFinal(_ data: Dataset, kind: ModelKind, timeframe: Timeframe, config: WalkForwardConfig,
                                selection: ModelSelection?) throws(SignalsError) -> SignalModel {
        let width = FeatureSet.names.count
        var x: [Double] = [], y: [Double] = []
        for s in data.samples { if let l = data.label(s) { x.append(contentsOf: data.inputs(s)); y.append(l) } }
        guard let first = data.samples.first?.time, let last = data.samples.last?.time else {
            throw .notEnoughTrainingData("no complete feature rows")
        }
        var model = SignalModel(formatVersion: SignalModel.currentFormatVersion, kind: kind, timeframe: timeframe,
                                features: FeatureSet.names, label: data.label, neutralBand: config.neutralBand,
                                trainedSymbols: data.symbols, trainedFrom: first, trainedTo: last, trainingRows: y.count,
                                selection: selection, boosting: nil, logistic: nil)
        switch kind {
        case .gradientBoosting: model.boosting = try GradientBoostedTrees.fit(rows: x, width: width, labels: y, parameters: config.boosting)
        case .logistic: model.logistic = try LogisticModel.fit(rows: x, width: width, labels: y, l2: config.logisticL2)
        }
        return model
    }

    /// Log loss, AUC (ties counted half) and accuracy of probabilities against {0, 1} labels.
    public static func score(probabilities p: [Double], labels y: [Double]) -> ModelScore {
        let n = p.count
        guard n > 0 else { return ModelScore(logLoss: .nan, auc: .nan, accuracy: .nan, rows: 0) }
        var loss = 0.0, right = 0
        for i in 0..<n {
            let q = min(max(p[i], 1e-12), 1 - 1e-12)
            loss -= y[i] > 0.5 ? Foundation.log(q) : Foundation.log(1 - q)
            if (p[i] > 0.5) == (y[i] > 0.5) { right += 1 }
        }
        // AUC by ranks (Mann-Whitney U), average ranks for ties.
        let ranks = averageRanks(p)
        var positives = 0.0, rankSum = 0.0
        for i in 0..<n where y[i] > 0.5 { positives += 1; rankSum += ranks[i] }
        let negatives = Double(n) - positives
        let auc = positives > 0 && negatives > 0 ? (rankSum - positives * (positives + 1) / 2) / (positives * negatives) : .nan
        return ModelScore(logLoss: loss / Double(n), auc: auc, accuracy: Double(right) / Double(n), rows: n)
    }
}

/// 1-based ranks, ties get their average rank.
func averageRanks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var ranks = [Double](repeating: 0, count: x.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
        let r = Double(i + j) / 2 + 1
        for k in i...j { ranks[order[k]] = r }
        i = j + 1
    }
    return ranks
}

/// Spearman rank correlation of the finite pairs (NaN with fewer than 3 pairs or a constant side).
public func spearman(_ a: [Double], _ b: [Double]) -> Double {
    var x: [Double] = [], y: [Double] = []
    for i in a.indices where a[i].isFinite && b[i].isFinite { x.append(a[i]); y.append(b[i]) }
    guard x.count >= 3 else { return .nan }
    let rx = averageRanks(x), ry = averageRanks(y)
    let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for i in rx.indices { let dx = rx[i] - mx, dy = ry[i] - my; sxy += dx * dy; sxx += dx * dx; syy += dy * dy }
    return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
}
