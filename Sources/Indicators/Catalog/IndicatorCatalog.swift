/// Every function Sextant computes, as data: the CLI, the API and the MCP server list and validate from it.
///
/// ```swift
/// let rsi = try IndicatorCatalog.function(named: "rsi")
/// let p = try rsi.parameters(["timeperiod": 10])
/// let values = rsi.run(BarColumns(real: closes), p)[0]
/// ```
public enum IndicatorCatalog {
    /// All functions, sorted by id.
    public static let all: [IndicatorDefinition] = {
        let groups: [[IndicatorDefinition]] = [
            overlapStudies, momentumIndicators, momentumIndicators2, volumeIndicators, volatilityIndicators, priceTransform,
            cycleIndicators, patternRecognition, statisticFunctions, mathTransform, mathOperators,
        ]
        return groups.flatMap { $0 }.sorted { $0.id < $1.id }
    }()

    private static let byID: [String: IndicatorDefinition] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Looks a function up by TA-Lib name, case-insensitively.
    /// - Throws: `IndicatorError.unknownFunction` with the nearest names.
    public static func function(named name: String) throws(IndicatorError) -> IndicatorDefinition {
        if let d = byID[name.uppercased()] { return d }
        throw .unknownFunction(name, suggestions: suggestions(for: name))
    }

    /// Up to three ids nearest to `name` by edit distance (and any id that contains it).
    public static func suggestions(for name: String) -> [String] {
        let up = name.uppercased()
        let scored = all.map { d -> (String, Int) in
            let dist = editDistance(Array(up), Array(d.id))
            return (d.id, d.id.contains(up) && !up.isEmpty ? min(dist, 1) : dist)
        }
        return scored.filter { $0.1 <= max(2, up.count / 2) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = prev
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
