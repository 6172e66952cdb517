// Batch kernels of the Momentum and Volume groups: tight loops over the input columns that give exactly the
// values of the streaming states (same floating-point operations in the same order, same NaN behaviour), without
// building a `Bar` per row or going through rings and optionals. The catalog hands them to
// `IndicatorDefinition(batch:)`; parameter cases a kernel does not cover fall back to running the state.

#if canImport(Glibc)
import Glibc
#endif

/// The moving averages a kernel runs inline: the identity (period 1, as `TA_MA`), SMA and EMA, the defaults of
/// every function of these groups that takes a `matype`. Other types fall back to `MovingAverageState`.
@usableFromInline
enum InlineAverage: Sendable {
    case identity, sma, ema

    /// The inline form of `MovingAverageState(type, period:, functionDefault:)`, or nil when there is none.
    @inlinable
    init?(_ type: MAType, period: Int, functionDefault: MAType) {
        if period <= 1 { self = .identity; return }
        switch MovingAverageState.resolve(type, functionDefault: functionDefault) {
        case .sma: self = .sma
        case .ema: self = .ema
        default: return nil
        }
    }

    /// Leading values with no output, as `MovingAverageState.lookback`.
    @inlinable
    func lookback(period: Int) -> Int { self == .identity ? 0 : period - 1 }
}

/// Kernels shared by the Momentum and Volume batch forms, over raw pointers.
@usableFromInline
enum MomentumKernels {
    // MARK: - Running a kernel over columns

    /// Output columns of `count` rows (none when the input is empty), filled by `body` through raw pointers.
    @inlinable
    static func output(_ n: Int, _ k: Int,
                       _ body: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void)
        -> [[Double]] {
        guard n > 0 else { return [[Double]](repeating: [], count: k) }
        return IndicatorRunner.withColumns(count: n, outputs: k) { o0, o1, o2, _ in body(o0, o1, o2) }
    }

