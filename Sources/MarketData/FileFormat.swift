/// The file layouts Sextant reads. `auto` recognises each from its header (or its lack of one).
public enum FileFormat: String, CaseIterable, Sendable, Codable {
    case auto
    /// A CSV with a header: a time column (timestamp / date / time / open_time / datetime), open, high, low, close,
    /// optional volume and market_cap; other columns ignored.
    case ohlcv
    /// Binance public kline dumps: no header, 12 columns, open time in ms (µs in spot dumps since 2025).
    case binance
    /// Daily OHLCV with a market_cap column (CoinMarketCap-style). Read as `ohlcv`; market caps are required.
    case marketcap
    /// CoinGecko chart exports: date (or snapped_at), price, market_cap, total_volume.
    case coingecko
    /// Funding-rate history: funding_time, symbol (optional), funding_rate.
    case funding
    /// News headlines: published_at (or date / time), title, and any other columns.
    case headlines
    /// Daily market-wide series: date plus one or more numeric columns (BTC dominance, total market cap, ...).
    case metric
}

/// What a file held, typed.
public enum ParsedContent: Sendable, Equatable {
    case candles(CandleSeries, marketCaps: MarketCapSeries?)
    case funding([FundingRate])
    case metrics([MarketMetricSeries])
    case headlines([Headline])

    /// Number of data rows kept.
    public var rowCount: Int {
        switch self {
        case .candles(let s, _): s.count
        case .funding(let f): f.count
        case .metrics(let m): m.first?.time.count ?? 0
        case .headlines(let h): h.count
        }
    }
}

/// The outcome of reading one file: its content plus what was skipped (with `skipInvalid`).
public struct ParsedFile: Sendable, Equatable {
    public var path: String
    public var format: FileFormat
    /// Data rows read (header excluded), whether kept or skipped.
    public var rowsRead: Int
    public var content: ParsedContent
    /// Rows left out because they were invalid (only with `skipInvalid`; otherwise the first one is thrown).
    public var skipped: [DataError]
    /// Raw bytes hash (FNV-1a 64 of the decompressed content), to recognise a file already ingested.
    public var contentHash: String
}

/// How to read a file.
public struct ReadOptions: Sendable {
    public var format: FileFormat
    /// Asset symbol; inferred from a `symbol` column or the file name when nil.
    public var symbol: String?
    /// Bar timeframe; inferred from the file name or the bar spacing when nil.
    public var timeframe: Timeframe?
    /// Skip invalid rows and report them, instead of failing the whole file.
    public var skipInvalid: Bool

    public init(format: FileFormat = .auto, symbol: String? = nil, timeframe: Timeframe? = nil, skipInvalid: Bool = false) {
        self.format = format
        self.symbol = symbol
        self.timeframe = timeframe
        self.skipInvalid = skipInvalid
    }
}

/// What a file name says: `BTCUSDT_1h.csv.gz` → (BTC, 1h), `BTC.csv` → (BTC, nil), `BTCUSDT_funding.csv` → funding.
public struct FileNameHints: Equatable, Sendable {
    public var symbol: String?
    public var timeframe: Timeframe?
    public var isFunding: Bool

    public init(path: String) {
        var name = String(path.split(separator: "/").last ?? Substring(path))
        for ext in [".gz", ".csv", ".txt", ".tsv"] where name.lowercased().hasSuffix(ext) { name.removeLast(ext.count) }
        var parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map(String.init)
        var tf: Timeframe?
        var funding = false
        var k = parts.count - 1
        while k > 0 {
            let p = parts[k].lowercased()
            if let t = Timeframe(parsing: p) { tf = tf ?? t; parts.remove(at: k) }
            else if p == "funding" || p == "fundingrate" { funding = true; parts.remove(at: k) }
            else if ["usd", "usdt", "usdc", "klines", "ohlcv", "max", "rate"].contains(p) { parts.remove(at: k) }
            else if p.allSatisfy(\.isNumber) { parts.remove(at: k) }     // dates in names like BTCUSDT-1h-2024-01
            k -= 1
        }
        let raw = parts.first ?? name
        symbol = raw.isEmpty ? nil : Asset.baseSymbol(of: raw)
        timeframe = tf
        isFunding = funding
    }
}
