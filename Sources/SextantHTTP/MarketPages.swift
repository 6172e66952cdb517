import Foundation
import Hummingbird
import MarketCore
import MarketIntel
import SextantServices

/// Server-rendered HTML: the token table (`/`), a token page with an SVG price chart, and the market page.
/// No scripts; every asset is served from `/assets`; the layout reflows for phones.
struct MarketPages {
    let services: ServerServices

    func register(on router: Router<SextantRequestContext>) {
        router.get("/") { request, _ in try cachedHTML(request) {
            var q = try QueryReader(request)
            let sort = try q.choice("sort", default: TokenSortKey.marketCap)
            let descending = try q.descending(default: sort != .symbol)
            let sector = try q.word("sector")
            let filter = try q.word("q")
            try q.finish()
            var rows = try services.query.tokens(TokenQuery(sector: sector, sort: sort, descending: descending))
            if let filter { rows = rows.filter { $0.symbol.contains(filter.uppercased()) || ($0.name ?? "").lowercased().contains(filter.lowercased()) } }
            return Self.tokenTable(rows, sort: sort, descending: descending, sector: sector, filter: filter)
        } }
        router.get("tokens/{symbol}") { request, context in try cachedHTML(request) {
            let symbol = try Symbols.validate(context.parameters.get("symbol") ?? "", parameter: "symbol")
            let token = try services.query.token(symbol)
            let tf = try services.query.timeframes(of: symbol)
            let daily = tf.contains(.d1) ? Timeframe.d1 : tf.last ?? .d1
            let bars = try services.query.bars(symbol: symbol, timeframe: daily, from: nil, to: nil)
            return Self.tokenPage(token, bars: bars)
        } }
        router.get("market") { request, _ in try cachedHTML(request) {
            let metrics = (try? services.intel.marketMetrics(top: 50, window: 90)) ?? []
            let narratives = (try? services.intel.narratives(since: nil)) ?? []
            return Self.marketPage(latest: metrics.last, history: metrics, narratives: narratives)
        } }
        router.get("assets/site.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.css)))
        }
    }

