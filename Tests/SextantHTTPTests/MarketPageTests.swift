import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketCore
import MarketIntel
import SextantHTTP
import SextantServices
import SextantSQLite
import Testing

/// `/market`: dominance, the altcoin season gauge, sector rotation and narratives, against MarketIntel directly.
@Suite struct MarketPageTests {
    @Test("dominance and the altcoin season gauge show the latest computed values")
    func dominanceAndSeason() async throws {
        let s = try TestServer()
        let intel = IntelService(repository: s.repository)
        let season = try #require(try intel.altcoinSeason(top: 50, window: 90).last)
        let dominance = try #require(Dominance.wholeMarket(dominanceSeries: try s.repository.metric(name: "btc_dominance_pct")).last)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/market", method: .get) { r in
                #expect(r.status == .ok)
                let dom = PageText.between(r.text, "id=\"dom-h\"", "</section>")
                #expect(dom.contains("<p class=\"big\">\(String(format: "%.1f", dominance.dominancePct))%</p>"))
                #expect(dom.contains(dominance.date))
                #expect(dom.contains("Within the stored tokens: \(String(format: "%.1f", season.btcDominancePct))%"))
                let alt = PageText.between(r.text, "id=\"alt-h\"", "</section>")
                #expect(alt.contains("<svg class=\"gauge\""))
                #expect(alt.contains("aria-label=\"Altcoin season index \(Int(season.altseasonIndex.rounded())) of 100: \(season.season.rawValue)\""))
                #expect(alt.contains("\(season.altsOutperforming) of \(season.altsCounted) altcoins beat BTC"))
            }
        }
    }

    @Test("sector rotation lists every sector SectorIndex rotates, best relative return first, for the chosen window")
    func rotation() async throws {
        let s = try TestServer()
        let taxonomy = try SectorTaxonomy.bundled()
        let series = SectorIndex.compute(coins: try IntelService(repository: s.repository).dailyUniverse()) { taxonomy.sector(ofSymbol: $0) }
        try await s.app.test(.router) { client in
            for days in [7, 30, 90] {
                let expected = try SectorIndex.rotation(series, days: days)
                    .map { (sector: $0.sector, relative: (1 + $0.sectorReturn) / (1 + $0.marketReturn) - 1) }
                    .sorted { ($0.relative, $1.sector) > ($1.relative, $0.sector) }
                try await client.execute(uri: "/market?window=\(days)", method: .get) { r in
                    #expect(r.status == .ok)
                    let section = PageText.between(r.text, "id=\"rot-h\"", "</section>")
                    #expect(section.contains("over the \(days) days to"))
                    let rows = section.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
                    let names = rows.map { PageText.between($0, "\">", "</a>") }
                    #expect(names == expected.map(\.sector))
                    if let top = expected.first { #expect(section.contains(String(format: "%+.2f%%", top.relative * 100))) }
                    #expect(PageText.count(section, "<rect class=\"bar-") == expected.count)
                }
            }
            try await client.execute(uri: "/market?window=5", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("<code>window</code>"))
            }
        }
    }

    @Test("current narratives are those seen in the last 30 days of the headlines, newest first; 'all' lists every one")
    func narratives() async throws {
        let s = try TestServer()
        let all = try IntelService(repository: s.repository).narratives(since: nil)
        let latest = try #require(all.map(\.lastSeen).max())
        let parts = latest.split(separator: "-").compactMap { Int($0) }
        let cutoff = Timestamp.utc(year: parts[0], month: parts[1], day: parts[2]) - 30 * 86_400_000
        let current = all.filter { $0.lastSeen >= cutoff.dateString }.sorted { ($0.lastSeen, $0.strength) > ($1.lastSeen, $1.strength) }
        #expect(!current.isEmpty && current.count < all.count)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/market", method: .get) { r in
                let section = PageText.between(r.text, "id=\"nar-h\"", "</section>")
                #expect(section.contains("Current narratives"))
                let terms = section.components(separatedBy: "<summary>").dropFirst().map { String($0.prefix { $0 != "<" }) }
                #expect(terms == current.prefix(40).map { PageText.escape($0.term) })
                if let top = current.first, let headline = top.topHeadlines.first {
                    #expect(section.contains(PageText.escape(headline.title)))
                }
            }
            try await client.execute(uri: "/market?narratives=all", method: .get) { r in
                let section = PageText.between(r.text, "id=\"nar-h\"", "</section>")
                #expect(PageText.count(section, "<summary>") == min(40, all.count))
            }
            try await client.execute(uri: "/market?narratives=old", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("<code>narratives</code>"))
            }
        }
    }

    @Test("every page is an accessible HTML document: skip link, main landmark, labelled navigation, local style sheet only")
    func accessibility() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            for uri in ["/", "/market", "/tokens/BTC"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .ok)
                    let t = r.text
                    #expect(t.hasPrefix("<!doctype html><html lang=\"en\">"))
                    #expect(t.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
                    #expect(t.contains("<a class=\"skip\" href=\"#main\">"))
                    #expect(t.contains("<main id=\"main\""))
                    #expect(t.contains("<nav aria-label=\"Main\">"))
                    #expect(t.contains("aria-current=\"page\""))
                    #expect(!t.contains("<script"))
                    #expect(!t.contains("src=\"http") && !t.contains("href=\"http") && !t.contains("url("))
                    #expect(PageText.count(t, "<link ") == 1 && t.contains("href=\"/assets/site.css\""))
                    // Every form control has a label; every table has column headers.
                    #expect(PageText.count(t, "<input") - PageText.count(t, "type=\"hidden\"") + PageText.count(t, "<select") <= PageText.count(t, "<label"))
                    #expect(PageText.count(t, "<table") <= PageText.count(t, "<th scope=\"col\""))
                    // Every chart is an image with a text alternative.
                    #expect(PageText.count(t, "<svg ") == PageText.count(t, "role=\"img\" aria-label=\""))
                }
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/css; charset=utf-8")
                #expect(r.text.contains(":focus-visible"))
                #expect(r.text.contains("@media (max-width:640px)"))
            }
        }
    }
}
