import Indicators
import MarketCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times every catalog function, batch and streaming, on random-walk bars. Shared by `sextant bench ta` and the
/// core-only `ta-bench` executable (which builds in release mode without the server's dependencies).
public enum IndicatorBenchmark {
    /// One function's figures.
    public struct Row: Sendable, Encodable {
        public let function: String
        public let batchNsPerBar: Double
        public let streamNsPerBar: Double
        /// The same feed through the catalog's type-erased `IndicatorStream` (only when asked for).
        public let streamErasedNsPerBar: Double?
    }

    /// The bars every run uses: `SyntheticBars.randomWalk(count:seed: 42)` with MAVP's periods cycling 2...30.
    public static func input(bars: Int) -> BarColumns {
        let s = SyntheticBars.randomWalk(count: bars, seed: 42)
        let periods = (0..<bars).map { Double(2 + $0 % 29) }
        return BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume, periods: periods)
    }

    /// Writes `input(bars:)` to `path` as raw little-endian doubles, column after column (open, high, low,
    /// close, volume, periods; `bars` values each), so the comparison script can hand TA-Lib the very same bars.
    public static func writeInput(bars: Int, to path: String) throws {
        let c = input(bars: bars)
        guard let f = fopen(path, "wb") else { throw BenchmarkError.cannotWrite(path) }
        defer { fclose(f) }
        for column in [c.open, c.high, c.low, c.close, c.volume, c.periods] {
            let written = column.map { $0.bitPattern.littleEndian }.withUnsafeBufferPointer {
                fwrite($0.baseAddress, MemoryLayout<UInt64>.stride, $0.count, f)
            }
            guard written == column.count else { throw BenchmarkError.cannotWrite(path) }
        }
    }

    /// Why a benchmark could not run.
    public enum BenchmarkError: Error, CustomStringConvertible {
        case cannotWrite(String)
        public var description: String {
            switch self { case let .cannotWrite(path): "cannot write the benchmark input to \(path)" }
        }
    }

    /// Best-of-`repeats` ns per bar for each function whose id is in `only` (all when nil), with default
    /// parameters; with `erased`, also the streaming feed through the type-erased `IndicatorStream`.
    /// `progress` is called with each function's id as it finishes.
    public static func run(bars: Int, only: Set<String>?, repeats: Int, erased: Bool = false,
                           progress: (String) -> Void = { _ in }) throws -> [Row] {
        let input = input(bars: bars)
        var rows: [Row] = []
        var sink = 0.0
        for def in IndicatorCatalog.all where only?.contains(def.id) ?? true {
            let p = try def.parameters()
            let batch = bestSeconds(repeats: repeats) { sink += def.run(input, p)[0].last ?? 0 }
            let stream = bestSeconds(repeats: repeats) { sink += def.streamAll(input, p) }
            let erasedStream = erased ? bestSeconds(repeats: repeats) { sink += def.streamAllErased(input, p) } : nil
            rows.append(Row(function: def.id, batchNsPerBar: batch * 1e9 / Double(bars),
                            streamNsPerBar: stream * 1e9 / Double(bars),
                            streamErasedNsPerBar: erasedStream.map { $0 * 1e9 / Double(bars) }))
            progress(def.id)
        }
        if sink.isNaN && sink.isFinite { print("") }   // keeps the work observable
        return rows
    }

    /// Wall-clock seconds of the fastest of `repeats` runs of `body`.
    public static func bestSeconds(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            best = min(best, seconds)
        }
        return best
    }

    /// The JSON document the comparison script reads: `machine`, `bars` and `results` with
    /// `function`, `batch_ns_per_bar`, `stream_ns_per_bar` and, when measured, `stream_erased_ns_per_bar`.
    public static func json(rows: [Row], bars: Int) -> String {
        let results = rows.map {
            let erased = $0.streamErasedNsPerBar.map { ",\"stream_erased_ns_per_bar\":\($0)" } ?? ""
            return "{\"function\":\"\($0.function)\",\"batch_ns_per_bar\":\($0.batchNsPerBar),\"stream_ns_per_bar\":\($0.streamNsPerBar)\(erased)}"
        }
        let machine = machineDescription().replacingQuotes()
        return "{\"machine\":\"\(machine)\",\"bars\":\"\(bars)\",\"results\":[\(results.joined(separator: ","))]}"
    }

    /// CPU model and core count, printed beside every figure.
    public static func machineDescription() -> String {
        var cpu = "unknown CPU"
        if let f = fopen("/proc/cpuinfo", "r") {
            defer { fclose(f) }
            var line = [CChar](repeating: 0, count: 512)
            while fgets(&line, Int32(line.count), f) != nil {
                let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if text.hasPrefix("model name"), let colon = text.firstIndex(of: ":") {
                    cpu = String(text[text.index(after: colon)...]).trimmingPrefixAndSuffixSpaces()
                    break
                }
            }
        }
        return "\(cpu), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores"
    }
}

extension String {
    fileprivate func replacingQuotes() -> String { String(map { $0 == "\"" || $0 == "\\" ? "'" : $0 }) }

    fileprivate func trimmingPrefixAndSuffixSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\t" }.reversed())
    }
}
