import Backtest
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketData
@testable import SextantHTTP
import SextantServices
import Testing

/// `POST /v1/backtest` against the backtest library run directly on the same stored bars.
@Suite struct BacktestAPITests {
    func post(_ s: SignalTestServer, _ body: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        var h = s.headers()
        h[.contentType] = "application/json"
        let headers = h
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/backtest", method: .post, headers: headers, body: ByteBuffer(string: body)) { try check($0) }
        }
    }

    @Test("a single run equals the backtester on the stored bars of the date range")
    func singleRun() async throws {
        let s = try SignalTestServer()
        let all = try s.repository.candles(symbol: "ETH", timeframe: .d1, from: Timestamp.utc(year: 2019, month: 1, day: 1),
                                           to: Timestamp.utc(year: 2020, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        var config = BacktestConfiguration()
        config.commission = 0.001
        let expected = try Backtester.run(strategyNamed: "sma-cross", parameters: ["fast": 10, "slow": 40], on: all, configuration: config)
        try await post(s, #"{"symbol": "eth", "timeframe": "1d", "strategy": "sma-cross", "params": {"fast": 10, "slow": 40}, "commission": 0.001, "start_date": "2019-01-01", "end_date": "2020-12-31"}"#) { r in
            #expect(r.status == .ok, "\(r.text.prefix(300))")
            #expect(r.headers[.cacheControl] == "no-store")
            let data = try #require(r.obj["data"] as? [String: Any])
            #expect(data["bars"] as? Int == all.count)
            #expect(data["first_bar"] as? String == all.time.first?.iso8601)
            #expect(data["work"] as? Int == all.count)
            let metrics = try #require(data["metrics"] as? [String: Any])
            #expect(metrics["trades_count"] as? Int == expected.metrics.tradesCount)
            #expect(abs((metrics["final_equity"] as? Double ?? .nan) - expected.metrics.finalEquity) < 1e-6 * expected.metrics.finalEquity)
            #expect((data["trades"] as? [Any])?.count == min(expected.trades.count, BacktestQueryService.maxTrades))
        }
    }

    @Test("a grid runs every combination and ranks them as the grid search does")
    func grid() async throws {
        let s = try SignalTestServer()
        let bars = try s.repository.candles(symbol: "BTC", timeframe: .d1, from: nil, to: nil)
        let ranges = [try ParameterRange(name: "fast", from: 5, to: 20, step: 5), try ParameterRange(name: "slow", from: 30, to: 60, step: 10)]
        let expected = try GridSearch.run(strategy: "sma-cross", ranges: ranges, on: bars, rankBy: .sharpe)
        try await post(s, #"{"symbol": "BTC", "strategy": "sma-cross", "rank_by": "sharpe", "top": 5, "grid": [{"name": "fast", "from": 5, "to": 20, "step": 5}, {"name": "slow", "from": 30, "to": 60, "step": 10}]}"#) { r in
            #expect(r.status == .ok, "\(r.text.prefix(300))")
            let data = try #require(r.obj["data"] as? [String: Any])
            #expect(data["combinations"] as? Int == 16)
            #expect(data["work"] as? Int == 16 * bars.count)
            let results = try #require(data["results"] as? [[String: Any]])
            #expect(results.count == 5)
            #expect(results.map { $0["parameters"] as? [String: Double] ?? [:] } == expected.results.prefix(5).map(\.parameters))
        }
    }

    @Test("work over the bound, bad fields and big bodies are refused, each naming the field", arguments: [
        (#"{"symbol": "BTC", "strategy": "sma-cross", "grid": [{"name": "fast", "from": 2, "to": 100, "step": 1}, {"name": "slow", "from": 101, "to": 120, "step": 1}]}"#, "grid"),
        (#"{"symbol": "BTC", "strategy": "moon"}"#, "strategy"), (#"{"symbol": "BTC", "strategy": "signals"}"#, "strategy"),
        (#"{"strategy": "sma-cross"}"#, "symbol"), (#"{"symbol": "BTC"}"#, "strategy"),
        (#"{"symbol": "BTC'; DROP TABLE candle;--", "strategy": "sma-cross"}"#, "symbol"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "params": {"fast": 50, "slow": 10}}"#, "params"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "params": {"speed": 5}}"#, "params"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "grid": [{"name": "fast", "from": 5, "to": 1, "step": 1}]}"#, "grid"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "leverage": 500}"#, "leverage"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "commission": -1}"#, "commission"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "stop_loss": 2}"#, "stop_loss"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "side": "sideways"}"#, "side"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "rank_by": "luck"}"#, "rank_by"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "top": 0}"#, "top"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "timeframe": "3d"}"#, "timeframe"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "timeframe": "1h"}"#, "timeframe"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "start_date": "2021-13-01"}"#, "start_date"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "start_date": "2021-02-01", "end_date": "2021-01-01"}"#, "end_date"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "start_date": "2030-01-01"}"#, "start_date"),
        (#"{"symbol": "BTC", "strategy": "sma-cross", "top": "ten"}"#, "body"),
    ])
    func refused(body: String, field: String) async throws {
        let s = try SignalTestServer()
        try await post(s, body) { r in
            #expect(r.status == .badRequest, "\(body): \(r.text)")
            #expect(r.errorParameter == field, "\(body): \(r.text)")
        }
    }

    @Test("bars x combinations over the work bound is a 400 naming the grid, or the dates without one")
    func workBound() async throws {
        let bars = try Seeded.repository().candles(symbol: "BTC", timeframe: .d1, from: nil, to: nil).count
        // 40 combinations over every daily bar is over a bound of 39 x bars; 39 combinations are not.
        var s = try SignalTestServer(backtestWork: 39 * bars)
        try await post(s, #"{"symbol": "BTC", "strategy": "sma-cross", "grid": [{"name": "fast", "from": 2, "to": 9, "step": 1}, {"name": "slow", "from": 30, "to": 70, "step": 10}]}"#) { r in
            #expect(r.status == .badRequest, "\(r.text)")
            #expect(r.errorParameter == "grid")
        }
        try await post(s, #"{"symbol": "BTC", "strategy": "sma-cross", "grid": [{"name": "fast", "from": 2, "to": 40, "step": 1}]}"#) { r in
            #expect(r.status == .ok, "\(r.text.prefix(200))")
            #expect((r.obj["data"] as? [String: Any])?["work"] as? Int == 39 * bars)
        }
        s = try SignalTestServer(backtestWork: bars - 1)
        try await post(s, #"{"symbol": "BTC", "strategy": "sma-cross"}"#) { r in
            #expect(r.status == .badRequest)
            #expect(r.errorParameter == "start_date")
        }
    }

    @Test("an unknown symbol is 404, a body over 16 KiB 413, a non-JSON body 415")
    func statuses() async throws {
        let s = try SignalTestServer()
        try await post(s, #"{"symbol": "ZZZ", "strategy": "sma-cross"}"#) { #expect($0.status == .notFound) }
        try await post(s, #"{"symbol": "BTC", "strategy": ""# + String(repeating: "x", count: 20_000) + #""}"#) { #expect($0.status == .contentTooLarge) }
        var h = s.headers()
        h[.contentType] = "text/plain"
        let headers = h
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/backtest", method: .post, headers: headers, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
        }
    }
}
