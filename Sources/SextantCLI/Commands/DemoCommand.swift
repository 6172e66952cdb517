import ArgumentParser
import Foundation
import MarketData
import SextantServices

/// `sextant demo`: ingests the bundled sample data and prints a market overview.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the bundled sample data and print a market overview.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Sample data folder (default: SampleData/ of this checkout).")
    var data: String?

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        let started = Date()
        let folder = try data ?? Self.locateSampleData()
        let files = try Self.dataFiles(in: folder)
        let repo = try global.openRepository()
        let ingest = IngestService(repository: repo, clock: wallClock)
        let reports = ingest.ingest(paths: files, options: ReadOptions(), progress: ProgressBar().update)
        let failed = reports.filter { $0.status == .failed }
        for r in failed { for e in r.errors { global.log.error(e) } }
        let overview = try MarketOverviewService(repository: repo).overview()
        let seconds = Date().timeIntervalSince(started)
        if json {
            print(try Output.json(overview))
        } else {
            let stored = reports.filter { $0.status == .stored }.reduce(0) { $0 + $1.rowsStored }
            let unchanged = reports.filter { $0.status == .unchanged }.count
            print("Sextant demo: \(files.count) sample files from \(folder)")
            print("database: \(global.databasePath) (\(stored) rows stored\(unchanged > 0 ? ", \(unchanged) files already there" : ""))\n")
            print(Self.render(overview))
            print(String(format: "\n%d tokens in %.2f s. Next: sextant assets, sextant bars BTC --timeframe 1h --from 2025-06-01", overview.count, seconds))
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    static func render(_ rows: [TokenOverview]) -> String {
        Output.table(["token", "tf", "last", "price", "24h", "7d", "30d", "vol30d", "mcap", "data from", "bars", "gaps"], rows.map { r in
            [r.symbol, r.timeframe.rawValue, r.lastTime.dateString, Output.price(r.lastPrice), Output.percent(r.return24h),
             Output.percent(r.return7d), Output.percent(r.return30d), r.volatility30d.map { String(format: "%.1f%%", $0) } ?? "-",
             r.marketCap.map { Output.compact($0) + (r.marketCapTime.map { " (\($0.dateString))" } ?? "") } ?? "-",
             r.first.dateString, String(r.bars), r.gaps == 0 ? "0" : "\(r.gaps) (\(r.missingBars))"]
        })
    }

    /// `SampleData/` in the working directory, else in the checkout this binary was built from.
    static func locateSampleData() throws -> String {
        let fm = FileManager.default
        let cwd = fm.currentDirectoryPath + "/SampleData"
        if fm.fileExists(atPath: cwd) { return cwd }
        var dir = #filePath
        for _ in 0..<4 { dir = (dir as NSString).deletingLastPathComponent }
        let built = dir + "/SampleData"
        if fm.fileExists(atPath: built) { return built }
        throw CommandFailure("cannot find the sample data: run from the repository root or pass --data DIR")
    }

    /// Every CSV (plain or gzip) below `folder`, sorted.
    static func dataFiles(in folder: String) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder) else { throw CommandFailure("cannot read \(folder)") }
        var files: [String] = []
        while let f = e.nextObject() as? String {
            if f.hasSuffix(".csv") || f.hasSuffix(".csv.gz") { files.append(folder + "/" + f) }
        }
        return files.sorted()
    }
}
