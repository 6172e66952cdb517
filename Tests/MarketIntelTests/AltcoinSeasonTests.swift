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

@Suite struct IntelCommandTests {
    @Test("the altseason command renders CSV like the reference and JSON with the same fields")
    func altseason() throws {
        let coins = try IntelFixtures.universe()
        let points = try AltseasonCommand.run(coins: coins, top: 5, window: 30)
        #expect(try AltseasonCommand.render(points, format: .csv) == (try Fixtures.text("intel/altseason_top5_30d.csv.gz")))
        let json = try AltseasonCommand.render(Array(points.prefix(2)), format: .json)
        #expect(json.contains("\"altseason_index\"") && json.contains("\"btc_dominance_pct\"") && json.contains("\"season\""))
    }

    @Test("the sentiment command prints one i,score,label row per input row")
    func sentiment() throws {
        let rows = try SentimentCommand.run(csvText: "title,x\n\"Bitcoin soars, again\",1\nExchange hacked,2\n")
        #expect(SentimentCommand.csv(rows).split(separator: "\n").map(String.init).prefix(1) == ["i,score,label"])
        #expect(rows.map(\.i) == [0, 1])
        #expect(rows.map(\.label) == [.bullish, .bearish])
        #expect(throws: IntelError.missingColumn("headline", available: ["title", "x"])) {
            try SentimentCommand.run(csvText: "title,x\na,1\n", textColumn: "headline")
        }
    }

    @Test("index commands render metrics and holdings")
    func index() throws {
        let coins = try IntelFixtures.universe()
        let r = try IndexCommand.backtest(coins: coins, method: .equal, top: 5, start: "2020-01-01")
        #expect(try IndexCommand.render(r, json: false).hasPrefix("series,total_return"))
        #expect(try IndexCommand.render(r, json: true).contains("\"svgChart\""))
        let h = try IndexCommand.holdings(coins: coins, asOf: "2020-12-31", top: 5, start: "2020-01-01")
        #expect(try IndexCommand.render(h, json: false).contains("BTC,"))
    }
}
