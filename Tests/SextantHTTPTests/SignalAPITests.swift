import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketData
import Risk
@testable import SextantHTTP
import SextantServices
import SextantSQLite
import Testing

/// A server over the seeded store whose signal answers are as of a fixed instant (the clock is 30 s past a
/// minute, so the as-of bucket is the minute itself).
struct SignalTestServer: @unchecked Sendable {
    static let now = Timestamp(milliseconds: Timestamp.utc(year: 2026, month: 1, day: 1).milliseconds + 30_000)
    static var asOf: Timestamp { SignalQueryService.minute(now) }

    let app: Application<RouterResponder<SextantRequestContext>>
    let services: ServerServices
    let repository: SQLiteMarketRepository
    let keys: [APITier: String]

    /// A server over the seeded store; `backtestWork` replaces the backtest work bound.
    init(backtestWork: Int? = nil) throws {
        let repo = try Seeded.repository()
        let policy = try ServerPolicy.load(path: nil)
        let clock: @Sendable () -> Timestamp = { Self.now }
        var services = makeServices(repository: repo, policy: policy, clock: clock)
        services.clock = clock
        if let backtestWork { services.backtest = BacktestQueryService(repository: repo, maxWork: backtestWork) }
        var keys: [APITier: String] = [:]
        let keyService = APIKeyService(store: repo, clock: clock)
        for tier in APITier.allCases { keys[tier] = try keyService.create(name: "signals \(tier.rawValue)", tier: tier).key }
        self.services = services
        self.app = Application(router: buildRouter(services: services, policy: policy))
        self.repository = repo
        self.keys = keys
    }

    func headers(_ tier: APITier = .enterprise) -> HTTPFields { [HTTPField.Name("x-api-key")!: keys[tier] ?? ""] }

    /// The body a list endpoint must answer for `rows` on page `page` of `limit`.
    static func listBody<T: Encodable & Sendable>(_ rows: [T], page: Int = 1, limit: Int = 50) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(ListEnvelope(rows, paging: Paging(page: page, limit: limit))), as: UTF8.self)
    }
}

extension TestResponse {
    /// The `data` array of a list answer.
    var rows: [[String: Any]] { (obj["data"] as? [[String: Any]]) ?? [] }
}

@Suite struct SignalAPITests {
    @Test("the clock is floored to the minute for signal answers")
    func asOfBucket() {
        #expect(SignalTestServer.asOf == Timestamp.utc(year: 2026, month: 1, day: 1))
        #expect(SignalQueryService.minute(Timestamp(milliseconds: -1)) == Timestamp(milliseconds: -60_000))
    }

    @Test("a server's snapshot older than its maximum age is answered at once and refreshed in the background")
    func staleWhileRefreshing() async throws {
        let service = try SignalQueryService(repository: Seeded.repository(), modelsFolder: nil)
        let first = try service.latestSnapshot(now: SignalTestServer.now, dataVersion: 1)
        #expect(first.asOf == SignalTestServer.asOf)
        let later = Timestamp(milliseconds: SignalTestServer.now.milliseconds + 10 * 60_000)
        let served = try service.latestSnapshot(now: later, dataVersion: 1)
        #expect(served.asOf == first.asOf, "the held snapshot is served while the refresh runs")
        var refreshed = served
        for _ in 0..<600 where refreshed.asOf == first.asOf {
            try await Task.sleep(for: .milliseconds(100))
            refreshed = try service.latestSnapshot(now: later, dataVersion: 1)
        }
        #expect(refreshed.asOf == SignalQueryService.minute(later))
        #expect(refreshed.reports.map(\.symbol) == first.reports.map(\.symbol))
        let next = try service.latestSnapshot(now: later, dataVersion: 2)
        #expect(next.asOf == SignalQueryService.minute(later), "a new data version is computed at once")
    }

