import Foundation
import MarketCore

/// The two model families tried.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    /// `GradientBoostedTrees`.
    case gradientBoosting = "gradient_boosting"
    /// `LogisticModel`.
    case logistic
}

/// Out-of-sample quality of one model family over some walk-forward folds.
public struct ModelScore: Sendable, Codable, Equatable {
    /// Mean binary log loss on labelled rows (lower is better; 0.693 is a coin flip).
    public var logLoss: Double
    /// Area under the ROC curve (0.5 is a coin flip).
    public var auc: Double
    /// Share of labelled rows whose side (p > 0.5) was right.
    public var accuracy: Double
    /// Labelled rows scored.
    public var rows: Int
}

/// How the shipped model family was chosen: both families' walk-forward scores on the selection folds.
public struct ModelSelection: Sendable, Codable, Equatable {
    /// Scores per family on the selection folds.
    public var scores: [String: ModelScore]
    /// The family kept (lower log loss on the selection folds).
    public var chosen: ModelKind
    /// Log loss of the other family minus the chosen one's (> 0: how much better the chosen one is).
    public var logLossMargin: Double
    /// AUC of the chosen family minus the other's.
    public var aucMargin: Double
}

/// A trained signal model as stored on disk (JSON): format version, features, label, and the fitted family.
///
/// Reading a file of another `formatVersion`, a corrupt file, or one trained on other features throws a
/// `SignalsError`: there is no silent fallback.
public struct SignalModel: Sendable, Codable, Equatable {
    /// The file format this build reads and writes. Version 2 added the four `news_*` sentiment columns
    /// (27 features); version-1 files (23 features) are refused with "retrain with 'sextant train'".
    public static let currentFormatVersion = 2

    /// File format version.
    public var formatVersion: Int
    /// The family of `boosting` / `logistic` that is set.
    public var kind: ModelKind
    /// Timeframe of the bars it was trained on.
    public var timeframe: Timeframe
    /// Feature names in input order (must equal `FeatureSet.names`).
    public var features: [String]
    /// What it predicts.
    public var label: LabelSpec
    /// Probabilities within `0.5 ± neutralBand` give a neutral signal.
    public var neutralBand: Double
    /// Tokens trained on.
    public var trainedSymbols: [String]
    /// Open time of the first and last training bar.
    public var trainedFrom: Timestamp
    public var trainedTo: Timestamp
    /// Labelled rows trained on.
    public var trainingRows: Int
    /// How the family was chosen out of sample (nil when forced).
    public var selection: ModelSelection?
    /// The fitted trees (kind `gradientBoosting`).
    public var boosting: GradientBoostedTrees?
    /// The fitted regression (kind `logistic`).
    public var logistic: LogisticModel?

    /// The probability of a move up beyond the threshold, for one feature row.
    public func probability(_ row: ArraySlice<Double>) -> Double {
        1 / (1 + Foundation.exp(-logOdds(row)))
    }

    /// The log-odds for one feature row.
    public func logOdds(_ row: ArraySlice<Double>) -> Double {
        switch kind {
        case .gradientBoosting: boosting?.logOdds(row) ?? 0
        case .logistic: logistic?.logOdds(row) ?? 0
        }
    }

    /// Per-feature contributions to the log-odds of one row (see each family's `contributions`).
    public func contributions(_ row: ArraySlice<Double>) -> [Double] {
        switch kind {
        case .gradientBoosting: boosting?.contributions(row, width: features.count) ?? []
        case .logistic: logistic?.contributions(row) ?? []
        }
    }

    /// The JSON text of the model (sorted keys, so a retrain with the same data gives the same bytes).
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(self)
    }

    /// Reads a model file's bytes, checking version, structure and features.
    public static func decode(_ data: Data) throws(SignalsError) -> SignalModel {
        struct Header: Decodable { var formatVersion: Int }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch {
            throw .corruptModel("no readable 'formatVersion' (\(shortDescription(error)))")
        }
        guard header.formatVersion == currentFormatVersion else {
            throw .unsupportedModelVersion(found: header.formatVersion, supported: currentFormatVersion)
        }
        let model: SignalModel
        do { model = try JSONDecoder().decode(SignalModel.self, from: data) } catch {
            throw .corruptModel(shortDescription(error))
        }
        guard model.features == FeatureSet.names else {
            let missing = FeatureSet.names.filter { !model.features.contains($0) }
            let extra = model.features.filter { !FeatureSet.names.contains($0) }
            throw .featureMismatch("missing \(missing), unknown \(extra)" + (missing.isEmpty && extra.isEmpty ? " (order differs)" : ""))
        }
        try model.validateStructure()
        return model
    }

    /// Checks array sizes and indices so that a hand-edited file cannot crash prediction.
    func validateStructure() throws(SignalsError) {
        let width = features.count
        switch kind {
        case .gradientBoosting:
            guard let b = boosting else { throw .corruptModel("kind is gradient_boosting but 'boosting' is missing") }
            guard b.base.isFinite else { throw .corruptModel("non-finite base") }
            for (k, t) in b.trees.enumerated() {
                let n = t.feature.count
                guard n > 0, t.threshold.count == n, t.left.count == n, t.right.count == n, t.value.count == n else {
                    throw .corruptModel("tree \(k): node arrays of different lengths")
                }
                for i in 0..<n {
                    let inner = t.left[i] >= 0
                    guard t.value[i].isFinite, !inner || (t.feature[i] >= 0 && t.feature[i] < width
                        && t.left[i] > i && t.left[i] < n && t.right[i] > i && t.right[i] < n) else {
                        throw .corruptModel("tree \(k), node \(i): bad child index, feature or value")
                    }
                }
            }
        case .logistic:
            guard let l = logistic else { throw .corruptModel("kind is logistic but 'logistic' is missing") }
            guard l.weights.count == width, l.mean.count == width, l.scale.count == width,
                  (l.weights + l.mean + l.scale + [l.intercept]).allSatisfy(\.isFinite), l.scale.allSatisfy({ $0 != 0 }) else {
                throw .corruptModel("logistic arrays must have \(width) finite values each, scales non-zero")
            }
        }
        guard label.horizon >= 1, neutralBand >= 0, neutralBand < 0.5 else { throw .corruptModel("label horizon or neutral band out of range") }
    }

    /// Reads a model file.
    public static func load(path: String) throws(SignalsError) -> SignalModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw .corruptModel("cannot read '\(path)'") }
        do { return try decode(data) } catch {
            if case .corruptModel(let why) = error { throw .corruptModel("\(path): \(why)") }
            throw error
        }
    }
}

func shortDescription(_ error: any Error) -> String {
    if let e = error as? DecodingError {
        switch e {
        case .dataCorrupted(let c): return "not valid JSON: \(c.debugDescription)"
        case .keyNotFound(let k, let c): return "missing '\(k.stringValue)' at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
    return "\(error)"
}
