import Foundation
import Indicators
import Testing
import TestSupport

/// Volatility indicators beyond the parity sweep: hand-computed cases, the typed forms, edge cases.
@Suite struct VolatilityTests {
    @Test("true range is the largest of high-low and the two gaps to the previous close")
    func trueRangeByHand() {
        var tr = TRANGEState()
        #expect(tr.update(high: 10, low: 8, close: 9) == nil)
        #expect(tr.update(high: 12, low: 9, close: 11) == 3)    // high - prevClose = 3 = high - low
        #expect(tr.update(high: 11, low: 7, close: 8) == 4)     // high - low = 4 = prevClose - low
        #expect(tr.update(high: 20, low: 19, close: 19.5) == 12) // gap up: high - prevClose
    }

    @Test("ATR is the mean of the first true ranges, then Wilder's smoothing")
    func atrByHand() {
        var atr = ATRState(period: 2)
        let bars: [(Double, Double, Double)] = [(10, 8, 9), (12, 9, 11), (11, 7, 8), (9, 8, 8.5)]
        let out = bars.map { atr.update(high: $0.0, low: $0.1, close: $0.2) }
        #expect(out[0] == nil && out[1] == nil)
        #expect(out[2] == 3.5)                  // (3 + 4) / 2
        let smoothed: Double = (3.5 * 1 + 1) / 2   // TR 1 (high - low; prevClose 8 is inside)
        #expect(out[3] == smoothed)
    }

    @Test("the typed forms equal TA-Lib's reference on the non-default folder",
          arguments: ["ATR", "NATR", "ADR", "CVI", "MASSI", "RVI"])
    func typedForms(function: String) throws {
        let ref = try #require(TALibReference.cached["eth_hourly_variant"])
        let entry = try #require(ref.entries.first { $0.function == function })
        let expected = try #require(try ref.expected(entry)["real"])
        let p = entry.parameters
        let input = ref.input
        var atr = ATRState(period: Int(p["timeperiod"] ?? 0))
        var natr = NATRState(period: Int(p["timeperiod"] ?? 0))
        var adr = ADRState(period: Int(p["timeperiod"] ?? 0))
        var cvi = CVIState(period: Int(p["timeperiod"] ?? 0), rocPeriod: Int(p["rocperiod"] ?? 0))
        var massi = MASSIState(fastPeriod: Int(p["fastperiod"] ?? 0), slowPeriod: Int(p["slowperiod"] ?? 0))
        var rvi = RVIState(period: Int(p["timeperiod"] ?? 0), stdDevPeriod: Int(p["stddevperiod"] ?? 0))
        for i in 0..<input.count {
            let (h, l, c) = (input.high[i], input.low[i], input.close[i])
            let ours: Double? = switch function {
            case "ATR": atr.update(high: h, low: l, close: c)
            case "NATR": natr.update(high: h, low: l, close: c)
            case "ADR": adr.update(high: h, low: l)
            case "CVI": cvi.update(high: h, low: l)
            case "MASSI": massi.update(high: h, low: l)
            default: rvi.update(c)
            }
            let ok = Tolerance.relative(1e-9).accepts(ours ?? .nan, expected[i])
            #expect(ok, "\(function) row \(i): ours \(ours ?? .nan), TA-Lib \(expected[i])")
            if !ok { break }
        }
    }

    @Test("RVI is 50 when the price does not move (no up or down volatility)")
    func rviFlat() {
        var rvi = RVIState(period: 3, stdDevPeriod: 4)
        let out = (0..<10).compactMap { _ in rvi.update(42) }
        #expect(out.count == 10 - RVIState.lookback(period: 3, stdDevPeriod: 4))
        #expect(out.allSatisfy { $0 == 50 })
    }

    @Test("NaN and infinite inputs flow through every volatility function without trapping")
    func nonFiniteInput() throws {
        let n = 80
        var close = (0..<n).map { 100 + cos(Double($0) / 4) * 10 }
        close[30] = .nan
        close[50] = -.infinity
        let columns = BarColumns(open: close, high: close.map { $0 + 2 }, low: close.map { $0 - 2 }, close: close,
                                 volume: close.map { _ in 10 })
        for def in IndicatorCatalog.all where def.group == .volatility {
            let out = def.run(columns, try def.parameters())
            #expect(out.count == def.outputs.count && out.allSatisfy { $0.count == n }, "\(def.id)")
        }
    }
}
