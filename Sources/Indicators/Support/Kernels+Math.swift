#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Batch kernels of the Math Transform, Math Operators, Statistic and Cycle functions: tight loops over raw
/// pointers into the input and result columns, used by the catalog's `batch:` closures.
///
/// Each kernel performs, bar for bar, the same floating-point operations in the same order as the function's
/// streaming state (which follows TA-Lib's C source), so the batch and streaming forms agree to the last bit;
/// `MathKernelTests` checks that on long random walks with NaN and infinities inside. Kernels write every
/// element `0..<n` of their outputs: NaN before the lookback for real outputs, 0 for integer outputs.
enum MathKernels {}

/// The shared rolling-window helpers (`greater`, `lesser`, `blockExtremes`).
private typealias W = WindowKernels

// MARK: - Column plumbing

extension MathKernels {
    /// Hands `body` the `close` column (the `real` input of single-series functions), its length and the first
    /// `outputs` result columns, and returns those columns.
    static func overClose(
        _ columns: BarColumns, outputs: Int,
        _ body: (UnsafePointer<Double>, Int, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = columns.count
        guard n > 0 else { return [[Double]](repeating: [], count: outputs) }
        return columns.close.withUnsafeBufferPointer { x in
            IndicatorRunner.withColumns(count: n, outputs: outputs) { o0, o1, _, _ in
                body(x.baseAddress.unsafelyUnwrapped, n, o0, o1)
            }
        }
    }

    /// Hands `body` the two series of a two-series function (`high` as price0, `low` as price1, TA-Lib's
    /// abstract-interface mapping), their length and one result column.
    static func overPair(
        _ columns: BarColumns,
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, Int, UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = columns.count
        guard n > 0 else { return [[]] }
        return columns.high.withUnsafeBufferPointer { a in
            columns.low.withUnsafeBufferPointer { b in
                IndicatorRunner.withColumns(count: n, outputs: 1) { o0, _, _, _ in
                    body(a.baseAddress.unsafelyUnwrapped, b.baseAddress.unsafelyUnwrapped, n, o0)
                }
            }
        }
    }

    /// Writes `value` into `out[start..<end]`.
    @inline(__always)
    static func fill(_ out: UnsafeMutablePointer<Double>, _ start: Int, _ end: Int, _ value: Double) {
        var i = start
        while i < end {
            out[i] = value
            i += 1
        }
    }
}

// MARK: - Element-wise

extension MathKernels {
    /// `out[i] = f(x[i])` for every bar; the transform is fixed per call so the loop holds no switch.
    @inline(__always)
    static func map(_ x: UnsafePointer<Double>, _ n: Int, _ out: UnsafeMutablePointer<Double>,
                    _ f: (Double) -> Double) {
        for i in 0..<n { out[i] = f(x[i]) }
    }

    /// One Math Transform over a series, one loop per function (the C library's results, as TA-Lib gives).
    static func transform(_ function: MathTransformFunction, _ x: UnsafePointer<Double>, _ n: Int,
                          _ out: UnsafeMutablePointer<Double>) {
        switch function {
        case .acos: map(x, n, out) { acos($0) }
        case .asin: map(x, n, out) { asin($0) }
        case .atan: map(x, n, out) { atan($0) }
        case .ceil: map(x, n, out) { wholeNumber($0, up: true) }
        case .cos: map(x, n, out) { cos($0) }
        case .cosh: map(x, n, out) { cosh($0) }
        case .exp: map(x, n, out) { exp($0) }
        case .floor: map(x, n, out) { wholeNumber($0, up: false) }
        case .ln: map(x, n, out) { log($0) }
        case .log10: map(x, n, out) { log10($0) }
        case .sin: map(x, n, out) { sin($0) }
        case .sinh: map(x, n, out) { sinh($0) }
        case .sqrt: map(x, n, out) { $0.squareRoot() }
        case .tan: map(x, n, out) { tan($0) }
        case .tanh: map(x, n, out) { tanh($0) }
        }
    }

    /// `ceil(v)` (`up`) or `floor(v)` without a library call, so the loop vectorises: `|v|` is rounded to a
    /// whole number by adding and taking off 2^52, stepped by one where that went the wrong way, and given
    /// back `v`'s sign (so `ceil(-0.5)` is `-0.0`, as the C library gives). From 2^52 on, and for ±inf and
    /// NaN, `v` already is its own result. Bit for bit the C library's `ceil` / `floor` on every number.
    @inline(__always)
    static func wholeNumber(_ v: Double, up: Bool) -> Double {
        let twoTo52 = 4503599627370496.0
        let magnitude = abs(v)
        let nearest = (magnitude + twoTo52) - twoTo52
        let magnitudeUp = nearest < magnitude ? nearest + 1 : nearest       // ceil(|v|)
        let magnitudeDown = nearest > magnitude ? nearest - 1 : nearest     // floor(|v|)
        // ceil(v) = ceil(|v|) for v >= 0 and -floor(|v|) below; floor the other way round.
        let chosen = (v < 0) == up ? magnitudeDown : magnitudeUp
        let whole = Double(signOf: v, magnitudeOf: chosen)
        return magnitude < twoTo52 ? whole : v
    }

    /// `out[i] = a[i] ∘ b[i]`, one vectorisable loop per operator.
    static func arithmetic(_ op: ArithmeticOperator, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                           _ n: Int, _ out: UnsafeMutablePointer<Double>) {
        switch op {
        case .add: for i in 0..<n { out[i] = a[i] + b[i] }
        case .sub: for i in 0..<n { out[i] = a[i] - b[i] }
        case .mult: for i in 0..<n { out[i] = a[i] * b[i] }
        case .div: for i in 0..<n { out[i] = a[i] / b[i] }
        }
    }

