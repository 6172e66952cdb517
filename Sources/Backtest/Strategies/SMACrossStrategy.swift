import Indicators
import MarketCore

/// `sma-cross`: long when the fast SMA of the close crosses above the slow one, out (or short) when it
/// crosses below.
///
/// At the close of bar `i`: `fast[i] > slow[i] && fast[i-1] <= slow[i-1]` → `enterLong`;
/// `fast[i] < slow[i] && fast[i-1] >= slow[i-1]` → `enterShort` (with `SideMode.long`, a close). A comparison
/// with a missing value (warm-up) is no crossing, as `backtesting.lib.crossover`. SMAs are TA-Lib's (`SMAState`).
public struct SMACrossStrategy: Strategy {
    /// The parameters: `fast` (default 10) and `slow` (default 30), `fast < slow`.
    public static let parameterSpecs = [
        StrategyParameter("fast", default: 10, range: 1...100_000, integer: true, "Bars in the fast SMA"),
        StrategyParameter("slow", default: 30, range: 2...100_000, integer: true, "Bars in the slow SMA"),
    ]

    /// Bars in the fast SMA.
    public let fastPeriod: Int
    /// Bars in the slow SMA.
    public let slowPeriod: Int
    var fast: [Double] = []
    var slow: [Double] = []
    /// Set by the grid, whose columns were computed for the series it runs on.
    var isPrecomputed = false

    /// `sma-cross`.
    public var name: String { "sma-cross" }
    /// `fast` and `slow`.
    public var parameters: [String: Double] { ["fast": Double(fastPeriod), "slow": Double(slowPeriod)] }

    /// - Throws: `BacktestError.invalidParameter` when a period is out of range or `fast >= slow`.
    public init(fast: Int, slow: Int) throws(BacktestError) {
        let values = try StrategyParameter.resolve(["fast": Double(fast), "slow": Double(slow)],
                                                   specs: Self.parameterSpecs, strategy: "sma-cross")
        guard fast < slow else {
            throw .invalidParameter(strategy: "sma-cross", name: "fast", value: Double(fast),
                                    allowed: "fewer bars than slow (\(slow))")
        }
        fastPeriod = Int(values["fast"] ?? 10)
        slowPeriod = Int(values["slow"] ?? 30)
    }

    /// A strategy over precomputed SMA columns (shared across the combinations of a grid).
    init(fastPeriod: Int, slowPeriod: Int, fast: [Double], slow: [Double]) {
        self.fastPeriod = fastPeriod
        self.slowPeriod = slowPeriod
        self.fast = fast
        self.slow = slow
        isPrecomputed = true
    }

    /// The SMA of `values` at every bar, NaN during the warm-up (the first `period - 1` bars).
    public static func movingAverage(_ values: [Double], period: Int) -> [Double] {
        var state = SMAState(period: period)
        var out = [Double](repeating: .nan, count: values.count)
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<values.count { if let v = state.update(values[i]) { o[i] = v } }
        }
        return out
    }

    /// Computes both SMAs of the close (unless the grid supplied them for this series).
    public mutating func prepare(for series: CandleSeries) throws(BacktestError) {
        guard !(isPrecomputed && fast.count == series.count && slow.count == series.count) else { return }
        fast = Self.movingAverage(series.close, period: fastPeriod)
        slow = Self.movingAverage(series.close, period: slowPeriod)
        isPrecomputed = false
    }

    /// Crossing up: long; crossing down: short (or out).
    @inline(__always)
    public mutating func action(at index: Int, series: CandleSeries, position: PositionSide?) -> StrategyAction {
        guard index >= 1, index < fast.count, index < slow.count else { return .hold }
        // Checked above; unchecked reads keep the grid's inner loop free of bounds checks.
        return fast.withUnsafeBufferPointer { f in
            slow.withUnsafeBufferPointer { s in
                let f1 = f[index], s1 = s[index], f0 = f[index - 1], s0 = s[index - 1]
                if f1 > s1 && f0 <= s0 { return .enterLong }
                if f1 < s1 && f0 >= s0 { return .enterShort }
                return .hold
            }
        }
    }
}
