import Indicators
import MarketCore
import Testing
import TestSupport

/// The batch kernels of the candlestick patterns (`def.run`) against their streaming states (`def.stream`), on long
/// series with gaps, dojis, NaN and infinities, with default and non-default penetrations. A NaN or infinite price
/// makes TA-Lib's running candle averages NaN from there on (as it does in TA-Lib), so every series is also checked
/// clean, where the patterns fire.
@Suite struct PatternKernelTests {
    static let patternIDs: [String] = IndicatorCatalog.all.filter { $0.group == .patternRecognition }.map(\.id)

    /// A 5000-bar random walk made pattern-rich: every 7th candle is lifted 2% and every 11th lowered 2% (body and
    /// shadow gaps both ways), every 13th closes at its open (doji), every 17th has no shadows (marubozu).
    static func walk(poisoned: Bool) -> BarColumns {
        let s = SyntheticBars.randomWalk(count: 5000, seed: 97)
        var o = s.open, h = s.high, l = s.low, c = s.close
        for i in 0..<o.count {
            let shift = i % 7 == 3 ? 1.02 : (i % 11 == 5 ? 0.98 : 1.0)
            o[i] *= shift; h[i] *= shift; l[i] *= shift; c[i] *= shift
            if i % 13 == 0 { c[i] = o[i] }
            if i % 17 == 0 { h[i] = max(o[i], c[i]); l[i] = min(o[i], c[i]) }
        }
        if poisoned { poison(&o, &h, &l, &c) }
        return BarColumns(open: o, high: h, low: l, close: c)
    }

    /// The synthetic candles of the `talib_patterns` fixture (every pattern occurs in them).
    static func fixture(poisoned: Bool) -> BarColumns? {
        guard let text = try? Fixtures.text("talib_patterns/input.csv.gz") else { return nil }
        let table = NumericTable(csv: text)
        guard var o = table["open"], var h = table["high"], var l = table["low"], var c = table["close"] else { return nil }
        if poisoned { poison(&o, &h, &l, &c) }
        return BarColumns(open: o, high: h, low: l, close: c)
    }

    static let series: [(name: String, input: BarColumns)] = {
        var all = [("walk", walk(poisoned: false)), ("walk with NaN/inf", walk(poisoned: true))]
        if let clean = fixture(poisoned: false), let poisoned = fixture(poisoned: true) {
            all += [("fixture", clean), ("fixture with NaN/inf", poisoned)]
        }
        return all
    }()

    /// NaN, +inf and -inf in single prices (one field at a time), spread over the series.
    static func poison(_ o: inout [Double], _ h: inout [Double], _ l: inout [Double], _ c: inout [Double]) {
        let n = o.count
        for (k, at) in stride(from: n / 9, to: n, by: n / 9).enumerated() {
            switch k % 6 {
            case 0: o[at] = .nan
            case 1: h[at] = .infinity
            case 2: l[at] = -.infinity
            case 3: c[at] = .nan
            case 4: h[at] = .nan; l[at] = .nan
            default: c[at] = .infinity
            }
        }
    }

    @Test("every pattern's batch kernel equals its streaming state on gapped random walks with NaN and inf",
          arguments: patternIDs)
    func kernelEqualsStreaming(id: String) throws {
        let def = try IndicatorCatalog.function(named: id)
        try #require(Self.series.count == 4, "talib_patterns fixture did not load")
        var cases: [[String: Double]] = [[:]]
        if def.parameters.contains(where: { $0.name == "penetration" }) {
            cases += [["penetration": 0.1], ["penetration": 0.7], ["penetration": 0]]
        }
        var signals = 0
        for given in cases {
            let p = try def.parameters(given)
            for (name, input) in Self.series {
                let batch = def.run(input, p)[0]
                var stream = def.stream(p)
                let streamed = stream.update(chunks: input, size: 7)[0]
                let first = (0..<input.count).first { batch[$0] != streamed[$0] }
                #expect(first == nil, "\(id) \(given) \(name) row \(first ?? -1): batch \(first.map { batch[$0] } ?? 0), stream \(first.map { streamed[$0] } ?? 0)")
                #expect(batch.allSatisfy { $0.isFinite && $0 == $0.rounded() }, "\(id) \(name): integer signals only")
                signals += batch.filter { $0 != 0 }.count
            }
        }
        // The comparison means something only where the pattern occurs.
        #expect(signals > 0, "\(id) never fires on the test series")
    }

    @Test("series no longer than the lookback give all zeros, and an empty series gives an empty column")
    func shortSeries() throws {
        for id in Self.patternIDs {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters()
            let lookback = def.lookback(p)
            for n in [0, 1, lookback, lookback + 1] {
                let s = SyntheticBars.randomWalk(count: n, seed: 3)
                let input = BarColumns(open: s.open, high: s.high, low: s.low, close: s.close)
                let batch = def.run(input, p)[0]
                var stream = def.stream(p)
                #expect(batch.count == n, "\(id) n=\(n)")
                #expect(batch == stream.update(chunks: input, size: 1)[0], "\(id) n=\(n)")
                if n <= lookback { #expect(batch.allSatisfy { $0 == 0 }, "\(id) n=\(n)") }
            }
        }
    }
}
