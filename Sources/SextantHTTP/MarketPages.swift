import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import MarketIntel
import SextantServices

/// Server-rendered HTML: the signal table (`/`), a token page (`/tokens/{symbol}`) and the market page
/// (`/market`), with the style sheet at `/assets/site.css`. No scripts; every asset is served from here; forms
/// use GET so that every view is a URL. Handlers read and check the parameters, call the services and render.
struct MarketPages {
    let services: ServerServices

    var pageQueries: MarketPageService { MarketPageService(repository: services.query.repository) }

    /// The universe snapshot the API answers from too (`SignalQueryService.latestSnapshot`: computed once per
    /// data version, refreshed in the background when over a minute old), for the timeframe asked for.
    func snapshot(timeframe: Timeframe?, version: Int64) throws -> SignalSnapshot {
        try services.signals.latestSnapshot(now: services.clock(), timeframe: timeframe, dataVersion: version)
    }

    func register(on router: Router<SextantRequestContext>) {
        router.get("/") { request, _ in
            // The snapshot's as-of minute is part of the cache key; its timeframe comes from the filter.
            let version = try services.version.current()
            var probe = try PageQuery(request)
            let timeframe = try? SignalListFilters.timeframe(&probe)
            let latest = try? snapshot(timeframe: timeframe ?? nil, version: version)
            return try html(request, keySuffix: "@\(latest?.asOf.milliseconds ?? 0)") {
                var q = try PageQuery(request)
                let narratives = try services.intel.narratives(since: nil)
                let all = try snapshot(timeframe: nil, version: version)
                let sectors = Array(Set(all.sectors.values)).sorted()
                let filters = try SignalListFilters.read(&q, sectors: sectors, narratives: narratives.map(\.term))
                try q.finish()
                let snap = try snapshot(timeframe: filters.timeframe, version: version)
                let rows = filters.apply(try services.signals.currentSignals(filters.listQuery, in: snap))
                return RenderedPage(html: TokenListPage.render(rows, total: snap.reports.count, filters: filters, sectors: sectors,
                                                               narratives: TokenListPage.recentTerms(narratives, keeping: filters.narrative),
                                                               asOf: snap.asOf))
            }
        }
        router.get("tokens/{symbol}") { request, context in
            let version = try services.version.current()
            let latest = try? snapshot(timeframe: nil, version: version)
            return try html(request, keySuffix: "@\(latest?.asOf.milliseconds ?? 0)") {
                let symbol = try Symbols.validate(context.parameters.get("symbol") ?? "", parameter: "symbol")
                var q = try PageQuery(request)
                let requestedRange = try q.choice("range", ChartRange.self)
                let row = try services.query.token(symbol)
                let calculator = try Calculator.read(&q, lastPrice: row.lastPrice)
                try q.finish()
                let snap = try snapshot(timeframe: nil, version: version)
                guard let report = snap.reports.first(where: { $0.symbol == symbol }) else {
                    throw QueryError.notFound(kind: "token with bars of 1d or finer", value: symbol)
                }
                let data = try pageQueries.tokenPage(report: report, asOf: snap.asOf)
                let range = requestedRange ?? (report.timeframe == .d1 ? .y1 : .d90)
                let calculation = calculator.submitted ? calculator.compute(symbol: symbol) : nil
                let status: HTTPResponse.Status = if case .failure? = calculation { .unprocessableContent } else { .ok }
                return RenderedPage(status: status, html: TokenPage.render(row: row, data: data, range: range, calculator: calculator,
                                                                           calculation: calculation,
                                                                           modelProblem: services.signals.models.isEmpty ? "no signal models loaded (Models/ not found)" : nil))
            }
        }
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

    /// A page from the response cache (keyed by URL, `keySuffix` and data version), or rendered (and cached when
    /// it is a 200). Errors become HTML error pages with their status; a 400 names the parameter.
    func html(_ request: Request, keySuffix: String = "", _ render: () throws -> RenderedPage) throws -> Response {
        let key = "page:" + request.uri.path + "?" + (request.uri.query ?? "") + keySuffix
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
}