    /// `CUMSUM`: the running total, added left to right.
    static func cumulativeSum(_ x: UnsafePointer<Double>, _ n: Int, _ out: UnsafeMutablePointer<Double>) {
        var total = 0.0
        for i in 0..<n {
            total += x[i]
            out[i] = total
        }
    }

    /// `SUM`: `MovingSumState`'s order — add the new value, output, then take off the value that leaves next.
    static func movingSum(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        let lookback = period - 1
        var total = 0.0
        var i = 0
        while i < lookback && i < n {
            total += x[i]
            out[i] = .nan
            i += 1
        }
        while i < n {
            total += x[i]
            out[i] = total
            total -= x[i - lookback]
            i += 1
        }
    }
}

// MARK: - Window extremes

extension MathKernels {
    /// `MAX`, `MIN`, their indices and the two-sided forms over a window of `period` bars, with the tie and
    /// NaN behaviour of `WindowExtremeTracker`.
    ///
    /// TA-Lib's scheme: keep the current extreme and its index; a new value equal to or beyond it takes over;
    /// when the extreme leaves the window, rescan the window from its oldest bar keeping the earliest of equal
    /// values. The streaming tracker answers that rescan from a monotonic deque, which a NaN blocks: a NaN at
    /// the oldest bar is the answer, and a NaN later in the window ends the rescan (the deque can see no value
    /// behind it). The rescan here stops at a NaN the same way, so both forms agree on any input.
    /// `wantsMin`/`wantsMax` choose the sides and `asIndex` writes indices instead of values; each call site
    /// passes constants, so the inlined loop holds only the work it needs.
    /// Side outputs: `minOut` receives the minimum side, `maxOut` the maximum side.
    @inline(__always)
    static func windowExtremes(_ x: UnsafePointer<Double>, _ n: Int, period: Int,
                               wantsMin: Bool, wantsMax: Bool, asIndex: Bool,
                               minOut: UnsafeMutablePointer<Double>, maxOut: UnsafeMutablePointer<Double>) {
        let lookback = period - 1
        let blank = asIndex ? 0.0 : Double.nan
        let warm = Swift.min(lookback, n)
        if wantsMin { fill(minOut, 0, warm, blank) }
        if wantsMax { fill(maxOut, 0, warm, blank) }
        var highIndex = -1, lowIndex = -1
        var high = 0.0, low = 0.0
        var today = lookback
        var trailing = 0
        while today < n {
            let v = x[today]
            if wantsMax {
                if highIndex < trailing {
                    if asIndex {
                        highIndex = rescanExtreme(x, from: trailing, through: today, isMax: true)
                        high = x[highIndex]
                    } else {
                        highIndex = trailing
                        high = x[trailing]
                        var j = trailing + 1
                        while j <= today {
                            let w = x[j]
                            if !(w <= high) {
                                if w.isNaN { break }
                                if w > high {
                                    high = w
                                    highIndex = j
                                }
                            }
                            j += 1
                        }
                    }
                } else if v >= high {
                    high = v
                    highIndex = today
                }
                maxOut[today] = asIndex ? Double(highIndex) : high
            }
            if wantsMin {
                if lowIndex < trailing {
                    if asIndex {
                        lowIndex = rescanExtreme(x, from: trailing, through: today, isMax: false)
                        low = x[lowIndex]
                    } else {
                        lowIndex = trailing
                        low = x[trailing]
                        var j = trailing + 1
                        while j <= today {
                            let w = x[j]
                            if !(w >= low) {
                                if w.isNaN { break }
                                if w < low {
                                    low = w
                                    lowIndex = j
                                }
                            }
                            j += 1
                        }
                    }
                } else if v <= low {
                    low = v
                    lowIndex = today
                }
                minOut[today] = asIndex ? Double(lowIndex) : low
            }
            today += 1
            trailing += 1
        }
    }

    /// Runs the window-extreme function `kind` over `x` into its result columns (`WindowExtremesState`'s outputs).
    ///
    /// The value-only kinds (`MAX`, `MIN`, `MINMAX`) take `WindowKernels.blockExtremes` (O(1) per bar whatever the data)
    /// and fall back to the tracker loop when the series holds a NaN or a zero, where which of several
    /// candidates is reported (NaN behind a rescan, the sign of a zero) depends on the tracker's path.
    /// The index kinds take the tracker loop with `rescanExtreme`.
    static func windowExtremes(_ kind: WindowExtremesKind, _ x: UnsafePointer<Double>, _ n: Int, period: Int,
                               _ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>) {
        let p = Swift.max(1, period)
        switch kind {
        case .max:
            fill(o0, 0, Swift.min(p - 1, n), .nan)
            if !W.blockExtremes(high: x, low: x, n, period: p, wantsMax: true, wantsMin: false, { i, h, _ in o0[i] = h }) {
                windowExtremes(x, n, period: p, wantsMin: false, wantsMax: true, asIndex: false, minOut: o0, maxOut: o0)
            }
        case .min:
            fill(o0, 0, Swift.min(p - 1, n), .nan)
            if !W.blockExtremes(high: x, low: x, n, period: p, wantsMax: false, wantsMin: true, { i, _, l in o0[i] = l }) {
                windowExtremes(x, n, period: p, wantsMin: true, wantsMax: false, asIndex: false, minOut: o0, maxOut: o0)
            }
        case .minMax:
            fill(o0, 0, Swift.min(p - 1, n), .nan)
            fill(o1, 0, Swift.min(p - 1, n), .nan)
            let done = W.blockExtremes(high: x, low: x, n, period: p, wantsMax: true, wantsMin: true) { i, h, l in
                o0[i] = l
                o1[i] = h
            }
            if !done {
                windowExtremes(x, n, period: p, wantsMin: true, wantsMax: true, asIndex: false, minOut: o0, maxOut: o1)
            }
        case .maxIndex: windowExtremes(x, n, period: p, wantsMin: false, wantsMax: true, asIndex: true, minOut: o0, maxOut: o0)
        case .minIndex: windowExtremes(x, n, period: p, wantsMin: true, wantsMax: false, asIndex: true, minOut: o0, maxOut: o0)
        case .minMaxIndex: windowExtremes(x, n, period: p, wantsMin: true, wantsMax: true, asIndex: true, minOut: o0, maxOut: o1)
        }
    }

