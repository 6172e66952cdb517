import Foundation
import MarketCore
import Testing
@testable import Signals

@Suite struct ModelTests {
    /// Rows with 3 features where the label is 1 when x0 + 0.5 x1 > 0 (x2 is noise), flipped with 10% noise.
    static func synthetic(_ n: Int, seed: UInt64) -> (x: [Double], y: [Double]) {
        var rng = SeededGenerator(seed: seed)
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<n {
            let a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian()
            x += [a, b, c]
            var label = a + 0.5 * b > 0
            if rng.nextUnit() < 0.1 { label.toggle() }
            y.append(label ? 1 : 0)
        }
        return (x, y)
    }

    static var smallBoosting: BoostingParameters {
        var p = BoostingParameters()
        p.trees = 40; p.minSamplesLeaf = 20; p.learningRate = 0.2
        return p
    }

    @Test("gradient boosting learns a noisy linear rule out of sample and is deterministic")
    func boostingLearns() throws {
        let train = Self.synthetic(3000, seed: 1), test = Self.synthetic(2000, seed: 2)
        let m = try GradientBoostedTrees.fit(rows: train.x, width: 3, labels: train.y, parameters: Self.smallBoosting)
        let p = (0..<2000).map { 1 / (1 + exp(-m.logOdds(test.x[($0 * 3)..<($0 * 3 + 3)]))) }
        let s = WalkForward.score(probabilities: p, labels: test.y)
        #expect(s.accuracy > 0.8)
        #expect(s.auc > 0.85)
        let again = try GradientBoostedTrees.fit(rows: train.x, width: 3, labels: train.y, parameters: Self.smallBoosting)
        #expect(again == m)
        // The noise feature pulls less than the driving one.
        let c = (0..<200).map { m.contributions(test.x[($0 * 3)..<($0 * 3 + 3)], width: 3) }
        let driving: Double = c.reduce(0) { $0 + abs($1[0]) }
        let noise: Double = c.reduce(0) { $0 + abs($1[2]) }
        #expect(driving > 3 * noise)
    }

    @Test("logistic regression finds the signs and the ratio of the true weights")
    func logisticLearns() throws {
        let train = Self.synthetic(4000, seed: 3)
        let m = try LogisticModel.fit(rows: train.x, width: 3, labels: train.y, l2: 1)
        let w = zip(m.weights, m.scale).map { $0 / $1 }  // per raw unit
        #expect(w[0] > 0 && w[1] > 0)
        #expect(abs(w[1] / w[0] - 0.5) < 0.1)
        #expect(abs(w[2]) < 0.15 * w[0])
    }

    @Test("too few rows is a typed error, not a crash")
    func tooFew() {
        #expect(throws: SignalsError.self) { try GradientBoostedTrees.fit(rows: [1, 2], width: 1, labels: [0, 1], parameters: BoostingParameters()) }
        #expect(throws: SignalsError.self) { try LogisticModel.fit(rows: [1, 2], width: 1, labels: [0, 1]) }
    }

    static func tinyModel() throws -> SignalModel {
        let bars = SyntheticBars.randomWalk(count: 1500, seed: 11)
        let f = FeatureBuilder.build(bars)
        let data = Dataset(symbols: ["SYN"], features: [f], label: LabelSpec(horizon: 24, threshold: 0.002), timeframe: .h1)
        var cfg = WalkForwardConfig(label: data.label)
        cfg.boosting = smallBoosting
        return try WalkForward.fitFinal(data, kind: .gradientBoosting, timeframe: .h1, config: cfg, selection: nil)
    }

    @Test("a model file round-trips through JSON")
    func roundTrip() throws {
        let m = try Self.tinyModel()
        let back = try SignalModel.decode(try m.encoded())
        #expect(back == m)
        #expect(try back.encoded() == m.encoded())
    }

    @Test("a model file of another format version is refused with the version in the message")
    func otherVersion() throws {
        let m = try Self.tinyModel()
        var json = try #require(try JSONSerialization.jsonObject(with: m.encoded()) as? [String: Any])
        json["formatVersion"] = 1
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: SignalsError.unsupportedModelVersion(found: 1, supported: 2)) { try SignalModel.decode(data) }
        let message = SignalsError.unsupportedModelVersion(found: 1, supported: 2).description
        #expect(message.contains("version 1") && message.contains("sextant train"))
    }

    @Test("corrupt model files are refused: not JSON, a missing field, a tree pointing outside itself, other features")
    func corrupt() throws {
        let m = try Self.tinyModel()
        func isCorrupt(_ data: Data) -> Bool {
            do { _ = try SignalModel.decode(data); return false } catch {
                if case .corruptModel = error { return true }
                return false
            }
        }
        #expect(isCorrupt(Data("{\"formatVersion\": 1, \"kind\": ".utf8)))
        #expect(isCorrupt(Data("not json".utf8)))
        var json = try #require(try JSONSerialization.jsonObject(with: m.encoded()) as? [String: Any])
        json.removeValue(forKey: "boosting")
        #expect(isCorrupt(try JSONSerialization.data(withJSONObject: json)))

        var broken = m
        broken.boosting!.trees[0].left[0] = 999
        #expect(isCorrupt(try broken.encoded()))

        var renamed = m
        renamed.features[0] = "something_else"
        #expect(throws: SignalsError.self) { try SignalModel.decode(try renamed.encoded()) }
        let renamedData = try renamed.encoded()
        do { _ = try SignalModel.decode(renamedData) } catch {
            guard case .featureMismatch = error else { Issue.record("expected featureMismatch, got \(error)"); return }
        }
    }

    @Test("Spearman IC is 1 for a monotone relation, -1 reversed, and ignores NaN pairs")
    func spearmanValues() {
        #expect(spearman([1, 2, 3, 4], [10, 20, 30, 1000]) == 1)
        #expect(spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        #expect(spearman([1, .nan, 3, 4, 5], [1, 9, 2, 3, 4]) == 1)
        #expect(spearman([1, 1, 1], [1, 2, 3]).isNaN)
    }
}