    /// One input column as a pointer (the array is non-empty whenever a kernel reads it).
    @inlinable
    static func with<R>(_ a: [Double], _ body: (UnsafePointer<Double>) -> R) -> R {
        a.withUnsafeBufferPointer { body($0.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Double>.alignment).unsafelyUnwrapped) }
    }

    @inlinable
    static func with<R>(_ a: [Double], _ b: [Double], _ body: (UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
        with(a) { pa in with(b) { pb in body(pa, pb) } }
    }

    @inlinable
    static func with<R>(_ a: [Double], _ b: [Double], _ c: [Double],
                        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
        with(a) { pa in with(b) { pb in with(c) { pc in body(pa, pb, pc) } } }
    }

    @inlinable
    static func with<R>(_ a: [Double], _ b: [Double], _ c: [Double], _ d: [Double],
                        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>) -> R) -> R {
        with(a) { pa in with(b) { pb in with(c) { pc in with(d) { pd in body(pa, pb, pc, pd) } } } }
    }

    /// Writes NaN to `o[from ..< to]` (clamped to `0 ..< n`).
    @inlinable
    static func blank(_ o: UnsafeMutablePointer<Double>, _ from: Int, _ to: Int, _ n: Int) {
        var i = Swift.max(0, from)
        let end = Swift.min(to, n)
        while i < end { o[i] = .nan; i += 1 }
    }

    /// A scratch buffer of `count` doubles for the duration of `body`.
    @inlinable
    static func scratch<R>(_ count: Int, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, count))
        defer { p.deallocate() }
        IndicatorRunner.adviseHugePages(p, count: count)
        return body(p)
    }

    // MARK: - Moving-average passes

    /// `SMAState` over `src[start...]`: `total += x`, then minus the value `period` back, then `/ period`.
    /// Writes `dst[i]` for `i >= start + period - 1`. `src` and `dst` must not alias.
    @inlinable
    static func smaPass(_ src: UnsafePointer<Double>, _ start: Int, _ n: Int, _ period: Int, _ dst: UnsafeMutablePointer<Double>) {
        let first = start + period - 1
        guard first < n else { return }
        let pv = Double(period)
        var total = 0.0
        var i = start
        while i <= first { total += src[i]; i += 1 }
        dst[first] = total / pv
        while i < n {
            total += src[i]
            total -= src[i - period]
            dst[i] = total / pv
            i += 1
        }
    }

    /// `EMAState` over `src[start...]`: the mean of the first `period` values, then `k * x + (1 - k) * ema`
    /// (EMAState's own step, so the two agree bit for bit).
    /// Writes `dst[i]` for `i >= start + period - 1`; `dst` may be `src` (each value is read once, at its row).
    @inlinable
    static func emaPass(_ src: UnsafePointer<Double>, _ start: Int, _ n: Int, _ period: Int, _ dst: UnsafeMutablePointer<Double>) {
        let first = start + period - 1
        guard first < n else { return }
        let k = 2.0 / Double(period + 1)
        let oneMinusK = 1.0 - k
        var sum = 0.0
        var i = start
        while i <= first { sum += src[i]; i += 1 }
        var value = sum / Double(period)
        dst[first] = value
        while i < n {
            value = k * src[i] + oneMinusK * value
            dst[i] = value
            i += 1
        }
    }

    /// `TAExponentialSmoother` over `src[start...]` with factor `k` (TA-Lib's step `ema + (x - ema) * k`);
    /// period 1 is the identity. Writes `dst[i]` for `i >= start + period - 1`; `dst` may be `src`.
    @inlinable
    static func taEMAPass(_ src: UnsafePointer<Double>, _ start: Int, _ n: Int, _ period: Int, k: Double,
                             _ dst: UnsafeMutablePointer<Double>) {
        let first = start + period - 1
        guard first < n else { return }
        var value = 0.0
        var i = start
        while i <= first { value += src[i]; i += 1 }
        value /= Double(period)
        dst[first] = value
        if period == 1 {
            while i < n { dst[i] = src[i]; i += 1 }
            return
        }
        while i < n {
            value = value + (src[i] - value) * k
            dst[i] = value
            i += 1
        }
    }

    /// An inline moving average over `src[start...]` into `dst` (from `start + lookback`). `src` and `dst` must
    /// not alias.
    @inlinable
    static func averagePass(_ kind: InlineAverage, _ src: UnsafePointer<Double>, _ start: Int, _ n: Int, _ period: Int,
                            _ dst: UnsafeMutablePointer<Double>) {
        switch kind {
        case .identity:
            var i = start
            while i < n { dst[i] = src[i]; i += 1 }
        case .sma: smaPass(src, start, n, period, dst)
        case .ema: emaPass(src, start, n, period, dst)
        }
    }

    // MARK: - Single-series momentum

    /// MOM and the ROC family: `f(x[i], x[i - period])` from row `period`.
    @inlinable
    static func lagged(_ x: UnsafePointer<Double>, _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>,
                       _ f: (Double, Double) -> Double) {
        blank(o, 0, period, n)
        var i = period
        while i < n { o[i] = f(x[i], x[i - period]); i += 1 }
    }

    /// RSI as `RSIState`: seed sums of the first `period` changes divided by the period, then Wilder's step with
    /// the reciprocal. Gain and loss advance as the two lanes of one vector, `(e * (period - 1) + part) * (1 /
    /// period)`: the gain lane adds the change when it does not fall, the loss lane adds `-change` when it does
    /// (IEEE defines `x - y` as `x + (-y)`), and the lane left alone adds `-0`, which returns `x` for every `x`.
    /// So every value is the state's, with no branch on the coin-toss sign and a loop-carried chain of one
    /// multiply, one add and one multiply.
    @inlinable
    static func rsi(_ x: UnsafePointer<Double>, _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>) {
        blank(o, 0, period, n)
        guard n > period else { return }
        var gain = 0.0, loss = 0.0
        var i = 1
        while i <= period {
            let change = x[i] - x[i - 1]
            if change < 0 { loss -= change } else { gain += change }
            i += 1
        }
        let pv = Double(period)
        gain /= pv
        loss /= pv
        var total = gain + loss
        o[period] = total != 0 ? 100.0 * (gain / total) : 0
        let pm1 = SIMD2<Double>(repeating: Double(period - 1))
        let r = SIMD2<Double>(repeating: 1.0 / pv)
        var averages = SIMD2(gain, loss)
        while i < n {
            let change = x[i] - x[i - 1]
            // `p > q ? p : q` is one max instruction: the gain lane gets `change` unless it falls (then -0), the
            // loss lane `-change` when it falls (else -0); `-change > -0` is exactly `change < 0`.
            let gainPart = -0.0 > change ? -0.0 : change
            let drop = -change
            let lossPart = drop > -0.0 ? drop : -0.0
            let part = SIMD2(gainPart, lossPart)
            averages = (averages * pm1 + part) * r
            total = averages.x + averages.y
            o[i] = total != 0 ? 100.0 * (averages.x / total) : 0
            i += 1
        }
    }

    /// CMO as `CMOState`: Wilder-averaged gains and losses divided by the period, `100 * (g - l) / (g + l)`.
    @inlinable
    static func cmo(_ x: UnsafePointer<Double>, _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>) {
        blank(o, 0, period, n)
        guard n > period else { return }
        let p = Double(period)
        let pm1 = p - 1
        var gain = 0.0, loss = 0.0
        var i = 1
        while i <= period {
            let change = x[i] - x[i - 1]
            if change < 0 { loss -= change } else { gain += change }
            i += 1
        }
        loss /= p
        gain /= p
        var sum = gain + loss
        o[period] = sum > 0 ? 100.0 * ((gain - loss) / sum) : 0
        while i < n {
            let change = x[i] - x[i - 1]
            let falling = change < 0
            loss = (loss * pm1 - (falling ? change : 0)) / p
            gain = (gain * pm1 + (falling ? 0 : change)) / p
            sum = gain + loss
            o[i] = sum > 0 ? 100.0 * ((gain - loss) / sum) : 0
            i += 1
        }
    }

    /// TRIX as `TRIXState`: three chained `EMAState`s in one pass (EMAState's step `k * x + (1 - k) * ema`), then
    /// the one-bar rate of change of the third.
    @inlinable
    static func trix(_ x: UnsafePointer<Double>, _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>) {
        let p = Swift.max(1, period)
        let lookback = 3 * (p - 1) + 1
        blank(o, 0, lookback, n)
        guard n > lookback else { return }
        let pv = Double(p)
        let k = 2.0 / Double(p + 1)
        let oneMinusK = 1.0 - k
        var i = 0
        var s1 = 0.0
        while i < p { s1 += x[i]; i += 1 }
        var e1 = s1 / pv
        var s2 = 0.0
        s2 += e1
        while i < 2 * p - 1 {
            e1 = k * x[i] + oneMinusK * e1
            s2 += e1
            i += 1
        }
        var e2 = s2 / pv
        var s3 = 0.0
        s3 += e2
        while i < 3 * p - 2 {
            e1 = k * x[i] + oneMinusK * e1
            e2 = k * e1 + oneMinusK * e2
            s3 += e2
            i += 1
        }
        var previous = s3 / pv
        while i < n {
            e1 = k * x[i] + oneMinusK * e1
            e2 = k * e1 + oneMinusK * e2
            let e3 = k * e2 + oneMinusK * previous
            o[i] = previous != 0 ? ((e3 - previous) / previous) * 100.0 : 0
            previous = e3
            i += 1
        }
    }

    // MARK: - MACD family

    /// The signal line and histogram shared by MACD, MACDFIX and MACDEXT: `o1 = signal(o0)` from row `start`,
    /// `o2 = o0 - o1`, and every output blank before `lookback`. `signal` writes `o1` from `o0`.
    @inlinable
    static func macdTail(_ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>,
                         _ o2: UnsafeMutablePointer<Double>, _ n: Int, lookback: Int,
                         signal: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) {
        if lookback < n {
            signal(UnsafePointer(o0), o1)
            var i = lookback
            while i < n { o2[i] = o0[i] - o1[i]; i += 1 }
        }
        blank(o0, 0, lookback, n)
        blank(o1, 0, lookback, n)
        blank(o2, 0, lookback, n)
    }

    /// MACD / MACDFIX as `MACDState` in ONE pass (as TA-Lib 0.8.1 loops): the fast, slow and signal EMAs advance
    /// in lockstep, so the three loop-carried chains overlap instead of running one pass after another, and the
    /// three outputs are written where they are computed. Needs fast, slow and signal periods above 1 (the
    /// smoothers' identity cases go through `macdTwoPass`). Same operations in the same order as the state:
    /// TA-Lib's step `e + (x - e) * k`, the signal seeded with `(0 + m0 + m1 + ...) / signal`.
    @inlinable
    static func macd(_ x: UnsafePointer<Double>, _ n: Int, fast: Int, slow: Int, fastK: Double, slowK: Double,
                     signal: Int, _ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>,
                     _ o2: UnsafeMutablePointer<Double>) {
        guard fast > 1, slow > 1, signal > 1 else {
            macdTwoPass(x, n, fast: fast, slow: slow, fastK: fastK, slowK: slowK, signal: signal, o0, o1, o2)
            return
        }
        let first = slow - 1
        let lookback = first + signal - 1
        blank(o0, 0, lookback, n)
        blank(o1, 0, lookback, n)
        blank(o2, 0, lookback, n)
        guard lookback < n else { return }
        var (f, s) = macdSeeds(x, fast: fast, slow: slow)
        var i = slow
        var line = f - s
        var sig = 0.0
        sig += line
        while i <= lookback {
            let v = x[i]
            s = s + (v - s) * slowK
            f = f + (v - f) * fastK
            line = f - s
            sig += line
            i += 1
        }
        sig /= Double(signal)
        o0[lookback] = line
        o1[lookback] = sig
        o2[lookback] = line - sig
        let signalK = 2.0 / Double(signal + 1)
        while i < n {
            let v = x[i]
            s = s + (v - s) * slowK
            f = f + (v - f) * fastK
            line = f - s
            sig = sig + (line - sig) * signalK
            o0[i] = line
            o1[i] = sig
            o2[i] = line - sig
            i += 1
        }
    }

    /// The seeds of MACD's two EMAs, as `MACDState` takes them: the mean of the first `fast` closes ending at row
    /// `slow - 1`, and of the first `slow` closes (one pass, the slow sum added first). Rows `0 ..< slow` are read.
    @inlinable
    static func macdSeeds(_ x: UnsafePointer<Double>, fast: Int, slow: Int) -> (fast: Double, slow: Double) {
        var s = 0.0, f = 0.0
        var i = 0
        while i < slow - fast { s += x[i]; i += 1 }
        while i < slow { s += x[i]; f += x[i]; i += 1 }
        return (f / Double(fast), s / Double(slow))
    }

    /// MACD / MACDFIX as `MACDState` for any periods (identity smoothers included): the slow EMA from row 0, the
    /// fast one from row `slow - fast` (both first valued at row `slow - 1`), TA-Lib's EMA step, then the signal
    /// EMA over the MACD line in a second pass.
    @inlinable
    static func macdTwoPass(_ x: UnsafePointer<Double>, _ n: Int, fast: Int, slow: Int, fastK: Double, slowK: Double,
                     signal: Int, _ o0: UnsafeMutablePointer<Double>, _ o1: UnsafeMutablePointer<Double>,
                     _ o2: UnsafeMutablePointer<Double>) {
        let first = slow - 1
        if first < n {
            var (f, s) = macdSeeds(x, fast: fast, slow: slow)
            var i = slow
            o0[first] = f - s
            let fastIdentity = fast == 1, slowIdentity = slow == 1
            if !fastIdentity && !slowIdentity {
                while i < n {
                    let v = x[i]
                    s = s + (v - s) * slowK
                    f = f + (v - f) * fastK
                    o0[i] = f - s
                    i += 1
                }
            } else {
                while i < n {
                    let v = x[i]
                    s = slowIdentity ? v : s + (v - s) * slowK
                    f = fastIdentity ? v : f + (v - f) * fastK
                    o0[i] = f - s
                    i += 1
                }
            }
        }
        macdTail(o0, o1, o2, n, lookback: first + signal - 1) { line, out in
            taEMAPass(line, first, n, signal, k: 2.0 / Double(signal + 1), out)
        }
    }

    // MARK: - Window extremes

    /// The highest of `h` and lowest of `l` over the last `period` rows, for rows `period - 1 ..< n`, by
    /// `RollingExtreme`'s block method with its exact comparisons (so NaN travels as it does in the state).
    @inlinable
    static func windowExtremes(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, _ period: Int,
                               _ body: (Int, Double, Double) -> Void) {
        let p = Swift.max(1, period)
        let sufH = UnsafeMutablePointer<Double>.allocate(capacity: p)
        let sufL = UnsafeMutablePointer<Double>.allocate(capacity: p)
        defer { sufH.deallocate(); sufL.deallocate() }
        sufH.initialize(repeating: -.infinity, count: p)
        sufL.initialize(repeating: .infinity, count: p)
        var start = 0
        while start < n {
            let end = Swift.min(start + p, n)
            var ph = h[start], pl = l[start]
            var i = start
            while i < end {
                if i > start {
                    let a = h[i], b = l[i]
                    ph = a > ph ? a : ph
                    pl = b < pl ? b : pl
                }
                let next = i - start + 1
                var hh = ph, ll = pl
                if next < p {
                    let sh = sufH[next], sl = sufL[next]
                    hh = ph > sh ? ph : sh
                    ll = pl < sl ? pl : sl
                }
                if i >= p - 1 { body(i, hh, ll) }
                i += 1
            }
            if end - start == p {
                var rh = h[start + p - 1], rl = l[start + p - 1]
                sufH[p - 1] = rh
                sufL[p - 1] = rl
                var j = p - 2
                while j >= 0 {
                    let a = h[start + j], b = l[start + j]
                    rh = a > rh ? a : rh
                    rl = b < rl ? b : rl
                    sufH[j] = rh
                    sufL[j] = rl
                    j -= 1
                }
            }
            start = end
        }
    }

    /// Raw %K of the window of each row into `k[row]` from row `period - 1`.
    @inlinable
    static func rawK(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                     _ period: Int, _ k: UnsafeMutablePointer<Double>) {
        windowExtremes(h, l, n, period) { i, hh, ll in
            k[i] = stochasticRawK(close: c[i], highest: hh, lowest: ll)
        }
    }

    /// TA-Lib's extreme tracker (`TAExtremeTracker`): the index of the highest (`max`) or lowest value of the last
    /// `period + 1` rows, rescanning only when the extreme leaves the window; later index wins ties.
    @inlinable
    static func trackedExtremes(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, _ period: Int,
                                _ body: (Int, Int, Int) -> Void) {
        var hi = -1, lo = -1
        var highest = 0.0, lowest = 0.0
        var bar = period
        while bar < n {
            let trailing = bar - period
            if hi < trailing {
                hi = trailing
                highest = h[trailing]
                var j = trailing + 1
                while j <= bar {
                    if h[j] >= highest { hi = j; highest = h[j] }
                    j += 1
                }
            } else if h[bar] >= highest {
                hi = bar
                highest = h[bar]
            }
            if lo < trailing {
                lo = trailing
                lowest = l[trailing]
                var j = trailing + 1
                while j <= bar {
                    if l[j] <= lowest { lo = j; lowest = l[j] }
                    j += 1
                }
            } else if l[bar] <= lowest {
                lo = bar
                lowest = l[bar]
            }
            body(bar, hi, lo)
            bar += 1
        }
    }

    // MARK: - Wilder's directional movement

    /// The running core of `WilderDirectionalCore` over rows `1 ..< n`: calls `body(row, +DM, -DM, TR, +DM1, -DM1,
    /// TR1)` after each row's smoothing step. With `needsRange == false` the true range is not computed (DM only).
    @inlinable
    static func directional(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                            _ n: Int, _ period: Int, needsRange: Bool,
                            _ body: (Int, Double, Double, Double, Double, Double, Double) -> Void) {
        let pv = Double(period)
        var plus = 0.0, minus = 0.0, tr = 0.0
        var i = 1
        while i < n {
            let diffP = h[i] - h[i - 1]
            let diffM = l[i - 1] - l[i]
            let minus1 = diffM > 0 && diffM - diffP > 0 ? diffM : 0.0
            let plus1 = diffP > 0 && diffP - diffM > 0 ? diffP : 0.0
            var range = 0.0
            if needsRange {
                let pc = c[i - 1]
                range = h[i] - l[i]
                let up = abs(h[i] - pc)
                if up > range { range = up }
                let down = abs(l[i] - pc)
                if down > range { range = down }
            }
            if i >= period {
                minus -= minus / pv
                plus -= plus / pv
                if needsRange { tr = tr - tr / pv + range }
            } else if needsRange {
                tr += range
            }
            minus += minus1
            plus += plus1
            body(i, plus, minus, tr, plus1, minus1, range)
            i += 1
        }
    }

    /// One directional-movement leg as `WilderDirectionalCore` picks it: `d` if it is positive and larger than
    /// `other`, else 0 (both zero on a tie). Which leg wins is a coin toss on real data, so the state's test
    /// `d > 0 && d - other > 0 ? d : 0` (two branches, one mispredicted every other bar) is computed as
    /// `min(d, d - other) > 0 ? d : 0`, a min instruction and a compare mask: the same answer for every input
    /// (NaN in either leg makes `d - other` NaN, which the min keeps and the compare rejects).
    @inlinable @inline(__always)
    static func leg(_ d: Double, _ other: Double) -> Double {
        let lead = d - other
        let least = d < lead ? d : lead
        return least > 0 ? d : 0.0
    }

    /// Row `i`'s (-DM1, +DM1) as the two lanes of one vector, each lane `leg`'s test (for DX, which needs both:
    /// with both lanes used the compiler keeps the choice in vector masks instead of branching on it).
    @inlinable @inline(__always)
    static func movementLanes(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ i: Int) -> SIMD2<Double> {
        let diffP = h[i] - h[i - 1]
        let diffM = l[i - 1] - l[i]
        let legs = SIMD2(diffM, diffP), others = SIMD2(diffP, diffM)
        let lead = legs - others
        let least = lead.replacing(with: legs, where: legs .< lead)
        return SIMD2<Double>(repeating: 0).replacing(with: legs, where: least .> SIMD2<Double>(repeating: 0))
    }

    /// Row `i`'s +DM1 (`plusSide`) or -DM1 alone.
    @inlinable @inline(__always)
    static func movement(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ i: Int, plusSide: Bool) -> Double {
        let diffP = h[i] - h[i - 1]
        let diffM = l[i - 1] - l[i]
        return plusSide ? leg(diffP, diffM) : leg(diffM, diffP)
    }

    /// Row `i`'s true range as `WilderDirectionalCore` compares it (the bar's range, then each gap if larger).
    @inlinable @inline(__always)
    static func trueRange(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                          _ i: Int) -> Double {
        let pc = c[i - 1]
        var range = h[i] - l[i]
        let up = abs(h[i] - pc)
        if up > range { range = up }
        let down = abs(l[i] - pc)
        if down > range { range = down }
        return range
    }

    /// PLUS_DM (`plusSide`) or MINUS_DM as `WilderDirectionalCore` feeds them: only the side asked for is
    /// smoothed (`dm - dm / period + dm1`, the division kept as the state does it), from row `max(1, period - 1)`.
    /// One loop per side, so the side is not a select merged into the leg's compare.
    @inlinable
    static func directionalMovement(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, _ period: Int,
                                    plusSide: Bool, _ o: UnsafeMutablePointer<Double>) {
        if plusSide {
            directionalMovementLoop(h, l, n, period, o) { h, l, i in movement(h, l, i, plusSide: true) }
        } else {
            directionalMovementLoop(h, l, n, period, o) { h, l, i in movement(h, l, i, plusSide: false) }
        }
    }

    @inlinable @inline(__always)
    static func directionalMovementLoop(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, _ period: Int,
                                        _ o: UnsafeMutablePointer<Double>,
                                        _ move: (UnsafePointer<Double>, UnsafePointer<Double>, Int) -> Double) {
        let first = Swift.max(1, period - 1)
        blank(o, 0, first, n)
        let pv = Double(period)
        var dm = 0.0
        var i = 1
        while i < Swift.min(period, n) {
            dm += move(h, l, i)
            if i >= first { o[i] = dm }
            i += 1
        }
        while i < n {
            let m = move(h, l, i)
            dm -= dm / pv
            dm += m
            o[i] = dm
            i += 1
        }
    }

    /// PLUS_DI (`plusSide`) or MINUS_DI as `PlusDIState` / `MinusDIState` for periods above 1: the side's DM and
    /// the true range smoothed together, their two divisions by the period in one two-lane divide (each lane the
    /// state's own `x - x / period + new`), then `100 * (dm / tr)` from row `period`. One loop per side.
    @inlinable
    static func directionalIndicator(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                                     _ n: Int, _ period: Int, plusSide: Bool, _ o: UnsafeMutablePointer<Double>) {
        if plusSide {
            directionalIndicatorLoop(h, l, c, n, period, o) { h, l, i in movement(h, l, i, plusSide: true) }
        } else {
            directionalIndicatorLoop(h, l, c, n, period, o) { h, l, i in movement(h, l, i, plusSide: false) }
        }
    }

    @inlinable @inline(__always)
    static func directionalIndicatorLoop(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                                         _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>,
                                         _ move: (UnsafePointer<Double>, UnsafePointer<Double>, Int) -> Double) {
        blank(o, 0, period, n)
        var sums = SIMD2<Double>(0, 0)   // (dm, tr)
        var i = 1
        while i < Swift.min(period, n) {
            sums += SIMD2(move(h, l, i), trueRange(h, l, c, i))
            i += 1
        }
        let pv = SIMD2<Double>(repeating: Double(period))
        while i < n {
            let added = SIMD2(move(h, l, i), trueRange(h, l, c, i))
            sums = sums - sums / pv + added
            let tr = sums.y
            o[i] = tr > 0 ? 100.0 * (sums.x / tr) : 0
            i += 1
        }
    }

    /// DX as `DXState`: +DM and -DM smoothed in one two-lane step and the true range beside them, both DIs from
    /// one two-lane divide, and the last defined DX repeated where TA-Lib leaves it undefined.
    @inlinable
    static func directionalIndex(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>,
                                 _ n: Int, _ period: Int, _ o: UnsafeMutablePointer<Double>) {
        blank(o, 0, period, n)
        var dms = SIMD2<Double>(0, 0)   // (minus, plus)
        var tr = 0.0
        var i = 1
        while i < Swift.min(period, n) {
            tr += trueRange(h, l, c, i)
            dms += movementLanes(h, l, i)
            i += 1
        }
        let pv = Double(period)
        let pv2 = SIMD2<Double>(repeating: pv)
        var last = 0.0
        while i < n {
            let moves = movementLanes(h, l, i)
            let range = trueRange(h, l, c, i)
            dms -= dms / pv2
            tr = tr - tr / pv + range
            dms += moves
            if tr > 0 {
                let di = 100.0 * (dms / SIMD2(repeating: tr))
                let sum = di.x + di.y
                if !taIsZero(sum) { last = 100.0 * (abs(di.x - di.y) / sum) }
            }
            o[i] = last
            i += 1
        }
    }

    /// DX of the smoothed sums, or nil where TA-Lib leaves it undefined (as `directionalIndex`).
    @inlinable
    static func dx(_ plus: Double, _ minus: Double, _ tr: Double) -> Double? {
        guard tr > 0 else { return nil }
        let minusDI = 100.0 * (minus / tr)
        let plusDI = 100.0 * (plus / tr)
        let sum = minusDI + plusDI
        guard !taIsZero(sum) else { return nil }
        return 100.0 * (abs(minusDI - plusDI) / sum)
    }

    /// ADX as `ADXState` into `o` (blank before `2 * period - 1`).
    @inlinable
    static func adx(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                    _ period: Int, _ o: UnsafeMutablePointer<Double>) {
        let lookback = 2 * period - 1
        blank(o, 0, lookback, n)
        var adx = 0.0
        let pm1 = Double(period - 1), pv = Double(period)
        directional(h, l, c, n, period, needsRange: true) { i, plus, minus, tr, _, _, _ in
            guard i >= period else { return }
            let d = dx(plus, minus, tr)
            if i < lookback {
                if let d { adx += d }
            } else if i == lookback {
                if let d { adx += d }
                adx /= pv
                o[i] = adx
            } else {
                if let d { adx = (adx * pm1 + d) / pv }
                o[i] = adx
            }
        }
    }

    // MARK: - Volume

    /// ULTOSC as `ULTOSCState`: each row's buying pressure and true range kept in a ring of the longest window, so
    /// the rows leaving the three windows are read back, not recomputed.
    @inlinable
    static func ultosc(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                       _ p0: Int, _ p1: Int, _ p2: Int, _ o: UnsafeMutablePointer<Double>) {
        blank(o, 0, p2, n)
        let size = p2 + 1
        scratch(2 * size) { ring in
            let pressures = ring, ranges = ring + size
            var b0 = 0.0, b1 = 0.0, b2 = 0.0, t0 = 0.0, t1 = 0.0, t2 = 0.0
            var flatRun = 0
            var slot = 0
            var i = 1
            while i < n {
                let pc = c[i - 1]
                let bp = c[i] - Swift.min(l[i], pc)
                var tr = h[i] - l[i]
                let upGap = abs(pc - h[i])
                if upGap > tr { tr = upGap }
                let downGap = abs(pc - l[i])
                if downGap > tr { tr = downGap }
                pressures[slot] = bp
                ranges[slot] = tr
                flatRun = tr == 0 ? flatRun + 1 : 0
                b0 += bp; t0 += tr
                b1 += bp; t1 += tr
                b2 += bp; t2 += tr
                if i > p0 { let j = slot >= p0 ? slot - p0 : slot - p0 + size; b0 -= pressures[j]; t0 -= ranges[j] }
                if i > p1 { let j = slot >= p1 ? slot - p1 : slot - p1 + size; b1 -= pressures[j]; t1 -= ranges[j] }
                if i > p2 { let j = slot >= p2 ? slot - p2 : slot - p2 + size; b2 -= pressures[j]; t2 -= ranges[j] }
                if flatRun >= p0 { b0 = 0; t0 = 0 }
                if flatRun >= p1 { b1 = 0; t1 = 0 }
                if flatRun >= p2 { b2 = 0; t2 = 0 }
                if i >= p2 {
                    var total = 0.0
                    if t0 != 0 { total += 4.0 * (b0 / t0) }
                    if t1 != 0 { total += 2.0 * (b1 / t1) }
                    if t2 != 0 { total += b2 / t2 }
                    o[i] = 100.0 * (total / 7.0)
                }
                slot = slot + 1 == size ? 0 : slot + 1
                i += 1
            }
        }
    }
}

