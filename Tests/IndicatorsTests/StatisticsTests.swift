import Indicators
import Testing
import TestSupport

private let statisticIDs: Set<String> = ["BETA", "CORREL", "LINEARREG", "LINEARREG_ANGLE", "LINEARREG_INTERCEPT",
                                         "LINEARREG_SLOPE", "PERCENTILE", "PERCENTRANK", "STDDEV", "TSF", "VAR", "FOSC"]

@Suite struct StatisticsTests {
    @Test("statistics match TA-Lib through outliers, flat stretches, zero prices, level jumps and ties",
          arguments: EdgeReference.calls(statisticIDs))
    func edges(call: EdgeReference.Call) throws {
        let difference = try EdgeReference.firstDifference(call)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("variance and standard deviation of 1...5 are 2 and sqrt(2) times nbdev")
    func varianceByHand() {
        var variance = VarianceState(period: 5)
        var deviation = StandardDeviationState(period: 5, deviations: 2)
        var lastVariance: Double?
        var lastDeviation: Double?
        for x in [1.0, 2, 3, 4, 5] {
            lastVariance = variance.update(x)
            lastDeviation = deviation.update(x)
        }
        #expect(lastVariance == 2)
        #expect(abs((lastDeviation ?? 0) - 2 * 2.0.squareRoot()) < 1e-12)
        // A constant window has exactly zero variance.
        var flat = VarianceState(period: 3)
        #expect([7.0, 7, 7, 7].compactMap { flat.update($0) } == [0, 0])
    }

    @Test("the regression of a straight line returns the line, its slope, intercept, angle and next value")
    func regressionOfALine() throws {
        let line = (0..<12).map { 3.0 + 2.0 * Double($0) }
        func last(_ output: LinearRegressionOutput) -> Double? {
            var state = LinearRegressionState(output, period: 5)
            return line.compactMap { state.update($0) }.last
        }
        let newest = try #require(last(.value))
        #expect(abs(newest - line[11]) < 1e-9)
        #expect(abs(try #require(last(.forecast)) - (line[11] + 2)) < 1e-9)
        #expect(abs(try #require(last(.slope)) - 2) < 1e-12)
        #expect(abs(try #require(last(.intercept)) - line[7]) < 1e-9)   // the line at the window's oldest bar
        #expect(abs(try #require(last(.angle)) - 63.43494882292201) < 1e-9)
        var fosc = ForecastOscillatorState(period: 5)
        let oscillator = line.compactMap { fosc.update($0) }
        #expect(oscillator.count == line.count - 5)
        #expect(oscillator.allSatisfy { abs($0) < 1e-9 })   // a line is forecast perfectly
    }

    @Test("correlation of a series with a linear function of itself is 1, and -1 when mirrored")
    func correlationByHand() {
        var up = CorrelationState(period: 4)
        var down = CorrelationState(period: 4)
        let x = [1.0, 4, 2, 8, 5, 7]
        let r = x.compactMap { up.update($0, 2 * $0 + 1) }
        let s = x.compactMap { down.update($0, -3 * $0) }
        #expect(r.count == 3 && r.allSatisfy { abs($0 - 1) < 1e-12 })
        #expect(s.allSatisfy { abs($0 + 1) < 1e-12 })
    }

    @Test("beta of a series on itself is 1; on a reference pair it equals TA-Lib")
    func betaByHand() {
        var same = BetaState(period: 3)
        let prices = [100.0, 101, 99, 102, 104, 103]
        #expect(prices.compactMap { same.update($0, $0) }.allSatisfy { abs($0 - 1) < 1e-12 })
        // TA-Lib 0.8.1: BETA([100,101,99,102,104], [50,51,49,52,54], 3) = 2.00328443..., 1.9954977...
        var pair = BetaState(period: 3)
        let betas = zip([100.0, 101, 99, 102, 104], [50.0, 51, 49, 52, 54]).compactMap { pair.update($0, $1) }
        #expect(betas.count == 2)
        #expect(abs(betas[0] - 2.0032844287) < 1e-9 && abs(betas[1] - 1.9954977004) < 1e-9)
    }

    @Test("percentile is the nearest-rank order statistic; percent rank counts strictly smaller earlier values")
    func ranksByHand() {
        var percentile = PercentileState(period: 5, percentile: 40)
        #expect([5.0, 1, 4, 2, 3, 9, 0].compactMap { percentile.update($0) } == [2, 2, 2])
        var rank = PercentRankState(period: 4)
        #expect([5.0, 3, 4, 4, 1, 6, 2, 8, 4, 4, 7, 3].compactMap { rank.update($0) } == [0, 100, 25, 100, 50, 25, 75, 0])
    }

    @Test("percentile keeps equal values in age order, so the sign of a zero is TA-Lib's")
    func signedZeros() {
        // TA-Lib 0.8.1: PERCENTILE(x, 4, p) over ±0 and ±1, written as signs ("-" for a set sign bit).
        let x: [Double] = [0, -0.0, -0.0, 0, 1, -0.0, 0, -1, 0, -0.0, -0.0, 0]
        let expected: [Double: String] = [25: "+--+----+", 50: "--+---++-", 75: "-+-++++--"]
        for (p, signs) in expected {
            var state = PercentileState(period: 4, percentile: p)
            let got = String(x.compactMap { state.update($0) }.map { $0.sign == .minus ? "-" : "+" })
            #expect(got == signs, "percentile \(p)")
        }
    }

    @Test("parameters outside TA-Lib's ranges are rejected with the range")
    func parameterRanges() throws {
        let percentile = try IndicatorCatalog.function(named: "PERCENTILE")
        #expect(throws: IndicatorError.self) { try percentile.parameters(["percentile": 100.5]) }
        #expect(throws: IndicatorError.self) { try percentile.parameters(["timeperiod": 1]) }
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "CORREL").parameters(["timeperiod": 0]) }
        #expect(try IndicatorCatalog.function(named: "BETA").parameters(["timeperiod": 1]).int("timeperiod") == 1)
        do {
            _ = try IndicatorCatalog.function(named: "STDDEV").parameters(["nbdev": 4e37])
            Issue.record("nbdev=4e37 was accepted")
        } catch {
            #expect(error.description.contains("nbdev"))
        }
    }

    @Test("NaN input propagates without crashing")
    func nanInput() throws {
        let x: [Double] = [1, 2, .nan, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        for id in statisticIDs.sorted() {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(["timeperiod": 3])
            let out = def.run(BarColumns(high: x, low: x.map { $0 + 1 }, close: x), p)
            #expect(out[0].count == x.count, "\(id)")
        }
    }
}
