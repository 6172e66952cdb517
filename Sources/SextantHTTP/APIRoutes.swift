import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import MarketIntel
import SextantServices

/// One bar in API answers.
public struct BarRow: Codable, Sendable, Equatable {
    public var time: String
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double
}

/// The indicator list answer: the usual envelope plus what was computed.
public struct IndicatorEnvelope: Encodable, Sendable {
    public struct Computed: Encodable, Sendable {
        public var function: String
        public var symbol: String
        public var timeframe: String
        public var parameters: [String: Double]
        public var lookback: Int
        public var outputs: [String]
    }
    public var data: [IndicatorRow]
    public var meta: PageMeta
    public var indicator: Computed
}

/// The `/v1/usage` answer.
public struct UsageReport: Codable, Sendable, Equatable {
    public var keyPrefix: String
    public var name: String
    public var tier: String
    public var requestsPerMinute: Int
    public var monthlyQuota: Int?
    public var monthToDate: Int
    public var days: [APIUsageDay]
}

/// The body of `POST /v1/indices/backtest` (the same fields as the GET query).
public struct BacktestRequest: Codable, Sendable {
    public var method: String?
    public var top: Int?
    public var rebalance: String?
    public var fee: Double?
    public var startDate: String?
    public var endDate: String?
}

/// The services behind the HTTP front end.
public struct ServerServices: Sendable {
    public var query: MarketQueryService
    public var intel: IntelService
    /// Signals, grades, performance and risk scores (models from `SignalQueryService.defaultModelsFolder()`
    /// unless given).
    public var signals: SignalQueryService
    /// The liquidation calculator and the leverage advisor.
    public var risk: RiskQueryService
    /// Backtests over the stored bars.
    public var backtest: BacktestQueryService
    public var cache: ResponseCache
    public var gate: KeyGate?
    /// The data version the caches key on.
    public var version: DataVersionProbe
    /// The clock that dates signal answers (`SignalQueryService.latestSnapshot`).
    public var clock: @Sendable () -> Timestamp

    public init(query: MarketQueryService, intel: IntelService, signals: SignalQueryService? = nil, cache: ResponseCache = ResponseCache(),
                gate: KeyGate?, versionInterval: Duration = .zero, clock: @escaping @Sendable () -> Timestamp = systemClock) {
        self.query = query
        self.intel = intel
        self.signals = signals ?? (try? SignalQueryService(repository: query.repository, modelsFolder: nil))
            ?? SignalQueryService(repository: query.repository, models: [:])
        risk = RiskQueryService(repository: query.repository)
        backtest = BacktestQueryService(repository: query.repository)
        self.cache = cache
        self.gate = gate
        self.clock = clock
        version = DataVersionProbe(interval: versionInterval, read: { [query] in try query.dataVersion() })
    }
}

/// The `/v1` JSON routes. Each handler reads and validates its parameters, calls one service, and encodes.
struct APIRoutes {
    let services: ServerServices

