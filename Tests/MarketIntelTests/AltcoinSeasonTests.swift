import Testing
import MarketCore
import MarketIntel
import TestSupport

@Suite struct AltcoinSeasonTests {
    static let cases: [(file: String, top: Int, window: Int)] = [
        ("intel/altseason_top50_90d.csv.gz", 50, 90), ("intel/altseason_top5_30d.csv.gz", 5, 30),
    ]

    @Test("the Altcoin Season Index equals the reference file on every row", arguments: cases)
    func matchesReference(file: String, top: Int, window: Int) throws {
        let coins = try IntelFixtures.universe()
        let ours = try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(top: top, windowDays: window))
        let refText = try Fixtures.text(file)
        let ref = CSVTable(text: refText)
        #expect(ref.header == ["date", "altseason_index", "alts_counted", "alts_outperforming", "btc_dominance_pct"])
        try #require(ours.count == ref.rows.count)
        let tol = Tolerance.relative(1e-9)
        var mismatches = 0
        for (p, row) in zip(ours, ref.rows) {
            let ok = p.date == row[0]
                && tol.accepts(p.altseasonIndex, Double(row[1]) ?? .nan)
                && p.altsCounted == Int(row[2]) && p.altsOutperforming == Int(row[3])
                && tol.accepts(p.btcDominancePct, Double(row[4]) ?? .nan)
            if !ok { mismatches += 1; if mismatches < 5 { Issue.record("row \(p) vs \(row)") } }
        }
        #expect(mismatches == 0)
    }

    @Test("the CSV output is byte-identical to the reference file", arguments: cases)
    func csvBytes(file: String, top: Int, window: Int) throws {
        let coins = try IntelFixtures.universe()
        let points = try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(top: top, windowDays: window))
        let ours = Array(AltcoinSeasonIndex.csv(points).utf8)
        let ref = Array(try Fixtures.text(file).utf8)
        #expect(ours.count == ref.count)
        let firstDiff = zip(ours, ref).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDiff == nil, "first differing byte at \(firstDiff ?? -1)")
    }

    @Test("season labels follow the 75 / 25 thresholds")
    func labels() {
        #expect(SeasonLabel(index: 75) == .altcoinSeason)
        #expect(SeasonLabel(index: 74.9) == .neutral)
        #expect(SeasonLabel(index: 25) == .bitcoinSeason)
        #expect(SeasonLabel(index: 25.1) == .neutral)
    }

    @Test("bad parameters and a missing benchmark give typed errors")
    func errors() throws {
        let coins = try IntelFixtures.universe()
        #expect(throws: IntelError.self) { try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(top: 1)) }
        #expect(throws: IntelError.self) { try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(windowDays: 0)) }
        #expect(throws: IntelError.missingCoin(symbol: "BTC")) {
            try AltcoinSeasonIndex.compute(coins: coins.filter { $0.symbol != "BTC" })
        }
    }

    @Test("universe dominance agrees with the index's btc_dominance_pct")
    func universeDominance() throws {
        let coins = try IntelFixtures.universe()
        let dom = try Dominance.withinUniverse(coins: coins)
        let byDate = Dictionary(uniqueKeysWithValues: dom.map { ($0.date, $0.dominancePct) })
        let points = try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(top: 50, windowDays: 90))
        for p in points { #expect(byDate[p.date] == p.btcDominancePct) }
    }

    @Test("whole-market dominance from BTC and total market caps matches the stored dominance series")
    func wholeMarket() throws {
        let btc = try IntelCSV.dailyCoinSeries(text: try Fixtures.text("intel/coingecko_BTC_usd.csv.gz"), fallbackSymbol: "BTC")
        let btcCap = MarketMetricSeries(name: "btc", time: btc.day.map { Timestamp(milliseconds: $0 * 86_400_000) }, value: btc.marketCap)
        let total = try IntelCSV.metricSeries(text: try Fixtures.text("intel/total_crypto_market_cap.csv.gz"))
        let stored = try IntelCSV.metricSeries(text: try Fixtures.text("intel/btc_dominance.csv.gz"))
        let ours = Dominance.wholeMarket(btcMarketCap: btcCap, totalMarketCap: total)
        let byDate = Dictionary(uniqueKeysWithValues: ours.map { ($0.date, $0.dominancePct) })
        var compared = 0
        for (t, v) in zip(stored.time, stored.value) {
            guard let o = byDate[t.dateString] else { continue }
            compared += 1
            #expect(Tolerance.relative(1e-9).accepts(o, v), "\(t.dateString): \(o) vs \(v)")
        }
        #expect(compared > 2000)
    }

    @Test("volume shares add up to one and the trend starts after the long window")
    func volumeRotation() throws {
        let coins = try IntelFixtures.universe()
        let rot = try VolumeRotation.compute(coins: coins)
        try #require(rot.count > 1000)
        for p in rot { #expect(abs(p.btcVolumeShare + p.altVolumeShare - 1) < 1e-12) }
        #expect(rot[28].altShareTrend == nil)
        #expect(rot[29].altShareTrend != nil)
        #expect(throws: IntelError.self) { try VolumeRotation.compute(coins: coins, short: 30, long: 7) }
    }

    @Test("a row without a date is reported with its line")
    func badRow() {
        #expect(throws: IntelError.badRow(line: 3, reason: "no valid date (YYYY-MM-DD) in column date: \"\"")) {
            try IntelCSV.dailyCoinSeries(text: "date,symbol,close,volume,market_cap\n2020-01-01,BTC,1,2,3\n,BTC,1,2,3\n")
        }
    }
}
