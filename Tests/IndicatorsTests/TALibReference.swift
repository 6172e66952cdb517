import Foundation
import Indicators
import TestSupport

/// The TA-Lib 0.8.1 reference vectors in `Tests/Fixtures/talib` (copied from `shared/reference/talib`).
struct TALibReference: Sendable {
    struct Entry: Decodable, Sendable {
        let function: String
        let group: String
        let parameters: [String: Double]
        let outputs: [String]
        let lookback: Int
        let file: String
    }
    struct Manifest: Decodable { let functions: [Entry] }

    static let folders = ["btc_daily_default", "eth_hourly_variant"]

    let folder: String
    let entries: [Entry]
    let input: BarColumns

    static func load(_ folder: String) throws -> TALibReference {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("talib/\(folder)/manifest.json")))
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        let table = NumericTable(csv: try Fixtures.text("talib/\(folder)/input.csv.gz"))
        let n = table.rowCount
        // MAVP's periods are 2 + (i mod 29), as the reference README says.
        let periods = (0..<n).map { Double(2 + $0 % 29) }
        let input = BarColumns(open: table["open"]!, high: table["high"]!, low: table["low"]!, close: table["close"]!,
                               volume: table["volume"]!, periods: periods)
        return TALibReference(folder: folder, entries: manifest.functions, input: input)
    }

    static let cached: [String: TALibReference] = {
        var out: [String: TALibReference] = [:]
        for f in folders { out[f] = try? load(f) }
        return out
    }()

    /// Function ids to test: all of the manifest, or those in `$TA_FUNCTIONS` (comma-separated) while developing.
    static var selectedFunctions: [String] {
        let all = (try? load(folders[0]))?.entries.map(\.function) ?? []
        if let only = ProcessInfo.processInfo.environment["TA_FUNCTIONS"], !only.isEmpty {
            let wanted = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
            return all.filter { wanted.contains($0) }
        }
        return all
    }

    func expected(_ entry: Entry) throws -> NumericTable {
        NumericTable(csv: try Fixtures.text("talib/\(folder)/\(entry.file).gz"))
    }
}

/// Where a computed column first differs from the reference, if anywhere.
struct Mismatch: CustomStringConvertible {
    let output: String
    let row: Int
    let ours: Double
    let reference: Double
    var description: String { "\(output)[\(row)]: ours \(ours), TA-Lib \(reference)" }
}

func firstMismatch(_ ours: [[Double]], _ reference: NumericTable, outputs: [OutputSpec], names: [String]) -> Mismatch? {
    for (k, name) in names.enumerated() {
        guard k < ours.count, let ref = reference[name] else {
            return Mismatch(output: name, row: -1, ours: .nan, reference: .nan)
        }
        let tol: Tolerance = outputs[k].isInteger ? .exact : .relative(1e-9)
        if ours[k].count != ref.count { return Mismatch(output: name, row: min(ours[k].count, ref.count), ours: .nan, reference: .nan) }
        for i in 0..<ref.count where !tol.accepts(ours[k][i], ref[i]) {
            return Mismatch(output: name, row: i, ours: ours[k][i], reference: ref[i])
        }
    }
    return nil
}
