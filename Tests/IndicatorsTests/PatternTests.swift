import Indicators
import Testing
import TestSupport

/// The candlestick patterns beyond the real-market parity test: synthetic candles holding every pattern,
/// hand-computed cases for the candle-settings machinery, and bad input.
@Suite struct PatternTests {
    static let patternIDs: [String] = IndicatorCatalog.all.filter { $0.group == .patternRecognition }.map(\.id)

    struct Synthetic: Sendable {
        let input: BarColumns
        let expected: NumericTable

        static let shared: Synthetic? = {
            guard let inputText = try? Fixtures.text("talib_patterns/input.csv.gz"),
                  let expectedText = try? Fixtures.text("talib_patterns/expected.csv.gz") else { return nil }
            let table = NumericTable(csv: inputText)
            guard let o = table["open"], let h = table["high"], let l = table["low"], let c = table["close"] else { return nil }
            return Synthetic(input: BarColumns(open: o, high: h, low: l, close: c), expected: NumericTable(csv: expectedText))
        }()
    }

    @Test("the catalog holds TA-Lib's 61 candlestick patterns, each with one integer output")
    func catalogHasAllPatterns() {
        #expect(Self.patternIDs.count == 61)
        for id in Self.patternIDs {
            let def = try? IndicatorCatalog.function(named: id)
            #expect(def?.outputs == [OutputSpec("integer", integer: true)], "\(id)")
            #expect(def?.inputs.map(\.field) == [.open, .high, .low, .close], "\(id)")
        }
    }

    @Test("every pattern equals TA-Lib on synthetic candles that contain it, batch and streaming",
          arguments: patternIDs)
    func syntheticParity(id: String) throws {
        let data = try #require(Synthetic.shared, "talib_patterns fixture did not load")
        let def = try IndicatorCatalog.function(named: id)
        var cases: [(column: String, parameters: [String: Double])] = [(id, [:])]
        if def.parameters.contains(where: { $0.name == "penetration" }) { cases.append((id + "@0.1", ["penetration": 0.1])) }
        for (column, given) in cases {
            let expected = try #require(data.expected[column], "no reference column \(column)")
            #expect(expected.filter { $0 != 0 }.count >= 5, "\(column): the fixture should contain the pattern")
            let p = try def.parameters(given)
            let batch = def.run(data.input, p)[0]
            let firstBatchMismatch = (0..<expected.count).first { batch[$0] != expected[$0] }
            #expect(firstBatchMismatch == nil,
                    "\(column) row \(firstBatchMismatch ?? -1): ours \(firstBatchMismatch.map { batch[$0] } ?? 0), TA-Lib \(firstBatchMismatch.map { expected[$0] } ?? 0)")
            var stream = def.stream(p)
            let streamed = stream.update(chunks: data.input, size: 17)[0]
            #expect(streamed == batch, "\(column) streaming differs from batch")
        }
    }

    @Test("a doji is judged against the average range of the 10 candles before it, not its own")
    func dojiUsesPreviousCandles() {
        // Ten candles of range 2 (body 1), then a candle with body 0.2 and range 2: threshold 0.1 * 2 = 0.2.
        var doji = CandlePatternState(CandlePatterns.Doji())
        for _ in 0..<10 { #expect(doji.update(CandleShape(open: 10, high: 11.5, low: 9.5, close: 11)) == nil) }
        #expect(doji.update(CandleShape(open: 10, high: 11, low: 9, close: 10.2)) == 100)
        // Body 0.25 > 0.1 * average range 2 (the previous ten candles now include the doji, also range 2).
        #expect(doji.update(CandleShape(open: 10, high: 11, low: 9, close: 10.25)) == 0)
        // A huge range on the current candle does not loosen its own threshold.
        #expect(doji.update(CandleShape(open: 10, high: 100, low: 0, close: 10.3)) == 0)
    }

    @Test("engulfing gives 100 for a strict engulf and 80 when one body end coincides")
    func engulfingStrength() {
        func run(_ candles: [CandleShape]) -> Int? {
            var s = CandlePatternState(CandlePatterns.Engulfing())
            return candles.map { s.update($0) }.last ?? nil
        }
        let filler = CandleShape(open: 5, high: 6, low: 4, close: 5.5)
        let black = CandleShape(open: 10, high: 10.5, low: 8.5, close: 9)
        #expect(run([filler, black, CandleShape(open: 8.5, high: 11, low: 8, close: 10.5)]) == 100)
        #expect(run([filler, black, CandleShape(open: 9, high: 11, low: 8.5, close: 10.5)]) == 80)
        #expect(run([filler, black, CandleShape(open: 9.2, high: 11, low: 9, close: 10.5)]) == 0)
    }

    @Test("the hikkake confirmation three bars later reports 200")
    func hikkakeConfirmation() {
        var s = CandlePatternState(CandlePatterns.Hikkake())
        let bars = [
            CandleShape(open: 10, high: 11, low: 9, close: 10), CandleShape(open: 10, high: 11, low: 9, close: 10),
            CandleShape(open: 10, high: 11, low: 9, close: 10),
            CandleShape(open: 10, high: 12, low: 8, close: 10),      // mother bar
            CandleShape(open: 10, high: 11, low: 9, close: 10),      // inside bar
            CandleShape(open: 9, high: 10.5, low: 8.5, close: 9),    // lower high and lower low: bullish hikkake
            CandleShape(open: 9, high: 10.6, low: 8.8, close: 9.5),  // not inside the breakout bar
            CandleShape(open: 10, high: 11.6, low: 9.8, close: 11.5), // closes above the inside bar's high
        ]
        let out = bars.map { s.update($0) }
        #expect(out[5] == 100)
        #expect(out[6] == 0)
        #expect(out[7] == 200)
    }

    @Test("lookbacks follow the candle settings: the longest average plus the pattern's extra candles")
    func lookbacks() throws {
        #expect(CandlePatternState<CandlePatterns.Doji>.lookback == CandleSetting.bodyDoji.avgPeriod)
        #expect(CandlePatternState<CandlePatterns.ThreeBlackCrows>.lookback == CandleSetting.shadowVeryShort.avgPeriod + 3)
        #expect(CandlePatternState<CandlePatterns.HikkakeModified>.lookback == CandleSetting.near.avgPeriod + 5)
        let def = try IndicatorCatalog.function(named: "cdlmathold")
        #expect(def.lookback(try def.parameters()) == 14)
    }

    @Test("a penetration outside 0...3e37 is rejected with the allowed range")
    func penetrationRange() throws {
        let def = try IndicatorCatalog.function(named: "CDLMORNINGSTAR")
        #expect(try def.parameters().double("penetration") == 0.3)
        #expect(throws: IndicatorError.self) { try def.parameters(["penetration": -0.1]) }
        do {
            _ = try def.parameters(["penetration": -1])
        } catch {
            #expect(error.description.contains("0.0...3e+37"))
        }
    }

    @Test("NaN prices give no signal and no crash")
    func nanInput() throws {
        let n = 40
        let nan = [Double](repeating: .nan, count: n)
        for id in Self.patternIDs {
            let def = try IndicatorCatalog.function(named: id)
            let out = def.run(BarColumns(open: nan, high: nan, low: nan, close: nan), try def.parameters())[0]
            #expect(out.allSatisfy { $0 == 0 }, "\(id)")
        }
    }
}
