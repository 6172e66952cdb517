import MarketData

/// Locates the repository's test fixtures (`Tests/Fixtures`), wherever the tests are run from.
public enum Fixtures {
    /// `Tests/Fixtures` of this checkout.
    public static let root: String = {
        var dir = #filePath
        for _ in 0..<2 { dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.endIndex)]) }
        return dir + "/Fixtures"
    }()

    /// The path of a fixture below `Tests/Fixtures`.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The fixture's text, gunzipped when needed.
    public static func text(_ relative: String) throws -> String {
        let bytes = try FileBytes.read(path(relative))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A CSV with a header, as columns of numbers by name; an empty cell is NaN. For reference files.
public struct NumericTable: Sendable {
    public let header: [String]
    public let columns: [String: [Double]]
    public let rowCount: Int

    public init(csv text: String) {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let header = lines.isEmpty ? [] : lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var cols = [[Double]](repeating: [], count: header.count)
        for line in lines where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for (k, cell) in cells.enumerated() where k < header.count {
                cols[k].append(cell.isEmpty ? .nan : (Double(cell) ?? .nan))
            }
        }
        self.header = header
        var dict: [String: [Double]] = [:]
        for (k, h) in header.enumerated() { dict[h] = cols[k] }
        columns = dict
        rowCount = cols.first?.count ?? 0
    }

    public subscript(name: String) -> [Double]? { columns[name] }
}

/// Named tolerances: how a computed value may differ from a reference value.
public enum Tolerance: Sendable, CustomStringConvertible {
    /// Bit-for-bit equal (integers, indices, pattern signals).
    case exact
    /// |ours - ref| <= r * max(1, |ref|).
    case relative(Double)

    public func accepts(_ ours: Double, _ ref: Double) -> Bool {
        if ours == ref { return true }   // also equal infinities, where ours - ref would be NaN
        if ref.isNaN || ours.isNaN { return ref.isNaN && ours.isNaN }
        switch self {
        case .exact: return ours == ref
        case .relative(let r): return abs(ours - ref) <= r * max(1, abs(ref))
        }
    }

    public var description: String {
        switch self {
        case .exact: "exact"
        case .relative(let r): "relative \(r)"
        }
    }
}
