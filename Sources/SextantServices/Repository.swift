import MarketData

/// Everything one ingested file contributes, stored in one transaction.
public struct IngestBatch: Sendable {
    public var file: String
    public var contentHash: String
    public var format: FileFormat
    public var rowsRead: Int
    public var content: ParsedContent
    /// Asset names known from the file (e.g. the `name` column of CoinMarketCap files).
    public var assetName: String?

    public init(file: String, contentHash: String, format: FileFormat, rowsRead: Int, content: ParsedContent, assetName: String? = nil) {
        self.file = file
        self.contentHash = contentHash
        self.format = format
        self.rowsRead = rowsRead
        self.content = content
        self.assetName = assetName
    }
}

/// One row of the ingest log.
public struct IngestLogEntry: Sendable, Codable, Equatable {
    public var file: String
    public var contentHash: String
    public var format: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var ingestedAt: Timestamp

    public init(file: String, contentHash: String, format: String, rowsRead: Int, rowsStored: Int, ingestedAt: Timestamp) {
        self.file = file
        self.contentHash = contentHash
        self.format = format
        self.rowsRead = rowsRead
        self.rowsStored = rowsStored
        self.ingestedAt = ingestedAt
    }
}

/// Per asset and timeframe: how much data there is and how complete it is.
public struct SeriesSummary: Sendable, Codable, Equatable {
    public var timeframe: Timeframe
    public var bars: Int
    public var first: Timestamp
    public var last: Timestamp
    /// Holes between consecutive bars, and the bars missing in them.
    public var gaps: Int
    public var missingBars: Int

    public init(timeframe: Timeframe, bars: Int, first: Timestamp, last: Timestamp, gaps: Int, missingBars: Int) {
        self.timeframe = timeframe
        self.bars = bars
        self.first = first
        self.last = last
        self.gaps = gaps
        self.missingBars = missingBars
    }
}

/// An asset with what the store holds about it.
public struct AssetSummary: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    public var series: [SeriesSummary]
    public var marketCapDays: Int
    public var fundingRates: Int

    public init(symbol: String, name: String?, series: [SeriesSummary], marketCapDays: Int, fundingRates: Int) {
        self.symbol = symbol
        self.name = name
        self.series = series
        self.marketCapDays = marketCapDays
        self.fundingRates = fundingRates
    }
}

/// The market-data store: SQLite by default (`SextantSQLite`), PostgreSQL later, behind one protocol so
/// callers never change.
public protocol MarketRepository: Sendable {
    /// Stores a parsed file in one transaction: rows with an existing key (asset, timeframe, time) replace the
    /// old values, so re-ingesting or overlapping files leaves no duplicates. Returns rows written.
    func store(_ batch: IngestBatch, at now: Timestamp) throws -> Int
    /// Whether a file with this content hash was ingested before.
    func hasIngested(contentHash: String) throws -> Bool
    func assets() throws -> [AssetSummary]
    /// Bars with `from <= time <= to`, oldest first.
    func candles(symbol: String, timeframe: Timeframe, from: Timestamp?, to: Timestamp?) throws -> CandleSeries
    func marketCaps(symbol: String) throws -> MarketCapSeries
    func fundingRates(symbol: String) throws -> [FundingRate]
    func headlines(from: Timestamp?, to: Timestamp?, limit: Int?) throws -> [Headline]
    func metric(name: String) throws -> MarketMetricSeries
    func metricNames() throws -> [String]
    func ingestLog() throws -> [IngestLogEntry]
}

