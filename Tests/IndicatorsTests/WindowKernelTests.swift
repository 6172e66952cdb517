import Indicators
import MarketCore
import Testing

/// The one rolling highest / lowest kernel (`WindowKernels.blockExtremes`) behind `MIN`, `MAX`, `MINMAX`,
/// `MIDPOINT`, `MIDPRICE` and `DONCHIAN` gives their streaming states' values to the bit, including the sign of
/// zero and NaN, for windows shorter than, equal to and longer than the block.
@Suite struct WindowKernelTests {
    static let ids = ["MIN", "MAX", "MINMAX", "MIDPOINT", "MIDPRICE", "DONCHIAN"]

    /// Series that exercise the kernel and its fallback: a clean walk, one crossing zero (sign changes, no
    /// exact zero), one with runs of `0` and `-0`, one with NaN and infinities.
    static func inputs() -> [(name: String, columns: BarColumns)] {
        let walk = SyntheticBars.randomWalk(count: 3000, seed: 11)
        func columns(_ f: (Double) -> Double) -> BarColumns {
            BarColumns(open: walk.open.map(f), high: walk.high.map(f), low: walk.low.map(f),
                       close: walk.close.map(f), volume: walk.volume)
        }
        let mean = walk.close.reduce(0, +) / Double(walk.count)
        var zeros = columns { $0 - mean }
        for i in stride(from: 500, to: 520, by: 1) { zeros.close[i] = i % 3 == 0 ? -0.0 : 0.0 }
        for i in stride(from: 900, to: 904, by: 1) { zeros.high[i] = -0.0; zeros.low[i] = 0.0 }
        var dirty = columns { $0 }
        dirty.close[700] = .nan
        dirty.high[1200] = .infinity
        dirty.low[1500] = -.infinity
        dirty.low[2100] = .nan
        return [("clean", columns { $0 }), ("crossing zero", columns { $0 - mean }), ("zeros", zeros),
                ("NaN and inf", dirty)]
    }

    @Test("each window function's batch equals its state bit for bit, periods 2 to 64, on four kinds of series")
    func batchEqualsStateBitForBit() throws {
        for id in Self.ids {
            let def = try IndicatorCatalog.function(named: id)
            for period in [2, 3, 7, 14, 30, 64] {
                let p = try def.parameters(["timeperiod": Double(period)])
                for (name, input) in Self.inputs() {
                    let batch = def.run(input, p)
                    var stream = def.stream(p)
                    let streamed = stream.update(chunks: input, size: 97)
                    for k in 0..<def.outputs.count {
                        let bad = (0..<input.count).first { i in
                            let a = batch[k][i], b = streamed[k][i]
                            return !(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN))
                        }
                        #expect(bad == nil, "\(id) period \(period) on \(name), output \(k), bar \(bad ?? -1)")
                    }
                }
            }
        }
    }

    @Test("series no longer than the window give no values, and one bar past it gives exactly one")
    func shortSeries() throws {
        for id in Self.ids {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(["timeperiod": 10])
            for count in [0, 1, 9, 10, 11] {
                let s = SyntheticBars.randomWalk(count: count, seed: 5)
                let input = BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume)
                let values = def.run(input, p)[0].filter { !$0.isNaN }.count
                #expect(values == max(0, count - 9), "\(id) on \(count) bars")
            }
        }
    }
}
