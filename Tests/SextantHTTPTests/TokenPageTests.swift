import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketCore
import Risk
import SextantHTTP
import SextantServices
import SextantSQLite
import Signals
import TestSupport
import Testing

/// Helpers to read the pages' HTML in tests.
enum PageText {
    /// The shipped models, as the server loads them.
    static func models() throws -> [Timeframe: SignalModel] {
        try SignalService.loadModels(folder: Fixtures.root + "/../../Models")
    }

    /// The text between the first `start` and the next `end` after it ("" when absent).
    static func between(_ html: String, _ start: String, _ end: String) -> String {
        guard let a = html.range(of: start), let b = html.range(of: end, range: a.upperBound..<html.endIndex) else { return "" }
        return String(html[a.upperBound..<b.lowerBound])
    }

    static func count(_ html: String, _ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    /// HTML escaping as the pages do it (the five special characters).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The wide drawing of the first chart in a section (the narrow one repeats the same marks).
    static func wideChart(_ html: String, after heading: String) -> String {
        let section = between(html, heading, "</section>")
        return between(section, "<svg class=\"line wide\"", "</svg>")
    }
}

/// `/tokens/{symbol}`: chart and markers, grades, risk and the calculator, checked against the services.
@Suite struct TokenPageTests {
    @Test("the chart marks every bullish and bearish change the model makes inside the window, at its entry price")
    func chartMarkers() async throws {
        let s = try TestServer()
        let models = try PageText.models()
        let report = try #require(try SignalService(repository: s.repository).reports(asOf: systemClock(), models: models, symbols: ["BTC"]).first)
        let events = try #require(report.signals?.events)
        let bars = try s.repository.candles(symbol: "BTC", timeframe: report.timeframe, from: nil, to: nil)
        let last = try #require(bars.time.last)
        try await s.app.test(.router) { client in
            for (range, days) in [("90d", 90), ("1y", 365)] {
                let start = last - Int64(days) * 86_400_000
                let inWindow = events.filter { $0.time >= start && $0.signal != 0 }
                try await client.execute(uri: "/tokens/BTC?range=\(range)", method: .get) { r in
                    #expect(r.status == .ok)
                    let chart = PageText.wideChart(r.text, after: "id=\"chart-h\"")
                    #expect(chart.contains("<polyline class=\"series\""))
                    #expect(PageText.count(chart, "<path class=\"bull\"") == inWindow.filter { $0.signal > 0 }.count)
                    #expect(PageText.count(chart, "<path class=\"bear\"") == inWindow.filter { $0.signal < 0 }.count)
                    if let first = inWindow.first {
                        #expect(chart.contains("\(first.time.iso8601): entry \(String(format: abs(first.entryPrice) >= 1000 ? "%.2f" : "%.4f", first.entryPrice))"))
                    }
                    #expect(r.text.contains("signal changes computed by the shipped model"))
                    #expect(r.text.contains("<a href=\"/tokens/BTC?range=\(range)\" aria-current=\"true\">"))
                }
            }
        }
        #expect(events.contains { $0.signal != 0 })
    }

    @Test("recorded signal changes replace the computed ones as markers")
    func recordedMarkers() async throws {
        let repo = try Seeded.freshRepository(["daily/BTC.csv.gz", "daily/ETH.csv.gz"])
        let models = try PageText.models()
        let now = systemClock()
        let reports = try SignalService(repository: repo).reports(asOf: now, models: models, symbols: ["BTC"])
        // Record only the last three bullish or bearish changes: the page must show exactly these.
        let stored = SignalService.storable(reports, models: models, at: now).filter { $0.signal != 0 }.suffix(3)
        #expect(try repo.recordSignalEvents(Array(stored)) == 3)
        let s = try TestServer(repository: repo)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/tokens/BTC?range=all", method: .get) { r in
                #expect(r.status == .ok)
                let chart = PageText.wideChart(r.text, after: "id=\"chart-h\"")
                #expect(PageText.count(chart, "<path class=\"bull\"") + PageText.count(chart, "<path class=\"bear\"") == 3)
                for e in stored { #expect(chart.contains(e.time.iso8601)) }
                #expect(r.text.contains("recorded signal changes"))
            }
        }
    }

