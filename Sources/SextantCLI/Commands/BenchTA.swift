import ArgumentParser
import Foundation
import IndicatorBenchmarks
import Indicators
import MarketCore

/// `sextant bench ta`: ns per bar of every catalog function, batch and streaming, on random-walk bars.
struct BenchTA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ta", abstract: "ns per bar for each indicator (batch and streaming) on N random-walk bars.")

    @Option(help: "Bars per run.")
    var bars = 1_000_000

    @Option(help: "Only these functions (comma-separated).")
    var only: String?

    @Option(help: "Repetitions; the best is kept.")
    var repeats = 3

    @Flag(help: "Also time the streaming feed through the catalog's type-erased IndicatorStream.")
    var erased = false

    @Flag var json = false

    func run() throws {
        let wanted = only.map { Set($0.uppercased().split(separator: ",").map(String.init)) }
        let rows = try IndicatorBenchmark.run(bars: bars, only: wanted, repeats: repeats, erased: erased) { id in
            if !json { FileHandle.standardError.write(Data("\r\(id)            ".utf8)) }
        }
        if json { print(IndicatorBenchmark.json(rows: rows, bars: bars)); return }
        FileHandle.standardError.write(Data("\r".utf8))
        let header = ["function", "batch ns/bar", "stream ns/bar"] + (erased ? ["erased stream ns/bar"] : [])
        print(Output.table(header, rows.map { row in
            [row.function, String(format: "%.2f", row.batchNsPerBar), String(format: "%.2f", row.streamNsPerBar)]
                + (row.streamErasedNsPerBar.map { [String(format: "%.2f", $0)] } ?? [])
        }))
        print("\(bars) random-walk bars, default parameters; machine: \(machineDescription())")
    }
}

/// Type erasure for mixed JSON documents.
struct AnyEncodable: Encodable {
    let encodeFn: (any Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encodeFn = v.encode }
    func encode(to encoder: any Encoder) throws { try encodeFn(encoder) }
}
