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
    /// Signals and grades of the whole universe, memoised per data version and minute (one instance per router).
    let signals: SignalQueryService

    init(services: ServerServices) {
        self.services = services
        signals = SignalQueryService(repository: services.query.repository, models: PageModels.shared.models)
    }

    var pageQueries: MarketPageService { MarketPageService(repository: services.query.repository) }

    /// The as-of time of the signal figures: now, floored to the minute (the snapshot memo and page cache key).
    static func asOf() -> Timestamp {
        let now = systemClock().milliseconds
        return Timestamp(milliseconds: now - now % 60_000)
    }

    func register(on router: Router<SextantRequestContext>) {
        router.get("/") { request, _ in
            let asOf = Self.asOf()
            return try html(request, keySuffix: "@\(asOf.milliseconds)") {
                var q = try PageQuery(request)
                let version = try services.version.current()
                let snapshot = try signals.snapshot(asOf: asOf, dataVersion: version)
                let sectors = Array(Set(snapshot.sectors.values)).sorted()
                let narratives = try services.intel.narratives(since: nil)
                let filters = try SignalListFilters.read(&q, sectors: sectors, narratives: narratives.map(\.term))
                try q.finish()
                let rows = filters.apply(try signals.currentSignals(filters.listQuery, asOf: asOf, dataVersion: version))
                return RenderedPage(html: TokenListPage.render(rows, total: snapshot.reports.count, filters: filters, sectors: sectors,
                                                               narratives: TokenListPage.recentTerms(narratives, keeping: filters.narrative),
                                                               asOf: asOf))
            }
        }
        router.get("tokens/{symbol}") { request, context in
            let asOf = Self.asOf()
            return try html(request, keySuffix: "@\(asOf.milliseconds)") {
                let symbol = try Symbols.validate(context.parameters.get("symbol") ?? "", parameter: "symbol")
                var q = try PageQuery(request)
                let requestedRange = try q.choice("range", ChartRange.self)
                let row = try services.query.token(symbol)
                let calculator = try Calculator.read(&q, lastPrice: row.lastPrice)
                try q.finish()
                let snapshot = try signals.snapshot(asOf: asOf, dataVersion: try services.version.current())
                guard let report = snapshot.reports.first(where: { $0.symbol == symbol }) else {
                    throw QueryError.notFound(kind: "token with bars of 1d or finer", value: symbol)
                }
                let data = try pageQueries.tokenPage(report: report, asOf: asOf)
                let range = requestedRange ?? (report.timeframe == .d1 ? .y1 : .d90)
                let calculation = calculator.submitted ? calculator.compute(symbol: symbol) : nil
                let status: HTTPResponse.Status = if case .failure? = calculation { .unprocessableContent } else { .ok }
                return RenderedPage(status: status, html: TokenPage.render(row: row, data: data, range: range, calculator: calculator,
                                                                           calculation: calculation, modelProblem: PageModels.shared.problem))
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
