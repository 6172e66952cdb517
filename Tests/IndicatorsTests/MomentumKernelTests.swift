import Indicators
import MarketCore
import Testing

/// The batch kernels of the Momentum and Volume functions (`IndicatorDefinition.run`) against their streaming
/// states, fed bar by bar, on a long random walk with non-default parameters and with NaN and infinite values
/// inside the input: the kernels must repeat the states' operations exactly, so the values are equal (or both NaN).
@Suite struct MomentumKernelTests {
    /// Every function with a batch kernel, with parameters other than TA-Lib's defaults (and, where a `matype`
    /// selects the kernel's inline average, both inline kinds appear across the entries).
    static let cases: [(id: String, parameters: [String: Double])] = [
        ("AC", ["fastperiod": 4, "slowperiod": 21, "signalperiod": 7]),
        ("AC", ["fastperiod": 13, "slowperiod": 3, "signalperiod": 2]),
        ("AD", [:]),
        ("ADOSC", ["fastperiod": 5, "slowperiod": 17]),
        ("ADX", ["timeperiod": 9]),
        ("ADXR", ["timeperiod": 11]),
        ("AO", ["fastperiod": 21, "slowperiod": 8]),
        ("APO", ["fastperiod": 19, "slowperiod": 7, "matype": 0]),
        ("APO", ["fastperiod": 5, "slowperiod": 30, "matype": 1]),
        ("AROON", ["timeperiod": 9]),
        ("AROONOSC", ["timeperiod": 23]),
        ("BOP", [:]),
        ("CCI", ["timeperiod": 17]),
        ("CMF", ["timeperiod": 13]),
        ("CMF", ["timeperiod": 2]),
        ("CMF", ["timeperiod": 700]),
        ("COPPOCK", ["wmaperiod": 6, "roc1period": 9, "roc2period": 4]),
        ("COPPOCK", ["wmaperiod": 1, "roc1period": 3, "roc2period": 5]),
        ("COPPOCK", ["wmaperiod": 2, "roc1period": 1, "roc2period": 1]),
        ("CMO", ["timeperiod": 9]),
        ("CMOU", ["timeperiod": 11]),
        ("DPO", ["timeperiod": 15]),
        ("DX", ["timeperiod": 8]),
        ("DX", ["timeperiod": 2]),
        ("EFI", ["timeperiod": 6]),
        ("ER", ["timeperiod": 7]),
        ("ERI", ["timeperiod": 9]),
        ("ERI", ["timeperiod": 1]),
        ("FRACTAL", ["leftbars": 3, "rightbars": 1]),
        ("FRACTAL", ["leftbars": 1, "rightbars": 4]),
        ("FRACTAL", ["leftbars": 1, "rightbars": 1]),
        ("KDJ", ["fastk_period": 7, "slowk_period": 4, "slowk_matype": 13, "slowd_period": 5, "slowd_matype": 13]),
        ("KDJ", ["fastk_period": 12, "slowk_period": 3, "slowk_matype": 0, "slowd_period": 2, "slowd_matype": 1]),
        ("KDJ", ["fastk_period": 1, "slowk_period": 1, "slowk_matype": 11, "slowd_period": 6, "slowd_matype": 11]),
        ("MACD", ["fastperiod": 30, "slowperiod": 10, "signalperiod": 4]),
        ("MACD", ["fastperiod": 3, "slowperiod": 5, "signalperiod": 1]),
        ("MACD", ["fastperiod": 7, "slowperiod": 7, "signalperiod": 2]),
        ("MACDEXT", ["fastperiod": 7, "fastmatype": 1, "slowperiod": 19, "slowmatype": 0, "signalperiod": 5, "signalmatype": 1]),
        ("MACDEXT", ["fastperiod": 20, "fastmatype": 0, "slowperiod": 9, "slowmatype": 1, "signalperiod": 1, "signalmatype": 0]),
        ("MACDFIX", ["signalperiod": 6]),
        ("MACDFIX", ["signalperiod": 1]),
        ("MARKETFI", [:]),
        ("MFI", ["timeperiod": 10]),
        ("MINUS_DI", ["timeperiod": 9]),
        ("MINUS_DI", ["timeperiod": 1]),
        ("MINUS_DM", ["timeperiod": 12]),
        ("MOM", ["timeperiod": 7]),
        ("NVI", [:]),
        ("OBV", [:]),
        ("PLUS_DI", ["timeperiod": 21]),
        ("PLUS_DM", ["timeperiod": 1]),
        ("PLUS_DM", ["timeperiod": 2]),
        ("MINUS_DI", ["timeperiod": 2]),
        ("PPO", ["fastperiod": 9, "slowperiod": 31, "matype": 0]),
        ("PPO", ["fastperiod": 15, "slowperiod": 6, "matype": 1]),
        ("PVI", [:]),
        ("PVO", ["fastperiod": 8, "slowperiod": 20, "matype": 1]),
        ("PVT", [:]),
        ("QSTICK", ["timeperiod": 6]),
        ("ROC", ["timeperiod": 4]),
        ("ROCP", ["timeperiod": 13]),
        ("ROCR", ["timeperiod": 3]),
        ("ROCR100", ["timeperiod": 17]),
        ("RSI", ["timeperiod": 9]),
        ("RSI", ["timeperiod": 2]),
        ("RVOL", ["timeperiod": 8]),
        ("SMI", ["timeperiod": 10, "fastperiod": 3, "slowperiod": 15, "signalperiod": 5]),
        ("STOCH", ["fastk_period": 9, "slowk_period": 4, "slowk_matype": 1, "slowd_period": 2, "slowd_matype": 0]),
        ("STOCH", ["fastk_period": 14, "slowk_period": 1, "slowk_matype": 0, "slowd_period": 5, "slowd_matype": 1]),
        ("STOCHF", ["fastk_period": 8, "fastd_period": 4, "fastd_matype": 1]),
        ("STOCHRSI", ["timeperiod": 10, "fastk_period": 7, "fastd_period": 4, "fastd_matype": 0]),
        ("TRIX", ["timeperiod": 12]),
        ("TSI", ["firstperiod": 15, "secondperiod": 7]),
        ("TSI", ["firstperiod": 2, "secondperiod": 2]),
        ("ULTOSC", ["timeperiod1": 10, "timeperiod2": 5, "timeperiod3": 21]),
        ("ULTOSC", ["timeperiod1": 1, "timeperiod2": 2, "timeperiod3": 2]),
        ("VHF", ["timeperiod": 19]),
        ("VORTEX", ["timeperiod": 9]),
        ("VWAP", [:]),
        ("WAD", [:]),
        ("WILLR", ["timeperiod": 21]),
    ]

