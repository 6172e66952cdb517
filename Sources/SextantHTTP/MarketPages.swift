import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import MarketIntel
import SextantServices

/// Server-rendered HTML: the token table (`/`), a token page with an SVG price chart, and the market page.
/// No scripts; every asset is served from `/assets`; the layout reflows for phones.
struct MarketPages {
    let services: ServerServices

    func register(on router: Router<SextantRequestContext>) {
        router.get("/") { request, _ in try html(request) {
            var q = try QueryReader(request)
            let sort = try q.choice("sort", default: TokenSortKey.marketCap)
            let descending = try q.descending(default: sort != .symbol)
            let sector = try q.word("sector")
            let filter = try q.word("q")
            try q.finish()
            var rows = try services.query.tokens(TokenQuery(sector: sector, sort: sort, descending: descending))
            if let filter { rows = rows.filter { $0.symbol.contains(filter.uppercased()) || ($0.name ?? "").lowercased().contains(filter.lowercased()) } }
            return RenderedPage(html: Self.tokenTable(rows, sort: sort, descending: descending, sector: sector, filter: filter))
        } }
        router.get("tokens/{symbol}") { request, context in try html(request) {
            let symbol = try Symbols.validate(context.parameters.get("symbol") ?? "", parameter: "symbol")
            let row = try services.query.token(symbol)
            var q = try PageQuery(request)
            let range = try q.choice("range", ChartRange.self) ?? (row.timeframe == Timeframe.d1.rawValue ? .y1 : .d90)
            let calculator = try Calculator.read(&q, lastPrice: row.lastPrice)
            try q.finish()
            let (models, problem) = PageModels.shared
            let data = try pageQueries.tokenPage(symbol: symbol, models: models, asOf: systemClock())
            let calculation = calculator.submitted ? calculator.compute(symbol: symbol) : nil
            let status: HTTPResponse.Status = if case .failure? = calculation { .unprocessableContent } else { .ok }
            return RenderedPage(status: status, html: TokenPage.render(row: row, data: data, range: range, calculator: calculator,
                                                                       calculation: calculation, modelProblem: problem))
        } }
        router.get("market") { request, _ in try html(request) {
            var q = try PageQuery(request)
            let window = try q.choice("window", RotationWindow.self) ?? .d30
            let scope = try q.choice("narratives", NarrativeScope.self) ?? .current
            try q.finish()
            var d = MarketPageData(metrics: [], dominance: [], narratives: [])
            do { d.metrics = try services.intel.marketMetrics(top: 50, window: 90) } catch { d.metricsProblem = ErrorMapping.map(error).message }
            d.dominance = try pageQueries.dominanceHistory(days: 730)
            do { d.rotation = try pageQueries.sectorRotation(days: window.days) } catch { d.rotationProblem = ErrorMapping.map(error).message }
            do { d.narratives = try services.intel.narratives(since: nil) } catch { d.narrativesProblem = ErrorMapping.map(error).message }
            return RenderedPage(html: MarketPage.render(d, window: window, scope: scope))
        } }
        router.get("assets/site.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: SiteCSS.text)))
        }
    }

    var pageQueries: MarketPageService { MarketPageService(repository: services.query.repository) }

    /// A page from the response cache (keyed by URL and data version), or rendered (and cached when it is a 200).
    /// Errors become HTML error pages with their status; a 400 names the parameter.
    func html(_ request: Request, _ render: () throws -> RenderedPage) throws -> Response {
        let key = "page:" + request.uri.path + "?" + (request.uri.query ?? "")
        do {
            let version = try services.version.current()
            if let hit = services.cache.lookup(key, version: version) { return Self.response(.ok, hit.bytes, etag: hit.etag) }
            let page = try render()
            guard page.status == .ok else { return Self.response(page.status, Array(page.html.utf8), etag: nil) }
            let entry = services.cache.store(key, version: version, bytes: Array(page.html.utf8))
            return Self.response(.ok, entry.bytes, etag: entry.etag)
        } catch {
            let m = ErrorMapping.map(error)
            return Self.response(m.status, Array(HTML.errorPage(status: m.status, message: m.message, parameter: m.parameter).utf8), etag: nil)
        }
    }

