import ArgumentParser
import Foundation
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

    @Flag var json = false

    struct Row: Encodable {
        let function: String
        let batchNsPerBar: Double
        let streamNsPerBar: Double
    }

    func run() throws {
        let s = SyntheticBars.randomWalk(count: bars, seed: 42)
        let periods = (0..<bars).map { Double(2 + $0 % 29) }
        let input = BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume, periods: periods)
        let wanted = only.map { Set($0.uppercased().split(separator: ",").map(String.init)) }
        var rows: [Row] = []
        for def in IndicatorCatalog.all where wanted?.contains(def.id) ?? true {
            let p = try def.parameters()
            var sink = 0.0
            let batch = bestTime(repeats: repeats) { sink += def.run(input, p)[0].last ?? 0 }.best
            let stream = bestTime(repeats: repeats) { sink += def.streamAll(input, p) }.best
            if sink.isNaN && sink.isFinite { print("") }   // keeps the work observable
            rows.append(Row(function: def.id, batchNsPerBar: batch * 1e9 / Double(bars), streamNsPerBar: stream * 1e9 / Double(bars)))
            if !json { FileHandle.standardError.write(Data("\r\(def.id)            ".utf8)) }
        }
        if json { print(try Output.json(["machine": .init(machineDescription()), "bars": .init(String(bars)), "results": AnyEncodable(rows)] as [String: AnyEncodable])); return }
        FileHandle.standardError.write(Data("\r".utf8))
        print(Output.table(["function", "batch ns/bar", "stream ns/bar"], rows.map {
            [$0.function, String(format: "%.2f", $0.batchNsPerBar), String(format: "%.2f", $0.streamNsPerBar)]
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
