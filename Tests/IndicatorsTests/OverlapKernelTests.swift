import Indicators
import MarketCore
import Testing

/// The batch kernels of the Overlap Studies, Volatility and Price Transform functions (`OverlapKernels`) give,
/// bar for bar, the values of running the function's streaming state over the same series.
@Suite struct OverlapKernelTests {
    /// Every function with a kernel, with parameters away from the defaults (several sets where the kernel
    /// has separate paths: odd/even TRIMA, short HMA, each MA type, BBANDS over other MA types).
    static let cases: [(id: String, parameters: [String: Double])] = {
        var list: [(String, [String: Double])] = [
            ("SMA", ["timeperiod": 7]), ("EMA", ["timeperiod": 9]), ("WMA", ["timeperiod": 11]),
            ("DEMA", ["timeperiod": 6]), ("TEMA", ["timeperiod": 5]),
            ("TRIMA", ["timeperiod": 10]), ("TRIMA", ["timeperiod": 7]), ("TRIMA", ["timeperiod": 1]),
            ("KAMA", ["timeperiod": 12]), ("KAMA", ["timeperiod": 1]),
            ("HMA", ["timeperiod": 16]), ("HMA", ["timeperiod": 3]), ("HMA", ["timeperiod": 1]),
            ("ZLEMA", ["timeperiod": 12]), ("RMA", ["timeperiod": 9]),
            ("T3", ["timeperiod": 4, "vfactor": 0.6]), ("T3", ["timeperiod": 1, "vfactor": 0.8]),
            ("MAMA", ["fastlimit": 0.4, "slowlimit": 0.07]),
            ("BBANDS", ["timeperiod": 12, "nbdevup": 1.5, "nbdevdn": 2.5, "matype": 0]),
            ("BBANDS", ["timeperiod": 9, "nbdevup": 2, "nbdevdn": 1, "matype": 1]),
            ("BBANDS", ["timeperiod": 40, "nbdevup": 1, "nbdevdn": 1, "matype": 7]),
            ("ACCBANDS", ["timeperiod": 9]), ("DONCHIAN", ["timeperiod": 11]),
            ("MIDPOINT", ["timeperiod": 9]), ("MIDPRICE", ["timeperiod": 13]), ("MIDPRICE", ["timeperiod": 60]),
            ("DONCHIAN", ["timeperiod": 50]), ("MIDPOINT", ["timeperiod": 3]), ("VWMA", ["timeperiod": 8]),
            ("VWMA", ["timeperiod": 1]),
            ("KC", ["timeperiod": 15, "atrperiod": 7, "nbdev": 1.5]),
            ("SUPERTREND", ["timeperiod": 8, "multiplier": 2.5]),
            ("SAR", ["acceleration": 0.03, "maximum": 0.25]),
            ("SAREXT", ["startvalue": 0, "offsetonreverse": 0.01, "accelerationinitlong": 0.03,
                        "accelerationlong": 0.02, "accelerationmaxlong": 0.3, "accelerationinitshort": 0.01,
                        "accelerationshort": 0.03, "accelerationmaxshort": 0.15]),
            ("TRANGE", [:]), ("ATR", ["timeperiod": 9]), ("ATR", ["timeperiod": 1]), ("NATR", ["timeperiod": 9]),
            ("NATR", ["timeperiod": 1]), ("ADR", ["timeperiod": 9]), ("CVI", ["timeperiod": 8, "rocperiod": 6]),
            ("MASSI", ["fastperiod": 7, "slowperiod": 20]), ("RVI", ["timeperiod": 9, "stddevperiod": 12]),
            ("AVGDEV", ["timeperiod": 9]), ("AVGPRICE", [:]), ("MEDPRICE", [:]), ("TYPPRICE", [:]),
            ("WCLPRICE", [:]), ("HA", [:]),
        ]
        for type in MAType.allCases { list.append(("MA", ["timeperiod": 8, "matype": Double(type.rawValue)])) }
        return list
    }()

    /// A 5000-bar random walk; when `dirty`, a few NaN and infinite values placed late in the series, so
    /// most bars are still compared as numbers.
    static func input(dirty: Bool) -> BarColumns {
        let s = SyntheticBars.randomWalk(count: 5000, seed: 7)
        var open = s.open, high = s.high, low = s.low, close = s.close, volume = s.volume
        if dirty {
            close[3100] = .nan
            high[3500] = .infinity
            low[3900] = -.infinity
            open[4200] = .nan
            volume[4300] = .infinity
            close[4600] = .infinity
        }
        return BarColumns(open: open, high: high, low: low, close: close, volume: volume)
    }

    @Test("every kernel equals its streaming state bar for bar, on clean input and with NaN and infinities",
          arguments: OverlapKernelTests.cases.indices)
    func kernelEqualsState(index: Int) throws {
        let (id, given) = Self.cases[index]
        let def = try IndicatorCatalog.function(named: id)
        let p = try def.parameters(given)
        for dirty in [false, true] {
            let input = Self.input(dirty: dirty)
            let batch = def.run(input, p)
            var stream = def.stream(p)
            let streamed = stream.update(chunks: input, size: input.count)
            #expect(batch.count == def.outputs.count)
            for k in 0..<def.outputs.count {
                #expect(batch[k].count == input.count)
                let bad = (0..<input.count).first { i in
                    let a = batch[k][i], b = streamed[k][i]
                    return !(a == b || (a.isNaN && b.isNaN))
                }
                #expect(bad == nil, "\(id) \(given) dirty=\(dirty) output \(k) bar \(bad ?? -1): kernel \(bad.map { batch[k][$0] } ?? 0), state \(bad.map { streamed[k][$0] } ?? 0)")
            }
        }
    }

    @Test("kernels handle series shorter than the lookback, a single bar and no bars")
    func shortSeries() throws {
        for (id, given) in Self.cases {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(given)
            for count in [0, 1, 2, 5] {
                let s = SyntheticBars.randomWalk(count: count, seed: 3)
                let input = BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume)
                let batch = def.run(input, p)
                var stream = def.stream(p)
                let streamed = stream.update(chunks: input, size: 1)
                for k in 0..<def.outputs.count {
                    let same = batch[k].count == streamed[k].count
                        && zip(batch[k], streamed[k]).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
                    #expect(same, "\(id) \(given) on \(count) bars, output \(k)")
                }
            }
        }
    }
}
