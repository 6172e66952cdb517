import Indicators
import Testing
import TestSupport

@Suite struct PriceTransformTests {
    @Test("AVGDEV matches TA-Lib on adversarial data", arguments: EdgeReference.calls(["AVGDEV"]))
    func averageDeviationEdges(call: EdgeReference.Call) throws {
        let difference = try EdgeReference.firstDifference(call)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("the one-bar price averages")
    func averages() throws {
        let input = BarColumns(open: [10, 11], high: [12, 13], low: [9, 10], close: [11, 12.5])
        func run(_ id: String) throws -> [Double] {
            let def = try IndicatorCatalog.function(named: id)
            return def.run(input, try def.parameters())[0]
        }
        #expect(try run("AVGPRICE") == [10.5, 11.625])
        #expect(try run("MEDPRICE") == [10.5, 11.5])
        #expect(try run("WCLPRICE") == [10.75, 12])
        let typical = try run("TYPPRICE")
        #expect(abs(typical[0] - 32.0 / 3) < 1e-12 && abs(typical[1] - 35.5 / 3) < 1e-12)
        #expect(PriceAverageState(.median).update(Bar(high: 4, low: 2)) == 3)
    }

    @Test("Heikin-Ashi seeds its open with (open + close) / 2 and then averages the previous candle")
    func heikinAshi() {
        var ha = HeikinAshiState()
        var candles: [(open: Double, high: Double, low: Double, close: Double)] = []
        for o in [1.0, 2, 3, 4] { candles.append(ha.update(open: o, high: o + 2, low: o - 1, close: o + 0.5)) }
        #expect(candles.map(\.open) == [1.25, 1.3125, 1.84375, 2.609375])
        #expect(candles.map(\.close) == [1.375, 2.375, 3.375, 4.375])
        #expect(candles.map(\.high) == [3, 4, 5, 6])
        #expect(candles.map(\.low) == [0, 1, 1.84375, 2.609375])
    }

    @Test("average deviation of a small window by hand")
    func averageDeviation() {
        var state = AverageDeviationState(period: 4)
        // Window 1 2 3 4: mean 2.5, deviations 1.5 .5 .5 1.5 → 1; window 2 3 4 10: mean 4.75 → 2.625.
        #expect([1.0, 2, 3, 4, 10].compactMap { state.update($0) } == [1, 2.625])
    }
}