/// The batch forms the catalog uses for the Momentum and Volume functions: each reads its parameters and columns
/// and runs a `MomentumKernels` loop, or runs the streaming state where a parameter case has no kernel.
@usableFromInline
enum MomentumBatch {
    typealias K = MomentumKernels

    // MARK: Price change

    /// MOM, ROC, ROCP, ROCR, ROCR100 (`PriceChange.value`, one loop per kind).
    static func priceChange(_ kind: PriceChange, _ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        return K.with(cols.close) { x in
            K.output(cols.count, 1) { o, _, _ in
                switch kind {
                case .momentum: K.lagged(x, cols.count, period, o) { $0 - $1 }
                case .rateOfChange: K.lagged(x, cols.count, period, o) { $1 != 0 ? ($0 / $1 - 1.0) * 100.0 : 0 }
                case .rateOfChangeFraction: K.lagged(x, cols.count, period, o) { $1 != 0 ? ($0 - $1) / $1 : 0 }
                case .ratio: K.lagged(x, cols.count, period, o) { $1 != 0 ? $0 / $1 : 0 }
                case .ratio100: K.lagged(x, cols.count, period, o) { $1 != 0 ? ($0 / $1) * 100.0 : 0 }
                }
            }
        }
    }

    // MARK: Oscillators of one series

