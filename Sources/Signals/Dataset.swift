import Foundation
import MarketCore

/// What the models predict: the sign of the forward log return over `horizon` bars, ignoring moves
/// smaller than `threshold`.
///
/// Label at bar `t`: `r = ln(close[t + horizon] / close[t])`; 1 when `r > threshold`, 0 when
/// `r < -threshold`; rows with `|r| <= threshold` or without `t + horizon` bars are not trained on.
public struct LabelSpec: Sendable, Codable, Equatable {
    /// Bars ahead.
    public var horizon: Int
    /// Smallest absolute log return that counts as a move.
    public var threshold: Double

    /// A label specification.
    public init(horizon: Int, threshold: Double) {
        self.horizon = horizon
        self.threshold = threshold
    }

    /// The default for a timeframe: 24 bars on hourly (one day), 7 on daily (one week), 4 on weekly,
    /// one day ahead on other intraday bars; threshold 0.5%.
    public static func standard(for tf: Timeframe) -> LabelSpec {
        switch tf {
        case .h1: LabelSpec(horizon: 24, threshold: 0.005)
        case .d1: LabelSpec(horizon: 7, threshold: 0.005)
        case .w1: LabelSpec(horizon: 4, threshold: 0.005)
        default: LabelSpec(horizon: max(1, Int(tf.barsPerDay)), threshold: 0.005)
        }
    }

    /// Validates the fields.
    public func validated() throws(SignalsError) -> LabelSpec {
        guard horizon >= 1 && horizon <= 10_000 else { throw .invalidParameter("horizon must be 1...10000 bars, got \(horizon)") }
        guard threshold >= 0 && threshold < 1 else { throw .invalidParameter("threshold must be in [0, 1), got \(threshold)") }
        return self
    }
}

/// One complete feature row of one token: where it came from, the inputs and (when known) the outcome.
public struct Sample: Sendable {
    /// Index of the token in the dataset.
    public var token: Int
    /// Bar index within the token's series.
    public var bar: Int
    /// Bar open time.
    public var time: Timestamp
    /// Forward log return over the horizon (NaN when the horizon runs past the data).
    public var forwardReturn: Double
}

/// Feature rows of several tokens pooled and ordered by time (then token), the unit of walk-forward training.
public struct Dataset: Sendable {
    /// Token symbols, indexed by `Sample.token`.
    public var symbols: [String]
    /// Each token's feature matrix.
    public var features: [FeatureMatrix]
    /// Complete rows of every token, ordered by time, then token.
    public var samples: [Sample]
    /// The label definition.
    public var label: LabelSpec
    /// Bar length in milliseconds.
    public var barMilliseconds: Int64

    /// Pools complete rows of `features` (rows from `firstComplete` on).
    public init(symbols: [String], features: [FeatureMatrix], label: LabelSpec, timeframe: Timeframe) {
        self.symbols = symbols
        self.features = features
        self.label = label
        barMilliseconds = timeframe.milliseconds
        var out: [Sample] = []
        for (k, f) in features.enumerated() where f.firstComplete < f.rows {
            for t in f.firstComplete..<f.rows {
                let r = t + label.horizon < f.rows ? Foundation.log(f.close[t + label.horizon] / f.close[t]) : .nan
                out.append(Sample(token: k, bar: t, time: f.time[t], forwardReturn: r))
            }
        }
        out.sort { ($0.time, $0.token) < ($1.time, $1.token) }
        samples = out
    }

    /// The model inputs of a sample: its feature row with undefined values as 0.
    @inline(__always)
    public func inputs(_ s: Sample) -> ArraySlice<Double> { features[s.token].row(s.bar) }

    /// The training label of a sample (nil: no label, too small a move or no future bars).
    @inline(__always)
    public func label(_ s: Sample) -> Double? {
        guard s.forwardReturn.isFinite, abs(s.forwardReturn) > label.threshold else { return nil }
        return s.forwardReturn > 0 ? 1 : 0
    }
}

/// Errors of the signals module; each says what was wrong and what is allowed.
public enum SignalsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A parameter out of range.
    case invalidParameter(String)
    /// Not enough bars: the function needs `needs`, the series has `has`.
    case insufficientHistory(needs: Int, has: Int)
    /// Not enough labelled rows to train or evaluate.
    case notEnoughTrainingData(String)
    /// A model file that cannot be read.
    case corruptModel(String)
    /// A model file written by another format version.
    case unsupportedModelVersion(found: Int, supported: Int)
    /// A model trained on other features than this build computes.
    case featureMismatch(String)

    public var description: String {
        switch self {
        case .invalidParameter(let m): "invalid parameter: \(m)"
        case .insufficientHistory(let needs, let has): "insufficient history: needs \(needs) bars, has \(has)"
        case .notEnoughTrainingData(let m): "not enough training data: \(m)"
        case .corruptModel(let m): "corrupt model file: \(m)"
        case .unsupportedModelVersion(let found, let supported):
            "model file format version \(found) is not supported (this build reads version \(supported)); retrain with 'sextant train'"
        case .featureMismatch(let m): "model features do not match this build: \(m); retrain with 'sextant train'"
        }
    }
}
