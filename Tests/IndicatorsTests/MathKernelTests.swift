import Indicators
import MarketCore
import Testing

/// The batch kernels of the Math Transform, Math Operators, Statistic and Cycle functions
/// (`Sources/Indicators/Support/Kernels+Math.swift`) against the streaming states they must equal.
@Suite struct MathKernelTests {
    /// Every function with a batch kernel, with non-default parameters.
    static let cases: [String: [String: Double]] = {
        var cases: [String: [String: Double]] = [:]
        for f in ["ACOS", "ASIN", "ATAN", "CEIL", "COS", "COSH", "EXP", "FLOOR", "LN", "LOG10", "SIN", "SINH", "SQRT",
                  "TAN", "TANH", "ADD", "SUB", "MULT", "DIV", "CUMSUM",
                  "HT_DCPERIOD", "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDMODE", "HT_TRENDLINE"] {
            cases[f] = [:]
        }
        for f in ["MAX", "MAXINDEX", "MIN", "MININDEX", "MINMAX", "MINMAXINDEX"] { cases[f] = ["timeperiod": 17] }
        for f in ["LINEARREG", "LINEARREG_ANGLE", "LINEARREG_INTERCEPT", "LINEARREG_SLOPE", "TSF", "FOSC"] {
            cases[f] = ["timeperiod": 11]
        }
        cases["SUM"] = ["timeperiod": 9]
        cases["BETA"] = ["timeperiod": 7]
        cases["CORREL"] = ["timeperiod": 12]
        cases["PERCENTILE"] = ["timeperiod": 23, "percentile": 37.5]
        cases["PERCENTRANK"] = ["timeperiod": 15]
        cases["STDDEV"] = ["timeperiod": 9, "nbdev": 2.5]
        cases["VAR"] = ["timeperiod": 6, "nbdev": 1.7]
        return cases
    }()

    /// The series the kernels are checked on.
    enum Variant: String, CaseIterable {
        /// A plain random walk.
        case clean
        /// The walk with a long stretch of small whole numbers (heavy ties, no zero).
        case ties
        /// Ties, a run of zeros, NaN and ±inf inside, at different bars in each series.
        case dirty
    }

    /// A 5000-bar random walk in one of the `Variant`s.
    static func input(_ variant: Variant) -> BarColumns {
        let walk = SyntheticBars.randomWalk(count: 5000, seed: 7)
        var x = walk.close
        var high = walk.high
        var low = walk.low
        if variant == .ties {
            for i in 1000..<1400 { x[i] = (x[i] * 0.05).rounded() + 1 }
        }
        if variant == .dirty {
            for i in 1000..<1400 { x[i] = (x[i] * 0.05).rounded() }
            for i in 2200..<2260 { x[i] = 0 }
            for (i, v) in [(700, Double.nan), (1200, .nan), (1800, .infinity), (2500, .nan), (2501, .nan),
                           (3300, -.infinity), (4100, .nan)] {
                x[i] = v
            }
            for (i, v) in [(900, Double.nan), (2000, .infinity), (3000, 0), (3001, 0), (3900, .nan)] { high[i] = v }
            for (i, v) in [(1500, Double.nan), (2700, -.infinity), (3500, 0), (4500, .nan)] { low[i] = v }
        }
        return BarColumns(high: high, low: low, close: x)
    }

    /// The first bar where two result sets differ (NaN equals NaN; anything else must be identical).
    static func firstDifference(_ batch: [[Double]], _ streamed: [[Double]]) -> String? {
        guard batch.count == streamed.count else { return "\(batch.count) outputs, streaming has \(streamed.count)" }
        for k in batch.indices {
            guard batch[k].count == streamed[k].count else { return "output \(k): \(batch[k].count) rows vs \(streamed[k].count)" }
            for i in batch[k].indices {
                let a = batch[k][i], b = streamed[k][i]
                if !(a == b || (a.isNaN && b.isNaN)) || a.sign != b.sign && !a.isNaN {
                    return "output \(k) bar \(i): batch \(a), streaming \(b)"
                }
            }
        }
        return nil
    }

