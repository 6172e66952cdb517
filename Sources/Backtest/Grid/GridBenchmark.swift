import MarketCore

/// The throughput of the `sma-cross` grid: for the closing note and `sextant bench`, never for tests.
public struct GridBenchmarkReport: Sendable, Equatable, Codable {
    /// Combinations run (1,000 for the benchmark grid).
    public var combinations: Int
    /// Bars in the series.
    public var bars: Int
    /// Wall-clock seconds for the whole grid.
    public var seconds: Double
    /// Combinations per second, all cores together.
    public var combinationsPerSecond: Double
    /// Nanoseconds per bar per combination.
    public var nanosecondsPerBar: Double
    /// The best combination by total return, as a check that the work was done.
    public var best: GridRunResult?

    enum CodingKeys: String, CodingKey {
        case combinations, bars, seconds, combinationsPerSecond = "combinations_per_second"
        case nanosecondsPerBar = "nanoseconds_per_bar", best
    }
}

/// Times 1,000 `sma-cross` combinations (`fast = 2...21` × `slow = 30...275` step 5, all valid) on one series.
///
/// Build in release mode (`swift build -c release`). The clock is injected, as everything in the core.
public enum GridBenchmark {
    /// The benchmark grid: 20 fast periods × 50 slow periods.
    public static let ranges: [ParameterRange] = [
        // Literal ranges that are valid by construction.
        (try? ParameterRange(name: "fast", from: 2, to: 21, step: 1)),
        (try? ParameterRange(name: "slow", from: 30, to: 275, step: 5)),
    ].compactMap { $0 }

    /// Runs the grid once and reports its throughput.
    /// - Throws: `BacktestError` for an invalid series or configuration.
    public static func run<C: Clock>(on series: CandleSeries,
                                     configuration: BacktestConfiguration = BacktestConfiguration(),
                                     clock: C) throws(BacktestError) -> GridBenchmarkReport where C.Duration == Duration {
        let start = clock.now
        let result = try GridSearch.run(strategy: "sma-cross", ranges: ranges, on: series, configuration: configuration)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let runs = result.results.count
        return GridBenchmarkReport(combinations: runs, bars: series.count, seconds: seconds,
                                   combinationsPerSecond: seconds > 0 ? Double(runs) / seconds : .infinity,
                                   nanosecondsPerBar: runs > 0 && series.count > 0 ? seconds * 1e9 / Double(runs * series.count) : 0,
                                   best: result.results.first)
    }

    /// Runs the grid with the system's monotonic clock.
    public static func run(on series: CandleSeries,
                           configuration: BacktestConfiguration = BacktestConfiguration()) throws(BacktestError) -> GridBenchmarkReport {
        try run(on: series, configuration: configuration, clock: ContinuousClock())
    }
}