    /// A page from the response cache (keyed by URL and data version), or rendered and cached.
    func cachedHTML(_ request: Request, _ render: () throws -> String) throws -> Response {
        let key = "page:" + request.uri.path + "?" + (request.uri.query ?? "")
        let version = try services.version.current()
        let entry = try services.cache.lookup(key, version: version)
            ?? services.cache.store(key, version: version, bytes: Array(try render().utf8))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache", .eTag: entry.etag],
                        body: .init(byteBuffer: ByteBuffer(bytes: entry.bytes)))
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
        return page("Tokens", body)
    }

    /// An inline SVG line chart of closes (last 365 bars at most), with its min and max labelled.
    static func chart(_ s: CandleSeries) -> String {
        let n = min(s.count, 365)
        guard n >= 2 else { return "<p>Not enough bars for a chart.</p>" }
        let closes = Array(s.close.suffix(n)), times = Array(s.time.suffix(n))
        let lo = closes.min() ?? 0, hi = closes.max() ?? 1
        let w = 800.0, h = 300.0, pad = 10.0
        let span = hi > lo ? hi - lo : 1
        let points = closes.enumerated().map { i, c in
            String(format: "%.1f,%.1f", pad + Double(i) / Double(n - 1) * (w - 2 * pad), h - pad - (c - lo) / span * (h - 2 * pad))
        }.joined(separator: " ")
        return """
            <figure class="chart"><svg viewBox="0 0 \(Int(w)) \(Int(h))" role="img" aria-label="\(escape(s.symbol)) closing price from \(times[0].dateString) to \(times[n - 1].dateString)" preserveAspectRatio="none">
            <polyline fill="none" stroke="currentColor" stroke-width="2" points="\(points)"/></svg>
            <figcaption>\(escape(s.symbol)) \(s.timeframe.rawValue) closes \(times[0].dateString) – \(times[n - 1].dateString) · low \(price(lo)) · high \(price(hi))</figcaption></figure>
            """
    }

    static func tokenPage(_ t: TokenRow, bars: CandleSeries) -> String {
        let facts: [(String, String)] = [
            ("Price", price(t.lastPrice)), ("As of", t.lastTime), ("Sector", t.sector ?? "–"), ("Market cap", compact(t.marketCap)),
            ("24h", t.return24h.map { String(format: "%+.2f%%", $0) } ?? "–"), ("7d", t.return7d.map { String(format: "%+.2f%%", $0) } ?? "–"),
            ("30d", t.return30d.map { String(format: "%+.2f%%", $0) } ?? "–"),
            ("Volatility 30d", t.volatility30d.map { String(format: "%.1f%%", $0) } ?? "–"),
        ]
        let dl = facts.map { "<div><dt>\($0.0)</dt><dd>\(escape($0.1))</dd></div>" }.joined()
        return page(t.symbol, "<h1>\(escape(t.symbol)) <small>\(escape(t.name ?? ""))</small></h1>\(chart(bars))<dl class=\"facts\">\(dl)</dl>")
    }

    static func marketPage(latest: MarketMetricsRow?, history: [MarketMetricsRow], narratives: [Narrative]) -> String {
        var body = "<h1>Market</h1>"
        if let m = latest {
            let angle = m.altseasonIndex / 100 * 180
            let rad = (180 - angle) * Double.pi / 180
            let x = 100 + 80 * cos(rad), y = 100 - 80 * sin(rad)
            body += """
                <section class="cards"><div class="card"><h2>Altcoin season</h2>
                <svg viewBox="0 0 200 110" role="img" aria-label="Altcoin season index \(Int(m.altseasonIndex.rounded())) of 100: \(escape(m.season))">
                <path d="M20 100 A80 80 0 0 1 180 100" fill="none" stroke="#ccd" stroke-width="14"/>
                <path d="M20 100 A80 80 0 0 1 \(String(format: "%.1f %.1f", x, y))" fill="none" stroke="currentColor" stroke-width="14"/>
                <text x="100" y="95" text-anchor="middle" font-size="28">\(Int(m.altseasonIndex.rounded()))</text></svg>
                <p>\(escape(m.season)) · \(m.altsOutperforming) of \(m.altsCounted) alts beat BTC over 90 days · \(m.date)</p></div>
                <div class="card"><h2>BTC dominance</h2><p class="big">\(String(format: "%.1f%%", m.btcDominancePct ?? m.btcDominanceUniversePct))</p>
                <p>\(m.btcDominancePct == nil ? "within the stored universe" : "whole market") on \(m.date)</p></div></section>
                """
        } else {
            body += "<p>No market metrics yet: ingest daily bars with market caps.</p>"
        }
        body += "<h2>Narratives</h2>"
        if narratives.isEmpty { body += "<p>No narratives detected in the stored headlines.</p>" }
        else {
            body += "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Narrative</th><th scope=\"col\">Peak</th><th scope=\"col\">Mentions</th><th scope=\"col\">Tokens</th></tr></thead><tbody>"
            for n in narratives.prefix(20) {
                body += "<tr><th scope=\"row\">\(escape(n.term))</th><td>\(n.peakDate)</td><td class=\"num\">\(n.mentions)</td><td>\(escape(n.linkedTokens.joined(separator: ", ")))</td></tr>"
            }
            body += "</tbody></table></div>"
        }
        return page("Market", body)
    }

    static let css = """
        :root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--mut:#667;--up:#0a7d38;--down:#b3261e;--line:#dde}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#111418;--mut:#99a;--up:#4cc37a;--down:#ff7b72;--line:#334}}
        *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;gap:1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;border-bottom:1px solid var(--line)}
        header nav a{margin-left:1rem}a{color:inherit}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #4a90e2;outline-offset:2px}
        .brand{font-weight:700;text-decoration:none}main{max-width:1100px;margin:0 auto;padding:1rem}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums}.up{color:var(--up)}.down{color:var(--down)}small{color:var(--mut)}
        .filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin-bottom:1rem}input,button{font:inherit;padding:.35rem .5rem}
        .chart svg{width:100%;height:300px;color:#4a90e2}.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:.75rem}
        .facts dt{color:var(--mut);font-size:.85rem}.facts dd{margin:0;font-weight:600}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}.card{border:1px solid var(--line);border-radius:8px;padding:1rem}
        .card svg{width:100%;max-width:320px;color:#4a90e2}.big{font-size:2rem;font-weight:700;margin:.25rem 0}
        footer{color:var(--mut);font-size:.85rem;text-align:center;padding:2rem 1rem}
        @media (max-width:600px){th,td{padding:.35rem .4rem;font-size:.9rem}header nav a{margin-left:.6rem}}
        """
}