    @Test("each batch kernel equals its streaming state bit for bit on a random walk: clean, with ties, and with NaN, inf and zeros",
          arguments: cases.keys.sorted())
    func kernelEqualsState(id: String) throws {
        let def = try IndicatorCatalog.function(named: id)
        let p = try def.parameters(Self.cases[id] ?? [:])
        for variant in Variant.allCases {
            let input = Self.input(variant)
            var stream = def.stream(p)
            let difference = Self.firstDifference(def.run(input, p), stream.update(chunks: input, size: 1))
            #expect(difference == nil, "\(id) \(variant.rawValue): \(difference ?? "")")
        }
    }

    @Test("each batch kernel equals its streaming state on series shorter than, equal to and just past the lookback",
          arguments: cases.keys.sorted())
    func shortSeries(id: String) throws {
        let def = try IndicatorCatalog.function(named: id)
        let p = try def.parameters(Self.cases[id] ?? [:])
        let full = Self.input(.clean)
        let lookback = def.lookback(p)
        for count in Set([0, 1, 2, 3, 4, lookback - 1, lookback, lookback + 1, lookback + 2]) where count >= 0 {
            let input = BarColumns(high: Array(full.high.prefix(count)), low: Array(full.low.prefix(count)),
                                   close: Array(full.close.prefix(count)))
            var stream = def.stream(p)
            let batch = def.run(input, p)
            #expect(batch.allSatisfy { $0.count == count }, "\(id) with \(count) bars")
            let difference = Self.firstDifference(batch, stream.update(chunks: input, size: 1))
            #expect(difference == nil, "\(id) with \(count) bars: \(difference ?? "")")
        }
    }

    @Test("the window extremes keep TA-Lib's tie rule and stop a rescan at a NaN, as the streaming tracker does")
    func extremesAroundNaN() throws {
        // Period 3. Bar 5's rescan starts at bar 3 (a 2), meets the NaN at bar 4 and stops: the deque behind the
        // streaming tracker cannot see past a NaN either, so both report the 2 at bar 3.
        let x: [Double] = [1, 3, 3, 2, .nan, 5, 1, 1, .nan, .nan, 4, 4]
        for id in ["MAX", "MAXINDEX", "MIN", "MININDEX", "MINMAX", "MINMAXINDEX"] {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(["timeperiod": 3])
            var stream = def.stream(p)
            let input = BarColumns(real: x)
            let difference = Self.firstDifference(def.run(input, p), stream.update(chunks: input, size: 1))
            #expect(difference == nil, "\(id): \(difference ?? "")")
        }
        let maxIndex = try IndicatorCatalog.function(named: "MAXINDEX")
        let indices = maxIndex.run(BarColumns(real: x), try maxIndex.parameters(["timeperiod": 3]))[0]
        #expect(Array(indices.prefix(6)) == [0, 0, 1, 1, 2, 3])
    }

    @Test("CEIL and FLOOR equal the C library bit for bit on both sides of zero, at 2^52 and beyond")
    func wholeNumbers() throws {
        var x: [Double] = stride(from: -3.0, through: 3.0, by: 0.125).map { $0 }
        x += [0.0, -0.0, 1e-300, -1e-300, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5,
              -4503599627370495.5, 4503599627370496, -4503599627370497, 1e300, -1e300, .infinity, -.infinity, .nan,
              .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for id in ["CEIL", "FLOOR"] {
            let def = try IndicatorCatalog.function(named: id)
            let batch = def.run(BarColumns(real: x), try def.parameters())[0]
            for (i, v) in x.enumerated() {
                let expected = id == "CEIL" ? v.rounded(.up) : v.rounded(.down)
                #expect(batch[i].bitPattern == expected.bitPattern || (batch[i].isNaN && expected.isNaN),
                        "\(id)(\(v)): \(batch[i]), C library \(expected)")
            }
        }
    }

    @Test("PERCENTILE and PERCENTRANK kernels keep -0 and 0 apart as the states do")
    func signedZeros() throws {
        let x: [Double] = [0, -0.0, 1, -0.0, 0, -1, 0, -0.0, -0.0, 0, 2, -0.0, 0, 0, -0.0, 3, -2, 0, -0.0, 0]
        for (id, parameters) in [("PERCENTILE", ["timeperiod": 4.0, "percentile": 50]), ("PERCENTRANK", ["timeperiod": 3])] {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(parameters)
            var stream = def.stream(p)
            let difference = Self.firstDifference(def.run(BarColumns(real: x), p), stream.update(chunks: BarColumns(real: x), size: 1))
            #expect(difference == nil, "\(id): \(difference ?? "")")
        }
    }
}