    static func rsi(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        return K.with(cols.close) { x in K.output(cols.count, 1) { o, _, _ in K.rsi(x, cols.count, period, o) } }
    }

    static func cmo(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        return K.with(cols.close) { x in K.output(cols.count, 1) { o, _, _ in K.cmo(x, cols.count, period, o) } }
    }

    static func trix(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        return K.with(cols.close) { x in K.output(cols.count, 1) { o, _, _ in K.trix(x, cols.count, period, o) } }
    }

    static func macd(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let (a, b) = (p.int("fastperiod"), p.int("slowperiod"))
        let (fast, slow) = b < a ? (b, a) : (a, b)
        return macd(cols, fast: fast, slow: slow, fastK: 2.0 / Double(fast + 1), slowK: 2.0 / Double(slow + 1),
                    signal: p.int("signalperiod"))
    }

    static func macdFix(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        macd(cols, fast: 12, slow: 26, fastK: 0.15, slowK: 0.075, signal: p.int("signalperiod"))
    }

    static func macd(_ cols: BarColumns, fast: Int, slow: Int, fastK: Double, slowK: Double, signal: Int) -> [[Double]] {
        K.with(cols.close) { x in
            K.output(cols.count, 3) { o0, o1, o2 in
                K.macd(x, cols.count, fast: fast, slow: slow, fastK: fastK, slowK: slowK, signal: signal, o0, o1, o2)
            }
        }
    }

