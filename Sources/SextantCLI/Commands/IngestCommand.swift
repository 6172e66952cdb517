import ArgumentParser
import MarketData
import SextantServices

extension FileFormat: ExpressibleByArgument {}
extension Timeframe: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// `sextant ingest PATH...`: reads files into the database, all-or-nothing per file.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read market-data files (CSV, .gz) into the database.",
        discussion: """
            Each file is stored whole or not at all; re-ingesting a file or overlapping files leaves no duplicates \
            (later values replace earlier ones for the same asset, timeframe and time). Symbol and timeframe come from \
            the file (a symbol column) or its name (BTCUSDT_1h.csv.gz, BTC.csv, BTCUSDT_funding.csv) unless given.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files to ingest.")
    var paths: [String]

    @Option(help: "Asset symbol for every file (e.g. BTC or BTCUSDT).")
    var symbol: String?

    @Option(help: "Bar timeframe: 1m 5m 15m 1h 4h 1d 1w.")
    var timeframe: Timeframe?

    @Option(help: "auto, ohlcv, binance, marketcap, coingecko, funding, headlines or metric.")
    var format: FileFormat = .auto

    @Flag(help: "Skip invalid rows and report them instead of rejecting the file.")
    var skipInvalid = false

    @Flag(help: "Store a file even if the same content was ingested before.")
    var force = false

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        let repo = try global.openRepository()
        let service = IngestService(repository: repo, clock: wallClock)
        let bar = ProgressBar()
        let reports = service.ingest(paths: paths, options: ReadOptions(format: format, symbol: symbol, timeframe: timeframe,
                                                                         skipInvalid: skipInvalid),
                                     force: force, progress: bar.update)
        if json {
            print(try Output.json(reports))
        } else {
            print(Self.render(reports))
        }
        for r in reports where r.status == .failed { for e in r.errors { global.log.error(e) } }
        if reports.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }

    static func render(_ reports: [IngestReport]) -> String {
        let rows = reports.map { r -> [String] in
            [r.file.split(separator: "/").last.map(String.init) ?? r.file, r.status.rawValue, r.format ?? "-", r.symbol ?? "-",
             r.timeframe ?? "-", String(r.rowsRead), String(r.rowsStored),
             r.first.map { $0.iso8601 } ?? "-", r.last.map { $0.iso8601 } ?? "-",
             String(r.gaps.count), String(r.status == .failed ? r.errors.count : r.errors.count)]
        }
        var text = Output.table(["file", "status", "format", "symbol", "tf", "rows read", "rows stored", "first", "last", "gaps", "errors"], rows)
        let skipped = reports.flatMap { r in r.status == .failed ? [] : r.errors }
        if !skipped.isEmpty {
            text += "\n\nskipped rows:\n" + skipped.prefix(50).map { "  " + $0 }.joined(separator: "\n")
            if skipped.count > 50 { text += "\n  ... and \(skipped.count - 50) more" }
        }
        return text
    }
}
