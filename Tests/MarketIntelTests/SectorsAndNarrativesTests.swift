import Testing
import MarketCore
import MarketIntel
import TestSupport

@Suite struct SectorTaxonomyTests {
    @Test("the taxonomy covers the 200 largest tokens with known sectors")
    func coverage() throws {
        let tax = try SectorTaxonomy.bundled()
        let top200 = tax.entries.filter { $0.rank <= 200 }
        #expect(top200.count == 200)
        for e in top200 { #expect(SectorTaxonomy.sectors.contains(e.sector), "\(e.symbol): \(e.sector)") }
        #expect(top200.filter { $0.sector == "Other" }.count <= 5)
        let expected: [String: String] = ["BTC": "L1", "ETH": "L1", "USDT": "Stablecoin", "LINK": "Oracle", "DOGE": "Meme",
                                          "UNI": "DeFi", "XMR": "Privacy", "ARB": "L2", "TAO": "AI", "WBTC": "Wrapped",
                                          "ONDO": "RWA", "IMX": "Gaming", "BNB": "Exchange", "XRP": "Payments"]
        for (s, sector) in expected { #expect(tax.sector(ofSymbol: s) == sector, "\(s)") }
    }

    @Test("the token matcher finds tickers, names and aliases as whole words")
    func matcher() throws {
        let m = TokenMatcher(taxonomy: try SectorTaxonomy.bundled())
        #expect(m.tokens(in: "Ethereum and $SOL rally as Cardano lags") == ["ETH", "SOL", "ADA"])
        #expect(m.tokens(in: "Bitcoin Cash forks") == ["BCH"])
        #expect(m.tokens(in: "Near the end of the year, one gas station") == [])
        #expect(m.tokens(in: "Chainlink’s CCIP goes live") == ["LINK"])
    }
}

@Suite struct SectorIndexTests {
    @Test("a one-coin sector index follows that coin's close, and cap shares add up to one")
    func singleMember() throws {
        let coins = try IntelFixtures.universe()
        let tax = try SectorTaxonomy.bundled()
        let series = SectorIndex.compute(coins: coins, sectorOf: { tax.sector(ofSymbol: $0) })
        let meme = try #require(series.first { $0.sector == "Meme" })
        #expect(meme.symbols == ["DOGE"])
        let doge = try #require(coins.first { $0.symbol == "DOGE" })
        for p in meme.points {
            let day = try #require(DayFormat.day(p.date))
            let i = try #require(doge.index(ofDay: day))
            #expect(Tolerance.relative(1e-9).accepts(p.level, 100 * doge.close[i] / doge.close[0]))
        }
        var shareByDate: [String: Double] = [:]
        for s in series where !SectorIndex.nonMarketSectors.contains(s.sector) {
            for p in s.points { shareByDate[p.date, default: 0] += p.capShare }
        }
        for (_, v) in shareByDate { #expect(abs(v - 1) < 1e-9) }
        let rot = try SectorIndex.rotation(series, days: 30)
        #expect(!rot.isEmpty)
        #expect(zip(rot, rot.dropFirst()).allSatisfy { $0.shareChange >= $1.shareChange })
        print("sector rotation over the last 30 days to 2021-02-27:", rot.map { "\($0.sector) \($0.shareChange) ret \($0.sectorReturn)" })
    }
}

@Suite struct NarrativeTests {
    static func textblobHeadlines() throws -> [Headline] {
        try IntelCSV.headlines(text: try Fixtures.text("intel/crypto_news_textblob_2021-2022.csv.gz"), requireDate: true)
    }

    static func printNarratives(_ name: String, _ ns: [Narrative]) {
        print("narratives in \(name): \(ns.count)")
        for n in ns.prefix(40) {
            print("  \(n.firstSeen) \(n.kind.rawValue) \(n.term) z=\(n.strength) momentum=\(n.momentum) mentions=\(n.mentions) tokens=\(n.linkedTokens) sectors=\(n.linkedSectors) perf=\(n.performanceAfter.map { "\($0.symbol) 7d \($0.return7d ?? .nan) 30d \($0.return30d ?? .nan)" }) | \(n.topHeadlines.first?.title ?? "")")
        }
    }

    @Test("narratives in the 2021-2022 headlines are real bursts with evidence")
    func textblob() throws {
        let headlines = try Self.textblobHeadlines()
        let prices = try IntelCSV.dailyCoinSeriesBySymbol(text: try Fixtures.text("intel/binance_daily_closes.csv.gz"))
        let detector = try NarrativeDetector.bundled()
        let ns = try detector.detect(headlines: headlines, prices: prices)
        Self.printNarratives("crypto_news_textblob_2021-2022", ns)
        try #require(!ns.isEmpty)
        for n in ns {
            #expect(n.strength >= detector.parameters.zThreshold)
            #expect(n.mentions >= detector.parameters.minMentions)
            #expect(!n.topHeadlines.isEmpty)
            #expect(n.firstSeen <= n.peakDate && n.peakDate <= n.lastSeen)
        }
        let later = try detector.detect(headlines: headlines, since: "2022-03-01")
        #expect(later.allSatisfy { $0.firstSeen >= "2022-03-01" })
        #expect(throws: IntelError.self) { try detector.detect(headlines: headlines, since: "March") }
    }

    @Test("narratives in the 2024 CryptoPanic headlines")
    func cryptopanic() throws {
        let headlines = try IntelCSV.headlines(text: try Fixtures.text("intel/cryptopanic_votes_2024.csv.gz"), requireDate: true)
        let prices = try IntelCSV.dailyCoinSeriesBySymbol(text: try Fixtures.text("intel/binance_daily_closes.csv.gz"))
        #expect(prices.keys.sorted() == ["ADA", "BCH", "BTC", "DOGE", "DOT", "ETH", "LINK", "LTC", "SOL", "XRP"])
        let ns = try NarrativeDetector.bundled().detect(headlines: headlines, prices: prices)
        Self.printNarratives("cryptopanic_votes_2024", ns)
        #expect(ns.allSatisfy { !$0.topHeadlines.isEmpty })
    }

    @Test("a headline file row without a date is an error naming its line")
    func missingDate() {
        #expect(throws: IntelError.self) {
            try IntelCSV.headlines(text: "published_at,title\n2024-01-01T00:00:00Z,a\n,b\n", requireDate: true)
        }
    }

    @Test("sentiment indices count every headline once per bucket")
    func sentimentIndex() throws {
        let headlines = try Self.textblobHeadlines()
        let model = try HeadlineSentimentModel.bundled()
        let scores = model.score(headlines.map(\.title))
        let daily = SentimentIndex.market(headlines: headlines, scores: scores, bucket: .daily)
        let hourly = SentimentIndex.market(headlines: headlines, scores: scores, bucket: .hourly)
        #expect(daily.reduce(0) { $0 + $1.count } == headlines.count)
        #expect(hourly.reduce(0) { $0 + $1.count } == headlines.count)
        #expect(daily.allSatisfy { $0.bullish + $0.bearish + $0.neutral == $0.count && abs($0.meanScore) <= 1 })
        let perToken = SentimentIndex.perToken(headlines: headlines, scores: scores,
                                               matcher: TokenMatcher(taxonomy: try SectorTaxonomy.bundled()), bucket: .daily)
        let btc = try #require(perToken["BTC"])
        #expect(btc.reduce(0) { $0 + $1.count } > 500)
    }
}