    /// MACDEXT with SMA/EMA/identity lines (every default); other types run `MACDExtState`.
    static func macdExt(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        var (fp, ft, sp, st) = (p.int("fastperiod"), p.maType("fastmatype"), p.int("slowperiod"), p.maType("slowmatype"))
        let (gp, gt) = (p.int("signalperiod"), p.maType("signalmatype"))
        if sp < fp { (fp, ft, sp, st) = (sp, st, fp, ft) }
        guard let fk = InlineAverage(ft, period: fp, functionDefault: .sma),
              let sk = InlineAverage(st, period: sp, functionDefault: .sma),
              let gk = InlineAverage(gt, period: gp, functionDefault: .sma) else {
            return IndicatorRunner.batch(
                MACDExtState(fastPeriod: p.int("fastperiod"), fastType: p.maType("fastmatype"), slowPeriod: p.int("slowperiod"),
                             slowType: p.maType("slowmatype"), signalPeriod: gp, signalType: gt),
                cols, outputCount: 3)
        }
        let lf = fk.lookback(period: fp), ls = sk.lookback(period: sp)
        let largest = Swift.max(lf, ls)
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 3) { o0, o1, o2 in
                // Fast line into o1, slow into o2, each started so that both first value at `largest`.
                K.averagePass(fk, x, largest - lf, n, fp, o1)
                K.averagePass(sk, x, largest - ls, n, sp, o2)
                var i = largest
                while i < n { o0[i] = o1[i] - o2[i]; i += 1 }
                K.macdTail(o0, o1, o2, n, lookback: largest + gk.lookback(period: gp)) { line, out in
                    K.averagePass(gk, line, largest, n, gp, out)
                }
            }
        }
    }

    static func apo(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        priceOscillator(cols.close, p, percent: false, swapBelowOne: false)
            ?? IndicatorRunner.batch(APOState(fastPeriod: p.int("fastperiod"), slowPeriod: p.int("slowperiod"), type: p.maType()),
                                     cols, outputCount: 1)
    }

    static func ppo(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        priceOscillator(cols.close, p, percent: true, swapBelowOne: true)
            ?? IndicatorRunner.batch(PPOState(fastPeriod: p.int("fastperiod"), slowPeriod: p.int("slowperiod"), type: p.maType()),
                                     cols, outputCount: 1)
    }

    static func pvo(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        priceOscillator(cols.volume, p, percent: true, swapBelowOne: true)
            ?? IndicatorRunner.batch(PVOState(fastPeriod: p.int("fastperiod"), slowPeriod: p.int("slowperiod"), type: p.maType()),
                                     cols, outputCount: 1)
    }

    /// APO (`fast - slow`) and PPO/PVO (`(fast - slow) / slow * 100`) over `series`, both averages from row 0.
    static func priceOscillator(_ series: [Double], _ p: Parameters, percent: Bool, swapBelowOne: Bool) -> [[Double]]? {
        let (a, b) = (p.int("fastperiod"), p.int("slowperiod"))
        var fast = Swift.min(a, b), slow = Swift.max(a, b)
        if swapBelowOne { fast = Swift.max(1, fast); slow = Swift.max(1, slow) }
        let type = p.maType()
        guard let fk = InlineAverage(type, period: fast, functionDefault: .ema),
              let sk = InlineAverage(type, period: slow, functionDefault: .ema) else { return nil }
        let lookback = sk.lookback(period: slow)
        let n = series.count
        return K.with(series) { x in
            K.output(n, 1) { o, _, _ in
                K.scratch(n) { s in
                    K.averagePass(fk, x, 0, n, fast, o)
                    K.averagePass(sk, x, 0, n, slow, s)
                    var i = lookback
                    if percent {
                        while i < n {
                            let sv = s[i]
                            o[i] = sv != 0 ? ((o[i] - sv) / sv) * 100.0 : 0
                            i += 1
                        }
                    } else {
                        while i < n { o[i] = o[i] - s[i]; i += 1 }
                    }
                    K.blank(o, 0, lookback, n)
                }
            }
        }
    }

    // MARK: Stochastics

    static func stoch(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let fk = Swift.max(1, p.int("fastk_period"))
        let skp = Swift.max(1, p.int("slowk_period")), sdp = Swift.max(1, p.int("slowd_period"))
        guard let sk = InlineAverage(p.maType("slowk_matype"), period: skp, functionDefault: .sma),
              let sd = InlineAverage(p.maType("slowd_matype"), period: sdp, functionDefault: .sma) else {
            return IndicatorRunner.batch(
                STOCHState(fastKPeriod: p.int("fastk_period"), slowKPeriod: p.int("slowk_period"), slowKType: p.maType("slowk_matype"),
                           slowDPeriod: p.int("slowd_period"), slowDType: p.maType("slowd_matype")),
                cols, outputCount: 2)
        }
        let n = cols.count
        let kStart = fk - 1, dStart = kStart + sk.lookback(period: skp)
        let lookback = dStart + sd.lookback(period: sdp)
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 2) { o0, o1, _ in
                K.scratch(n) { raw in
                    K.rawK(h, l, c, n, fk, raw)
                    K.averagePass(sk, raw, kStart, n, skp, o0)
                    K.averagePass(sd, o0, dStart, n, sdp, o1)
                }
                K.blank(o0, 0, lookback, n)
                K.blank(o1, 0, lookback, n)
            }
        }
    }

    static func stochF(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let fk = Swift.max(1, p.int("fastk_period")), fdp = Swift.max(1, p.int("fastd_period"))
        guard let fd = InlineAverage(p.maType("fastd_matype"), period: fdp, functionDefault: .sma) else {
            return IndicatorRunner.batch(
                STOCHFState(fastKPeriod: p.int("fastk_period"), fastDPeriod: p.int("fastd_period"), fastDType: p.maType("fastd_matype")),
                cols, outputCount: 2)
        }
        let n = cols.count
        let lookback = fk - 1 + fd.lookback(period: fdp)
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 2) { o0, o1, _ in
                K.rawK(h, l, c, n, fk, o0)
                K.averagePass(fd, o0, fk - 1, n, fdp, o1)
                K.blank(o0, 0, lookback, n)
                K.blank(o1, 0, lookback, n)
            }
        }
    }

    static func stochRSI(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let fk = Swift.max(1, p.int("fastk_period")), fdp = Swift.max(1, p.int("fastd_period"))
        guard let fd = InlineAverage(p.maType("fastd_matype"), period: fdp, functionDefault: .sma) else {
            return IndicatorRunner.batch(
                STOCHRSIState(period: p.int("timeperiod"), fastKPeriod: p.int("fastk_period"), fastDPeriod: p.int("fastd_period"),
                              fastDType: p.maType("fastd_matype")),
                cols, outputCount: 2)
        }
        let n = cols.count
        let lookback = period + fk - 1 + fd.lookback(period: fdp)
        return K.with(cols.close) { x in
            K.output(n, 2) { o0, o1, _ in
                if n > period {
                    K.scratch(n) { r in
                        K.rsi(x, n, period, r)
                        let m = n - period
                        let rv = UnsafePointer(r + period)
                        K.windowExtremes(rv, rv, m, fk) { i, hh, ll in
                            o0[period + i] = stochasticRawK(close: rv[i], highest: hh, lowest: ll)
                        }
                    }
                    K.averagePass(fd, o0, period + fk - 1, n, fdp, o1)
                }
                K.blank(o0, 0, lookback, n)
                K.blank(o1, 0, lookback, n)
            }
        }
    }

    static func willr(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period - 1, n)
                K.windowExtremes(h, l, n, period) { i, hh, ll in
                    o[i] = isFlatRange(highest: hh, lowest: ll) ? 0 : (hh - c[i]) / ((hh - ll) / -100.0)
                }
            }
        }
    }

    // MARK: Aroon

    static func aroon(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let factor = 100.0 / Double(period)
        let n = cols.count
        return K.with(cols.high, cols.low) { h, l in
            K.output(n, 2) { o0, o1, _ in
                K.blank(o0, 0, period, n)
                K.blank(o1, 0, period, n)
                K.trackedExtremes(h, l, n, period) { bar, hi, lo in
                    o0[bar] = factor * Double(period - (bar - lo))
                    o1[bar] = factor * Double(period - (bar - hi))
                }
            }
        }
    }

    static func aroonOscillator(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let factor = 100.0 / Double(period)
        let n = cols.count
        return K.with(cols.high, cols.low) { h, l in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                K.trackedExtremes(h, l, n, period) { bar, hi, lo in
                    o[bar] = factor * Double((bar - lo) - (bar - hi))
                }
            }
        }
    }

    // MARK: Directional movement

    static func directionalMovement(_ side: DirectionalSide, _ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        return K.with(cols.high, cols.low) { h, l in
            K.output(n, 1) { o, _, _ in K.directionalMovement(h, l, n, period, plusSide: side == .plus, o) }
        }
    }

    static func directionalIndicator(_ side: DirectionalSide, _ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        let first = Swift.max(1, period)
        let plusSide = side == .plus
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in
                if period > 1 {
                    K.directionalIndicator(h, l, c, n, period, plusSide: plusSide, o)
                    return
                }
                K.blank(o, 0, first, n)
                // TA-Lib's unsmoothed arm: the plain ratio DM1 / TR1, not scaled by 100.
                K.directional(h, l, c, n, period, needsRange: true) { i, _, _, _, plus1, minus1, tr1 in
                    let dm = plusSide ? plus1 : minus1
                    o[i] = dm > 0 && tr1 > 0 ? dm / tr1 : 0
                }
            }
        }
    }

    static func dx(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in K.directionalIndex(h, l, c, n, period, o) }
        }
    }

    static func adx(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(cols.count, 1) { o, _, _ in K.adx(h, l, c, cols.count, period, o) }
        }
    }

    /// ADXR: ADX into the output, then `(ADX + ADX[-(period-1)]) / 2` in place from the last row down.
    static func adxr(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        let lookback = ADXRState.lookback(period: period)
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in
                K.adx(h, l, c, n, period, o)
                var i = n - 1
                while i >= lookback {
                    o[i] = (o[i] + o[i - (period - 1)]) / 2.0
                    i -= 1
                }
                K.blank(o, 0, lookback, n)
            }
        }
    }

    // MARK: Bars

    static func bop(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.open, cols.high, cols.low, cols.close) { op, h, l, c in
            K.output(n, 1) { o, _, _ in
                var i = 0
                while i < n {
                    let range = h[i] - l[i]
                    o[i] = range <= 0 ? 0 : (c[i] - op[i]) / range
                    i += 1
                }
            }
        }
    }

    static func ultosc(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let sorted = [p.int("timeperiod1"), p.int("timeperiod2"), p.int("timeperiod3")].map { Swift.max(1, $0) }.sorted()
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(cols.count, 1) { o, _, _ in K.ultosc(h, l, c, cols.count, sorted[0], sorted[1], sorted[2], o) }
        }
    }

    // MARK: Volume

    static func ad(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close, cols.volume) { h, l, c, v in
            K.output(n, 1) { o, _, _ in
                var total = 0.0
                var i = 0
                while i < n {
                    total += moneyFlowVolume(high: h[i], low: l[i], close: c[i], volume: v[i])
                    o[i] = total
                    i += 1
                }
            }
        }
    }

    static func adosc(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let f = Swift.max(1, p.int("fastperiod")), s = Swift.max(1, p.int("slowperiod"))
        let fastK = 2.0 / Double(f + 1), slowK = 2.0 / Double(s + 1)
        let fastB = 1.0 - fastK, slowB = 1.0 - slowK
        let lookback = Swift.max(f, s) - 1
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close, cols.volume) { h, l, c, v in
            K.output(n, 1) { o, _, _ in
                var ad = moneyFlowVolume(high: h[0], low: l[0], close: c[0], volume: v[0])
                var fast = ad, slow = ad
                o[0] = fast - slow
                var i = 1
                while i < n {
                    ad += moneyFlowVolume(high: h[i], low: l[i], close: c[i], volume: v[i])
                    fast = fastK * ad + fastB * fast
                    slow = slowK * ad + slowB * slow
                    o[i] = fast - slow
                    i += 1
                }
                K.blank(o, 0, lookback, n)
            }
        }
    }

    static func obv(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.close, cols.volume) { c, v in
            K.output(n, 1) { o, _, _ in
                var total = v[0]
                o[0] = total
                var i = 1
                while i < n {
                    let x = c[i], previous = c[i - 1], volume = v[i]
                    // Branch-free: adding 0 on an unchanged close is an exact no-op.
                    total += x > previous ? volume : (x < previous ? -volume : 0)
                    o[i] = total
                    i += 1
                }
            }
        }
    }

    /// NVI (`rising == false`) and PVI: the index moves by the close's change on bars whose volume falls (rises).
    /// Whether a bar moves the index follows the volume, a coin toss on real data, so the choice is made with
    /// vector compare masks and a lane select (never a branch the CPU would mispredict half the time); the value
    /// chosen is the state's own `index + (c - pc) / pc * index`, kept where the move is undefined or not finite.
    static func volumeIndex(rising: Bool, _ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.close, cols.volume) { c, v in
            K.output(n, 1) { o, _, _ in
                if rising {
                    volumeIndexLoop(c, v, n, o) { volume, previous in volume .> previous }
                } else {
                    volumeIndexLoop(c, v, n, o) { volume, previous in volume .< previous }
                }
            }
        }
    }

    @inline(__always)
    static func volumeIndexLoop(_ c: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ n: Int,
                                _ o: UnsafeMutablePointer<Double>,
                                _ moves: (SIMD2<Double>, SIMD2<Double>) -> SIMDMask<SIMD2<Int64>>) {
        var index = SIMD2<Double>(repeating: 1000.0)
        o[0] = index.x
        let zero = SIMD2<Double>(repeating: 0)
        var i = 1
        while i < n {
            let pc = SIMD2<Double>(repeating: c[i - 1])
            let change = (SIMD2<Double>(repeating: c[i]) - pc) / pc
            let next = index + change * index
            let take = moves(SIMD2(repeating: v[i]), SIMD2(repeating: v[i - 1])) .& (pc .!= zero)
                .& ((next - next) .== zero)
            index.replace(with: next, where: take)
            o[i] = index.x
            i += 1
        }
    }

    static func pvt(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.close, cols.volume) { c, v in
            K.output(n, 1) { o, _, _ in
                var total = 0.0
                o[0] = total
                var i = 1
                while i < n {
                    let pc = c[i - 1]
                    if pc != 0 { total += (c[i] - pc) / pc * v[i] }
                    o[i] = total
                    i += 1
                }
            }
        }
    }

    static func cmf(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close, cols.volume) { h, l, c, v in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period - 1, n)
                var flows = 0.0, volumes = 0.0
                var i = 0
                while i < n {
                    if i >= period {
                        let j = i - period
                        flows -= moneyFlowVolume(high: h[j], low: l[j], close: c[j], volume: v[j])
                        volumes -= v[j]
                    }
                    flows += moneyFlowVolume(high: h[i], low: l[i], close: c[i], volume: v[i])
                    volumes += v[i]
                    if i >= period - 1 { o[i] = volumes > 0 ? flows / volumes : 0 }
                    i += 1
                }
            }
        }
    }

    static func vwap(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close, cols.volume) { h, l, c, v in
            K.output(n, 1) { o, _, _ in
                var priceVolume = 0.0, volumeTotal = 0.0, value = 0.0
                var i = 0
                while i < n {
                    let typical = (h[i] + l[i] + c[i]) / 3.0
                    let volume = v[i]
                    if typical.isFinite && volume.isFinite {
                        priceVolume += typical * volume
                        volumeTotal += volume
                    }
                    if volumeTotal > 0 { value = priceVolume / volumeTotal }
                    o[i] = value
                    i += 1
                }
            }
        }
    }

    static func wad(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in
                var total = 0.0
                o[0] = total
                var i = 1
                while i < n {
                    let x = c[i], pc = c[i - 1]
                    if x > pc {
                        total += x - (pc < l[i] ? pc : l[i])
                    } else if x < pc {
                        total += x - (pc > h[i] ? pc : h[i])
                    }
                    o[i] = total
                    i += 1
                }
            }
        }
    }

    static func marketFacilitation(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let n = cols.count
        return K.with(cols.high, cols.low, cols.volume) { h, l, v in
            K.output(n, 1) { o, _, _ in
                var i = 0
                while i < n {
                    o[i] = v[i] != 0 ? (h[i] - l[i]) / v[i] : 0
                    i += 1
                }
            }
        }
    }

    static func efi(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let k = 2.0 / Double(period + 1)
        let n = cols.count
        return K.with(cols.close, cols.volume) { c, v in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                if period == 1 {
                    var i = 1
                    while i < n { o[i] = (c[i] - c[i - 1]) * v[i]; i += 1 }
                    return
                }
                guard n > period else { return }
                var sum = 0.0
                var i = 1
                while i <= period { sum += (c[i] - c[i - 1]) * v[i]; i += 1 }
                var value = sum / Double(period)
                o[period] = value
                while i < n {
                    let force = (c[i] - c[i - 1]) * v[i]
                    value = value + (force - value) * k
                    o[i] = value
                    i += 1
                }
            }
        }
    }

    static func qstick(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let pv = Double(period)
        let n = cols.count
        return K.with(cols.open, cols.close) { op, c in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period - 1, n)
                var total = 0.0
                var i = 0
                while i < Swift.min(period, n) {
                    total += c[i] - op[i]
                    i += 1
                }
                if period - 1 < n { o[period - 1] = total / pv }
                while i < n {
                    total -= c[i - period] - op[i - period]
                    total += c[i] - op[i]
                    o[i] = total / pv
                    i += 1
                }
            }
        }
    }

    static func rvol(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let pv = Double(period)
        let n = cols.count
        return K.with(cols.volume) { v in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                var total = 0.0
                var zeroRun = 0
                var i = 0
                while i < n {
                    let baseline = total / pv
                    if i >= period { total -= v[i - period] }
                    let volume = v[i]
                    total += volume
                    zeroRun = volume == 0 ? zeroRun + 1 : 0
                    if zeroRun >= period {
                        zeroRun = period
                        total = 0
                    }
                    if i >= period { o[i] = volume / baseline }
                    i += 1
                }
            }
        }
    }
    // MARK: Bill Williams, DPO, ER, Elder ray, Vortex

    /// AO into `o` from row `max(fast, slow) - 1`, with `AOState`'s running sums.
    static func awesome(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, fast: Int, slow: Int,
                        _ o: UnsafeMutablePointer<Double>) {
        let lookback = Swift.max(fast, slow) - 1
        K.blank(o, 0, lookback, n)
        let fv = Double(fast), sv = Double(slow)
        var sumFast = 0.0, sumSlow = 0.0
        var bar = 0
        while bar < Swift.min(lookback, n) {
            let median = (h[bar] + l[bar]) / 2.0
            if bar >= lookback - (fast - 1) { sumFast += median }
            if bar >= lookback - (slow - 1) { sumSlow += median }
            bar += 1
        }
        while bar < n {
            let median = (h[bar] + l[bar]) / 2.0
            sumFast += median
            sumSlow += median
            o[bar] = sumFast / fv - sumSlow / sv
            let jf = bar - fast + 1, js = bar - slow + 1
            sumFast -= (h[jf] + l[jf]) / 2.0
            sumSlow -= (h[js] + l[js]) / 2.0
            bar += 1
        }
    }

    static func ao(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let (fast, slow) = (p.int("fastperiod"), p.int("slowperiod"))
        return K.with(cols.high, cols.low) { h, l in
            K.output(cols.count, 1) { o, _, _ in awesome(h, l, cols.count, fast: fast, slow: slow, o) }
        }
    }

    /// AC: AO minus its `signalperiod` SMA, with `ACState`'s order (add, take the value, then drop the oldest), in
    /// one pass: the oscillator goes into a ring of the last `signal` values (as TA-Lib 0.8.1 loops) instead of an
    /// n-row scratch column and a second pass, and AO's two divisions share one two-lane divide.
    static func ac(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let (fast, slow, signal) = (p.int("fastperiod"), p.int("slowperiod"), p.int("signalperiod"))
        let n = cols.count
        let start = Swift.max(fast, slow) - 1
        let lookback = start + signal - 1
        let sv = Double(signal)
        return K.with(cols.high, cols.low) { h, l in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, lookback, n)
                guard lookback < n, signal >= 1 else { return }
                K.scratch(signal) { ring in
                    let periods = SIMD2(Double(fast), Double(slow))
                    var sums = SIMD2<Double>(0, 0)
                    var bar = 0
                    while bar < start {
                        let median = (h[bar] + l[bar]) / 2.0
                        if bar >= start - (fast - 1) { sums.x += median }
                        if bar >= start - (slow - 1) { sums.y += median }
                        bar += 1
                    }
                    var sum = 0.0
                    var slot = 0
                    @inline(__always) func oscillator(_ bar: Int) -> Double {
                        let median = (h[bar] + l[bar]) / 2.0
                        sums += SIMD2(repeating: median)
                        let means = sums / periods
                        let jf = bar - fast + 1, js = bar - slow + 1
                        sums -= (SIMD2(h[jf], h[js]) + SIMD2(l[jf], l[js])) / 2.0
                        return means.x - means.y
                    }
                    while bar < lookback {
                        let osc = oscillator(bar)
                        ring[slot] = osc
                        sum += osc
                        slot += 1
                        bar += 1
                    }
                    while bar < n {
                        let osc = oscillator(bar)
                        ring[slot] = osc
                        sum += osc
                        o[bar] = osc - sum / sv
                        slot = slot + 1 == signal ? 0 : slot + 1
                        sum -= ring[slot]
                        bar += 1
                    }
                }
            }
        }
    }

    static func dpo(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let lookback = DPOState.lookback(period: period)
        let shift = period / 2 + 1
        let pv = Double(period)
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, lookback, n)
                var total = 0.0
                var bar = Swift.max(0, lookback - (period - 1))
                while bar < Swift.min(lookback, n) { total += x[bar]; bar += 1 }
                while bar < n {
                    total += x[bar]
                    o[bar] = x[bar - shift] - total / pv
                    total -= x[bar - period + 1]
                    bar += 1
                }
            }
        }
    }

    /// ER as `ERState`: the path length kept as a running sum (reset after `period` flat bars).
    static func er(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                var pathSum = 0.0
                var flatRun = 0
                var i = 1
                while i < Swift.min(period + 1, n) {
                    let change = x[i - 1] - x[i]
                    pathSum += abs(change)
                    if change == 0 { flatRun += 1 } else { flatRun = 0 }
                    i += 1
                }
                if period < n {
                    let net = x[period] - x[0]
                    o[period] = pathSum <= 0 || pathSum <= net ? 1.0 : abs(net / pathSum)
                }
                while i < n {
                    let v = x[i], previous = x[i - 1]
                    pathSum -= abs(x[i - period - 1] - x[i - period])
                    pathSum += abs(v - previous)
                    if v - previous == 0 { flatRun += 1 } else { flatRun = 0 }
                    if flatRun >= period {
                        flatRun = period
                        pathSum = 0
                    }
                    let net = v - x[i - period]
                    o[i] = pathSum <= 0 || pathSum <= net ? 1.0 : abs(net / pathSum)
                    i += 1
                }
            }
        }
    }

    /// ERI as `ElderRayState` in one pass: TA-Lib's EMA of the close (`e + (c - e) * k`, seeded with the mean of
    /// the first `period` closes; period 1 the identity) and both powers written as the EMA advances, instead of
    /// an EMA pass into the output and a second pass over it.
    static func elderRay(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        let lookback = period - 1
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 2) { o0, o1, _ in
                K.blank(o0, 0, lookback, n)
                K.blank(o1, 0, lookback, n)
                if period <= 1 {
                    var i = 0
                    while i < n {
                        let average = c[i]
                        o0[i] = h[i] - average
                        o1[i] = l[i] - average
                        i += 1
                    }
                    return
                }
                guard lookback < n else { return }
                let k = 2.0 / Double(period + 1)
                var average = 0.0
                var i = 0
                while i < period { average += c[i]; i += 1 }
                average /= Double(period)
                o0[lookback] = h[lookback] - average
                o1[lookback] = l[lookback] - average
                while i < n {
                    average = average + (c[i] - average) * k
                    o0[i] = h[i] - average
                    o1[i] = l[i] - average
                    i += 1
                }
            }
        }
    }

    static func vortex(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 2) { o0, o1, _ in
                K.blank(o0, 0, period, n)
                K.blank(o1, 0, period, n)
                @inline(__always) func range(_ j: Int) -> Double {
                    let pc = c[j - 1]
                    var tr = h[j] - l[j]
                    let upGap = abs(pc - h[j])
                    if upGap > tr { tr = upGap }
                    let downGap = abs(pc - l[j])
                    if downGap > tr { tr = downGap }
                    return tr
                }
                var sumRange = 0.0, sumPlus = 0.0, sumMinus = 0.0
                var flatRun = 0
                var i = 1
                while i < n {
                    let tr = range(i)
                    sumRange += tr
                    sumPlus += abs(h[i] - l[i - 1])
                    sumMinus += abs(l[i] - h[i - 1])
                    flatRun = tr == 0 ? flatRun + 1 : 0
                    if flatRun >= period {
                        flatRun = period
                        sumRange = 0
                    }
                    if i >= period {
                        if sumRange > 0 {
                            o0[i] = sumPlus / sumRange
                            o1[i] = sumMinus / sumRange
                        } else {
                            o0[i] = 0
                            o1[i] = 0
                        }
                        let j = i - period + 1
                        sumRange -= range(j)
                        sumPlus -= abs(h[j] - l[j - 1])
                        sumMinus -= abs(l[j] - h[j - 1])
                    }
                    i += 1
                }
            }
        }
    }

    // MARK: TSI, SMI (FusedEMA stages, the states' own smoother)

    /// TSI as `TSIState` with its phases unrolled: the first stage seeds on the first `first` changes, the
    /// second on the first `second` values of the first, then both advance with `FusedEMA`'s step
    /// (`k * x + beta * e`). Numerator and denominator lines run as the two lanes of one vector (each lane the
    /// state's own operations), with no optionals or per-bar phase tests in the loop.
    static func tsi(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let stage1 = FusedEMA(period: p.int("firstperiod")), stage2 = FusedEMA(period: p.int("secondperiod"))
        let (p1, p2) = (stage1.period, stage2.period)
        let (k1, b1) = (SIMD2(repeating: stage1.k), SIMD2(repeating: stage1.beta))
        let (k2, b2) = (SIMD2(repeating: stage2.k), SIMD2(repeating: stage2.beta))
        let lookback = p1 + p2 - 1
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, lookback, n)
                guard p1 < n else { return }
                @inline(__always) func change(_ i: Int) -> SIMD2<Double> {
                    let mom = x[i] - x[i - 1]
                    return SIMD2(mom, abs(mom))
                }
                var sum1 = SIMD2<Double>(0, 0)
                var i = 1
                while i <= p1 { sum1 += change(i); i += 1 }
                var e1 = sum1 / SIMD2(repeating: Double(p1))
                var sum2 = SIMD2<Double>(0, 0)
                sum2 += e1
                while i <= lookback && i < n {
                    e1 = k1 * change(i) + b1 * e1
                    sum2 += e1
                    i += 1
                }
                guard lookback < n else { return }
                var e2 = sum2 / SIMD2(repeating: Double(p2))
                o[lookback] = e2.y > 0 ? 100.0 * e2.x / e2.y : 0
                while i < n {
                    e1 = k1 * change(i) + b1 * e1
                    e2 = k2 * e1 + b2 * e2
                    o[i] = e2.y > 0 ? 100.0 * e2.x / e2.y : 0
                    i += 1
                }
            }
        }
    }

    static func smi(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        var sn = FusedEMA(period: p.int("slowperiod")), sd = FusedEMA(period: p.int("slowperiod"))
        var fn = FusedEMA(period: p.int("fastperiod")), fd = FusedEMA(period: p.int("fastperiod"))
        var signal = FusedEMA(period: p.int("signalperiod"))
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 2) { o0, o1, _ in
                K.blank(o0, 0, n, n)
                K.blank(o1, 0, n, n)
                K.windowExtremes(h, l, n, period) { i, hh, ll in
                    let num = c[i] - (hh + ll) * 0.5
                    let den = hh - ll
                    let a = sn.update(num), b = sd.update(den)
                    guard let a, let b else { return }
                    let e = fn.update(a), f = fd.update(b)
                    guard let e, let f else { return }
                    let half = 0.5 * f
                    let value = half > 0 ? 100.0 * e / half : 0
                    guard let s = signal.update(value) else { return }
                    o0[i] = value
                    o1[i] = s
                }
            }
        }
    }

    // MARK: Windowed sums: MFI, CMOU, VHF, CCI, FRACTAL

    /// MFI as `MFIState`: positive and negative money flow over the last `period` changes, held in two rings.
    static func mfi(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close, cols.volume) { h, l, c, v in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                K.scratch(2 * period) { ring in
                    let up = ring, down = ring + period
                    var slot = 0
                    var previous = (h[0] + l[0] + c[0]) / 3.0
                    var positive = 0.0, negative = 0.0
                    var idleRun = 0
                    var i = 1
                    while i < n {
                        let typical = (h[i] + l[i] + c[i]) / 3.0
                        if i > period {
                            positive -= up[slot]
                            negative -= down[slot]
                        }
                        let change = typical - previous
                        let scale = abs(typical) + abs(previous)
                        previous = typical
                        let flow = abs(change) <= 1e-14 * scale ? 0.0 : typical * v[i]
                        let u = change < 0 ? 0.0 : flow
                        let d = change < 0 ? flow : 0.0
                        up[slot] = u
                        down[slot] = d
                        slot = slot + 1 == period ? 0 : slot + 1
                        positive += u
                        negative += d
                        idleRun = flow == 0 ? idleRun + 1 : 0
                        if idleRun >= period {
                            idleRun = period
                            positive = 0
                            negative = 0
                        }
                        if i >= period {
                            let total = positive + negative
                            let clamped = positive < 0 ? 0.0 : (positive > total ? total : positive)
                            o[i] = total <= 0 ? 0 : 100.0 * (clamped / total)
                        }
                        i += 1
                    }
                }
            }
        }
    }

    static func cmou(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                var up = 0.0, down = 0.0
                var flatRun = 0
                var i = 1
                while i < n {
                    if i > period {
                        // Drop the oldest change of the window before adding the newest (TA-Lib's order).
                        let old = x[i - period] - x[i - period - 1]
                        up -= old > 0 ? old : 0
                        down += old < 0 ? old : 0
                    }
                    let change = x[i] - x[i - 1]
                    up += change > 0 ? change : 0
                    down -= change < 0 ? change : 0
                    flatRun = change == 0 ? flatRun + 1 : 0
                    if flatRun >= period {
                        flatRun = period
                        up = 0
                        down = 0
                    }
                    if i >= period {
                        let sum = up + down
                        o[i] = sum > 0 ? 100.0 * (up - down) / sum : 0
                    }
                    i += 1
                }
            }
        }
    }

    /// VHF as `VHFState`: each window's path length and range rescanned in order (O(period) per row).
    static func vhf(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = Swift.max(1, p.int("timeperiod"))
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period, n)
                var i = period
                while i < n {
                    var highest = x[i], lowest = x[i]
                    var previous = x[i - period]
                    var total = 0.0
                    var j = i - period + 1
                    while j <= i {
                        let v = x[j]
                        total += abs(v - previous)
                        highest = v > highest ? v : highest
                        lowest = v < lowest ? v : lowest
                        previous = v
                        j += 1
                    }
                    o[i] = total > 0 ? (highest - lowest) / total : 0
                    i += 1
                }
            }
        }
    }

    /// CCI as `CCIState`: the typical prices in a ring, averaged and deviated in the ring's storage order.
    static func cci(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let period = p.int("timeperiod")
        let pv = Double(period)
        let n = cols.count
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, period - 1, n)
                K.scratch(period) { b in
                    b.initialize(repeating: 0, count: period)
                    var slot = 0
                    var i = 0
                    while i < n {
                        let typical = (h[i] + l[i] + c[i]) / 3.0
                        b[slot] = typical
                        slot = slot + 1 == period ? 0 : slot + 1
                        if i >= period - 1 {
                            var average = 0.0
                            for j in 0..<period { average += b[j] }
                            average /= pv
                            var deviation = 0.0
                            for j in 0..<period { deviation += abs(b[j] - average) }
                            deviation /= pv
                            let distance = typical - average
                            let band = 1e-14 * abs(average)
                            o[i] = abs(distance) <= band || abs(deviation) <= band ? 0 : distance / (0.015 * deviation)
                        }
                        i += 1
                    }
                }
            }
        }
    }

    /// FRACTAL as `FractalState`: the pivot against every other bar of its window (integer outputs, 0 blank).
    static func fractal(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let (left, right) = (p.int("leftbars"), p.int("rightbars"))
        let width = left + right + 1
        let n = cols.count
        return K.with(cols.high, cols.low) { h, l in
            K.output(n, 2) { o0, o1, _ in
                var i = 0
                while i < Swift.min(width - 1, n) { o0[i] = 0; o1[i] = 0; i += 1 }
                while i < n {
                    let start = i - width + 1
                    let pivot = start + left
                    var otherHigh = h[start], otherLow = l[start]
                    // Every bar but the pivot, in window order (two loops instead of a test per bar).
                    var j = start + 1
                    while j < pivot {
                        let a = h[j], b = l[j]
                        otherHigh = a > otherHigh ? a : otherHigh
                        otherLow = b < otherLow ? b : otherLow
                        j += 1
                    }
                    j = pivot + 1
                    while j <= i {
                        let a = h[j], b = l[j]
                        otherHigh = a > otherHigh ? a : otherHigh
                        otherLow = b < otherLow ? b : otherLow
                        j += 1
                    }
                    o0[i] = h[pivot] > otherHigh ? 100 : 0
                    o1[i] = l[pivot] < otherLow ? 100 : 0
                    i += 1
                }
            }
        }
    }
    // MARK: KDJ

    /// One KDJ smoothing stage as `MovingAverageState(type, period:, functionDefault: .rma)` would run it: RMA
    /// (the default) through `RMAState` itself, identity/SMA/EMA inline; nil for the other types.
    static func kdjStage(_ type: MAType, _ period: Int) -> (run: (UnsafePointer<Double>, Int, Int, UnsafeMutablePointer<Double>) -> Void,
                                                            lookback: Int)? {
        if period > 1 && MovingAverageState.resolve(type, functionDefault: .rma) == .rma {
            return ({ src, start, n, dst in
                var state = RMAState(period: period)
                var i = start
                while i < n {
                    if let v = state.update(src[i]) { dst[i] = v }
                    i += 1
                }
            }, period - 1)
        }
        guard let kind = InlineAverage(type, period: period, functionDefault: .rma) else { return nil }
        return ({ src, start, n, dst in K.averagePass(kind, src, start, n, period, dst) }, kind.lookback(period: period))
    }

    static func kdj(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let fk = p.int("fastk_period")
        let (kp, kt, dp, dt) = (p.int("slowk_period"), p.maType("slowk_matype"), p.int("slowd_period"), p.maType("slowd_matype"))
        guard let slowK = kdjStage(kt, kp), let slowD = kdjStage(dt, dp) else {
            return IndicatorRunner.batch(KDJState(fastKPeriod: fk, slowKPeriod: kp, slowKType: kt, slowDPeriod: dp, slowDType: dt),
                                         cols, outputCount: 3)
        }
        let n = cols.count
        let kStart = fk - 1, dStart = kStart + slowK.lookback
        let lookback = dStart + slowD.lookback
        return K.with(cols.high, cols.low, cols.close) { h, l, c in
            K.output(n, 3) { o0, o1, o2 in
                K.trackedExtremes(h, l, n, fk - 1) { bar, hi, lo in
                    let lowest = l[lo]
                    let diff = (h[hi] - lowest) / 100.0
                    o2[bar] = diff != 0 ? (c[bar] - lowest) / diff : 0
                }
                slowK.run(o2, kStart, n, o0)
                slowD.run(o0, dStart, n, o1)
                var i = Swift.max(0, lookback)
                while i < n {
                    o2[i] = 3.0 * o0[i] - 2.0 * o1[i]
                    i += 1
                }
                K.blank(o0, 0, lookback, n)
                K.blank(o1, 0, lookback, n)
                K.blank(o2, 0, lookback, n)
            }
        }
    }
    // MARK: COPPOCK

    /// COPPOCK as `CoppockState`: the WMA of `ROC(r1) + ROC(r2)` kept as running sums, re-anchored every
    /// `8 * wmaperiod` rows from the last `wmaperiod - 1` sums (held in a ring of `wmaperiod` values).
    static func coppock(_ cols: BarColumns, _ p: Parameters) -> [[Double]] {
        let (w, r1, r2) = (p.int("wmaperiod"), p.int("roc1period"), p.int("roc2period"))
        let longest = Swift.max(r1, r2)
        let firstOut = longest + w - 1
        let wv = Double(w)
        let divider = Double(w) * Double(w + 1) / 2.0
        let n = cols.count
        return K.with(cols.close) { x in
            K.output(n, 1) { o, _, _ in
                K.blank(o, 0, firstOut, n)
                K.scratch(w) { ring in
                    @inline(__always) func sum(_ j: Int) -> Double {
                        let v = x[j], b1 = x[j - r1], b2 = x[j - r2]
                        let roc1 = b1 != 0 ? (v / b1 - 1.0) * 100.0 : 0.0
                        let roc2 = b2 != 0 ? (v / b2 - 1.0) * 100.0 : 0.0
                        return roc1 + roc2
                    }
                    var periodSum = 0.0, periodSub = 0.0, trailing = 0.0
                    var untilReanchor = 8 * w
                    var slot = 0
                    var bar = longest
                    var primed = 0
                    while primed < w - 1 && bar < n {
                        primed += 1
                        let s = sum(bar)
                        periodSub += s
                        periodSum += s * Double(primed)
                        ring[slot] = s
                        slot = slot + 1 == w ? 0 : slot + 1
                        bar += 1
                    }
                    while bar < n {
                        let s = sum(bar)
                        periodSub += s
                        periodSub -= trailing
                        periodSum += s * wv
                        untilReanchor -= 1
                        let oldest = slot + 1 == w ? 0 : slot + 1
                        if untilReanchor <= 0 {
                            untilReanchor = 8 * w
                            periodSub = 0
                            periodSum = 0
                            if w > 1 {
                                var q = 0, r = oldest
                                while q < w - 1 {
                                    let v = ring[r]
                                    periodSub += v
                                    periodSum += v * Double(q + 1)
                                    r = r + 1 == w ? 0 : r + 1
                                    q += 1
                                }
                            } else {
                                periodSub += bar > firstOut ? ring[0] : 0
                            }
                            periodSub += s
                            periodSum += s * wv
                        }
                        let value: Double
                        if w == 1 {
                            trailing = bar > firstOut ? ring[0] : 0
                            value = s
                        } else {
                            trailing = ring[oldest]
                            value = periodSum / divider
                        }
                        ring[slot] = s
                        slot = oldest
                        periodSum -= periodSub
                        o[bar] = value
                        bar += 1
                    }
                }
            }
        }
    }
}
