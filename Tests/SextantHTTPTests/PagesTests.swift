import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketData
import SextantHTTP
import SextantServices
import Testing

/// The market pages and serving during an ingest.
@Suite struct PagesTests {
    @Test("the signal table sorts and filters from the URL, the token page has an SVG chart, the market page a gauge")
    func pages() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/?sort=token&order=asc", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                let t = r.text
                let ada = try #require(t.range(of: "<a href=\"/tokens/ADA\">")), btc = try #require(t.range(of: "<a href=\"/tokens/BTC\">"))
                #expect(ada.lowerBound < btc.lowerBound)
                #expect(t.contains("/assets/site.css"))
            }
            try await client.execute(uri: "/?sector=Meme", method: .get) { r in
                #expect(r.text.contains("<a href=\"/tokens/DOGE\">"))
                #expect(!r.text.contains("<a href=\"/tokens/BTC\">"))
            }
            try await client.execute(uri: "/?q=%3Cscript%3E", method: .get) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/tokens/BTC", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<svg") && r.text.contains("<polyline class=\"series\""))
            }
            try await client.execute(uri: "/tokens/NOPE", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/market", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Altcoin season"))
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("the server keeps answering consistent data while an ingest runs")
    func servesDuringIngest() async throws {
        let repo = try Seeded.freshRepository(["daily/BTC.csv.gz", "daily/ETH.csv.gz"])
        let s = try TestServer(repository: repo)
        try await s.app.test(.router) { client in
            let ingest = Task.detached {
                IngestService(repository: repo, clock: systemClock)
                    .ingest(paths: ["daily/XRP.csv.gz", "daily/ADA.csv.gz", "hourly/SOLUSDT_1h.csv.gz"].map { Seeded.sample + "/" + $0 }, options: ReadOptions())
            }
            var counts: Set<Int> = []
            for _ in 0..<25 {
                let total = try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers()) { r -> Int in
                    #expect(r.status == .ok)
                    let total = (r.obj["meta"] as? [String: Any])?["total"] as? Int ?? -1
                    let data = r.obj["data"] as? [[String: Any]] ?? []
                    #expect(data.count == total)
                    return total
                }
                counts.insert(total)
            }
            let reports = await ingest.value
            #expect(reports.allSatisfy { $0.status == .stored })
            #expect(counts.isSubset(of: [2, 3, 4, 5]))
            try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers()) { r in
                #expect((r.obj["meta"] as? [String: Any])?["total"] as? Int == 5)
            }
        }
    }
}