    /// The tracker's rescan of `x[from...through]`: the earliest extreme, stopping at a NaN (see
    /// `windowExtremes`). The extreme value is found with four independent accumulators (no branch per value),
    /// then its first occurrence; a NaN met before it sends the rescan to the plain loop, which stops there.
    @inline(__always)
    static func rescanExtreme(_ x: UnsafePointer<Double>, from start: Int, through end: Int, isMax: Bool) -> Int {
        let first = x[start]
        if first.isNaN { return start }
        var m0 = first, m1 = first, m2 = first, m3 = first
        var j = start + 1
        while j + 3 <= end {
            if isMax {
                m0 = W.greater(x[j], m0); m1 = W.greater(x[j + 1], m1); m2 = W.greater(x[j + 2], m2); m3 = W.greater(x[j + 3], m3)
            } else {
                m0 = W.lesser(x[j], m0); m1 = W.lesser(x[j + 1], m1); m2 = W.lesser(x[j + 2], m2); m3 = W.lesser(x[j + 3], m3)
            }
            j += 4
        }
        while j <= end {
            m0 = isMax ? W.greater(x[j], m0) : W.lesser(x[j], m0)
            j += 1
        }
        // NaN never enters an accumulator (a NaN operand loses every comparison), so `extreme` is a number.
        let extreme = isMax ? W.greater(W.greater(m0, m1), W.greater(m2, m3)) : W.lesser(W.lesser(m0, m1), W.lesser(m2, m3))
        var k = start
        while true {
            let v = x[k]
            if v == extreme { return k }
            if v.isNaN { break }
            k += 1
        }
        // A NaN comes before the extreme: the streaming deque sees only the values before that NaN.
        var best = start
        var bestValue = first
        var i = start + 1
        while i <= end {
            let w = x[i]
            if w.isNaN { break }
            if isMax ? w > bestValue : w < bestValue {
                bestValue = w
                best = i
            }
            i += 1
        }
        return best
    }
}

// MARK: - Variance, regression, correlation, beta

extension MathKernels {
    /// `VAR` (`scale` false) or `STDDEV` (`scale` true: `sqrt(var) * deviations`) with `VarianceState`'s shifted
    /// sums and rebuilds, operation for operation; the window is read straight from the input.
    @inline(__always)
    static func variance(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int, root: Bool, deviations: Double,
                         _ out: UnsafeMutablePointer<Double>) {
        let period = Swift.max(1, rawPeriod)
        let invPeriod = 1.0 / Double(period)
        let lookback = period - 1
        fill(out, 0, Swift.min(lookback, n), .nan)
        guard n > lookback else { return }
        let shiftStart = x[0]
        var shift = shiftStart
        var total1 = 0.0
        var total2 = 0.0
        for i in 0..<lookback {
            let d = x[i] - shift
            total1 += d
            total2 += d * d
        }
        var barsSinceReseed = 32 * period
        for t in lookback..<n {
            var d = x[t] - shift
            total1 += d
            total2 += d * d
            let mean = total1 * invPeriod
            var variance = total2 * invPeriod - mean * mean
            let oldest = t - lookback
            d = x[oldest] - shift
            total1 -= d
            let leaving = d * d
            total2 -= leaving
            barsSinceReseed -= 1
            if variance < 0.000001 * (total2 * invPeriod) || leaving > 1_000_000.0 * total2 || barsSinceReseed <= 0 {
                barsSinceReseed = 32 * period
                var sum = 0.0
                for k in oldest...t { sum += x[k] }
                shift = sum * invPeriod
                total1 = 0
                total2 = 0
                for k in oldest...t {
                    let e = x[k] - shift
                    total1 += e
                    total2 += e * e
                }
                let m = total1 * invPeriod
                variance = total2 * invPeriod - m * m
                if variance < 0.000000000001 * (total2 * invPeriod) { variance = 0 }
                let e = x[oldest] - shift
                total1 -= e
                total2 -= e * e
            }
            out[t] = root ? variance.squareRoot() * deviations : variance
        }
    }

