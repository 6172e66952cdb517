import Foundation
import MarketCore

/// Printing helpers shared by the commands: JSON, aligned tables, numbers.
enum Output {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    /// An aligned text table; numeric-looking columns are right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows { for (k, c) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], c.count) } }
        let numeric = header.indices.map { k in rows.allSatisfy { k < $0.count && ($0[k].first.map { "-+0123456789".contains($0) } ?? true) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, c in
                let pad = String(repeating: " ", count: max(0, widths[k] - c.count))
                return numeric[k] ? pad + c : c + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }

    /// A number with `digits` decimals, grouped thousands off; "-" for nil.
    static func fixed(_ x: Double?, _ digits: Int = 2) -> String {
        guard let x, x.isFinite else { return "-" }
        return String(format: "%.\(digits)f", x)
    }

    static func percent(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "-" }
        return String(format: "%+.2f%%", x)
    }

    /// A price with sensible precision for its size.
    static func price(_ x: Double) -> String {
        let a = abs(x)
        return String(format: a >= 1000 ? "%.2f" : a >= 1 ? "%.4f" : "%.6g", x)
    }

    /// 1.23T, 45.6B, 789M.
    static func compact(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "-" }
        for (d, s) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where abs(x) >= d { return String(format: "%.2f%@", x / d, s) }
        return String(format: "%.0f", x)
    }

    /// Shortest round-trip form of a Double, as Swift prints it ("0.1", "1e-05"), empty for NaN.
    static func shortest(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) + ".0" }
        return "\(x)"
    }

    static func stderr(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// A one-line progress bar on stderr, shown only when stderr is a terminal.
struct ProgressBar {
    let enabled = isatty(2) != 0
    func update(_ done: Int, _ total: Int, _ label: String) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let name = label.split(separator: "/").last.map(String.init) ?? ""
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(name.prefix(40))\u{1B}[K".utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A user-facing failure: printed on stderr, exit code 1 (or as given).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension Timestamp {
    /// Parses `--from` / `--to` values: ISO-8601, `YYYY-MM-DD` or epoch seconds / ms.
    static func parse(_ text: String) -> Timestamp? {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { MarketDataFieldParser.timestamp($0, 0, $0.count) }
    }
}
