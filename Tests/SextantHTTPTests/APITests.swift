import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Indicators
import SextantHTTP
import SextantServices
import SextantSQLite
import Testing

/// The JSON API through `app.test(.router)` over a real seeded SQLite store.
@Suite struct APITests {
    @Test("health and the OpenAPI document need no key; /v1 answers 401 without one")
    func publicAndProtected() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/openapi.json", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/tokens", method: .get) { r in
                #expect(r.status == .unauthorized)
                #expect((r.obj["error"] as? [String: Any])?["code"] as? String == "unauthorized")
            }
            try await client.execute(uri: "/v1/tokens", method: .get, headers: [HTTPField.Name("x-api-key")!: "sxt_not_a_key"]) {
                #expect($0.status == .unauthorized)
            }
            let bearer = "Bearer " + (s.keys[.pro] ?? "")
            try await client.execute(uri: "/v1/tokens", method: .get, headers: [.authorization: bearer]) { r in
                #expect(r.status == .ok)
                #expect(r.headers[HTTPField.Name("X-RateLimit-Limit")!] == "600")
            }
        }
    }

    @Test("tokens come in the list envelope with sector, market cap and last price, paged and sorted")
    func tokens() async throws {
        let s = try TestServer()
        let expected = try MarketQueryService(repository: s.repository).tokens()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok)
                let o = try r.object()
                let data = try #require(o["data"] as? [[String: Any]])
                let meta = try #require(o["meta"] as? [String: Any])
                #expect(meta["limit"] as? Int == 50)
                #expect(meta["total"] as? Int == expected.count)
                #expect(data.map { $0["symbol"] as? String } == expected.map(\.symbol))
                let btc = try #require(data.first { $0["symbol"] as? String == "BTC" })
                #expect(btc["sector"] as? String == "L1")
                #expect(btc["last_price"] as? Double == expected.first { $0.symbol == "BTC" }?.lastPrice)
                #expect(btc["market_cap"] as? Double != nil)
            }
            try await client.execute(uri: "/v1/tokens?limit=2&page=2&sort=symbol&order=asc", method: .get, headers: s.headers()) { r in
                let data = try #require(r.obj["data"] as? [[String: Any]])
                #expect(data.compactMap { $0["symbol"] as? String } == Array(expected.map(\.symbol).sorted()[2..<4]))
            }
            try await client.execute(uri: "/v1/tokens?symbol=ETH,BTC", method: .get, headers: s.headers()) { r in
                let data = try #require(r.obj["data"] as? [[String: Any]])
                #expect(Set(data.compactMap { $0["symbol"] as? String }) == ["BTC", "ETH"])
            }
            try await client.execute(uri: "/v1/tokens/BTC", method: .get, headers: s.headers()) { r in
                #expect((r.obj["data"] as? [String: Any])?["symbol"] as? String == "BTC")
            }
        }
    }

    @Test("every bad parameter is a 400 naming it", arguments: [
        ("/v1/tokens?limit=101", "limit"), ("/v1/tokens?limit=0", "limit"), ("/v1/tokens?page=0", "page"), ("/v1/tokens?page=x", "page"),
        ("/v1/tokens?sort=rank", "sort"), ("/v1/tokens?order=up", "order"), ("/v1/tokens?colour=red", "colour"),
        ("/v1/tokens?limit=1&limit=2", "limit"), ("/v1/tokens/BTC/bars?timeframe=2d", "timeframe"),
        ("/v1/tokens/BTC/bars?start_date=2020-13-01", "start_date"), ("/v1/tokens/BTC/bars?start_date=2020-02-01&end_date=2020-01-01", "end_date"),
        ("/v1/tokens/BTC/bars?timeframe=1h", "timeframe"), ("/v1/tokens/BTC/indicators/RSI?timeperiod=1", "timeperiod"),
        ("/v1/tokens/BTC/indicators/RSI?bogus=3", "bogus"), ("/v1/tokens/BTC/indicators/RSI?timeperiod=abc", "timeperiod"),
        ("/v1/market-metrics?window=0", "window"), ("/v1/sentiment?bucket=weekly", "bucket"), ("/v1/narratives?since=yesterday", "since"),
        ("/v1/indices/holdings", "date"), ("/v1/indices/holdings?date=2021-01-01&method=gradez", "method"),
        ("/v1/indices/backtest?fee=0.5", "fee"), ("/v1/tokens?sector=L1%27%3B%20DROP%20TABLE%20asset%3B--", "sector"),
        ("/v1/tokens?symbol=BTC%27%20OR%20%271%27%3D%271", "symbol"), ("/v1/tokens/BTC%27%20OR%201%3D1--", "symbol"),
    ])
    func badParameters(uri: String, parameter: String) async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                #expect(r.status == .badRequest, "\(uri): \(r.text)")
                #expect(r.errorParameter == parameter, "\(uri): \(r.text)")
            }
        }
    }

    @Test("unknown symbols and functions are 404; injection attempts change nothing")
    func notFoundAndInjection() async throws {
        let s = try TestServer()
        let before = try s.repository.assets()
        try await s.app.test(.router) { client in
            for uri in ["/v1/tokens/ZZZ", "/v1/tokens/ZZZ/bars", "/v1/tokens/BTC/indicators/NOTAFUNCTION", "/v1/nothing-here"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .notFound, "\(uri)")
                    #expect((r.obj["error"] as? [String: Any])?["status"] as? Int == 404)
                }
            }
            for uri in ["/v1/tokens/BTC%3BDROP/bars", "/v1/tokens/BTC/indicators/RSI%27--", "/v1/tokens?symbol=BTC%22%29%3B%20DELETE%20FROM%20candle%3B"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .badRequest || r.status == .notFound, "\(uri)")
                }
            }
        }
        #expect(try s.repository.assets() == before)
    }

    @Test("bars are limited to the date range and paged")
    func bars() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/tokens/BTC/bars?timeframe=1d&start_date=2021-01-01&end_date=2021-01-31&limit=100", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok)
                let o = try r.object()
                let data = try #require(o["data"] as? [[String: Any]])
                #expect(data.count == 31)
                #expect(data.first?["time"] as? String == "2021-01-01T23:59:59Z" || (data.first?["time"] as? String)?.hasPrefix("2021-01-01") == true)
            }
        }
    }

    @Test("an indicator over a token equals the catalog function over the stored bars")
    func indicator() async throws {
        let s = try TestServer()
        let bars = try s.repository.candles(symbol: "ETH", timeframe: .d1, from: nil, to: nil)
        let rsi = try IndicatorCatalog.function(named: "RSI")
        let reference = rsi.run(BarColumns(close: bars.close), try rsi.parameters(["timeperiod": 10]))[0]
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/tokens/ETH/indicators/rsi?timeperiod=10&order=desc&limit=5", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok, "\(r.text)")
                // Decoded with JSONDecoder, which parses doubles exactly (JSONSerialization may not on Linux).
                struct Page: Decodable {
                    struct Row: Decodable { let values: [String: Double?] }
                    struct Computed: Decodable { let lookback: Int }
                    let data: [Row]
                    let indicator: Computed
                }
                let page = try JSONDecoder().decode(Page.self, from: Data(r.text.utf8))
                #expect(page.data.map { $0.values["real"] ?? nil } == Array(reference.suffix(5).reversed()))
                #expect(page.indicator.lookback == 10)
            }
        }
    }

    @Test("market metrics, sentiment, narratives and indices answer from the store")
    func intel() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            for uri in ["/v1/market-metrics?top=5&window=30", "/v1/sentiment", "/v1/narratives", "/v1/indices/holdings?date=2021-01-15&top=3",
                        "/v1/indices/holdings?date=2021-01-01&top=5&method=grade",
                        "/v1/indices/backtest?top=3&start_date=2020-01-01&end_date=2021-02-01", "/v1/indicators?limit=100&page=3"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .ok, "\(uri): \(r.text.prefix(300))")
                }
            }
            try await client.execute(uri: "/v1/market-metrics?top=5&window=30&limit=1", method: .get, headers: s.headers()) { r in
                let row = try #require((r.obj["data"] as? [[String: Any]])?.first)
                #expect(row["altseason_index"] as? Double != nil)
                #expect(row["btc_dominance_pct"] as? Double != nil)
            }
        }
    }

    @Test("bodies over the limit are 413; a malformed body is 400")
    func bodies() async throws {
        let s = try TestServer()
        var headers = s.headers()
        headers[.contentType] = "application/json"
        let h = headers
        try await s.app.test(.router) { client in
            let big = ByteBuffer(string: "{\"method\":\"" + String(repeating: "a", count: 20_000) + "\"}")
            try await client.execute(uri: "/v1/indices/backtest", method: .post, headers: h, body: big) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/v1/indices/backtest", method: .post, headers: h, body: ByteBuffer(string: "{\"top\": \"ten\"}")) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/v1/indices/backtest", method: .post, headers: h, body: ByteBuffer(string: "{\"top\": 99}")) { r in
                #expect(r.errorParameter == "top")
            }
            try await client.execute(uri: "/v1/indices/backtest", method: .post, headers: h,
                                     body: ByteBuffer(string: "{\"top\": 3, \"start_date\": \"2020-01-01\", \"end_date\": \"2021-02-01\"}")) { r in
                #expect(r.status == .ok, "\(r.text.prefix(300))")
            }
        }
    }

    @Test("ETag and Cache-Control are set, and a matching If-None-Match gets 304")
    func etag() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            let etag = try await client.execute(uri: "/v1/tokens?limit=3", method: .get, headers: s.headers()) { r -> String? in
                #expect(r.headers[.cacheControl] != nil)
                return r.headers[.eTag]
            }
            var h = s.headers()
            h[.ifNoneMatch] = try #require(etag)
            try await client.execute(uri: "/v1/tokens?limit=3", method: .get, headers: h) { #expect($0.status == .notModified) }
        }
    }
}