    /// The least-squares line of every `period`-bar window ending at bars `period - 1 ... last`, with
    /// `LinearRegressionState`'s sliding sums and rebuilds: `emit(end, m, b)` gets the slope and intercept (x = 0 at
    /// the window's oldest bar) of the window ending at bar `end`.
    @inline(__always)
    static func regressionWindows(_ x: UnsafePointer<Double>, period: Int, through last: Int,
                                  _ emit: (Int, Double, Double) -> Void) {
        let count = Double(period)
        let sumX = count * Double(period - 1) * 0.5
        let sumXSquares = count * Double(period - 1) * Double(2 * period - 1) / 6.0
        let divisor = sumX * sumX - count * sumXSquares
        let lookback = period - 1
        guard last >= lookback else { return }
        var sumY = 0.0, sumXY = 0.0, sumAbs = 0.0
        var barsSinceReseed = 0

        @inline(__always) func rebuild(newest t: Int) {
            barsSinceReseed = 32 * period
            sumY = 0
            sumXY = 0
            sumAbs = 0
            var weight = Double(period - 1)
            for k in (t - lookback)...t {
                let v = x[k]
                sumY += v
                sumXY += weight * v
                sumAbs += abs(v)
                weight -= 1
            }
        }

        rebuild(newest: lookback)
        var m = (count * sumXY - sumX * sumY) / divisor
        emit(lookback, m, (sumY - m * sumX) / count)
        var t = period
        while t <= last {
            let y = x[t]
            let leaving = x[t - period]
            let weightedLeaving = count * leaving
            sumXY = sumXY + sumY - weightedLeaving
            sumY = sumY - leaving + y
            sumAbs = sumAbs - abs(leaving) + abs(y)
            barsSinceReseed -= 1
            if barsSinceReseed <= 0 || abs(weightedLeaving) > 100.0 * sumAbs { rebuild(newest: t) }
            m = (count * sumXY - sumX * sumY) / divisor
            emit(t, m, (sumY - m * sumX) / count)
            t += 1
        }
    }

    /// `LinearRegressionState`'s outputs over a series: NaN before the lookback, then `emit(m, b, period)` of each
    /// bar's window.
    @inline(__always)
    static func regression(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int,
                           _ out: UnsafeMutablePointer<Double>, _ emit: (Double, Double, Double) -> Double) {
        let period = Swift.max(2, rawPeriod)
        let count = Double(period)
        fill(out, 0, Swift.min(period - 1, n), .nan)
        regressionWindows(x, period: period, through: n - 1) { t, m, b in out[t] = emit(m, b, count) }
    }

    /// One regression output over a series (`LinearRegressionState`'s formulas), one loop per output.
    static func regression(_ output: LinearRegressionOutput, _ x: UnsafePointer<Double>, _ n: Int, period: Int,
                           _ out: UnsafeMutablePointer<Double>) {
        switch output {
        case .value: regression(x, n, period: period, out) { m, b, count in b + m * (count - 1) }
        case .angle: regression(x, n, period: period, out) { m, _, _ in atan(m) * (180.0 / 3.14159265358979323846) }
        case .intercept: regression(x, n, period: period, out) { _, b, _ in b }
        case .slope: regression(x, n, period: period, out) { m, _, _ in m }
        case .forecast: regression(x, n, period: period, out) { m, b, count in b + m * count }
        }
    }

    /// `FOSC` (`ForecastOscillatorState`): the forecast `b + m * period` of the window ending at bar `t - 1` is
    /// compared with the close at `t`: `100 * (x - forecast) / x`, 0 where `x` is 0. First value at bar `period`.
    static func forecastOscillator(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int,
                                   _ out: UnsafeMutablePointer<Double>) {
        let period = Swift.max(2, rawPeriod)
        let count = Double(period)
        fill(out, 0, Swift.min(period, n), .nan)
        regressionWindows(x, period: period, through: n - 2) { end, m, b in
            let v = x[end + 1], forecast = b + m * count
            out[end + 1] = v != 0 ? 100.0 * (v - forecast) / v : 0
        }
    }

    /// `CORREL` with `CorrelationState`'s shifted sums, rebuilds and guards, operation for operation.
    static func correlation(_ xs: UnsafePointer<Double>, _ ys: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int,
                            _ out: UnsafeMutablePointer<Double>) {
        let period = Swift.max(1, rawPeriod)
        let invPeriod = 1.0 / Double(period)
        let lookback = period - 1
        fill(out, 0, Swift.min(lookback, n), .nan)
        guard n > lookback else { return }
        var shiftX = xs[0], shiftY = ys[0]
        var sumX = 0.0, sumY = 0.0, sumX2 = 0.0, sumY2 = 0.0, sumXY = 0.0
        var leavingX = 0.0, leavingY = 0.0
        var barsSinceReseed = 32 * period
        for t in 0..<n {
            let x = xs[t] - shiftX
            let y = ys[t] - shiftY
            sumX += x
            sumX2 += x * x
            sumXY += x * y
            sumY += y
            sumY2 += y * y
            if t < lookback { continue }
            let oldest = t - lookback
            var ssX = sumX2 - (sumX * sumX) * invPeriod
            var ssY = sumY2 - (sumY * sumY) * invPeriod
            var spXY = sumXY - (sumX * sumY) * invPeriod
            barsSinceReseed -= 1
            if ssX < 0.000001 * sumX2 || ssY < 0.000001 * sumY2
                || leavingX > 1_000_000.0 * sumX2 || leavingY > 1_000_000.0 * sumY2 || barsSinceReseed <= 0 {
                barsSinceReseed = 32 * period
                var totalX = 0.0
                var totalY = 0.0
                for k in oldest...t {
                    totalX += xs[k]
                    totalY += ys[k]
                }
                shiftX = totalX * invPeriod
                shiftY = totalY * invPeriod
                sumX = 0; sumY = 0; sumX2 = 0; sumY2 = 0; sumXY = 0
                for k in oldest...t {
                    let a = xs[k] - shiftX
                    sumX += a
                    sumX2 += a * a
                    let b = ys[k] - shiftY
                    sumXY += a * b
                    sumY += b
                    sumY2 += b * b
                }
                ssX = sumX2 - (sumX * sumX) * invPeriod
                ssY = sumY2 - (sumY * sumY) * invPeriod
                spXY = sumXY - (sumX * sumY) * invPeriod
                if ssX < 0 { ssX = 0 }
                if ssY < 0 { ssY = 0 }
            }
            let trailingX = xs[oldest] - shiftX
            let trailingY = ys[oldest] - shiftY
            var r = 0.0
            if ssX > 0.00000000000001 * sumX2 && ssY > 0.00000000000001 * sumY2 {
                r = spXY / (ssX * ssY).squareRoot()
                if r > 1 { r = 1 } else if r < -1 { r = -1 }
            }
            out[t] = r
            leavingX = trailingX * trailingX
            leavingY = trailingY * trailingY
            sumX -= trailingX
            sumX2 -= leavingX
            sumXY -= trailingX * trailingY
            sumY -= trailingY
            sumY2 -= leavingY
        }
    }

