import Foundation
import Indicators
import Testing
import TestSupport

/// Overlap studies beyond the parity sweep: every `MovingAverageState` type against TA-Lib's own function for
/// that type, hand-computed cases, and edge cases.
@Suite struct OverlapTests {
    static let btc = "btc_daily_default"

    /// TA-Lib's reference column for `function` (first output unless named) and its manifest entry.
    static func reference(_ function: String, output: String? = nil, folder: String = btc) throws
        -> (entry: TALibReference.Entry, values: [Double], input: BarColumns) {
        let ref = try #require(TALibReference.cached[folder])
        let entry = try #require(ref.entries.first { $0.function == function })
        let table = try ref.expected(entry)
        let values = try #require(table[output ?? entry.outputs[0]])
        return (entry, values, ref.input)
    }

    @Test("MovingAverageState of each type equals TA-Lib's function of that type, values and lookback",
          arguments: [(MAType.sma, "SMA"), (.ema, "EMA"), (.wma, "WMA"), (.dema, "DEMA"), (.tema, "TEMA"),
                      (.trima, "TRIMA"), (.kama, "KAMA"), (.mama, "MAMA"), (.t3, "T3"), (.hma, "HMA"),
                      (.zlema, "ZLEMA"), (.rma, "RMA")])
    func movingAverageTypes(type: MAType, function: String) throws {
        // The btc folder runs T3 with vfactor 0.7 and MAMA with 0.5 / 0.05: the values TA_MA uses for them.
        let (entry, expected, input) = try Self.reference(function)
        if type == .t3 { #expect(entry.parameters["vfactor"] == 0.7) }
        if type == .mama { #expect(entry.parameters["fastlimit"] == 0.5 && entry.parameters["slowlimit"] == 0.05) }
        let period = Int(entry.parameters["timeperiod"] ?? 30)
        #expect(MovingAverageState.lookback(type, period: period) == entry.lookback)
        var ma = MovingAverageState(type, period: period)
        for i in 0..<input.count {
            let ours = ma.update(input.close[i]) ?? .nan
            #expect(Tolerance.relative(1e-9).accepts(ours, expected[i]), "\(function) row \(i): ours \(ours), TA-Lib \(expected[i])")
            if !Tolerance.relative(1e-9).accepts(ours, expected[i]) { break }
        }
    }

    @Test("a period of 1 is the identity for every type, and NONE is the identity at any period")
    func identity() {
        let xs = [3.0, -1.5, 7.25, 1e6, 0]
        for type in MAType.allCases {
            #expect(MovingAverageState.lookback(type, period: 1) == 0)
            var ma = MovingAverageState(type, period: 1)
            #expect(xs.map { ma.update($0) } == xs.map { Optional($0) }, "\(type.shortName)")
        }
        var none = MovingAverageState(.none, period: 9)
        #expect(MovingAverageState.lookback(.none, period: 9) == 0)
        #expect(xs.map { none.update($0) } == xs.map { Optional($0) })
    }

    @Test("functionDefault means whatever the caller says, SMA when it says nothing")
    func functionDefault() {
        let xs = (0..<40).map { 100 + sin(Double($0)) * 5 }
        var viaDefault = MovingAverageState(.functionDefault, period: 6, functionDefault: .ema)
        var ema = EMAState(period: 6)
        var plain = MovingAverageState(.functionDefault, period: 6)
        var sma = SMAState(period: 6)
        for x in xs {
            #expect(viaDefault.update(x) == ema.update(x))
            #expect(plain.update(x) == sma.update(x))
        }
        #expect(MovingAverageState.lookback(.functionDefault, period: 6, functionDefault: .tema) == 15)
    }

    @Test("WMA weighs the newest value most: (1*1 + 2*2 + 3*3) / 6 on 1, 2, 3")
    func wmaByHand() {
        var wma = WMAState(period: 3)
        let out = [1.0, 2, 3, 4].map { wma.update($0) }
        #expect(out[0] == nil && out[1] == nil)
        #expect(abs((out[2] ?? .nan) - 14.0 / 6.0) < 1e-12)
        #expect(abs((out[3] ?? .nan) - 20.0 / 6.0) < 1e-12)
    }

    @Test("TRIMA's weights are TA-Lib's triangle for odd and even periods")
    func trimaWeights() {
        let xs = (0..<30).map { 50 + Double(($0 * 37) % 11) }
        for (period, weights) in [(5, [1.0, 2, 3, 2, 1]), (4, [1.0, 2, 2, 1])] {
            var trima = TRIMAState(period: period)
            let total = weights.reduce(0, +)
            for (i, x) in xs.enumerated() {
                let ours = trima.update(x)
                guard i >= period - 1 else { #expect(ours == nil); continue }
                let direct = (0..<period).reduce(0.0) { $0 + weights[$1] * xs[i - period + 1 + $1] } / total
                #expect(abs((ours ?? .nan) - direct) < 1e-9)
            }
        }
    }

    @Test("MAVP clamps each bar's period, reads NaN as the minimum and never traps on huge values")
    func mavpClamps() {
        let xs = (0..<12).map { Double($0 * $0) }
        let requested: [Double] = [3, 3, 3, 3, 3, 3, .nan, 1e300, -.infinity, 3.7, .infinity, 2]
        var mavp = MAVPState(minPeriod: 2, maxPeriod: 5)
        #expect(MAVPState.lookback(minPeriod: 2, maxPeriod: 5, type: .sma) == 4)
        for i in 0..<xs.count {
            let ours = mavp.update(xs[i], period: requested[i])
            guard i >= 4 else { #expect(ours == nil); continue }
            let p = mavp.effectivePeriod(requested[i])
            let expectedPeriod = [6: 2, 7: 5, 8: 2, 9: 3, 10: 5, 11: 2][i] ?? 3
            #expect(p == expectedPeriod)
            let direct = xs[(i - p + 1)...i].reduce(0, +) / Double(p)
            #expect(abs((ours ?? .nan) - direct) < 1e-9)
        }
    }

    @Test("BBANDS' typed form equals TA-Lib on the non-default reference (13 bars, 1.5 up, 2.5 down)")
    func bbandsTyped() throws {
        let folder = "eth_hourly_variant"
        let (entry, upper, input) = try Self.reference("BBANDS", output: "upperband", folder: folder)
        let lower = try Self.reference("BBANDS", output: "lowerband", folder: folder).values
        var bb = BBANDSState(period: Int(entry.parameters["timeperiod"]!), deviationsUp: entry.parameters["nbdevup"]!,
                             deviationsDown: entry.parameters["nbdevdn"]!, type: .sma)
        for i in 0..<input.count {
            let v = bb.update(input.close[i])
            #expect(Tolerance.relative(1e-9).accepts(v?.upper ?? .nan, upper[i]))
            #expect(Tolerance.relative(1e-9).accepts(v?.lower ?? .nan, lower[i]))
        }
    }

    @Test("BBANDS' deviation stays accurate on a long series of large prices with small moves")
    func bbandsLongSeries() {
        let period = 20
        var bb = BBANDSState(period: period, deviationsUp: 1, deviationsDown: 1)
        var recent: [Double] = []
        for i in 0..<50_000 {
            let x = 1_000_000 + Double((i * 7919) % 101) * 0.01
            recent.append(x)
            if recent.count > period { recent.removeFirst() }
            let v = bb.update(x)
            guard i % 997 == 0, let v else { continue }
            let mean = recent.reduce(0, +) / Double(period)
            let sigma = (recent.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(period)).squareRoot()
            #expect(abs((v.upper - v.middle) - sigma) <= 1e-6 * sigma, "bar \(i)")
        }
    }

    @Test("SAREXT starts long at a positive start value and reports short positions negative")
    func sarextStart() {
        var sar = SAREXTState(startValue: 5)
        #expect(sar.update(high: 11, low: 9) == nil)
        // Bar 1: long from 5; the SAR output for the bar is the start value itself.
        #expect(sar.update(high: 12, low: 10) == 5)
        // A low far below the SAR reverses to short: the output turns negative.
        let reversed = sar.update(high: 3, low: 1)
        #expect((reversed ?? 0) < 0)
        var plain = SARState()
        _ = plain.update(high: 11, low: 9)
        _ = plain.update(high: 12, low: 10)
        #expect((plain.update(high: 3, low: 1) ?? -1) > 0)
    }

    @Test("SUPERTREND reports trend 0 on warm-up bars, as TA-Lib's integer output, and 1 or -1 after")
    func supertrendWarmUp() throws {
        let def = try IndicatorCatalog.function(named: "SUPERTREND")
        let p = try def.parameters(["timeperiod": 3])
        let n = 20
        let close = (0..<n).map { 100 + Double($0 % 5) * 2 - Double($0) }
        let out = def.run(BarColumns(high: close.map { $0 + 1 }, low: close.map { $0 - 1 }, close: close), p)
        #expect(out[1][0..<3].allSatisfy { $0 == 0 } && out[0][0..<3].allSatisfy(\.isNaN))
        #expect(out[1][3...].allSatisfy { $0 == 1 || $0 == -1 })
    }

    @Test("parameters outside TA-Lib's ranges are typed errors")
    func badParameters() throws {
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "T3").parameters(["vfactor": 1.5]) }
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "BBANDS").parameters(["timeperiod": 1]) }
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "MAMA").parameters(["fastlimit": 0]) }
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "MA").parameters(["matype": 14]) }
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "SAR").parameters(["maximum": -0.1]) }
    }

    @Test("NaN and infinite inputs flow through every overlap function without trapping")
    func nonFiniteInput() throws {
        let n = 120
        var close = (0..<n).map { 100 + sin(Double($0) / 3) * 10 }
        close[40] = .nan
        close[70] = .infinity
        let columns = BarColumns(open: close, high: close.map { $0 + 2 }, low: close.map { $0 - 2 }, close: close,
                                 volume: close.map { _ in 10 }, periods: (0..<n).map { Double($0 % 7) })
        for def in IndicatorCatalog.all where def.group == .overlapStudies {
            let out = def.run(columns, try def.parameters())
            #expect(out.count == def.outputs.count && out.allSatisfy { $0.count == n }, "\(def.id)")
        }
    }
}
