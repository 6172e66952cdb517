/// An indicator's running state: it takes one bar at a time and gives that bar's outputs.
///
/// Every catalog function is written once in this form; the batch form runs the same state over the
/// series (`IndicatorRunner.batch`), so batch and streaming agree by construction. A state that needs a
/// window keeps it in a `RingBuffer` or a `MonotonicDeque`, so an update costs O(1) amortised, or
/// O(period) where the maths needs the whole window.
///
/// ```swift
/// var sma = SMAState(period: 3)
/// var out = IndicatorOutputs()
/// for x in [1.0, 2, 3, 4] {
///     if sma.update(Bar(close: x), into: &out) { print(out.v0) }   // 2.0, 3.0
/// }
/// ```
public protocol StreamingIndicator: Sendable {
    /// Feeds one bar. Returns `false` while the indicator warms up (no output for this bar, as TA-Lib's
    /// lookback); otherwise writes this bar's outputs into `out` (an output may still be NaN where TA-Lib
    /// has none) and returns `true`.
    mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool
}

/// Runs streaming states over whole series.
public enum IndicatorRunner {
    /// The batch form of a streaming state: one output column per output, `blank[k]` (NaN, or 0 for integer
    /// outputs) where there is no value.
    /// Complexity: O(n) updates; the outputs are written through raw pointers (no per-bar bounds or
    /// uniqueness checks), then copied once into the result arrays.
    @inlinable
    public static func batch<S: StreamingIndicator>(_ initial: S, _ input: BarColumns, outputCount: Int,
                                                    blank: [Double]? = nil) -> [[Double]] {
        var state = initial
        let n = input.count
        let fill = blank ?? [Double](repeating: .nan, count: outputCount)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n * outputCount))
        defer { buffer.deallocate() }
        for k in 0..<outputCount { (buffer + k * n).initialize(repeating: fill[k], count: n) }
        var out = IndicatorOutputs()
        input.open.withUnsafeBufferPointer { o in
            input.high.withUnsafeBufferPointer { h in
                input.low.withUnsafeBufferPointer { l in
                    input.close.withUnsafeBufferPointer { c in
                        input.volume.withUnsafeBufferPointer { v in
                            input.periods.withUnsafeBufferPointer { p in
                                for i in 0..<n {
                                    let bar = Bar(open: o[i], high: h[i], low: l[i], close: c[i], volume: v[i], periods: p[i])
                                    guard state.update(bar, into: &out) else { continue }
                                    buffer[i] = out.v0
                                    if outputCount > 1 { buffer[n + i] = out.v1 }
                                    if outputCount > 2 { buffer[2 * n + i] = out.v2 }
                                    if outputCount > 3 { buffer[3 * n + i] = out.v3 }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<outputCount).map { k in Array(UnsafeBufferPointer(start: buffer + k * n, count: n)) }
    }
}

/// A type-erased streaming state from the catalog, for callers that pick a function by name.
public struct IndicatorStream: Sendable {
    private var state: any StreamingIndicator
    /// Number of outputs per bar.
    public let outputCount: Int
    /// What each output holds while there is no value: NaN, or 0 for integer outputs (as TA-Lib's integer arrays).
    public let blank: [Double]

    public init(_ state: any StreamingIndicator, outputCount: Int, blank: [Double]? = nil) {
        self.state = state
        self.outputCount = outputCount
        self.blank = blank ?? [Double](repeating: .nan, count: outputCount)
    }

    /// Feeds one bar; returns its outputs (NaN where there is none), or nil while warming up.
    public mutating func update(_ bar: Bar) -> [Double]? {
        var out = IndicatorOutputs()
        guard state.update(bar, into: &out) else { return nil }
        return (0..<outputCount).map { out[$0] }
    }
}

extension IndicatorStream {
    /// Feeds the bars of `input` in chunks of `size` bars (a live feed delivering batches) and returns the
    /// outputs of every bar, NaN where there is none: the same columns as the batch form.
    public mutating func update(chunks input: BarColumns, size: Int) -> [[Double]] {
        var columns = [[Double]](repeating: [], count: outputCount)
        for k in 0..<outputCount { columns[k].reserveCapacity(input.count) }
        var start = 0
        while start < input.count {
            let end = min(input.count, start + max(1, size))
            for i in start..<end {
                let values = update(input[i])
                for k in 0..<outputCount { columns[k].append(values?[k] ?? blank[k]) }
            }
            start = end
        }
        return columns
    }
}