    /// TA-Lib's shifted one-bar return (`BetaState.shiftedReturn`): `-shift` when the previous price is zero.
    @inline(__always)
    static func shiftedReturn(_ price: Double, from previous: Double, shift: Double) -> Double {
        (-0.00000000000001 < previous && previous < 0.00000000000001) ? -shift : (price - previous) / previous - shift
    }

    /// `BETA` with `BetaState`'s shifted return sums, rebuilds and guards, operation for operation.
    static func beta(_ px: UnsafePointer<Double>, _ py: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int,
                     _ out: UnsafeMutablePointer<Double>) {
        let period = Swift.max(1, rawPeriod)
        let count = Double(period)
        fill(out, 0, Swift.min(period, n), .nan)
        guard n > 1 else { return }
        @inline(__always) func isZero(_ v: Double) -> Bool { -0.00000000000001 < v && v < 0.00000000000001 }
        var shiftX = 0.0, shiftY = 0.0
        if !isZero(px[0]) { shiftX = (px[1] - px[0]) / px[0] }
        if !isZero(py[0]) { shiftY = (py[1] - py[0]) / py[0] }
        var sxx = 0.0, sxy = 0.0, sx = 0.0, sy = 0.0
        var leavingXX = 0.0
        var barsSinceReseed = 32 * period
        for t in 1..<n {
            let x = shiftedReturn(px[t], from: px[t - 1], shift: shiftX)
            let y = shiftedReturn(py[t], from: py[t - 1], shift: shiftY)
            sxx += x * x
            sxy += x * y
            sx += x
            sy += y
            if t < period { continue }
            // Prices t - period ... t: the window's returns and the price before them.
            let first = t - period
            var scale = count * sxx
            var denominator = scale - sx * sx
            barsSinceReseed -= 1
            if denominator < 0.000001 * scale || leavingXX > 1000.0 * sxx || barsSinceReseed <= 0 {
                barsSinceReseed = 32 * period
                var totalX = 0.0
                var totalY = 0.0
                for k in (first + 1)...t {
                    let previousX = px[k - 1]
                    if !isZero(previousX) { totalX += (px[k] - previousX) / previousX }
                    let previousY = py[k - 1]
                    if !isZero(previousY) { totalY += (py[k] - previousY) / previousY }
                }
                shiftX = totalX / count
                shiftY = totalY / count
                sxx = 0; sxy = 0; sx = 0; sy = 0
                for k in (first + 1)...t {
                    let a = shiftedReturn(px[k], from: px[k - 1], shift: shiftX)
                    let b = shiftedReturn(py[k], from: py[k - 1], shift: shiftY)
                    sxx += a * a
                    sxy += a * b
                    sx += a
                    sy += b
                }
                scale = count * sxx
                denominator = scale - sx * sx
                if denominator < 0 { denominator = 0 }
            }
            let tx = shiftedReturn(px[first + 1], from: px[first], shift: shiftX)
            let ty = shiftedReturn(py[first + 1], from: py[first], shift: shiftY)
            out[t] = denominator > 0.00000000000001 * scale ? (count * sxy - sx * sy) / denominator : 0
            leavingXX = tx * tx
            sxx -= tx * tx
            sxy -= tx * ty
            sx -= tx
            sy -= ty
        }
    }
}

// MARK: - Order statistics

extension MathKernels {
    /// A window's values kept sorted in a raw buffer, in `PercentileState`'s order: numbers ascending, NaN
    /// after every number, equal values in age order (a new value goes after its equals, and the departing
    /// value is the first of its run). Searches are branch-free; a departure and an arrival together move only
    /// the values between their two places. `numbersOnly` (a constant at each call site) says the series
    /// holds only finite numbers, so the order is plain `<`.
    struct SortedWindow {
        let values: UnsafeMutablePointer<Double>
        var count = 0

        init(capacity: Int) { values = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, capacity)) }

        func release() { values.deallocate() }

        /// The total order: `a` before `b`.
        @inline(__always)
        static func ordered(_ a: Double, before b: Double, numbersOnly: Bool) -> Bool {
            numbersOnly ? a < b : (a < b || (b != b && a == a))
        }

        /// The number of leading values that `belongs(value)` holds for (a sorted prefix); the steps select
        /// with arithmetic, not branches, so unpredictable comparisons cost no mispredictions.
        @inline(__always)
        func partitionPoint(_ belongs: (Double) -> Bool) -> Int {
            guard count > 0 else { return 0 }
            var base = 0
            var length = count
            while length > 1 {
                let half = length &>> 1
                let mask = 0 &- (belongs(values[base &+ half &- 1]) ? 1 : 0)
                base &+= half & mask
                length &-= half
            }
            return base &+ (belongs(values[base]) ? 1 : 0)
        }

