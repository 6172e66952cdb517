import Indicators
import Testing
import TestSupport

@Suite struct VolumeTests {
    @Test("matches TA-Lib at the smallest periods, swapped periods, flat markets and zero-volume runs",
          arguments: ["AD", "ADOSC", "CMF", "EFI", "MARKETFI", "NVI", "OBV", "PVI", "PVO", "PVT", "RVOL", "VWAP"])
    func edgeCases(function: String) throws {
        try #require(EdgeCases.shared).check(function)
    }

    @Test("PVO matches TA-Lib for every moving-average type", arguments: 0...13)
    func pvoEveryMAType(matype: Int) throws {
        let sweep = try #require(MATypeSweep.shared)
        try sweep.check("PVO", ["fastperiod": 4, "slowperiod": 9, "matype": Double(matype)], columns: ["PVO_\(matype)"])
    }

    @Test("RVOL equals TA-Lib on every reference row, its infinities (a zero-volume baseline) included")
    func rvolWithInfinities() throws {
        // The shared parity harness compares with |ours - ref| <= tol, which cannot accept inf == inf; this
        // checks the same rows with infinities required to be identical.
        let def = try IndicatorCatalog.function(named: "RVOL")
        for folder in TALibReference.folders {
            let ref = try #require(TALibReference.cached[folder])
            let entry = try #require(ref.entries.first { $0.function == "RVOL" })
            let p = try def.parameters(entry.parameters)
            let expected = try #require(try ref.expected(entry)["real"])
            var stream = def.stream(p)
            for ours in [def.run(ref.input, p)[0], stream.update(chunks: ref.input, size: 7)[0]] {
                let bad = (0..<expected.count).first { i in
                    expected[i].isInfinite ? ours[i] != expected[i] : !Tolerance.relative(1e-9).accepts(ours[i], expected[i])
                }
                #expect(bad == nil, "\(folder) row \(bad ?? -1)")
            }
            #expect(def.lookback(p) == entry.lookback)
        }
    }

    @Test("OBV starts at the first volume and follows the close's direction")
    func obvByHand() {
        var obv = OBVState()
        let out = [(10.0, 100.0), (11, 50), (11, 70), (9, 30)].map { obv.update(close: $0.0, volume: $0.1) }
        #expect(out == [100, 150, 150, 120])
    }

    @Test("AD adds each bar's money-flow volume; a zero-range bar adds nothing")
    func adByHand() {
        var ad = ADState()
        #expect(ad.update(high: 12, low: 8, close: 11, volume: 100) == 50)   // ((3) - (1)) / 4 * 100
        #expect(ad.update(high: 10, low: 10, close: 10, volume: 500) == 50)
        #expect(ad.update(high: 10, low: 8, close: 8, volume: 20) == 30)     // (0 - 2) / 2 * 20
    }

    @Test("NVI compounds only on falling volume and skips a zero previous close")
    func nviByHand() {
        var nvi = NVIState()
        let out = [(10.0, 100.0), (11, 50), (0, 40), (5, 30), (6, 60)].map { nvi.update(close: $0.0, volume: $0.1) }
        #expect(out[0] == 1000)
        #expect(abs(out[1] - 1100) < 1e-9)
        #expect(out[2] == 0)       // 11 -> 0 on falling volume: -100 %
        #expect(out[3] == 0)       // previous close 0: unchanged
        #expect(out[4] == 0)       // rising volume: unchanged
    }

    @Test("VWAP is 0 until volume trades, then skips non-finite bars")
    func vwapByHand() {
        var v = VWAPState()
        #expect(v.update(high: 3, low: 1, close: 2, volume: 0) == 0)
        #expect(v.update(high: 3, low: 1, close: 2, volume: 10) == 2)
        #expect(v.update(high: .nan, low: 1, close: 2, volume: 10) == 2)
        #expect(v.update(high: 6, low: 4, close: 5, volume: 10) == 3.5)
    }

    @Test("MARKETFI is the range per unit of volume, 0 without volume")
    func marketFacilitation() {
        let m = MARKETFIState()
        #expect(m.update(high: 12, low: 10, volume: 4) == 0.5)
        #expect(m.update(high: 12, low: 10, volume: 0) == 0)
    }
}