    @Test("trading signals are the service's rows in the list envelope, sorted by ROI since the signal")
    func tradingSignals() async throws {
        let s = try SignalTestServer()
        let expected = try s.services.signals.currentSignals(SignalListQuery(), asOf: SignalTestServer.asOf)
        #expect(!expected.isEmpty)
        #expect(expected.contains { $0.signal != nil }, "the seeded tokens have 1d signals")
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/trading-signals", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok, "\(r.text.prefix(300))")
                #expect(try r.text == SignalTestServer.listBody(expected))
                let meta = try #require(r.obj["meta"] as? [String: Any])
                #expect(meta["total"] as? Int == expected.count)
                #expect(meta["limit"] as? Int == 50)
                let roi = r.rows.compactMap { $0["roi_since_signal"] as? Double }
                #expect(roi == roi.sorted(by: >))
                #expect(r.headers[.eTag] != nil)
                #expect(r.headers[.cacheControl] != nil)
            }
        }
    }

    @Test("a signal's entry is the close of its entry bar and its ROI is last close over entry minus one")
    func entryAndROIByHand() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/trading-signals?symbols=BTC,ETH", method: .get, headers: s.headers()) { r in
                #expect(r.rows.count == 2)
                for row in r.rows {
                    let symbol = try #require(row["symbol"] as? String)
                    let bars = try s.repository.candles(symbol: symbol, timeframe: .d1, from: nil, to: nil)
                    let entryTime = try #require(row["entry_time"] as? String)
                    let k = try #require(bars.time.firstIndex { $0.iso8601 == entryTime })
                    let entry = try #require(row["entry_price"] as? Double)
                    #expect(abs(entry - bars.close[k]) <= 1e-9 * bars.close[k])
                    let last = try #require(bars.close.last)
                    let roi = try #require(row["roi_since_signal"] as? Double)
                    #expect(abs(roi - (last / bars.close[k] - 1)) < 1e-9)
                    #expect(row["last_bar"] as? String == bars.time.last?.iso8601)
                    let signal = try #require(row["signal"] as? Int)
                    #expect(row["signal_type"] as? String == (signal > 0 ? "bullish" : signal < 0 ? "bearish" : "neutral"))
                    let p = try #require(row["probability"] as? Double)
                    #expect(abs((row["score"] as? Double ?? .nan) - (2 * p - 1)) < 1e-9)
                    #expect(!(row["drivers"] as? [Any] ?? []).isEmpty)
                    #expect(row["stale"] as? Bool == true, "the sample data ends in 2021")
                }
            }
        }
    }

    @Test("the trading-signals list is filtered and sorted as asked")
    func filteredAndSorted() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            let all = try await client.execute(uri: "/v1/trading-signals?limit=100", method: .get, headers: s.headers()) { $0.rows }
            #expect(all.count >= 5)
            func symbols(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["symbol"] as? String } }
            for direction in ["bullish", "bearish", "neutral"] {
                let uri = "/v1/trading-signals?signal=\(direction)&sort=trader_grade&order=asc&limit=100"
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .ok)
                    let wanted = all.filter { $0["signal_type"] as? String == direction }
                    #expect(Set(symbols(r.rows)) == Set(symbols(wanted)), "\(uri)")
                    let grades = r.rows.compactMap { $0["trader_grade"] as? Double }
                    #expect(grades == grades.sorted(), "\(uri)")
                }
            }
            // Bounds halfway between two grades, so that no grade sits on a bound (decimal round trips are not exact).
            let graded = all.compactMap { $0["trader_grade"] as? Double }.sorted()
            #expect(graded.count >= 4)
            let lo = (graded[0] + graded[1]) / 2, hi = (graded[graded.count - 2] + graded[graded.count - 1]) / 2
            try await client.execute(uri: "/v1/trading-signals?min_grade=\(lo)&max_grade=\(hi)&sort=return_7d&limit=100", method: .get, headers: s.headers()) { r in
                let inRange = all.filter { ($0["trader_grade"] as? Double).map { $0 >= lo && $0 <= hi } ?? false }
                #expect(Set(symbols(r.rows)) == Set(symbols(inRange)))
                let returns = r.rows.compactMap { $0["roi_7d"] as? Double }
                #expect(returns == returns.sorted(by: >))
            }
            let investor = all.compactMap { $0["investor_grade"] as? Double }.sorted()
            #expect(investor.count >= 2)
            let cut = (investor[investor.count / 2 - 1] + investor[investor.count / 2]) / 2
            try await client.execute(uri: "/v1/trading-signals?grade=investor&min_grade=\(cut)&sort=investor_grade&limit=100", method: .get, headers: s.headers()) { r in
                let above = all.filter { ($0["investor_grade"] as? Double).map { $0 >= cut } ?? false }
                #expect(symbols(r.rows) == symbols(above.sorted { ($0["investor_grade"] as? Double ?? 0, $1["symbol"] as? String ?? "") > ($1["investor_grade"] as? Double ?? 0, $0["symbol"] as? String ?? "") }))
            }
            try await client.execute(uri: "/v1/trading-signals?sector=l1&sort=symbol&order=asc&limit=100", method: .get, headers: s.headers()) { r in
                let l1 = all.filter { ($0["sector"] as? String)?.lowercased() == "l1" }
                #expect(!l1.isEmpty)
                #expect(symbols(r.rows) == symbols(l1).sorted())
            }
            try await client.execute(uri: "/v1/trading-signals?sort=symbol&order=asc&limit=2&page=2", method: .get, headers: s.headers()) { r in
                #expect(symbols(r.rows) == Array(symbols(all).sorted()[2..<4]))
                #expect((r.obj["meta"] as? [String: Any])?["has_more"] as? Bool == (all.count > 4))
            }
            try await client.execute(uri: "/v1/trading-signals?timeframe=1d&limit=100", method: .get, headers: s.headers()) { r in
                #expect(r.rows.allSatisfy { $0["timeframe"] as? String == "1d" })
                #expect(r.rows.count == all.count)
            }
        }
    }

    @Test("a narrative filter keeps the tokens the narrative links")
    func narrativeFilter() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            let narratives = try await client.execute(uri: "/v1/narratives?limit=100", method: .get, headers: s.headers()) { $0.rows }
            let all = try await client.execute(uri: "/v1/trading-signals?limit=100", method: .get, headers: s.headers()) { $0.rows }
            let stored = Set(all.compactMap { $0["symbol"] as? String })
            let linked = try #require(narratives.first { !Set(($0["linked_tokens"] as? [String] ?? []).map { $0.uppercased() }).isDisjoint(with: stored) },
                                      "a narrative linked to a seeded token")
            let term = try #require(linked["term"] as? String)
            let tokens = Set(narratives.filter { ($0["term"] as? String)?.lowercased() == term.lowercased() }
                .flatMap { ($0["linked_tokens"] as? [String] ?? []).map { $0.uppercased() } })
            let encoded = try #require(term.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            try await client.execute(uri: "/v1/trading-signals?narrative=\(encoded)&limit=100", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok, "\(r.text.prefix(200))")
                #expect(Set(r.rows.compactMap { $0["symbol"] as? String }) == stored.intersection(tokens))
            }
            try await client.execute(uri: "/v1/trading-signals?narrative=nosuchnarrativeatall", method: .get, headers: s.headers()) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("history lists each signal change with its entry close, newest first by default")
    func history() async throws {
        let s = try SignalTestServer()
        let expected = try s.services.signals.signalHistory(SignalHistoryQuery(symbols: ["BTC"]), asOf: SignalTestServer.asOf)
        #expect(!expected.isEmpty)
        let bars = try s.repository.candles(symbol: "BTC", timeframe: .d1, from: nil, to: nil)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/trading-signals/history?symbols=BTC", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok)
                #expect(try r.text == SignalTestServer.listBody(expected))
                let times = r.rows.compactMap { $0["entry_time"] as? String }
                #expect(times == times.sorted(by: >))
                for row in r.rows {
                    let k = try #require(bars.time.firstIndex { $0.iso8601 == row["entry_time"] as? String })
                    #expect(abs((row["entry_price"] as? Double ?? .nan) - bars.close[k]) <= 1e-9 * bars.close[k])
                    #expect(row["in_sample"] as? Bool == true, "the shipped model was trained on all the sample data")
                }
            }
            try await client.execute(uri: "/v1/trading-signals/history?status=active&limit=100", method: .get, headers: s.headers()) { r in
                let symbols = r.rows.compactMap { $0["symbol"] as? String }
                #expect(symbols.count == Set(symbols).count, "one active signal per token")
                #expect(r.rows.allSatisfy { $0["end_time"] is NSNull || $0["end_time"] == nil })
            }
            try await client.execute(uri: "/v1/trading-signals/history?sample=out_of_sample", method: .get, headers: s.headers()) { r in
                #expect(r.rows.isEmpty)
            }
            try await client.execute(uri: "/v1/trading-signals/history?symbols=ETH&signal=bullish&sort=roi_since_signal&start_date=2020-01-01&limit=100",
                                     method: .get, headers: s.headers()) { r in
                let roi = r.rows.compactMap { $0["roi_since_signal"] as? Double }
                #expect(roi == roi.sorted(by: >))
                #expect(r.rows.allSatisfy { $0["signal_type"] as? String == "bullish" && ($0["entry_time"] as? String ?? "") >= "2020-01-01" })
            }
        }
    }

    @Test("trader and investor grades come with sub-grades and explanations, best first")
    func grades() async throws {
        let s = try SignalTestServer()
        for kind in GradeKind.allCases {
            let expected = try s.services.signals.grades(kind, SignalListQuery(sort: kind == .trader ? .traderGrade : .investorGrade), asOf: SignalTestServer.asOf)
            try await s.app.test(.router) { client in
                try await client.execute(uri: "/v1/\(kind.rawValue)-grades", method: .get, headers: s.headers()) { r in
                    #expect(r.status == .ok)
                    #expect(try r.text == SignalTestServer.listBody(expected))
                    let grades = r.rows.compactMap { $0["grade"] as? Double }
                    #expect(grades == grades.sorted(by: >))
                    for row in r.rows where row["grade"] is Double {
                        let subs = try #require(row["sub_grades"] as? [[String: Any]])
                        #expect(!subs.isEmpty)
                        #expect(subs.allSatisfy { ($0["score"] as? Double).map { (0...100).contains($0) } ?? false })
                        #expect(!(row["explanation"] as? String ?? "").isEmpty)
                        #expect(row["kind"] as? String == kind.rawValue)
                    }
                }
                try await client.execute(uri: "/v1/\(kind.rawValue)-grades?min_grade=50&limit=100", method: .get, headers: s.headers()) { r in
                    #expect(r.rows.allSatisfy { ($0["grade"] as? Double ?? -1) >= 50 })
                    #expect(r.rows.count == expected.filter { ($0.grade ?? -1) >= 50 }.count)
                }
            }
        }
    }

    @Test("performance windows are close over the close at or before the window start, minus one")
    func performance() async throws {
        let s = try SignalTestServer()
        let bars = try s.repository.candles(symbol: "BTC", timeframe: .d1, from: nil, to: nil)
        let last = try #require(bars.close.last), lastTime = try #require(bars.time.last)
        var byHand: [String: Double] = ["roi_since_listing": last / bars.close[0] - 1]
        for (field, days) in [("roi_24h", Int64(1)), ("roi_7d", 7), ("roi_30d", 30), ("roi_90d", 90)] {
            let target = lastTime.milliseconds - days * 86_400_000
            let k = try #require(bars.time.lastIndex { $0.milliseconds <= target })
            byHand[field] = last / bars.close[k] - 1
        }
        let expected = byHand
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/performance?symbols=BTC", method: .get, headers: s.headers()) { r in
                let row = try #require(r.rows.first)
                for (field, value) in expected {
                    #expect(abs((row[field] as? Double ?? .nan) - value) < 1e-9, "\(field)")
                }
                #expect(row["roi_rank"] as? Int != nil)
                // BTC has years of daily bars: the GARCH(1,1) forecast, no fallback note.
                #expect(row["volatility_model"] as? String == "garch11")
                #expect(row["volatility_note"] == nil || row["volatility_note"] is NSNull)
            }
            try await client.execute(uri: "/v1/performance?limit=100", method: .get, headers: s.headers()) { r in
                let roi = r.rows.compactMap { $0["roi_30d"] as? Double }
                #expect(roi == roi.sorted(by: >))
                #expect(r.rows.compactMap { $0["roi_rank"] as? Int } == Array(1...roi.count), "rank 1 is the best 30-day ROI")
            }
        }
    }

    @Test("risk scores are listed least risky first with their ranks")
    func risk() async throws {
        let s = try SignalTestServer()
        let expected = try SignalTestServer.listBody(try s.services.signals.riskScores(SignalListQuery(sort: .riskScore, descending: false),
                                                                                          asOf: SignalTestServer.asOf))
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/risk", method: .get, headers: s.headers()) { r in
                #expect(r.text == expected)
                let scores = r.rows.compactMap { $0["risk_score"] as? Double }
                #expect(scores == scores.sorted())
                #expect(r.rows.compactMap { $0["risk_rank"] as? Int } == Array(1...scores.count))
                #expect(scores.allSatisfy { (0...100).contains($0) })
                // Every row names the model behind its predicted volatility; an EWMA fallback says why.
                for row in r.rows where row["predicted_volatility"] is Double {
                    let model = row["volatility_model"] as? String
                    #expect(model == "garch11" || model == "ewma", "\(row["symbol"] ?? "")")
                    #expect((model == "ewma") == (row["volatility_note"] is String), "\(row["symbol"] ?? "")")
                }
            }
        }
    }

    @Test("liquidation matches Binance's formula by hand and the calculator")
    func liquidation() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/liquidation?symbol=BTCUSDT&side=long&entry=60000&quantity=1&leverage=10", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok, "\(r.text)")
                let data = try #require(r.obj["data"] as? [String: Any])
                // Tier of a 60,000 notional: MMR 0.5%, cum 50. LP = (WB + cum - Q·EP) / (Q·MMR - Q), WB = Q·EP/L.
                let byHand = (60_000.0 / 10 + 50 - 60_000) / (0.005 - 1)
                #expect(abs((data["liquidation_price"] as? Double ?? .nan) - byHand) < 1e-6)
                #expect(data["tier"] as? Int == 2)
            }
            let request = LiquidationRequest(exchange: .okx, symbol: "BTCUSDT", side: .short, entryPrice: 3000, quantity: 2, leverage: 20,
                                             fixedMaintenance: FixedMaintenance(maintenanceMarginRate: 0.004), takerFee: 0.0005)
            let expected = String(decoding: try JSONCoding.encoder.encode(ItemEnvelope(try s.services.risk.liquidation(request))), as: UTF8.self)
            try await client.execute(uri: "/v1/liquidation?exchange=okx&symbol=btcusdt&side=short&entry=3000&quantity=2&leverage=20&maintenance_margin_rate=0.004&taker_fee=0.0005",
                                     method: .get, headers: s.headers()) { r in
                #expect(r.text == expected)
            }
            for (uri, parameter) in [("/v1/liquidation?symbol=BTCUSDT&side=long&entry=60000&quantity=1&leverage=500", "leverage"),
                                     ("/v1/liquidation?exchange=okx&symbol=BTCUSDT&side=long&entry=60000&quantity=1&leverage=5", "maintenance_margin_rate"),
                                     ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=60000&quantity=1&leverage=5&margin_mode=cross", "wallet_balance"),
                                     ("/v1/liquidation?symbol=NOPEUSDT&side=long&entry=1&quantity=1&leverage=5", "symbol")] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .badRequest, "\(uri): \(r.text)")
                    #expect(r.errorParameter == parameter, "\(uri): \(r.text)")
                }
            }
        }
    }

    @Test("the leverage advisor answers as the risk service does, and refuses work over its bound")
    func leverage() async throws {
        let s = try SignalTestServer()
        let expected = try s.services.risk.leverage(symbol: "BTC", side: .short, horizon: "14d", stop: 0.08, exchange: .binance,
                                                    threshold: 0.02, paths: 300, seed: 7)
        #expect(expected.horizonBars == 14)
        let expectedBody = String(decoding: try JSONCoding.encoder.encode(ItemEnvelope(expected)), as: UTF8.self)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/leverage?symbol=btc&side=short&horizon=14d&stop=8%25&threshold=0.02&paths=300&seed=7", method: .get, headers: s.headers()) { r in
                #expect(r.status == .ok, "\(r.text.prefix(300))")
                #expect(r.text == expectedBody)
            }
            try await client.execute(uri: "/v1/leverage?symbol=BTC&horizon=3000d&paths=20000", method: .get, headers: s.headers()) { r in
                #expect(r.status == .badRequest)
                #expect(r.errorParameter == "horizon")
            }
            try await client.execute(uri: "/v1/leverage?symbol=ZZZ", method: .get, headers: s.headers()) { #expect($0.status == .notFound) }
        }
    }

    @Test("every bad signal, risk or leverage parameter is a 400 naming it", arguments: [
        ("/v1/trading-signals?limit=101", "limit"), ("/v1/trading-signals?page=0", "page"), ("/v1/trading-signals?sort=hype", "sort"),
        ("/v1/trading-signals?order=sideways", "order"), ("/v1/trading-signals?signal=up", "signal"), ("/v1/trading-signals?timeframe=1w", "timeframe"),
        ("/v1/trading-signals?timeframe=2h", "timeframe"), ("/v1/trading-signals?min_grade=-1", "min_grade"), ("/v1/trading-signals?max_grade=101", "max_grade"),
        ("/v1/trading-signals?min_grade=abc", "min_grade"), ("/v1/trading-signals?min_grade=80&max_grade=20", "max_grade"),
        ("/v1/trading-signals?grade=degen", "grade"), ("/v1/trading-signals?colour=red", "colour"), ("/v1/trading-signals?symbols=BTC&symbol=ETH", "symbol"),
        ("/v1/trading-signals?sector=L1%27%3B%20DROP%20TABLE%20asset%3B--", "sector"),
        ("/v1/trading-signals?narrative=x%27%20OR%20%271%27%3D%271", "narrative"),
        ("/v1/trading-signals?symbols=BTC%27%20OR%20%271%27%3D%271", "symbols"),
        ("/v1/trading-signals/history?status=open", "status"), ("/v1/trading-signals/history?sample=some", "sample"),
        ("/v1/trading-signals/history?sort=trader_grade", "sort"), ("/v1/trading-signals/history?start_date=2021-02-30", "start_date"),
        ("/v1/trader-grades?grade=investor", "grade"), ("/v1/investor-grades?min_grade=1e400", "min_grade"),
        ("/v1/performance?sort=vibes", "sort"), ("/v1/risk?order=1", "order"),
        ("/v1/liquidation?side=long&entry=1&quantity=1", "symbol"), ("/v1/liquidation?symbol=BTCUSDT&entry=1&quantity=1", "side"),
        ("/v1/liquidation?symbol=BTCUSDT&side=up&entry=1&quantity=1", "side"), ("/v1/liquidation?symbol=BTCUSDT&side=long&quantity=1", "entry"),
        ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=-5&quantity=1", "entry"), ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=5&quantity=0", "quantity"),
        ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=5&quantity=1&exchange=kraken", "exchange"),
        ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=5&quantity=1&margin_mode=portfolio", "margin_mode"),
        ("/v1/liquidation?symbol=BTC%3BDROP&side=long&entry=5&quantity=1", "symbol"),
        ("/v1/leverage", "symbol"), ("/v1/leverage?symbol=BTC&horizon=soon", "horizon"), ("/v1/leverage?symbol=BTC&stop=2", "stop"),
        ("/v1/leverage?symbol=BTC&threshold=0", "threshold"), ("/v1/leverage?symbol=BTC&paths=-1", "paths"), ("/v1/leverage?symbol=BTC&side=flat", "side"),
        ("/v1/leverage?symbol=BTC&seed=x", "seed"),
    ])
    func badParameters(uri: String, parameter: String) async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                #expect(r.status == .badRequest, "\(uri): \(r.text)")
                #expect(r.errorParameter == parameter, "\(uri): \(r.text)")
            }
        }
    }

    @Test("unknown symbols are 404 and injection attempts change nothing")
    func notFoundAndInjection() async throws {
        let s = try SignalTestServer()
        let before = try s.repository.assets()
        try await s.app.test(.router) { client in
            for uri in ["/v1/trading-signals?symbols=ZZZ", "/v1/trading-signals?symbols=BTC,NOPE", "/v1/trading-signals/history?symbols=ZZZ",
                        "/v1/trader-grades?symbol=ZZZ", "/v1/investor-grades?symbols=ZZZ", "/v1/performance?symbols=ZZZ", "/v1/risk?symbols=ZZZ"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .notFound, "\(uri): \(r.text)")
                    #expect((r.obj["error"] as? [String: Any])?["code"] as? String == "not_found")
                }
            }
            for uri in ["/v1/trading-signals?sector=%27%29%3B%20DELETE%20FROM%20candle%3B--", "/v1/risk?symbols=BTC%22%3B%20DROP%20TABLE%20asset",
                        "/v1/performance?narrative=%27%20UNION%20SELECT%20*%20FROM%20api_key--"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                    #expect(r.status == .badRequest || r.status == .notFound, "\(uri)")
                }
            }
        }
        #expect(try s.repository.assets() == before)
    }

    @Test("ETag on trading signals: a matching If-None-Match gets 304")
    func etag() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            let etag = try await client.execute(uri: "/v1/trading-signals?limit=100", method: .get, headers: s.headers()) { r -> String? in
                #expect(r.headers[.cacheControl] == "private, max-age=60")
                return r.headers[.eTag]
            }
            var h = s.headers()
            h[.ifNoneMatch] = try #require(etag)
            try await client.execute(uri: "/v1/trading-signals?limit=100", method: .get, headers: h) { #expect($0.status == .notModified) }
        }
    }

    @Test("the free tier may read current signals and the liquidation calculator only")
    func freeTier() async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/trading-signals", method: .get, headers: s.headers(.free)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/liquidation?symbol=BTCUSDT&side=long&entry=100&quantity=1&leverage=2", method: .get, headers: s.headers(.free)) {
                #expect($0.status == .ok)
            }
            for uri in ["/v1/trading-signals/history", "/v1/trader-grades", "/v1/investor-grades", "/v1/performance", "/v1/risk", "/v1/leverage?symbol=BTC"] {
                try await client.execute(uri: uri, method: .get, headers: s.headers(.free)) { #expect($0.status == .forbidden, "\(uri)") }
            }
            try await client.execute(uri: "/v1/trader-grades", method: .get, headers: s.headers(.pro)) { #expect($0.status == .ok) }
        }
    }
}