    @Test("both grades show their value, every sub-grade with its score and the explanation; risk figures come from the report")
    func gradesAndRisk() async throws {
        let s = try TestServer()
        let models = try PageText.models()
        let report = try #require(try SignalService(repository: s.repository).reports(asOf: systemClock(), models: models, symbols: ["ETH"]).first)
        let trader = try #require(report.trader.grade), investor = try #require(report.investor.grade)
        let perf = try #require(report.performance)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/tokens/ETH", method: .get) { r in
                #expect(r.status == .ok)
                let grades = PageText.between(r.text, "id=\"grades-h\"", "</section>")
                let traderCard = PageText.between(grades, "id=\"tg-h\"", "</div><div class=\"card\">")
                let investorCard = PageText.between(grades, "id=\"ig-h\"", "</table>")
                #expect(traderCard.contains(">\(String(format: "%.0f", trader.value))<small>/100"))
                #expect(investorCard.contains(">\(String(format: "%.0f", investor.value))<small>/100"))
                for sub in trader.subGrades {
                    #expect(traderCard.contains(sub.name.replacingOccurrences(of: "_", with: " ")))
                    #expect(traderCard.contains("<td class=\"num\">\(String(format: "%.0f", sub.score))</td>"))
                }
                for sub in investor.subGrades {
                    #expect(investorCard.contains(sub.name.replacingOccurrences(of: "_", with: " ")))
                    #expect(investorCard.contains(String(format: "%+.1f", sub.pull)))
                }
                #expect(grades.contains("ulled "))  // "Pulled up by …" / "pulled down by …"
                let risk = PageText.between(r.text, "id=\"risk-h\"", "</section>")
                #expect(risk.contains("<dt>Risk score</dt><dd>\(String(format: "%.0f", perf.riskScore))/100"))
                #expect(risk.contains(String(format: "%.1f%%", perf.predictedVolatility * 100) + " a year"))
                #expect(risk.contains(perf.volatilityModel == .garch11 ? "(GARCH(1,1))" : "(EWMA fallback)"), "names the volatility model")
                #expect(risk.contains(String(format: "%.1f%%", perf.maxDrawdown * 100)))
                #expect(risk.contains("Beta to BTC"))
            }
        }
    }

    @Test("the calculator posts back to the page and shows what PositionSizer computes for the same inputs")
    func calculator() async throws {
        let s = try TestServer()
        let expected = try PositionSizer.size(PositionSizeRequest(equity: 10_000, riskPercent: 2, side: .short, entryPrice: 1500, stopPrice: 1575,
                                                                  exchange: .binance, symbol: "ETHUSDT", leverage: 5))
        let liquidation = try #require(expected.liquidationPrice)
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/tokens/ETH", method: .get) { r in
                let form = PageText.between(r.text, "<form class=\"calc\"", "</form>")
                #expect(form.contains("method=\"get\" action=\"/tokens/ETH#calculator\""))
                for field in ["exchange", "side", "entry", "stop", "leverage", "balance", "risk", "mmr"] { #expect(form.contains("name=\"\(field)\"")) }
                #expect(PageText.count(form, "<label") >= 8)
                #expect(!r.text.contains("<h3>Result</h3>"))
            }
            let uri = "/tokens/ETH?exchange=binance&side=short&entry=1500&stop=1575&leverage=5&balance=10000&risk=2&mmr="
            try await client.execute(uri: uri, method: .get) { r in
                #expect(r.status == .ok)
                let result = PageText.between(r.text, "<h3>Result</h3>", "</div></section>")
                #expect(result.contains(String(format: "%.8g", expected.quantity) + " ETH"))
                #expect(result.contains("<dt>Liquidation price</dt><dd>\(String(format: liquidation >= 1000 ? "%.2f" : "%.4f", liquidation))</dd>"))
                #expect(result.contains(String(format: "%.2f", expected.initialMargin) + " USDT"))
                #expect(result.contains("<dt>Stop before liquidation</dt><dd>\(expected.stopTriggersBeforeLiquidation ? "yes" : "no")</dd>"))
                #expect(r.text.contains("value=\"1575\""))
                #expect(r.text.contains("<input type=\"radio\" name=\"side\" value=\"short\" checked>"))
            }
        }
    }

    @Test("a calculator the Risk target refuses shows why (422); a malformed field is a 400 page naming it")
    func calculatorErrors() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/tokens/BTC?side=long&entry=30000&stop=31000&balance=1000&risk=1", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("role=\"alert\""))
                #expect(r.text.contains("a long stop must be below the entry"))
            }
            try await client.execute(uri: "/tokens/BTC?exchange=okx&side=long&entry=30000&stop=29000&balance=1000&risk=1", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("enter a maintenance margin rate"))
            }
            for (query, parameter) in [("entry=abc&stop=1&balance=1&risk=1", "entry"), ("entry=10&stop=9&balance=1&risk=150", "risk"),
                                       ("entry=10&stop=9&balance=-5&risk=1", "balance"), ("entry=10&stop=9&balance=1&risk=1&leverage=500", "leverage"),
                                       ("entry=10&balance=1&risk=1", "stop"), ("exchange=kraken&entry=10&stop=9&balance=1&risk=1", "exchange"),
                                       ("range=5y", "range"), ("colour=red", "colour")] {
                try await client.execute(uri: "/tokens/BTC?" + query, method: .get) { r in
                    #expect(r.status == .badRequest, "\(query)")
                    #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(r.text.contains("The parameter <code>\(parameter)</code> is not valid."), "\(query)")
                }
            }
        }
    }

    @Test("user input on the token page is escaped, unknown tokens are a 404 page")
    func escaping() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/tokens/BTC?range=%3Cscript%3Ealert(1)%3C/script%3E", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(!r.text.contains("<script>"))
                #expect(r.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            try await client.execute(uri: "/tokens/BTC?entry=%22%3E%3Cb%3E&stop=1&balance=1&risk=1", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(!r.text.contains("\"><b>"))
            }
            try await client.execute(uri: "/tokens/NOPE", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("<h1>404"))
            }
            try await client.execute(uri: "/tokens/%3Cimg%3E", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("<code>symbol</code>"))
                #expect(!r.text.contains("<img>"))
            }
        }
    }
}