    func register(on v1: RouterGroup<SextantRequestContext>) {
        v1.get("tokens") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let query = TokenQuery(symbols: try q.symbols(), sector: try q.word("sector"),
                                       sort: try q.choice("sort", default: TokenSortKey.marketCap), descending: try q.descending(default: true))
                let paging = try q.paging()
                try q.finish()
                return ListEnvelope(try services.query.tokens(query), paging: paging)
            }
        }
        v1.get("tokens/{symbol}") { request, context in
            try await cached(request) {
                let symbol = try Self.symbol(context)
                try QueryReader(request).finish()
                return ItemEnvelope(try services.query.token(symbol))
            }
        }
        v1.get("tokens/{symbol}/bars") { request, context in
            try await cached(request) {
                let symbol = try Self.symbol(context)
                var q = try QueryReader(request)
                let tf = try q.timeframe()
                let range = try q.timeRange()
                let descending = try q.descending(default: false)
                let paging = try q.paging()
                try q.finish()
                let s = try services.query.bars(symbol: symbol, timeframe: tf, from: range.from, to: range.to)
                var rows = (0..<s.count).map { i in
                    BarRow(time: s.time[i].iso8601, open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i], volume: s.volume[i])
                }
                if descending { rows.reverse() }
                return ListEnvelope(rows, paging: paging)
            }
        }
        v1.get("tokens/{symbol}/indicators/{function}") { request, context in
            try await cached(request) {
                let symbol = try Self.symbol(context)
                let function = context.parameters.get("function") ?? ""
                guard (1...24).contains(function.utf8.count), function.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }) else {
                    throw APIError.invalidParameter(name: "function", value: function, allowed: "a catalog function name such as RSI (GET /v1/indicators)")
                }
                var q = try QueryReader(request)
                let tf = try q.timeframe()
                let range = try q.timeRange()
                let descending = try q.descending(default: false)
                let paging = try q.paging()
                var params: [String: Double] = [:]
                for (name, value) in q.unread() {
                    guard let v = Double(value), v.isFinite else {
                        throw APIError.invalidParameter(name: name, value: value, allowed: "a number (indicator parameters are numeric)")
                    }
                    params[name.lowercased()] = v
                }
                let r = try services.query.indicator(symbol: symbol, timeframe: tf, function: function, parameters: params,
                                                     from: range.from, to: range.to)
                let page = ListEnvelope(descending ? r.rows.reversed() : r.rows, paging: paging)
                return IndicatorEnvelope(data: page.data, meta: page.meta,
                                         indicator: .init(function: r.function, symbol: r.symbol, timeframe: r.timeframe,
                                                          parameters: r.parameters, lookback: r.lookback, outputs: r.outputs))
            }
        }
        v1.get("indicators") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let group = try q.word("group")
                let paging = try q.paging()
                try q.finish()
                let all = MarketQueryService.catalog().filter { group == nil || $0.group.lowercased() == group?.lowercased() }
                return ListEnvelope(all, paging: paging)
            }
        }
        v1.get("market-metrics") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let top = try q.int("top", default: 50, range: 2...200)
                let window = try q.int("window", default: 90, range: 1...365)
                let range = try q.timeRange()
                let descending = try q.descending(default: true)
                let paging = try q.paging()
                try q.finish()
                var rows = try services.intel.marketMetrics(top: top, window: window).filter { Self.inRange($0.date, range) }
                if descending { rows.reverse() }
                return ListEnvelope(rows, paging: paging)
            }
        }
        v1.get("sentiment") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let bucket = try q.choice("bucket", default: SentimentBucket.daily)
                let range = try q.timeRange()
                let descending = try q.descending(default: true)
                let paging = try q.paging()
                try q.finish()
                var rows = try services.intel.sentiment(bucket: bucket, from: range.from, to: range.to)
                if descending { rows.reverse() }
                return ListEnvelope(rows, paging: paging)
            }
        }
        v1.get("narratives") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let since = try q.date("since")
                let paging = try q.paging()
                try q.finish()
                return ListEnvelope(try services.intel.narratives(since: since?.dateString), paging: paging)
            }
        }
        v1.get("indices/holdings") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                guard let date = try q.date("date") else {
                    throw APIError.invalidParameter(name: "date", value: "", allowed: "a date YYYY-MM-DD (required)")
                }
                let method = try Self.method(try q.choice("method", default: IndexMethod.cap))
                let top = try q.int("top", default: 10, range: 1...50)
                let rebalance = try q.choice("rebalance", default: RebalanceFrequency.monthly)
                try q.finish()
                return ItemEnvelope(try services.intel.indexHoldings(asOf: date.dateString, method: method, top: top, rebalance: rebalance))
            }
        }
        v1.get("indices/backtest") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let method = try Self.method(try q.choice("method", default: IndexMethod.cap))
                let top = try q.int("top", default: 10, range: 1...50)
                let rebalance = try q.choice("rebalance", default: RebalanceFrequency.monthly)
                let fee = try q.double("fee", default: 0.001, range: 0...0.05)
                let start = try q.date("start_date"), end = try q.date("end_date")
                try q.finish()
                return ItemEnvelope(try services.intel.indexBacktest(method: method, top: top, rebalance: rebalance, feeRate: fee,
                                                                     start: start?.dateString, end: end?.dateString))
            }
        }
        v1.post("indices/backtest") { request, context in
            if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
                throw APIError.unsupportedMediaType("send the body as application/json")
            }
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: ServerLimits.maxBodyBytes) } catch {
                throw APIError.payloadTooLarge(limit: ServerLimits.maxBodyBytes)
            }
            let body = try JSONCoding.decoder().decode(BacktestRequest.self, from: Data(buffer.readableBytesView))
            func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ raw: String?, _ d: T) throws -> T where T.RawValue == String {
                guard let raw else { return d }
                guard let v = T(rawValue: raw) else {
                    throw APIError.invalidParameter(name: name, value: raw, allowed: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return v
            }
            let method = try Self.method(try choice("method", body.method, IndexMethod.cap))
            let top = body.top ?? 10
            guard (1...50).contains(top) else { throw APIError.invalidParameter(name: "top", value: String(top), allowed: "an integer in 1...50") }
            let fee = body.fee ?? 0.001
            guard fee.isFinite, (0...0.05).contains(fee) else { throw APIError.invalidParameter(name: "fee", value: String(fee), allowed: "a number in 0.0...0.05") }
            for (name, v) in [("start_date", body.startDate), ("end_date", body.endDate)] {
                if let v, QueryReader.parseDate(v) == nil { throw APIError.invalidParameter(name: name, value: v, allowed: "a date YYYY-MM-DD") }
            }
            let result = try services.intel.indexBacktest(method: method, top: top, rebalance: try choice("rebalance", body.rebalance, RebalanceFrequency.monthly),
                                                          feeRate: fee, start: body.startDate, end: body.endDate)
            return try Self.json(ItemEnvelope(result), cacheControl: "no-store")
        }
        registerSignalRoutes(on: v1)
        registerRiskRoutes(on: v1)
        registerBacktestRoutes(on: v1)
        v1.get("usage") { request, context in
            var q = try QueryReader(request)
            let from = try q.date("start_date")
            try q.finish()
            guard let key = context.apiKey, let gate = services.gate else { throw APIError.unauthorized("usage needs an API key") }
            let now = gate.now
            let monthStart = String(now.dateString.prefix(7)) + "-01"
            let days = try await gate.usage(keyID: key.record.id, fromDay: min(from?.dateString ?? monthStart, monthStart))
            let report = UsageReport(keyPrefix: key.record.prefix, name: key.record.name, tier: key.record.tier.rawValue,
                                     requestsPerMinute: key.policy.requestsPerMinute, monthlyQuota: key.policy.monthlyQuota,
                                     monthToDate: days.filter { $0.day >= monthStart }.reduce(0) { $0 + $1.requests },
                                     days: days.filter { $0.day >= (from?.dateString ?? monthStart) })
            return try Self.json(ItemEnvelope(report), cacheControl: "no-store")
        }
    }

    /// Serves a GET from the response cache, or computes, encodes and caches it. Adds `ETag` and
    /// `Cache-Control`, and answers 304 to a matching `If-None-Match`.
    /// `keySuffix` and `version` let a caller key the entry on what its answer was computed from.
    func cached<Body: Encodable>(_ request: Request, keySuffix: String = "", version known: Int64? = nil,
                                 _ produce: () throws -> Body) async throws -> Response {
        let key = request.uri.path + "?" + (request.uri.query ?? "") + keySuffix
        let version = try known ?? services.version.current()
        let entry: ResponseCache.Entry
        if let hit = services.cache.lookup(key, version: version) {
            entry = hit
        } else {
            entry = services.cache.store(key, version: version, bytes: Array(try JSONCoding.encoder.encode(try produce())))
        }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .eTag: entry.etag,
                                   .cacheControl: "private, max-age=60", .vary: "x-api-key, Authorization"]
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == entry.etag }) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: entry.bytes)))
    }

    static func json(_ value: some Encodable, cacheControl: String) throws -> Response {
        let bytes = try JSONCoding.encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: cacheControl],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func symbol(_ context: SextantRequestContext) throws -> String {
        try Symbols.validate(context.parameters.get("symbol") ?? "", parameter: "symbol")
    }

    /// Every construction rule is available: grade-weighted indices use the Investor Grades known on each rebalance day.
    static func method(_ m: IndexMethod) throws -> IndexMethod { m }

    static func inRange(_ date: String, _ range: (from: Timestamp?, to: Timestamp?)) -> Bool {
        if let f = range.from, date < f.dateString { return false }
        if let t = range.to, date > t.dateString { return false }
        return true
    }
}