        /// First index whose value is not before `v`: the oldest of a run of values equal to `v`.
        /// With `numbersOnly` (every value finite) `e < v` is read from the sign bit of `(e - v) + 0`,
        /// which the compiler cannot turn back into a branch.
        @inline(__always)
        func lowerBound(_ v: Double, numbersOnly: Bool) -> Int {
            guard numbersOnly else { return partitionPoint { Self.ordered($0, before: v, numbersOnly: false) } }
            guard count > 0 else { return 0 }
            var base = 0
            var length = count
            while length > 1 {
                let half = length &>> 1
                // `+ 0` turns the `-0` of `-0 - 0` into `+0`: `-0 < 0` is false.
                let mask = Int(bitPattern: UInt(((values[base &+ half &- 1] - v) + 0.0).bitPattern)) &>> 63
                base &+= half & mask
                length &-= half
            }
            return base &+ (values[base] < v ? 1 : 0)
        }

        /// First index whose value is after `v`, given `start = lowerBound(v)`: the end of `v`'s run of equals.
        @inline(__always)
        func upperBound(_ v: Double, from start: Int, numbersOnly: Bool) -> Int {
            var j = start
            while j < count && !Self.ordered(v, before: values[j], numbersOnly: numbersOnly) { j &+= 1 }
            return j
        }

        /// Adds `v` (the window is filling).
        @inline(__always)
        mutating func insert(_ v: Double, numbersOnly: Bool) {
            let j = upperBound(v, from: lowerBound(v, numbersOnly: numbersOnly), numbersOnly: numbersOnly)
            if j < count { memmove(values + j + 1, values + j, (count - j) * MemoryLayout<Double>.stride) }
            values[j] = v
            count += 1
        }

        /// Takes out `old` (the oldest value of a full window) and adds `v`, as `PercentileState` does;
        /// `lower` is `lowerBound(v)` when the caller has it.
        @inline(__always)
        mutating func replace(_ old: Double, with v: Double, lower: Int, numbersOnly: Bool) {
            let removeAt = lowerBound(old, numbersOnly: numbersOnly)
            guard removeAt < count else {
                insert(v, numbersOnly: numbersOnly)
                return
            }
            // Where `v` goes while `old` is still there; only the values between the two places move.
            let j = upperBound(v, from: lower, numbersOnly: numbersOnly)
            if j > removeAt {
                let target = j - 1
                if target > removeAt {
                    memmove(values + removeAt, values + removeAt + 1, (target - removeAt) * MemoryLayout<Double>.stride)
                }
                values[target] = v
            } else {
                if removeAt > j { memmove(values + j + 1, values + j, (removeAt - j) * MemoryLayout<Double>.stride) }
                values[j] = v
            }
        }
    }

    /// Whether `x[0..<n]` holds only finite numbers (one pass, no branch per value): `v - v` is 0 for
    /// those and NaN for ±inf and NaN.
    static func holdsOnlyFinite(_ x: UnsafePointer<Double>, _ n: Int) -> Bool {
        var others = 0
        for i in 0..<n { others &+= x[i] - x[i] == 0 ? 0 : 1 }
        return others == 0
    }

    /// `PERCENTILE`: the `rank`-th smallest value of the sorted window (`PercentileState`'s rank).
    static func percentile(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int, percentile: Double,
                           _ out: UnsafeMutablePointer<Double>) {
        if holdsOnlyFinite(x, n) {
            percentileWindow(x, n, period: rawPeriod, percentile: percentile, out, numbersOnly: true)
        } else {
            percentileWindow(x, n, period: rawPeriod, percentile: percentile, out, numbersOnly: false)
        }
    }

    @inline(__always)
    static func percentileWindow(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int, percentile: Double,
                                 _ out: UnsafeMutablePointer<Double>, numbersOnly: Bool) {
        let period = Swift.max(1, rawPeriod)
        let raw = (percentile * Double(period) / 100.0).rounded(.up)
        let rankIndex = (raw.isFinite ? Int(Swift.min(Swift.max(raw, 1), Double(period))) : 1) - 1
        let lookback = period - 1
        var window = SortedWindow(capacity: period)
        defer { window.release() }
        for t in 0..<Swift.min(lookback, n) {
            window.insert(x[t], numbersOnly: numbersOnly)
            out[t] = .nan
        }
        guard n > lookback else { return }
        window.insert(x[lookback], numbersOnly: numbersOnly)
        out[lookback] = window.values[rankIndex]
        var t = period
        while t < n {
            let v = x[t]
            window.replace(x[t &- period], with: v, lower: window.lowerBound(v, numbersOnly: numbersOnly),
                           numbersOnly: numbersOnly)
            out[t] = window.values[rankIndex]
            t &+= 1
        }
    }

    /// `PERCENTRANK`: the share of the previous `period` values strictly below the current one, in percent
    /// (`PercentRankState`'s formula), counted afresh per bar as TA-Lib does. Bars go in pairs: the two
    /// windows share all but one value each, so each shared value is loaded once and compared with both bars'
    /// values. The counts compare eight values at a time (`SIMD8<Double> .<`, an ordered comparison: NaN is
    /// below nothing and nothing is below NaN, as the state's scalar `<`), subtracting each all-ones lane mask
    /// from the tally: no branch per value and no separate pass for non-finite input.
    static func percentRank(_ x: UnsafePointer<Double>, _ n: Int, period rawPeriod: Int,
                            _ out: UnsafeMutablePointer<Double>) {
        let period = Swift.max(1, rawPeriod)
        fill(out, 0, Swift.min(period, n), .nan)
        guard n > period else { return }
        let divisor = Double(period)
        let raw = UnsafeRawPointer(x)
        // Values x[first ..< first + count] below `a` and below `b`.
        @inline(__always) func countBelow(_ first: Int, _ count: Int, _ a: Double, _ b: Double) -> (Int, Int) {
            let splatA = SIMD8<Double>(repeating: a), splatB = SIMD8<Double>(repeating: b)
            var tallyA = SIMD8<Int64>(), tallyB = SIMD8<Int64>()
            let blocks = count &>> 3
            var offset = first &* 8
            var j = 0
            while j < blocks {
                let w = raw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Double>.self)
                tallyA &-= unsafeBitCast(w .< splatA, to: SIMD8<Int64>.self)
                tallyB &-= unsafeBitCast(w .< splatB, to: SIMD8<Int64>.self)
                offset &+= 64
                j &+= 1
            }
            var belowA = Int(tallyA.wrappedSum()), belowB = Int(tallyB.wrappedSum())
            var k = first &+ (blocks &<< 3)
            let end = first &+ count
            while k < end {
                let v = x[k]
                belowA &+= v < a ? 1 : 0
                belowB &+= v < b ? 1 : 0
                k &+= 1
            }
            return (belowA, belowB)
        }
        var t = period
        while t &+ 1 < n {
            let a = x[t], b = x[t &+ 1]
            // Bar t's window is x[t - period ..< t], bar t + 1's is x[t + 1 - period ... t].
            var (belowA, belowB) = countBelow(t &+ 1 &- period, period &- 1, a, b)
            belowA &+= x[t &- period] < a ? 1 : 0
            belowB &+= a < b ? 1 : 0
            out[t] = (Double(belowA) / divisor) * 100.0
            out[t &+ 1] = (Double(belowB) / divisor) * 100.0
            t &+= 2
        }
        if t < n {
            let (below, _) = countBelow(t &- period, period, x[t], x[t])
            out[t] = (Double(below) / divisor) * 100.0
        }
    }
}

