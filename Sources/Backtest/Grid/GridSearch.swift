import Dispatch
import MarketCore

/// One combination of a grid and its metrics.
public struct GridRunResult: Sendable, Equatable, Codable {
    /// Every strategy parameter of the run (grid values and fixed ones).
    public var parameters: [String: Double]
    /// The combination's metrics.
    public var metrics: BacktestMetrics

    /// A combination and its metrics.
    public init(parameters: [String: Double], metrics: BacktestMetrics) {
        self.parameters = parameters
        self.metrics = metrics
    }
}

/// The outcome of a grid search: every valid combination, best first.
public struct GridSearchResult: Sendable, Equatable, Codable {
    /// The strategy name, lowercased.
    public var strategy: String
    /// The metric the results are sorted by.
    public var rankedBy: RankingMetric
    /// Best first by `rankedBy`; combinations whose metric is undefined come last, in grid order.
    public var results: [GridRunResult]
    /// Combinations the strategy rejected (for `sma-cross`, those with `fast >= slow`).
    public var skippedCombinations: Int

    enum CodingKeys: String, CodingKey {
        case strategy, rankedBy = "ranked_by", results, skippedCombinations = "skipped_combinations"
    }
}

/// Runs every combination of parameter ranges, in parallel on all cores, and ranks the results.
///
/// `sma-cross` takes a fast path: the SMA of each distinct period is computed once and shared (read-only) by all
/// combinations, so a combination costs one pass of the bar loop.
///
/// ```swift
/// let ranges = try ["fast=5:50:5", "slow=20:200:10"].map(ParameterRange.init(parsing:))
/// let best = try GridSearch.run(strategy: "sma-cross", ranges: ranges, on: series, rankBy: .sharpe).results.first
/// ```
public enum GridSearch {
    /// The most combinations one search may run.
    public static let maximumCombinations = 1_000_000

    /// - Parameters:
    ///   - fixed: parameters that do not vary (a grid range overrides a fixed value of the same name).
    /// - Throws: `BacktestError` for an unknown strategy or parameter, an invalid configuration or series, a grid
    ///   larger than `maximumCombinations`, or a missing indicator.
    public static func run(strategy name: String, ranges: [ParameterRange], fixed: [String: Double] = [:],
                           on series: CandleSeries, configuration: BacktestConfiguration = BacktestConfiguration(),
                           funding: [FundingRate] = [], rankBy metric: RankingMetric = .totalReturn) throws(BacktestError) -> GridSearchResult {
        try configuration.validate()
        try Backtester.validate(series)
        let key = name.lowercased()
        let specs = try StrategyCatalog.parameters(of: key)
        for r in ranges where !specs.contains(where: { $0.name == r.name }) {
            throw .unknownParameter(strategy: key, name: r.name, known: specs.map(\.name))
        }
        let combinations = try combinationsOf(ranges, fixed: fixed)
        let gaps = series.gaps()

        var slots = [GridRunResult?](repeating: nil, count: combinations.count)
        if key == "sma-cross" {
            // Validate every combination first, then share one SMA column per distinct period.
            var periods = Set<Int>()
            var strategies = [SMACrossStrategy?](repeating: nil, count: combinations.count)
            for (k, combo) in combinations.enumerated() {
                guard let values = try? StrategyParameter.resolve(combo, specs: specs, strategy: key),
                      let s = try? SMACrossStrategy(fast: Int(values["fast"] ?? 0), slow: Int(values["slow"] ?? 0))
                else { continue }
                strategies[k] = s
                periods.insert(s.fastPeriod)
                periods.insert(s.slowPeriod)
            }
            let sortedPeriods = periods.sorted()
            var columns = [[Double]](repeating: [], count: sortedPeriods.count)
            parallelFill(&columns) { k in SMACrossStrategy.movingAverage(series.close, period: sortedPeriods[k]) }
            let prepared = strategies
            var byPeriod: [Int: [Double]] = [:]
            for (k, p) in sortedPeriods.enumerated() { byPeriod[p] = columns[k] }
            let shared = byPeriod
            parallelFill(&slots) { k in
                guard let s = prepared[k], let f = shared[s.fastPeriod], let sl = shared[s.slowPeriod] else { return nil }
                var strategy = SMACrossStrategy(fastPeriod: s.fastPeriod, slowPeriod: s.slowPeriod, fast: f, slow: sl)
                let r = Backtester.simulate(&strategy, on: series, configuration: configuration, funding: funding, gaps: gaps)
                return GridRunResult(parameters: r.parameters, metrics: r.metrics)
            }
        } else {
            parallelFill(&slots) { k in
                guard var s = try? StrategyCatalog.make(key, parameters: combinations[k]) else { return nil }
                guard (try? s.prepare(for: series)) != nil else { return nil }
                let r = Backtester.simulate(&s, on: series, configuration: configuration, funding: funding, gaps: gaps)
                return GridRunResult(parameters: r.parameters, metrics: r.metrics)
            }
            // A missing indicator fails every combination: report it rather than an empty grid.
            if slots.allSatisfy({ $0 == nil }), let first = combinations.first {
                var s = try StrategyCatalog.make(key, parameters: first)
                try s.prepare(for: series)
            }
        }
        let valid = slots.compactMap { $0 }
        return GridSearchResult(strategy: key, rankedBy: metric, results: rank(valid, by: metric),
                                skippedCombinations: combinations.count - valid.count)
    }

    /// Every combination of the ranges' values, each merged over `fixed`, in row-major order (last range fastest).
    /// - Throws: `BacktestError.gridTooLarge`, or `.invalidGridRange` when two ranges name the same parameter.
    public static func combinationsOf(_ ranges: [ParameterRange],
                                      fixed: [String: Double] = [:]) throws(BacktestError) -> [[String: Double]] {
        var seen = Set<String>()
        for r in ranges where !seen.insert(r.name).inserted {
            throw .invalidGridRange("\(r.name)=...", reason: "\(r.name) is given more than once")
        }
        let valueLists = ranges.map(\.values)
        let total = valueLists.reduce(1.0) { $0 * Double($1.count) }
        guard total <= Double(maximumCombinations) else {
            throw .gridTooLarge(combinations: total >= Double(Int.max) ? Int.max : Int(total), limit: maximumCombinations)
        }
        var out: [[String: Double]] = [fixed]
        for (r, values) in zip(ranges, valueLists) {
            out = out.flatMap { base in values.map { v in var d = base; d[r.name] = v; return d } }
        }
        return out
    }

    /// Sorts results best first by `metric`; undefined values last, keeping grid order among equals.
    public static func rank(_ results: [GridRunResult], by metric: RankingMetric) -> [GridRunResult] {
        results.enumerated().sorted { a, b in
            let x = a.element.metrics.value(of: metric), y = b.element.metrics.value(of: metric)
            switch (x, y) {
            case let (x?, y?) where !x.isNaN && !y.isNaN: return x != y ? x > y : a.offset < b.offset
            case (let x?, _) where !x.isNaN: return true
            case (_, let y?) where !y.isNaN: return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Fills `slots[k] = work(k)` for every `k`, spread over all cores.
    static func parallelFill<T>(_ slots: inout [T], _ work: @Sendable (Int) -> T) {
        let count = slots.count
        guard count > 0 else { return }
        slots.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableBufferPointerBox(buffer)
            // Each iteration writes only its own slot, so the writes never overlap.
            DispatchQueue.concurrentPerform(iterations: count) { k in base.buffer[k] = work(k) }
        }
    }
}

/// Lets `concurrentPerform`'s iterations write disjoint slots of one buffer.
private struct UnsafeMutableBufferPointerBox<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
