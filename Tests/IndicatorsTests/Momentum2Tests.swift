import Foundation
import Indicators
import Testing
import TestSupport

/// The TA-Lib matype sweep in `Tests/Fixtures/talib_matype_sweep` (every moving-average type 0...13).
struct MATypeSweep: Sendable {
    let input: BarColumns
    let table: NumericTable

    static let shared: MATypeSweep? = {
        guard let inText = try? Fixtures.text("talib_matype_sweep/input.csv.gz"),
              let outText = try? Fixtures.text("talib_matype_sweep/sweep.csv.gz") else { return nil }
        let t = NumericTable(csv: inText)
        guard let o = t["open"], let h = t["high"], let l = t["low"], let c = t["close"], let v = t["volume"] else { return nil }
        return MATypeSweep(input: BarColumns(open: o, high: h, low: l, close: c, volume: v), table: NumericTable(csv: outText))
    }()

    /// Runs `function` with `parameters` and checks each output against the sweep columns, and the lookback
    /// against the first row TA-Lib filled.
    func check(_ function: String, _ parameters: [String: Double], columns: [String],
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let def = try IndicatorCatalog.function(named: function)
        let p = try def.parameters(parameters)
        let ours = def.run(input, p)
        for (k, name) in columns.enumerated() {
            let ref = try #require(table[name], "column \(name)", sourceLocation: sourceLocation)
            let firstValue = ref.firstIndex { !$0.isNaN } ?? ref.count
            #expect(def.lookback(p) == firstValue, "\(name) lookback", sourceLocation: sourceLocation)
            let bad = (0..<ref.count).first { !Tolerance.relative(1e-9).accepts(ours[k][$0], ref[$0]) }
            #expect(bad == nil, "\(name) row \(bad ?? -1): ours \(bad.map { ours[k][$0] } ?? 0), TA-Lib \(bad.map { ref[$0] } ?? 0)",
                    sourceLocation: sourceLocation)
        }
    }
}

/// Edge-case calls (smallest periods, swapped periods, flat markets, zero-volume runs) with TA-Lib's outputs, from
/// `Tests/Fixtures/talib_matype_sweep/edge*`.
struct EdgeCases: Sendable {
    struct Call: Decodable, Sendable {
        let function: String
        let parameters: [String: Double]
        let columns: [String]
        let lookback: Int
    }

    let input: BarColumns
    let table: NumericTable
    let calls: [Call]

    static let shared: EdgeCases? = {
        guard let inText = try? Fixtures.text("talib_matype_sweep/edge_input.csv.gz"),
              let outText = try? Fixtures.text("talib_matype_sweep/edge.csv.gz"),
              let data = try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path("talib_matype_sweep/edge_manifest.json"))),
              let calls = try? JSONDecoder().decode([Call].self, from: data) else { return nil }
        let t = NumericTable(csv: inText)
        guard let o = t["open"], let h = t["high"], let l = t["low"], let c = t["close"], let v = t["volume"] else { return nil }
        return EdgeCases(input: BarColumns(open: o, high: h, low: l, close: c, volume: v), table: NumericTable(csv: outText),
                         calls: calls)
    }()

    /// Checks every call of `function`: lookback, batch values and streaming values (chunks of 1 and 7 bars).
    /// Infinities must be identical; other values within 1e-9 relative.
    func check(_ function: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let def = try IndicatorCatalog.function(named: function)
        let mine = calls.filter { $0.function == function }
        #expect(!mine.isEmpty, sourceLocation: sourceLocation)
        for call in mine {
            let p = try def.parameters(call.parameters)
            #expect(def.lookback(p) == call.lookback, "\(function) \(call.parameters) lookback", sourceLocation: sourceLocation)
            var one = def.stream(p), seven = def.stream(p)
            let runs = [def.run(input, p), one.update(chunks: input, size: 1), seven.update(chunks: input, size: 7)]
            for (k, name) in call.columns.enumerated() {
                let ref = try #require(table[name], sourceLocation: sourceLocation)
                for ours in runs {
                    let bad = (0..<ref.count).first { i in
                        ref[i].isInfinite ? ours[k][i] != ref[i] : !Tolerance.relative(1e-9).accepts(ours[k][i], ref[i])
                    }
                    #expect(bad == nil, "\(name) \(call.parameters) row \(bad ?? -1): ours \(bad.map { ours[k][$0] } ?? 0), TA-Lib \(bad.map { ref[$0] } ?? 0)",
                            sourceLocation: sourceLocation)
                }
            }
        }
    }
}

