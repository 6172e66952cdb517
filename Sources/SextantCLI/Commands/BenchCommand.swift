import ArgumentParser
import IndicatorBenchmarks
import Foundation
import MarketData
import SextantServices
import SextantSQLite

/// `sextant bench ...`: benchmarks that print figures per unit of work. Build with `-c release`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (use a release build: swift build -c release).",
        subcommands: [BenchParse.self, BenchIngest.self, BenchTA.self, BenchGrid.self])
}

/// Wall-clock seconds of `body`, best of `repeats`.
func bestTime(repeats: Int, _ body: () throws -> Void) rethrows -> (best: Double, median: Double) {
    var times: [Double] = []
    for _ in 0..<max(1, repeats) {
        let t = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}

/// A short description of the machine, printed beside every figure (the indicator benchmark's, so every bench
/// names the machine the same way).
func machineDescription() -> String { IndicatorBenchmark.machineDescription() }

struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Rows per second parsing an OHLCV file already decompressed in memory.")

    @Argument(help: "OHLCV file (default: ../shared/data/intraday_5m/BTCUSDT_5m.csv.gz).")
    var file: String = "../shared/data/intraday_5m/BTCUSDT_5m.csv.gz"

    @Option(help: "Repetitions (best and median reported).")
    var repeats = 20

    @Flag var json = false

    func run() throws {
        let bytes = try FileBytes.read(file)
        var rows = 0
        let (best, median) = try bestTime(repeats: repeats) {
            rows = try MarketFileReader.parse(bytes: bytes, path: file).content.rowCount
        }
        let result = ["rows": Double(rows), "best_s": best, "median_s": median, "rows_per_s": Double(rows) / best,
                      "mb_per_s": Double(bytes.count) / best / 1e6]
        if json { print(try Output.json(result)); return }
        print("parse \(file): \(rows) rows, \(bytes.count) bytes decompressed")
        print(String(format: "best %.4f s, median %.4f s -> %.2f M rows/s (%.0f MB/s)", best, median,
                     Double(rows) / best / 1e6, Double(bytes.count) / best / 1e6))
        print("machine: \(machineDescription())")
    }
}

struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "End-to-end ingest (gzip to committed rows) into fresh databases, in process.")

    @Argument(help: "File to ingest (default: ../shared/data/intraday_5m/BTCUSDT_5m.csv.gz).")
    var file: String = "../shared/data/intraday_5m/BTCUSDT_5m.csv.gz"

    @Option var repeats = 5

    @Flag var json = false

    func run() throws {
        let dir = NSTemporaryDirectory() + "sextant-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rows = 0
        var k = 0
        let (best, median) = try bestTime(repeats: repeats) {
            k += 1
            let repo = try SQLiteMarketRepository(path: "\(dir)/bench\(k).sqlite")
            let report = IngestService(repository: repo, clock: wallClock).ingest(path: file, options: ReadOptions())
            guard report.status == .stored else { throw CommandFailure(report.errors.joined(separator: "\n")) }
            rows = report.rowsStored
        }
        if json { print(try Output.json(["rows": Double(rows), "best_s": best, "median_s": median])); return }
        print(String(format: "ingest %@: %d rows, best %.4f s, median %.4f s -> %.2f M rows/s", file, rows, best, median,
                     Double(rows) / best / 1e6))
        print("machine: \(machineDescription())")
    }
}
