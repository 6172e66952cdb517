import Indicators
import MarketData
import MarketIntel

/// Errors the query services raise for a request that names something absent or asks for something impossible.
/// Front ends map them to their own codes (HTTP: 404 / 400 / 422) in one place.
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such thing: `kind` is what was looked up ("token", "bars"), `value` what was asked for.
    case notFound(kind: String, value: String)
    /// A parameter the service itself rejects (after the front end's syntax checks).
    case invalidParameter(name: String, value: String, allowed: String)

    public var description: String {
        switch self {
        case let .notFound(kind, value): "no \(kind) '\(value)'"
        case let .invalidParameter(name, value, allowed): "invalid \(name) '\(value)': allowed \(allowed)"
        }
    }
}

/// A data version the store bumps whenever an ingest commits; caches key on it.
public protocol DataVersioned: Sendable {
    /// Increases with every committed ingest (equal values mean the same data).
    func dataVersion() throws -> Int64
}

/// One token in API listings: price, returns, volatility, market cap and its sector.
public struct TokenRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    /// Primary sector from the bundled taxonomy (nil when the taxonomy does not know the ticker).
    public var sector: String?
    /// The series the figures come from (the one with the most recent bar).
    public var timeframe: String
    public var lastPrice: Double
    /// ISO-8601 open time of the last bar.
    public var lastTime: String
    /// Simple returns in percent; nil when the series does not reach back that far.
    public var return24h: Double?
    public var return7d: Double?
    public var return30d: Double?
    /// Annualised volatility in percent of daily log returns over 30 days.
    public var volatility30d: Double?
    /// Latest known market cap in USD.
    public var marketCap: Double?

    enum CodingKeys: String, CodingKey {
        case symbol, name, sector, timeframe, lastPrice, lastTime, marketCap
        case return24h = "return_24h", return7d = "return_7d", return30d = "return_30d", volatility30d = "volatility_30d"
    }
}

/// What a token listing may be sorted by.
public enum TokenSortKey: String, Sendable, CaseIterable, Codable {
    case marketCap = "market_cap", symbol, price = "last_price", return24h = "return_24h", return7d = "return_7d"
    case return30d = "return_30d", volatility30d = "volatility_30d"
}

/// Filters and order of a token listing.
public struct TokenQuery: Sendable, Equatable {
    /// Only these symbols (upper case); nil for all.
    public var symbols: Set<String>?
    /// Only tokens of this sector (case-insensitive); nil for all.
    public var sector: String?
    public var sort: TokenSortKey
    public var descending: Bool

    public init(symbols: Set<String>? = nil, sector: String? = nil, sort: TokenSortKey = .marketCap, descending: Bool = true) {
        self.symbols = symbols
        self.sector = sector
        self.sort = sort
        self.descending = descending
    }
}

/// One row of an indicator's output: the bar's open time and each output's value (nil during warm-up).
public struct IndicatorRow: Sendable, Codable, Equatable {
    public var time: String
    public var values: [String: Double?]
}

/// An indicator computed over a token's bars.
public struct IndicatorSeries: Sendable, Codable, Equatable {
    public var function: String
    public var symbol: String
    public var timeframe: String
    public var parameters: [String: Double]
    /// Bars at the start of the full series that have no output.
    public var lookback: Int
    public var outputs: [String]
    /// Rows in the requested time range, oldest first.
    public var rows: [IndicatorRow]
}

/// The catalog entry of one indicator function, for listings.
public struct IndicatorInfo: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var group: String
    public var inputs: [String]
    public var parameters: [ParameterSpec]
    public var outputs: [String]
}

/// Read-only queries over the store for the API and the market pages: token listings, bars, indicators.
///
/// ```swift
/// let rows = try MarketQueryService(repository: repo).tokens(TokenQuery(sector: "L1"))
/// ```
public struct MarketQueryService: Sendable {
    public let repository: any MarketRepository
    let taxonomy: SectorTaxonomy?

    public init(repository: any MarketRepository) {
        self.repository = repository
        taxonomy = try? SectorTaxonomy.bundled()
    }

    /// The store's data version (0 when the store has none).
    public func dataVersion() throws -> Int64 { try (repository as? any DataVersioned)?.dataVersion() ?? 0 }

    /// The sector of a ticker from the bundled taxonomy.
    public func sector(of symbol: String) -> String? {
        let base = Self.baseSymbol(symbol)
        return taxonomy?.sector(ofSymbol: base)
    }

    /// `BTCUSDT` → `BTC`: quote currencies are dropped so that exchange pairs find their sector.
    static func baseSymbol(_ s: String) -> String {
        let up = s.uppercased()
        for quote in ["USDT", "USDC", "BUSD", "USD"] where up.hasSuffix(quote) && up.count > quote.count {
            return String(up.dropLast(quote.count))
        }
        return up
    }