@Suite struct Momentum2Tests {
    @Test("matches TA-Lib at the smallest periods, swapped periods, flat markets and zero-volume runs",
          arguments: ["MOM", "PPO", "QSTICK", "ROC", "ROCP", "ROCR", "ROCR100", "RSI", "SMI", "STOCH", "STOCHF", "STOCHRSI",
                      "TRIX", "TSI", "ULTOSC", "VHF", "VORTEX", "WAD", "WILLR"])
    func edgeCases(function: String) throws {
        try #require(EdgeCases.shared).check(function)
    }

    @Test("PPO matches TA-Lib for every moving-average type, periods in either order", arguments: 0...13)
    func ppoEveryMAType(matype: Int) throws {
        let sweep = try #require(MATypeSweep.shared)
        try sweep.check("PPO", ["fastperiod": 5, "slowperiod": 12, "matype": Double(matype)], columns: ["PPO_\(matype)"])
        try sweep.check("PPO", ["fastperiod": 12, "slowperiod": 5, "matype": Double(matype)], columns: ["PPO_swapped_\(matype)"])
    }

    @Test("the stochastics match TA-Lib for every moving-average type", arguments: 0...13)
    func stochasticsEveryMAType(matype: Int) throws {
        let sweep = try #require(MATypeSweep.shared)
        let m = Double(matype)
        try sweep.check("STOCH", ["fastk_period": 6, "slowk_period": 3, "slowk_matype": m, "slowd_period": 4, "slowd_matype": m],
                        columns: ["STOCH_slowk_\(matype)", "STOCH_slowd_\(matype)"])
        try sweep.check("STOCHF", ["fastk_period": 6, "fastd_period": 4, "fastd_matype": m],
                        columns: ["STOCHF_fastk_\(matype)", "STOCHF_fastd_\(matype)"])
        try sweep.check("STOCHRSI", ["timeperiod": 9, "fastk_period": 6, "fastd_period": 4, "fastd_matype": m],
                        columns: ["STOCHRSI_fastk_\(matype)", "STOCHRSI_fastd_\(matype)"])
    }

    @Test("RSI seeds with the plain average of the first changes, then smooths the Wilder way")
    func rsiByHand() {
        // Changes: +1, -2, +3, then +1. Seed (period 3): gain 4/3, loss 2/3 -> RSI 66.67 at bar 3.
        // Bar 4: gain (4/3*2 + 1)/3 = 11/9, loss (2/3*2)/3 = 4/9 -> RSI 100 * 11 / 15.
        var rsi = RSIState(period: 3)
        let values = [10.0, 11, 9, 12, 13].map { rsi.update($0) }
        #expect(values[0] == nil && values[1] == nil && values[2] == nil)
        #expect(abs((values[3] ?? .nan) - 200.0 / 3.0) < 1e-12)
        #expect(abs((values[4] ?? .nan) - 1100.0 / 15.0) < 1e-12)
    }

    @Test("RSI of a flat series is 0, as TA-Lib, not NaN")
    func rsiFlat() {
        var rsi = RSIState(period: 4)
        let last = (0..<10).compactMap { _ in rsi.update(5) }.last
        #expect(last == 0)
    }

    @Test("MOM and the ROC family compare with the close period bars back; a zero base gives 0")
    func rateOfChangeByHand() {
        var mom = PriceChangeState(.momentum, period: 2), roc = PriceChangeState(.rateOfChange, period: 2)
        var rocp = PriceChangeState(.rateOfChangeFraction, period: 2)
        var rocr = PriceChangeState(.ratio, period: 2), rocr100 = PriceChangeState(.ratio100, period: 2)
        var results: [[Double?]] = []
        for x in [0.0, 4, 5, 8] {
            results.append([mom.update(x), roc.update(x), rocp.update(x), rocr.update(x), rocr100.update(x)])
        }
        #expect(results[1].allSatisfy { $0 == nil })
        #expect(results[2] == [5, 0, 0, 0, 0])          // base 0
        #expect(results[3] == [4, 100, 1, 2, 200])      // 8 against 4
    }

