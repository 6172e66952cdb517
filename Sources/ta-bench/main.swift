// `ta-bench [--bars N] [--only A,B] [--repeats R] [--erased]`: the indicator benchmark as JSON, built without the server's
// dependencies (`SEXTANT_CORE_ONLY=1 swift build -c release --product ta-bench`). `sextant bench ta --json`
// prints the same document. `ta-bench --bars N --write-input FILE` only writes the N bars it times (raw doubles,
// see `IndicatorBenchmark.writeInput`), for the comparison script to time TA-Lib on the same bars.
import IndicatorBenchmarks
#if canImport(Glibc)
import Glibc
#endif

var bars = 1_000_000
var only: Set<String>?
var repeats = 3
var inputPath: String?
var erased = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    if flag == "--erased" { erased = true; continue }   // also time the type-erased IndicatorStream feed
    guard let value = arguments.next() else { print("ta-bench: \(flag) needs a value"); exit(2) }
    switch flag {
    case "--bars": bars = Int(value) ?? bars
    case "--only": only = Set(value.uppercased().split(separator: ",").map(String.init))
    case "--repeats": repeats = Int(value) ?? repeats
    case "--write-input": inputPath = value
    default: print("ta-bench: unknown option \(flag) (use --bars, --only, --repeats, --write-input, --erased)"); exit(2)
    }
}
if let inputPath {
    try IndicatorBenchmark.writeInput(bars: bars, to: inputPath)
    exit(0)
}
let rows = try IndicatorBenchmark.run(bars: bars, only: only, repeats: repeats, erased: erased)
print(IndicatorBenchmark.json(rows: rows, bars: bars))
