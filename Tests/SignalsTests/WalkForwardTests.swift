import Foundation
import MarketCore
import Testing
import TestSupport
@testable import Signals

@Suite struct WalkForwardTests {
    static func data() -> Dataset {
        var a = SyntheticBars.randomWalk(count: 1400, seed: 21)
        a.symbol = "A"
        var b = SyntheticBars.randomWalk(count: 1400, seed: 22)
        b.symbol = "B"
        let features = [a, b].map { FeatureBuilder.build($0, context: MarketContext(btc: a)) }
        return Dataset(symbols: ["A", "B"], features: features, label: LabelSpec(horizon: 24, threshold: 0.002), timeframe: .h1)
    }

    @Test("training rows of a test block end, label window and embargo included, before the block starts")
    func purgeAndEmbargo() throws {
        let d = Self.data()
        let testStart = d.samples.count / 2
        let start = d.samples[testStart].time
        let rows = WalkForward.trainingRows(d, testStart: testStart, embargoBars: 24)
        #expect(!rows.isEmpty)
        let horizonAndEmbargo: Int64 = 48 * 3_600_000
        for i in rows {
            #expect(d.samples[i].time.milliseconds + horizonAndEmbargo < start.milliseconds)
            #expect(d.label(d.samples[i]) != nil)
        }
        // The last 48 hours before the block are purged or embargoed, for both tokens.
        let latest = try #require(rows.map { d.samples[$0].time }.max())
        #expect(latest.milliseconds == start.milliseconds - horizonAndEmbargo - 3_600_000)
        // Without an embargo, only the label window is purged.
        let purgedOnly = WalkForward.trainingRows(d, testStart: testStart, embargoBars: 0)
        #expect(purgedOnly.count > rows.count)
        #expect(purgedOnly.map { d.samples[$0].time }.max()!.milliseconds == start.milliseconds - 24 * 3_600_000 - 3_600_000)
    }

    @Test("the walk-forward is deterministic and predicts only after the first block, choosing on the selection blocks")
    func deterministic() throws {
        let d = Self.data()
        var cfg = WalkForwardConfig(label: d.label)
        cfg.boosting.trees = 10
        cfg.boosting.minSamplesLeaf = 50
        let a = try WalkForward.run(d, config: cfg), b = try WalkForward.run(d, config: cfg)
        for kind in ModelKind.allCases {
            #expect(a.probability[kind]!.elementsEqual(b.probability[kind]!) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        }
        #expect(a.selection == b.selection)
        for i in d.samples.indices {
            #expect(a.probability[.logistic]![i].isNaN == (a.block[i] == 0))
            if i > 0 { #expect(a.block[i] >= a.block[i - 1]) }
        }
        #expect(a.firstReportBlock == 3)
        let record = try TrackRecordBuilder.build(d, result: a, timeframe: .h1, band: 0.05)
        #expect(record.pooled.map(\.name) == TrackRecordBuilder.callNames)
        #expect(record.gradeDeciles.count == 10)
        #expect(record.reportedFrom >= d.samples[d.samples.indices.first { a.block[$0] == 3 }!].time)
        #expect(record.markdown.contains("| model |"))
    }
}

@Suite struct ShippedModelTests {
    static let folder = Fixtures.root + "/../../Models"

    @Test("every shipped model file loads with this build's features and predicts probabilities", arguments: ["1d", "1h"])
    func loads(timeframe: String) throws {
        let path = Self.folder + "/signals-\(timeframe).json"
        let m = try SignalModel.load(path: path)
        #expect(m.timeframe.rawValue == timeframe)
        #expect(m.features == FeatureSet.names)
        let bars = SyntheticBars.randomWalk(count: 800, seed: 5)
        let f = FeatureBuilder.build(bars)
        let p = m.probability(f.row(f.rows - 1))
        #expect(p > 0 && p < 1)
    }
}