    @Test("STOCH's first output comes after the %K window and both smoothing windows")
    func stochWindows() {
        var s = STOCHState(fastKPeriod: 3, slowKPeriod: 2, slowDPeriod: 2)
        let highs = [10.0, 12, 11, 13, 14, 12]
        let lows = [8.0, 9, 9, 10, 11, 10]
        let closes = [9.0, 11, 10, 12, 13, 11]
        let out = (0..<6).map { s.update(high: highs[$0], low: lows[$0], close: closes[$0]) }
        #expect(out[0..<4].allSatisfy { $0 == nil })     // lookback 3 - 1 + 1 + 1 = 4
        #expect(STOCHState.lookback(fastKPeriod: 3, slowKPeriod: 2, slowDPeriod: 2) == 4)
        // Raw %K: bar2 (10-8)/(12-8)=50, bar3 (12-9)/(13-9)=75, bar4 (13-9)/(14-9)=80.
        let v = try? #require(out[4])
        #expect(abs((v?.slowK ?? .nan) - 77.5) < 1e-12)
        #expect(abs((v?.slowD ?? .nan) - (62.5 + 77.5) / 2) < 1e-12)
    }

    @Test("WAD measures each close against the true-range extreme and ignores volume")
    func wadByHand() {
        var w = WADState()
        #expect(w.update(high: 11, low: 9, close: 10) == 0)
        #expect(w.update(high: 12, low: 10.5, close: 11) == 1)      // up: 11 - min(10.5, 10) = 1
        #expect(w.update(high: 11.5, low: 10, close: 10.5) == 0)    // down: 10.5 - max(11.5, 11) = -1
        #expect(w.update(high: 11, low: 10, close: 10.5) == 0)      // unchanged close adds nothing
    }

    @Test("periods out of TA-Lib's range are refused with the allowed range")
    func parameterRanges() throws {
        let rsi = try IndicatorCatalog.function(named: "RSI")
        #expect(throws: IndicatorError.self) { try rsi.parameters(["timeperiod": 1]) }
        let mom = try IndicatorCatalog.function(named: "MOM")
        #expect(throws: Never.self) { try mom.parameters(["timeperiod": 1]) }
        let stoch = try IndicatorCatalog.function(named: "STOCH")
        do {
            _ = try stoch.parameters(["slowk_matype": 14])
            Issue.record("matype 14 accepted")
        } catch {
            #expect(error.description.contains("slowk_matype"))
            #expect(error.description.contains("0...13"))
        }
    }

    @Test("the typed updates give the catalog's batch values", arguments: ["RSI", "TSI", "TRIX", "VHF"])
    func typedMatchesCatalog(function: String) throws {
        let sweep = try #require(MATypeSweep.shared)
        let def = try IndicatorCatalog.function(named: function)
        let batch = def.run(sweep.input, try def.parameters())[0]
        var typed: [Double] = []
        switch function {
        case "RSI": var s = RSIState(); typed = sweep.input.close.map { s.update($0) ?? .nan }
        case "TSI": var s = TSIState(); typed = sweep.input.close.map { s.update($0) ?? .nan }
        case "TRIX": var s = TRIXState(); typed = sweep.input.close.map { s.update($0) ?? .nan }
        default: var s = VHFState(); typed = sweep.input.close.map { s.update($0) ?? .nan }
        }
        #expect(typed.count == batch.count)
        #expect(zip(typed, batch).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 })
    }

    @Test("NaN in the input propagates without crashing")
    func nanInput() throws {
        for id in ["MOM", "RSI", "STOCH", "STOCHRSI", "SMI", "TSI", "ULTOSC", "VHF", "VORTEX", "WILLR", "PPO", "TRIX"] {
            let def = try IndicatorCatalog.function(named: id)
            let x = (0..<200).map { $0 == 100 ? Double.nan : 100 + Double($0 % 7) }
            let out = def.run(BarColumns(open: x, high: x.map { $0 + 1 }, low: x.map { $0 - 1 }, close: x, volume: x), try def.parameters())
            #expect(out.allSatisfy { $0.count == 200 }, "\(id)")
        }
    }
}