    static func response(_ status: HTTPResponse.Status, _ bytes: [UInt8], etag: String?) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: status == .ok ? "no-cache" : "no-store"]
        if let etag { headers[.eTag] = etag }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Sextant</title><link rel="stylesheet" href="/assets/site.css"></head>
        <body><header><a class="brand" href="/">Sextant</a><nav><a href="/">Tokens</a><a href="/market">Market</a><a href="/openapi.json">API</a></nav></header>
        <main>\(body)</main><footer>Data from the local store · open, self-hosted market intelligence</footer></body></html>
        """
    }

    static func price(_ x: Double) -> String { String(format: abs(x) >= 1000 ? "%.2f" : abs(x) >= 1 ? "%.4f" : "%.6g", x) }
    static func pct(_ x: Double?) -> String {
        guard let x else { return "<td class=\"num\">–</td>" }
        return "<td class=\"num \(x >= 0 ? "up" : "down")\">\(String(format: "%+.2f%%", x))</td>"
    }
    static func compact(_ x: Double?) -> String {
        guard let x else { return "–" }
        for (d, s) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where abs(x) >= d { return String(format: "%.2f%@", x / d, s) }
        return String(format: "%.0f", x)
    }

    static func tokenTable(_ rows: [TokenRow], sort: TokenSortKey, descending: Bool, sector: String?, filter: String?) -> String {
        func link(_ key: TokenSortKey, _ label: String) -> String {
            let nextDesc = key == sort ? !descending : key != .symbol
            var q = "sort=\(key.rawValue)&order=\(nextDesc ? "desc" : "asc")"
            if let sector { q += "&sector=" + (sector.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "") }
            if let filter { q += "&q=" + (filter.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "") }
            let mark = key == sort ? (descending ? " ▼" : " ▲") : ""
            let aria = key == sort ? " aria-sort=\"\(descending ? "descending" : "ascending")\"" : ""
            return "<th scope=\"col\"\(aria)><a href=\"/?\(escape(q))\">\(label)\(mark)</a></th>"
        }
        var body = """
            <h1>Tokens</h1>
            <form class="filters" method="get" action="/"><label>Search <input name="q" value="\(escape(filter ?? ""))" placeholder="BTC"></label>
            <label>Sector <input name="sector" value="\(escape(sector ?? ""))" placeholder="L1"></label>
            <input type="hidden" name="sort" value="\(sort.rawValue)"><input type="hidden" name="order" value="\(descending ? "desc" : "asc")">
            <button type="submit">Filter</button></form>
            <div class="scroll"><table><thead><tr>\(link(.symbol, "Token"))<th scope="col">Sector</th>\(link(.price, "Price"))\(link(.return24h, "24h"))\(link(.return7d, "7d"))\(link(.return30d, "30d"))\(link(.volatility30d, "Vol 30d"))\(link(.marketCap, "Market cap"))</tr></thead><tbody>
            """
        for r in rows {
            body += "<tr><th scope=\"row\"><a href=\"/tokens/\(escape(r.symbol))\">\(escape(r.symbol))</a>\(r.name.map { " <small>\(escape($0))</small>" } ?? "")</th>"
            body += "<td>\(escape(r.sector ?? "–"))</td><td class=\"num\">\(price(r.lastPrice))</td>"
            body += pct(r.return24h) + pct(r.return7d) + pct(r.return30d)
            body += "<td class=\"num\">\(r.volatility30d.map { String(format: "%.1f%%", $0) } ?? "–")</td><td class=\"num\">\(compact(r.marketCap))</td></tr>"
        }
        if rows.isEmpty { body += "<tr><td colspan=\"8\">No tokens match. Ingest data with <code>sextant ingest</code>.</td></tr>" }
        body += "</tbody></table></div>"
        return HTML.page("Tokens", section: .tokens, body)
    }
}