// MARK: - Hilbert transform

extension MathKernels {
    /// Any `HT_*` function over a series: `HilbertTransformState.update` unrolled into one loop with its state in
    /// locals. The smoothed prices sit twice in a 100-slot buffer so the phase's DFT reads the last
    /// `Int(smoothPeriod + 0.5)` of them as one contiguous run, and its sines and cosines come from
    /// `HilbertPhaseTable` (the same `sin`/`cos` calls on the same angles, made once). Outputs start at
    /// `kind.lookback`; before that NaN, or 0 for `HT_TRENDMODE`.
    static func hilbert(_ kind: HilbertTransformKind, _ x: UnsafePointer<Double>, _ n: Int,
                        _ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>) {
        switch kind {
        case .dcPeriod: hilbert(x, n, o0, o1, HilbertKind.DCPeriod.self)
        case .dcPhase: hilbert(x, n, o0, o1, HilbertKind.DCPhase.self)
        case .phasor: hilbert(x, n, o0, o1, HilbertKind.Phasor.self)
        case .sine: hilbert(x, n, o0, o1, HilbertKind.Sine.self)
        case .trendMode: hilbert(x, n, o0, o1, HilbertKind.TrendMode.self)
        case .trendline: hilbertTrendline(x, n, o0)
        }
    }

    /// A Hilbert-transform function as a type, so `hilbert(_:_:_:_:_:)` is specialised per function and its
    /// tests of the kind fold away at compile time.
    protocol HilbertKindTag { static var kind: HilbertTransformKind { get } }

    /// The tags of `HilbertKindTag`.
    enum HilbertKind {
        enum DCPeriod: HilbertKindTag { static var kind: HilbertTransformKind { .dcPeriod } }
        enum DCPhase: HilbertKindTag { static var kind: HilbertTransformKind { .dcPhase } }
        enum Phasor: HilbertKindTag { static var kind: HilbertTransformKind { .phasor } }
        enum Sine: HilbertKindTag { static var kind: HilbertTransformKind { .sine } }
        enum TrendMode: HilbertKindTag { static var kind: HilbertTransformKind { .trendMode } }
    }

