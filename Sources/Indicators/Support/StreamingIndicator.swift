#if canImport(Glibc)
import Glibc
#endif

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
    /// Complexity: O(n) updates; each output element is written once, straight into the result arrays
    /// (no staging buffer, no per-bar bounds or uniqueness checks).
    @inlinable
    public static func batch<S: StreamingIndicator>(_ initial: S, _ input: BarColumns, outputCount: Int,
                                                    blank: [Double]? = nil) -> [[Double]] {
        var state = initial
        let n = input.count
        let fill = blank ?? [Double](repeating: .nan, count: outputCount)
        let f0 = fill[0], f1 = outputCount > 1 ? fill[1] : 0, f2 = outputCount > 2 ? fill[2] : 0
        let f3 = outputCount > 3 ? fill[3] : 0
        var out = IndicatorOutputs()
        return withColumns(count: n, outputs: outputCount) { c0, c1, c2, c3 in
            input.open.withUnsafeBufferPointer { o in
                input.high.withUnsafeBufferPointer { h in
                    input.low.withUnsafeBufferPointer { l in
                        input.close.withUnsafeBufferPointer { c in
                            input.volume.withUnsafeBufferPointer { v in
                                input.periods.withUnsafeBufferPointer { p in
                                    for i in 0..<n {
                                        let bar = Bar(open: o[i], high: h[i], low: l[i], close: c[i], volume: v[i], periods: p[i])
                                        if state.update(bar, into: &out) {
                                            c0[i] = out.v0
                                            if outputCount > 1 { c1[i] = out.v1 }
                                            if outputCount > 2 { c2[i] = out.v2 }
                                            if outputCount > 3 { c3[i] = out.v3 }
                                        } else {
                                            c0[i] = f0
                                            if outputCount > 1 { c1[i] = f1 }
                                            if outputCount > 2 { c2[i] = f2 }
                                            if outputCount > 3 { c3[i] = f3 }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Builds `outputs` result arrays of `count` elements (at most 4) and lets `fill` write every element
    /// through raw pointers; pointers past `outputs` point at a scratch element and must not be written.
    /// - Precondition: `fill` initialises every element of the first `outputs` arrays.
    @inlinable
    public static func withColumns(
        count n: Int, outputs: Int,
        _ fill: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        func column(_ k: Int, _ body: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
            let size = k < outputs ? n : 1
            return [Double](unsafeUninitializedCapacity: size) { buffer, initialised in
                if k >= outputs { buffer[0] = 0 } else { adviseHugePages(buffer.baseAddress!, count: n) }
                body(buffer.baseAddress!)
                initialised = k < outputs ? n : 0
            }
        }
        var c1: [Double] = [], c2: [Double] = [], c3: [Double] = []
        let c0 = column(0) { p0 in
            c1 = column(1) { p1 in
                c2 = column(2) { p2 in
                    c3 = column(3) { p3 in fill(p0, p1, p2, p3) }
                }
            }
        }
        return Array([c0, c1, c2, c3].prefix(outputs))
    }

    /// Asks the kernel to back a large fresh output column with transparent huge pages (as numpy does for
    /// arrays of 4 MB and more, TA-Lib's outputs included), so writing it costs a few page faults instead of one
    /// per 4 KB page. Advisory only: where the call is not available or refused, nothing changes.
    @inlinable
    static func adviseHugePages(_ p: UnsafeMutablePointer<Double>, count n: Int) {
        #if os(Linux)
        let bytes = n &* MemoryLayout<Double>.stride
        guard bytes >= 4 << 20 else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: UnsafeMutableRawPointer(p)) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: UnsafeMutableRawPointer(p)) + bytes) & ~(huge - 1)
        guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, end - start, MADV_HUGEPAGE)
        #endif
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
        guard update(bar, into: &out) else { return nil }
        return (0..<outputCount).map { out[$0] }
    }

    /// Feeds one bar without allocating: writes its outputs (the first `outputCount` of `out`) and returns
    /// true, or returns false while warming up.
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        state.update(bar, into: &out)
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
