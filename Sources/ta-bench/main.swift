// `ta-bench [--bars N] [--only A,B] [--repeats R]`: the indicator benchmark as JSON, built without the server's
// dependencies (`SEXTANT_CORE_ONLY=1 swift build -c release --product ta-bench`). `sextant bench ta --json`
// prints the same document.
import IndicatorBenchmarks
#if canImport(Glibc)
import Glibc
#endif

var bars = 1_000_000
var only: Set<String>?
var repeats = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    guard let value = arguments.next() else { print("ta-bench: \(flag) needs a value"); exit(2) }
    switch flag {
    case "--bars": bars = Int(value) ?? bars
    case "--only": only = Set(value.uppercased().split(separator: ",").map(String.init))
    case "--repeats": repeats = Int(value) ?? repeats
    default: print("ta-bench: unknown option \(flag) (use --bars, --only, --repeats)"); exit(2)
    }
}
let rows = try IndicatorBenchmark.run(bars: bars, only: only, repeats: repeats)
print(IndicatorBenchmark.json(rows: rows, bars: bars))