    /// `HT_TRENDLINE` in blocks of bars: first the transform (a chain of dependent operations from bar to bar)
    /// records each bar's `Int(smoothPeriod + 0.5)`, then the raw-price averages over those counts and the
    /// trendline follow for the whole block. The averages no longer wait for the chain, so they overlap one
    /// another instead of stalling it; every value is computed with the same operations in the same order as
    /// `HilbertTransformState`.
    static func hilbertTrendline(_ x: UnsafePointer<Double>, _ n: Int, _ out: UnsafeMutablePointer<Double>) {
        let kind = HilbertTransformKind.trendline
        let transformStart = 3 + kind.smootherOnlyBars
        let firstOutput = kind.lookback
        fill(out, 0, Swift.min(firstOutput, n), .nan)
        guard n > 3 else { return }
        var wmaSub = x[0]
        var wmaSum = x[0]
        wmaSub += x[1]
        wmaSum += x[1] * 2.0
        wmaSub += x[2]
        wmaSum += x[2] * 3.0
        var trailingWMA = 0.0
        var core = HilbertTransformCore()
        var iTrend1 = 0.0, iTrend2 = 0.0, iTrend3 = 0.0
        let blockSize = 256
        // Each bar's averaging count, -1 before the transform starts.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: blockSize)
        defer { counts.deallocate() }
        var start = 3
        while start < n {
            let end = Swift.min(n, start &+ blockSize)
            for index in start..<end {
                let v = x[index]
                wmaSub += v
                wmaSub -= trailingWMA
                wmaSum += v * 4.0
                trailingWMA = x[index - 3]
                let price = wmaSum * 0.1
                wmaSum -= wmaSub
                if index < transformStart {
                    counts[index &- start] = -1
                    continue
                }
                core.step(smoothed: price, index: index)
                counts[index &- start] = dominantCycleBars(core.smoothPeriod)
            }
            for index in start..<end {
                let bars = counts[index &- start]
                if bars < 0 { continue }
                var average = 0.0
                let terms = Swift.min(bars, Swift.min(50, index + 1))
                var j = 0
                while j < terms {
                    average += x[index &- j]
                    j &+= 1
                }
                if bars > 0 { average = average / Double(bars) }
                let trendline = (4.0 * average + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0
                iTrend3 = iTrend2
                iTrend2 = iTrend1
                iTrend1 = average
                if index >= firstOutput { out[index] = trendline }
            }
            start = end
        }
    }

    static func hilbert<Kind: HilbertKindTag>(_ x: UnsafePointer<Double>, _ n: Int,
                                              _ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>,
                                              _: Kind.Type) {
        let kind = Kind.kind
        let needsPhase = kind == .dcPhase || kind == .sine || kind == .trendMode
        let needsTrendline = kind == .trendline || kind == .trendMode
        let twoOutputs = kind == .phasor || kind == .sine
        let transformStart = 3 + (kind == .dcPeriod || kind == .phasor ? 9 : 34)
        let firstOutput = kind.lookback
        let blank = kind == .trendMode ? 0.0 : Double.nan
        fill(o0, 0, Swift.min(firstOutput, n), blank)
        if twoOutputs { fill(o1, 0, Swift.min(firstOutput, n), blank) }
        guard n > 3 else { return }

        let radToDeg = HilbertTransformCore.radToDeg
        let degToRad = HilbertTransformState.degToRad
        // The 4-bar price smoother's first three bars, as the state adds them.
        var wmaSub = x[0]
        var wmaSum = x[0]
        wmaSub += x[1]
        wmaSum += x[1] * 2.0
        wmaSub += x[2]
        wmaSum += x[2] * 3.0
        var trailingWMA = 0.0
        var core = HilbertTransformCore()
        // Each smoothed price at slot k and k + 50 of a 100-slot ring.
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: 100)
        buffer.initialize(repeating: 0, count: 100)
        defer { buffer.deallocate() }
        var smoothIndex = 0
        var phase = 0.0, sine = 0.0, leadSine = 0.0
        var iTrend1 = 0.0, iTrend2 = 0.0, iTrend3 = 0.0
        var daysInTrend = 0
        let table = HilbertPhaseTable.shared
        let sines = table.sines, cosines = table.cosines

        for index in 3..<n {
            let v = x[index]
            wmaSub += v
            wmaSub -= trailingWMA
            wmaSum += v * 4.0
            trailingWMA = x[index - 3]
            let price = wmaSum * 0.1
            wmaSum -= wmaSub
            if index < transformStart { continue }

            if needsPhase {
                buffer[smoothIndex] = price
                buffer[smoothIndex + 50] = price
            }
            core.step(smoothed: price, index: index)
            let smoothPeriod = core.smoothPeriod

            var previousPhase = phase
            var previousSine = sine
            var previousLeadSine = leadSine
            if needsPhase {
                previousPhase = phase
                let bars = dominantCycleBars(smoothPeriod)
                var realPart = 0.0
                var imagPart = 0.0
                let newest = buffer + (smoothIndex + 50)
                let row = bars * HilbertPhaseTable.width
                for i in 0..<bars {
                    let s = newest[-i]
                    realPart += sines[row + i] * s
                    imagPart += cosines[row + i] * s
                }
                let magnitude = abs(imagPart)
                if magnitude > 0.0 {
                    phase = atan(realPart / imagPart) * radToDeg
                } else if magnitude <= 0.01 {
                    if realPart < 0.0 { phase -= 90.0 } else if realPart > 0.0 { phase += 90.0 }
                }
                phase += 90.0
                phase += 360.0 / smoothPeriod
                if imagPart < 0.0 { phase += 180.0 }
                if phase > 315.0 { phase -= 360.0 }
                previousSine = sine
                previousLeadSine = leadSine
                sine = sin(phase * degToRad)
                leadSine = sin((phase + 45) * degToRad)
            }

            var trendline = 0.0
            if needsTrendline {
                let bars = dominantCycleBars(smoothPeriod)
                var average = 0.0
                let held = Swift.min(50, index + 1)
                for j in 0..<Swift.min(bars, held) { average += x[index - j] }
                if bars > 0 { average = average / Double(bars) }
                trendline = (4.0 * average + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0
                iTrend3 = iTrend2
                iTrend2 = iTrend1
                iTrend1 = average
            }

            var trend = 0.0
            if kind == .trendMode {
                var isTrend = true
                if (sine > leadSine && previousSine <= previousLeadSine)
                    || (sine < leadSine && previousSine >= previousLeadSine) {
                    daysInTrend = 0
                    isTrend = false
                }
                daysInTrend += 1
                if Double(daysInTrend) < 0.5 * smoothPeriod { isTrend = false }
                let advance = phase - previousPhase
                if smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod
                    && advance < 1.5 * 360.0 / smoothPeriod {
                    isTrend = false
                }
                let current = buffer[smoothIndex]
                if trendline != 0.0 && abs((current - trendline) / trendline) >= 0.015 { isTrend = true }
                trend = isTrend ? 1 : 0
            }
            if needsPhase { smoothIndex = smoothIndex == 49 ? 0 : smoothIndex + 1 }

            if index < firstOutput { continue }
            switch kind {
            case .dcPeriod: o0[index] = smoothPeriod
            case .dcPhase: o0[index] = phase
            case .phasor:
                o0[index] = core.inPhase
                o1[index] = core.quadrature
            case .sine:
                o0[index] = sine
                o1[index] = leadSine
            case .trendMode: o0[index] = trend
            case .trendline: o0[index] = trendline
            }
        }
    }
}
