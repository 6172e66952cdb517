import MarketData

/// What happened to one file.
public struct IngestReport: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case stored, unchanged, failed }
    public var file: String
    public var status: Status
    public var format: String?
    public var symbol: String?
    public var timeframe: String?
    public var rowsRead: Int
    public var rowsStored: Int
    public var first: Timestamp?
    public var last: Timestamp?
    public var gaps: [Gap]
    /// Rows skipped with `--skip-invalid`, or the error that stopped the file.
    public var errors: [String]
}

/// Reads files and stores them, all-or-nothing per file.
///
/// ```swift
/// let service = IngestService(repository: store, clock: { .now })
/// let reports = service.ingest(paths: ["BTC.csv"], options: ReadOptions())
/// ```
public struct IngestService: Sendable {
    public let repository: any MarketRepository
    let clock: @Sendable () -> Timestamp

    public init(repository: any MarketRepository, clock: @escaping @Sendable () -> Timestamp) {
        self.repository = repository
        self.clock = clock
    }

    /// Ingests each path in turn. A file that fails leaves the store exactly as it was and is reported
    /// with its error; the other files still go in. A file whose content was ingested before is skipped
    /// unless `force` is set (re-storing it would change nothing).
    public func ingest(paths: [String], options: ReadOptions, force: Bool = false,
                       progress: ((Int, Int, String) -> Void)? = nil) -> [IngestReport] {
        var reports: [IngestReport] = []
        for (k, path) in paths.enumerated() {
            progress?(k, paths.count, path)
            reports.append(ingest(path: path, options: options, force: force))
        }
        progress?(paths.count, paths.count, "")
        return reports
    }

    /// Ingests one file; never throws, the report says what went wrong.
    public func ingest(path: String, options: ReadOptions, force: Bool = false) -> IngestReport {
        var report = IngestReport(file: path, status: .failed, rowsRead: 0, rowsStored: 0, gaps: [], errors: [])
        do {
            let parsed = try MarketFileReader.read(path, options: options)
            report.format = parsed.format.rawValue
            report.rowsRead = parsed.rowsRead
            report.errors = parsed.skipped.map(\.description)
            describe(parsed.content, into: &report)
            if !force, try repository.hasIngested(contentHash: parsed.contentHash) {
                report.status = .unchanged
                return report
            }
            let batch = IngestBatch(file: path, contentHash: parsed.contentHash, format: parsed.format,
                                    rowsRead: parsed.rowsRead, content: parsed.content, assetName: nil)
            report.rowsStored = try repository.store(batch, at: clock())
            report.status = .stored
        } catch let e as DataError {
            report.errors = [e.description]
        } catch {
            report.errors = ["\(path): \(error)"]
        }
        return report
    }

    private func describe(_ content: ParsedContent, into r: inout IngestReport) {
        switch content {
        case .candles(let s, _):
            r.symbol = s.symbol
            r.timeframe = s.timeframe.rawValue
            r.first = s.time.first
            r.last = s.time.last
            r.gaps = s.gaps()
        case .funding(let f):
            r.symbol = f.first?.symbol
            r.first = f.first?.time
            r.last = f.last?.time
        case .metrics(let m):
            r.symbol = m.map(\.name).joined(separator: ",")
            r.first = m.first?.time.first
            r.last = m.first?.time.last
        case .headlines(let h):
            r.first = h.map(\.time).min()
            r.last = h.map(\.time).max()
        }
    }
}