/// The new endpoints' answers (and errors) against the OpenAPI document.
@Suite struct SignalOpenAPITests {
    @Test("signal, grade, performance, risk, liquidation and leverage answers validate against their schemas", arguments: [
        ("/v1/trading-signals?limit=100", "/v1/trading-signals"), ("/v1/trading-signals?symbols=ZZZ", "/v1/trading-signals"),
        ("/v1/trading-signals?limit=1000", "/v1/trading-signals"),
        ("/v1/trading-signals/history?limit=100", "/v1/trading-signals/history"), ("/v1/trader-grades?limit=100", "/v1/trader-grades"),
        ("/v1/investor-grades?limit=100", "/v1/investor-grades"), ("/v1/performance?limit=100", "/v1/performance"), ("/v1/risk?limit=100", "/v1/risk"),
        ("/v1/liquidation?symbol=BTCUSDT&side=long&entry=60000&quantity=1&leverage=10", "/v1/liquidation"),
        ("/v1/liquidation?symbol=BTCUSDT&side=short&entry=60000&quantity=1&leverage=2&margin_mode=cross&wallet_balance=1000", "/v1/liquidation"),
        ("/v1/leverage?symbol=ETH&paths=100&stop=5%25", "/v1/leverage"), ("/v1/leverage?symbol=ZZZ", "/v1/leverage"),
    ])
    func validates(uri: String, path: String) async throws {
        let s = try SignalTestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                try Self.check(path: path, method: "get", response: r, uri: uri)
            }
        }
    }

    @Test("backtest answers and errors validate against their schemas")
    func backtest() async throws {
        let s = try SignalTestServer()
        var h = s.headers()
        h[.contentType] = "application/json"
        let headers = h
        try await s.app.test(.router) { client in
            for body in [#"{"symbol": "BTC", "strategy": "rsi-reversion"}"#,
                         #"{"symbol": "BTC", "strategy": "donchian-breakout", "grid": [{"name": "period", "from": 10, "to": 30, "step": 10}]}"#,
                         #"{"symbol": "BTC", "strategy": "nope"}"#] {
                try await client.execute(uri: "/v1/backtest", method: .post, headers: headers, body: ByteBuffer(string: body)) { r in
                    try Self.check(path: "/v1/backtest", method: "post", response: r, uri: body)
                }
            }
        }
    }

    static func check(path: String, method: String, response r: TestResponse, uri: String) throws {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        let op = try #require(((doc["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any])
        let status = String(r.status.code)
        let response = try #require((op["responses"] as? [String: Any])?[status] as? [String: Any], "\(uri): status \(status) undocumented")
        let schema = try #require(((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        let problems = SchemaCheck(document: doc).check(try r.json(), against: schema, at: "$")
        #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
    }
}