    /// A 5000-bar random walk with NaN and infinite values placed in every column late in the series (so most
    /// rows compare finite values, and the rest check that gaps travel through the kernel as through the state).
    static func input() -> BarColumns {
        let s = SyntheticBars.randomWalk(count: 5000, seed: 77)
        var columns = [s.open, s.high, s.low, s.close, s.volume]
        for (k, row) in [3700, 3950, 4200, 4400, 4650].enumerated() {
            columns[k][row] = .nan
            columns[(k + 1) % 5][row + 90] = .infinity
            columns[(k + 2) % 5][row + 170] = -.infinity
        }
        return BarColumns(open: columns[0], high: columns[1], low: columns[2], close: columns[3], volume: columns[4])
    }

    @Test("each batch kernel equals its streaming state bar for bar, gaps included", arguments: 0..<cases.count)
    func kernelEqualsState(index: Int) throws {
        let (id, given) = Self.cases[index]
        let def = try IndicatorCatalog.function(named: id)
        let p = try def.parameters(given)
        let input = Self.input()
        let batch = def.run(input, p)
        var stream = def.stream(p)
        let streamed = stream.update(chunks: input, size: input.count)
        try #require(batch.count == streamed.count)
        for k in 0..<batch.count {
            try #require(batch[k].count == input.count)
            let row = (0..<input.count).first { i in
                let a = batch[k][i], b = streamed[k][i]
                return !(a == b || (a.isNaN && b.isNaN))
            }
            #expect(row == nil, "\(id) \(given) output \(k) row \(row ?? -1): batch \(row.map { batch[k][$0] } ?? 0), stream \(row.map { streamed[k][$0] } ?? 0)")
        }
    }

    @Test("branch-free kernels match their states on ties, flat bars, signed zeros and gaps")
    func edgeValues() throws {
        // Highs and lows built from a small alphabet so equal legs, zero moves, -0 changes, infinities and NaN
        // all occur many times, in every combination of consecutive bars.
        let alphabet: [Double] = [1, 2, 2, 3, 0, -0.0, .infinity, -.infinity, .nan, 1.5]
        var state: UInt64 = 12345
        func pick() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int((state >> 33) % UInt64(alphabet.count))]
        }
        let count = 3000
        let high = (0..<count).map { _ in pick() }, low = (0..<count).map { _ in pick() }
        let close = (0..<count).map { _ in pick() }, volume = (0..<count).map { _ in pick() }
        let input = BarColumns(open: close, high: high, low: low, close: close, volume: volume)
        for (id, given) in [("PLUS_DM", ["timeperiod": 3.0]), ("MINUS_DM", ["timeperiod": 4]), ("PLUS_DI", ["timeperiod": 3]),
                            ("MINUS_DI", ["timeperiod": 5]), ("DX", ["timeperiod": 3]), ("RSI", ["timeperiod": 3]),
                            ("NVI", [:]), ("PVI", [:]), ("FRACTAL", ["leftbars": 2, "rightbars": 1]), ("CMF", ["timeperiod": 3]),
                            ("ULTOSC", ["timeperiod1": 2, "timeperiod2": 3, "timeperiod3": 4])] {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(given)
            let batch = def.run(input, p)
            var stream = def.stream(p)
            let streamed = stream.update(chunks: input, size: input.count)
            for k in 0..<batch.count {
                let row = (0..<count).first { i in
                    let a = batch[k][i], b = streamed[k][i]
                    return !(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN))
                }
                #expect(row == nil, "\(id) output \(k) row \(row ?? -1)")
            }
        }
    }

    @Test("kernels give empty columns for an empty input and the state's columns for inputs shorter than the lookback")
    func shortInputs() throws {
        for (id, given) in Self.cases {
            let def = try IndicatorCatalog.function(named: id)
            let p = try def.parameters(given)
            let none = def.run(BarColumns(close: []), p)
            #expect(none.count == def.outputs.count && none.allSatisfy { $0.isEmpty }, "\(id) on no bars")
            let walk = SyntheticBars.randomWalk(count: 12, seed: 3)
            let short = BarColumns(open: walk.open, high: walk.high, low: walk.low, close: walk.close, volume: walk.volume)
            var stream = def.stream(p)
            let streamed = stream.update(chunks: short, size: 1)
            let batch = def.run(short, p)
            for k in 0..<batch.count {
                let same = zip(batch[k], streamed[k]).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
                #expect(same && batch[k].count == short.count, "\(id) \(given) output \(k) on 12 bars")
            }
        }
    }
}