    /// Every token with bars, filtered and sorted (tokens without a value for the sort key go last).
    public func tokens(_ q: TokenQuery = TokenQuery()) throws -> [TokenRow] {
        let names = Dictionary(try repository.assets().map { ($0.symbol, $0.name) }, uniquingKeysWith: { a, _ in a })
        var rows: [TokenRow] = []
        for o in try MarketOverviewService(repository: repository).overview() {
            if let s = q.symbols, !s.contains(o.symbol) { continue }
            let sector = sector(of: o.symbol)
            if let want = q.sector, sector?.lowercased() != want.lowercased() { continue }
            rows.append(TokenRow(symbol: o.symbol, name: names[o.symbol] ?? nil, sector: sector, timeframe: o.timeframe.rawValue,
                                 lastPrice: o.lastPrice, lastTime: o.lastTime.iso8601, return24h: finite(o.return24h),
                                 return7d: finite(o.return7d), return30d: finite(o.return30d),
                                 volatility30d: finite(o.volatility30d), marketCap: finite(o.marketCap)))
        }
        return Self.sorted(rows, by: q.sort, descending: q.descending)
    }

    static func sorted(_ rows: [TokenRow], by key: TokenSortKey, descending: Bool) -> [TokenRow] {
        func value(_ r: TokenRow) -> Double? {
            switch key {
            case .marketCap: r.marketCap
            case .price: r.lastPrice
            case .return24h: r.return24h
            case .return7d: r.return7d
            case .return30d: r.return30d
            case .volatility30d: r.volatility30d
            case .symbol: nil
            }
        }
        if key == .symbol { return rows.sorted { descending ? $0.symbol > $1.symbol : $0.symbol < $1.symbol } }
        return rows.sorted { a, b in
            switch (value(a), value(b)) {
            case let (x?, y?): return x != y ? (descending ? x > y : x < y) : a.symbol < b.symbol
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.symbol < b.symbol
            }
        }
    }

    /// One token. - Throws: `QueryError.notFound` for an unknown symbol.
    public func token(_ symbol: String) throws -> TokenRow {
        guard let row = try tokens(TokenQuery(symbols: [symbol])).first else { throw QueryError.notFound(kind: "token", value: symbol) }
        return row
    }

    /// The timeframes stored for a symbol. - Throws: `QueryError.notFound` for an unknown symbol.
    public func timeframes(of symbol: String) throws -> [Timeframe] {
        guard let asset = try repository.assets().first(where: { $0.symbol == symbol }), !asset.series.isEmpty else {
            throw QueryError.notFound(kind: "token", value: symbol)
        }
        return asset.series.map(\.timeframe).sorted()
    }

    /// Bars of a token in `[from, to]`, oldest first; the default timeframe is the finest stored one.
    public func bars(symbol: String, timeframe: Timeframe?, from: Timestamp?, to: Timestamp?) throws -> CandleSeries {
        let stored = try timeframes(of: symbol)
        let tf = timeframe ?? stored[0]
        guard stored.contains(tf) else {
            throw QueryError.invalidParameter(name: "timeframe", value: tf.rawValue,
                                              allowed: "the stored timeframes of \(symbol): \(stored.map(\.rawValue).joined(separator: ", "))")
        }
        return try repository.candles(symbol: symbol, timeframe: tf, from: from, to: to)
    }

    /// Any catalog function over a token's bars. Computed over the whole stored series (so warm-up is right),
    /// then cut to `[from, to]`.
    /// - Throws: `IndicatorError` for an unknown function or a bad parameter, `QueryError` for an unknown token.
    public func indicator(symbol: String, timeframe: Timeframe?, function: String, parameters given: [String: Double],
                          from: Timestamp?, to: Timestamp?) throws -> IndicatorSeries {
        let def = try IndicatorCatalog.function(named: function)
        let p = try def.parameters(given)
        if def.inputs.contains(where: { $0.field == .periods }) {
            throw QueryError.invalidParameter(name: "function", value: def.id, allowed: "functions over bar fields (\(def.id) needs a periods series)")
        }
        let s = try bars(symbol: symbol, timeframe: timeframe, from: nil, to: nil)
        let out = def.run(BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume), p)
        var rows: [IndicatorRow] = []
        for i in 0..<s.count {
            if let from, s.time[i] < from { continue }
            if let to, s.time[i] > to { break }
            var values: [String: Double?] = [:]
            for (k, o) in def.outputs.enumerated() { values[o.name] = out[k][i].isFinite ? out[k][i] : nil }
            rows.append(IndicatorRow(time: s.time[i].iso8601, values: values))
        }
        return IndicatorSeries(function: def.id, symbol: symbol, timeframe: s.timeframe.rawValue, parameters: p.values,
                               lookback: def.lookback(p), outputs: def.outputs.map(\.name), rows: rows)
    }

    /// The indicator catalog as data.
    public static func catalog() -> [IndicatorInfo] {
        IndicatorCatalog.all.map {
            IndicatorInfo(id: $0.id, name: $0.name, group: $0.group.rawValue, inputs: $0.inputs.map(\.field.rawValue),
                          parameters: $0.parameters, outputs: $0.outputs.map(\.name))
        }
    }
}

/// nil for NaN and infinities, so JSON carries null rather than an invalid number.
@inline(__always) func finite(_ x: Double?) -> Double? {
    guard let x, x.isFinite else { return nil }
    return x
}
