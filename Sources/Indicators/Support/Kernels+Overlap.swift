/// Batch kernels of the Overlap Studies, Volatility Indicators and Price Transform functions.
///
/// Each kernel writes a whole output column through raw pointers and gives, bar for bar, the values of
/// running the function's streaming state over the series (the state stays the reference: where a warm-up
/// has many cases, the kernel runs the state itself for the first bars and then continues from its
/// internal values with the same operations in the same order). Every kernel writes all `n` elements of
/// its outputs, NaN before the lookback.
@usableFromInline
enum OverlapKernels {}

// MARK: - Plumbing

extension OverlapKernels {
    /// `IndicatorRunner.withColumns` (which asks for huge pages on large outputs).
    @inlinable
    static func outputs(
        count n: Int, _ k: Int,
        _ fill: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        IndicatorRunner.withColumns(count: n, outputs: k, fill)
    }

    /// Runs `body` with a pointer to each input and to `outputs` result columns of `input`'s length.
    @inlinable
    static func columns(
        _ a: [Double], outputs k: Int = 1,
        _ body: (UnsafePointer<Double>, Int, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = a.count
        guard n > 0 else { return [[Double]](repeating: [], count: k) }
        return outputs(count: n, k) { o0, o1, o2, o3 in
            a.withUnsafeBufferPointer { pa in body(pa.baseAddress!, n, o0, o1, o2, o3) }
        }
    }

    /// Two inputs of equal length.
    @inlinable
    static func columns(
        _ a: [Double], _ b: [Double], outputs k: Int = 1,
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, Int, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = a.count
        guard n > 0 else { return [[Double]](repeating: [], count: k) }
        return outputs(count: n, k) { o0, o1, o2, o3 in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in body(pa.baseAddress!, pb.baseAddress!, n, o0, o1, o2, o3) }
            }
        }
    }

    /// Three inputs of equal length.
    @inlinable
    static func columns(
        _ a: [Double], _ b: [Double], _ c: [Double], outputs k: Int = 1,
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, Int,
                 UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = a.count
        guard n > 0 else { return [[Double]](repeating: [], count: k) }
        return outputs(count: n, k) { o0, o1, o2, o3 in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeBufferPointer { pc in body(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, n, o0, o1, o2, o3) }
                }
            }
        }
    }

    /// Four inputs of equal length.
    @inlinable
    static func columns(
        _ a: [Double], _ b: [Double], _ c: [Double], _ d: [Double], outputs k: Int = 1,
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, Int,
                 UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>,
                 UnsafeMutablePointer<Double>) -> Void
    ) -> [[Double]] {
        let n = a.count
        guard n > 0 else { return [[Double]](repeating: [], count: k) }
        return outputs(count: n, k) { o0, o1, o2, o3 in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeBufferPointer { pc in
                        d.withUnsafeBufferPointer { pd in
                            body(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, pd.baseAddress!, n, o0, o1, o2, o3)
                        }
                    }
                }
            }
        }
    }

    /// Writes NaN into `out[from..<to]`.
    @inlinable
    static func blank(_ out: UnsafeMutablePointer<Double>, from: Int, to: Int) {
        var i = from
        while i < to { out[i] = .nan; i &+= 1 }
    }

    /// Runs `state` over `x[0..<count]` (a warm-up), writing each bar's value or NaN.
    @inlinable
    static func warmUp<S>(_ state: inout S, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                          count: Int, _ step: (inout S, Double) -> Double?) {
        var i = 0
        while i < count { out[i] = step(&state, x[i]) ?? .nan; i &+= 1 }
    }
}

// MARK: - Moving averages (each equals its state in Overlap/)

extension OverlapKernels {
    /// `SMAState`: running total, `total += x[i]; total -= x[i-p]; out = total / p`.
    @inlinable
    static func sma(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        let p = max(1, period)
        let pd = Double(p)
        var total = 0.0
        let w = min(n, p - 1)
        var i = 0
        while i < w { total += x[i]; out[i] = .nan; i &+= 1 }
        guard n >= p else { return }
        total += x[p - 1]
        out[p - 1] = total / pd
        i = p
        while i < n {
            total += x[i]
            total -= x[i &- p]
            out[i] = total / pd
            i &+= 1
        }
    }

    /// `EMAState`: SMA seed, then `ema = k * x + (1 - k) * ema`.
    @inlinable
    static func ema(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = EMAState(period: max(1, period))
        let w = min(n, s.period)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var v = s.value
        let k = s.k, m = s.oneMinusK
        var i = w
        while i < n {
            v = k * x[i] + m * v
            out[i] = v
            i &+= 1
        }
    }

    /// `WMAState`: running weighted sum and plain sum.
    @inlinable
    static func wma(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = WMAState(period: period)
        let p = s.period
        let w = min(n, p)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var sub = s.periodSub, sum = s.periodSum
        let divider = s.divider, pd = Double(p)
        var i = w
        while i < n {
            let xi = x[i]
            sub += xi
            sub -= x[i &- p]
            sum += xi * pd
            out[i] = sum / divider
            sum -= sub
            i &+= 1
        }
    }

    /// `DEMAState`: two EMAs in one pass.
    @inlinable
    static func dema(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = DEMAState(period: period)
        let w = min(n, DEMAState.lookback(period: period) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var e1 = s.ema1.value, e2 = s.ema2.value
        let k = s.ema1.k, m = s.ema1.oneMinusK
        var i = w
        while i < n {
            e1 = k * x[i] + m * e1
            e2 = k * e1 + m * e2
            out[i] = 2.0 * e1 - e2
            i &+= 1
        }
    }

    /// `TEMAState`: three EMAs in one pass.
    @inlinable
    static func tema(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = TEMAState(period: period)
        let w = min(n, TEMAState.lookback(period: period) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var e1 = s.ema1.value, e2 = s.ema2.value, e3 = s.ema3.value
        let k = s.ema1.k, m = s.ema1.oneMinusK
        var i = w
        while i < n {
            e1 = k * x[i] + m * e1
            e2 = k * e1 + m * e2
            e3 = k * e2 + m * e3
            out[i] = (3.0 * e1) - (3.0 * e2) + e3
            i &+= 1
        }
    }

    /// `TRIMAState`: the triangle as a running sum of two running box sums, read straight from the input.
    @inlinable
    static func trima(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = TRIMAState(period: period)
        if s.period == 1 {
            var i = 0
            while i < n { out[i] = x[i]; i &+= 1 }
            return
        }
        let l1 = s.inner, l2 = s.outer, l12 = l1 + l2
        let w = min(n, l12)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var head = s.head, trail = s.trail, total = s.total
        let factor = s.factor
        var i = w
        while i < n {
            head += x[i]
            head -= x[i &- l1]
            trail += x[i &- l2]
            trail -= x[i &- l12]
            total += head
            total -= trail
            out[i] = total * factor
            i &+= 1
        }
    }

    /// `KAMAState`: efficiency ratio from the input window, read in place.
    @inlinable
    static func kama(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = KAMAState(period: period)
        let p = s.period
        if p == 1 {
            var i = 0
            while i < n { out[i] = x[i]; i &+= 1 }
            return
        }
        let w = min(n, p + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var sumROC1 = s.sumROC1, kama = s.prevKAMA
        let constDiff = KAMAState.constDiff, constMax = KAMAState.constMax
        var i = w
        while i < n {
            let xi = x[i]
            let trailing = x[i &- p]
            sumROC1 -= abs(x[i &- p &- 1] - trailing)
            sumROC1 += abs(xi - x[i &- 1])
            let periodROC = xi - trailing
            let er: Double
            if sumROC1 <= periodROC || (sumROC1 > -1e-8 && sumROC1 < 1e-8) {
                er = 1.0
            } else {
                er = abs(periodROC / sumROC1)
            }
            var sc = er * constDiff + constMax
            sc *= sc
            kama = sc * xi + (1.0 - sc) * kama
            out[i] = kama
            i &+= 1
        }
    }

    /// `T3State`: six EMAs in cascade, one pass.
    @inlinable
    static func t3(_ x: UnsafePointer<Double>, _ n: Int, period: Int, volumeFactor: Double,
                   _ out: UnsafeMutablePointer<Double>) {
        var s = T3State(period: period, volumeFactor: volumeFactor)
        let w = min(n, T3State.lookback(period: period) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var e1 = s.e1, e2 = s.e2, e3 = s.e3, e4 = s.e4, e5 = s.e5, e6 = s.e6
        let k = s.k, m = s.oneMinusK, c1 = s.c1, c2 = s.c2, c3 = s.c3, c4 = s.c4
        var i = w
        while i < n {
            e1 = (k * x[i]) + (m * e1)
            e2 = (k * e1) + (m * e2)
            e3 = (k * e2) + (m * e3)
            e4 = (k * e3) + (m * e4)
            e5 = (k * e4) + (m * e5)
            e6 = (k * e5) + (m * e6)
            out[i] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3
            i &+= 1
        }
    }

    /// `RMAState`: SMA seed, then the paired Wilder smoothing.
    @inlinable
    static func rma(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = RMAState(period: period)
        let w = min(n, s.period)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        smoothPairs(&s.smoothing, from: w, to: n, out) { x[$0] }
    }

    /// Continues `smoothing` over bars `from..<to` with inputs `input(i)`, writing `out[i]`: two bars per
    /// step, the same operations as `PairedSmoothing.update`.
    @inlinable
    static func smoothPairs(_ smoothing: inout PairedSmoothing, from: Int, to n: Int, _ out: UnsafeMutablePointer<Double>,
                            _ input: (Int) -> Double) {
        smoothPairs(&smoothing, from: from, to: n, input) { i, v in out[i] = v }
    }

    /// As above, handing each bar's value to `emit(i, value)`.
    @inlinable
    static func smoothPairs(_ smoothing: inout PairedSmoothing, from: Int, to n: Int,
                            _ input: (Int) -> Double, _ emit: (Int, Double) -> Void) {
        var i = from
        if smoothing.inPair && i < n { emit(i, smoothing.update(input(i))); i &+= 1 }
        var v = smoothing.value
        let a = smoothing.alpha, b = smoothing.beta, ab = smoothing.alphaBeta, bb = smoothing.betaSquared
        while i &+ 1 < n {
            let x0 = input(i), x1 = input(i &+ 1)
            emit(i, a * x0 + b * v)
            v = (a * x1 + ab * x0) + bb * v
            emit(i &+ 1, v)
            i &+= 2
        }
        smoothing.seed(v)
        if i < n { emit(i, smoothing.update(input(i))) }
    }

    /// `ZLEMAState`: an EMA of `2 * x[t] - x[t - lag]`.
    @inlinable
    static func zlema(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = ZLEMAState(period: period)
        if s.period == 1 {
            var i = 0
            while i < n { out[i] = x[i]; i &+= 1 }
            return
        }
        let lag = s.lag
        let w = min(n, ZLEMAState.lookback(period: period) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        var v = s.ema.value
        let k = s.ema.k, m = s.ema.oneMinusK
        var i = w
        while i < n {
            v = k * (2.0 * x[i] - x[i &- lag]) + m * v
            out[i] = v
            i &+= 1
        }
    }

    /// `HMAState`: the full and half WMAs and the outer WMA of `2 * half - full`, one pass (the outer
    /// WMA's last `sqrt(p)` inputs in a small ring).
    @inlinable
    static func hma(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = HMAState(period: period)
        let p = s.period
        if p == 1 {
            var i = 0
            while i < n { out[i] = x[i]; i &+= 1 }
            return
        }
        let w = min(n, HMAState.lookback(period: p) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        guard w < n else { return }
        var fsub = s.full.periodSub, fsum = s.full.periodSum
        let fd = Double(p), fdiv = s.full.divider
        if p <= 3 {
            var i = w
            while i < n {
                let xi = x[i]
                fsub += xi
                fsub -= x[i &- p]
                fsum += xi * fd
                let f = fsum / fdiv
                fsum -= fsub
                out[i] = 2.0 * xi - f
                i &+= 1
            }
            return
        }
        var hsub = s.half.periodSub, hsum = s.half.periodSum
        let hp = s.half.period, hd = Double(hp), hdiv = s.half.divider
        var osub = s.outer.periodSub, osum = s.outer.periodSum
        let q = s.outer.period, qd = Double(q), odiv = s.outer.divider
        let window = s.outer.window
        withUnsafeTemporaryAllocation(of: Double.self, capacity: q) { ring in
            for m in 0..<q { ring[m] = window[m] }
            var slot = 0
            var i = w
            while i < n {
                let xi = x[i]
                hsub += xi
                hsub -= x[i &- hp]
                hsum += xi * hd
                let hv = hsum / hdiv
                hsum -= hsub
                fsub += xi
                fsub -= x[i &- p]
                fsum += xi * fd
                let f = fsum / fdiv
                fsum -= fsub
                let d = 2.0 * hv - f
                osub += d
                osub -= ring[slot]
                ring[slot] = d
                slot &+= 1
                if slot == q { slot = 0 }
                osum += d * qd
                out[i] = osum / odiv
                osum -= osub
                i &+= 1
            }
        }
    }
}

// MARK: - MA by type, MAMA, BBANDS, bands and ranges

extension OverlapKernels {
    /// `MovingAverageState(type, period:, functionDefault:)` over the whole series.
    @inlinable
    static func ma(_ type: MAType, _ x: UnsafePointer<Double>, _ n: Int, period: Int,
                   functionDefault: MAType = .sma, _ out: UnsafeMutablePointer<Double>) {
        var resolved = MovingAverageState.resolve(type, functionDefault: functionDefault)
        if period <= 1 { resolved = .none }
        switch resolved {
        case .sma, .functionDefault: sma(x, n, period: period, out)
        case .ema: ema(x, n, period: period, out)
        case .wma: wma(x, n, period: period, out)
        case .dema: dema(x, n, period: period, out)
        case .tema: tema(x, n, period: period, out)
        case .trima: trima(x, n, period: period, out)
        case .kama: kama(x, n, period: period, out)
        case .mama: mama(x, n, fastLimit: 0.5, slowLimit: 0.05, out, nil)
        case .t3: t3(x, n, period: period, volumeFactor: 0.7, out)
        case .hma: hma(x, n, period: period, out)
        case .zlema: zlema(x, n, period: period, out)
        case .rma: rma(x, n, period: period, out)
        case .none:
            var i = 0
            while i < n { out[i] = x[i]; i &+= 1 }
        }
    }

    /// `MAMAState`: the state takes the smoother's first 12 bars, then its fields continue as locals through
    /// the same operations (the trailing price read from the input instead of the state's 4-value ring, no
    /// per-bar optional or bar-count tests): `mama` and, when given, `fama`.
    @inlinable
    static func mama(_ x: UnsafePointer<Double>, _ n: Int, fastLimit: Double, slowLimit: Double,
                     _ outMama: UnsafeMutablePointer<Double>, _ outFama: UnsafeMutablePointer<Double>?) {
        var s = MAMAState(fastLimit: fastLimit, slowLimit: slowLimit)
        // Without a `fama` column the FAMA goes to the MAMA column first and is overwritten at once.
        let famaOut = outFama ?? outMama
        var i = 0
        while i < min(n, 12) {
            _ = s.update(x[i])
            famaOut[i] = .nan
            outMama[i] = .nan
            i &+= 1
        }
        guard i < n else { return }
        var wmaSub = s.wmaSub, wmaSum = s.wmaSum, trailingWMA = s.trailingWMA
        var detrenderEven = s.detrenderEven, detrenderOdd = s.detrenderOdd
        var q1Even = s.q1Even, q1Odd = s.q1Odd
        var jIEven = s.jIEven, jIOdd = s.jIOdd
        var jQEven = s.jQEven, jQOdd = s.jQOdd
        var hilbertIndex = s.hilbertIndex
        var period = s.period
        var prevQ2 = s.prevQ2, prevI2 = s.prevI2, re = s.re, im = s.im
        var i1ForOddPrev2 = s.i1ForOddPrev2, i1ForOddPrev3 = s.i1ForOddPrev3
        var i1ForEvenPrev2 = s.i1ForEvenPrev2, i1ForEvenPrev3 = s.i1ForEvenPrev3
        var prevPhase = s.prevPhase
        var mama = s.mama, fama = s.fama
        let rad2Deg = MAMAState.rad2Deg
        while i < n {
            let xv = x[i]
            let adjustedPrevPeriod = 0.075 * period + 0.54
            wmaSub += xv
            wmaSub -= trailingWMA
            wmaSum += xv * 4.0
            trailingWMA = x[i &- 3]
            let smoothed = wmaSum * 0.1
            wmaSum -= wmaSub

            let q2: Double, i2: Double, phase: Double
            if i & 1 == 0 {
                let detrender = detrenderEven.apply(smoothed, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let q1 = q1Even.apply(detrender, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let jI = jIEven.apply(i1ForEvenPrev3, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let jQ = jQEven.apply(q1, slot: hilbertIndex, scale: adjustedPrevPeriod)
                hilbertIndex += 1
                if hilbertIndex == 3 { hilbertIndex = 0 }
                q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
                i2 = 0.2 * (i1ForEvenPrev3 - jQ) + 0.8 * prevI2
                i1ForOddPrev3 = i1ForOddPrev2
                i1ForOddPrev2 = detrender
                phase = i1ForEvenPrev3 != 0.0 ? libmAtan(q1 / i1ForEvenPrev3) * rad2Deg : 0.0
            } else {
                let detrender = detrenderOdd.apply(smoothed, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let q1 = q1Odd.apply(detrender, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let jI = jIOdd.apply(i1ForOddPrev3, slot: hilbertIndex, scale: adjustedPrevPeriod)
                let jQ = jQOdd.apply(q1, slot: hilbertIndex, scale: adjustedPrevPeriod)
                q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
                i2 = 0.2 * (i1ForOddPrev3 - jQ) + 0.8 * prevI2
                i1ForEvenPrev3 = i1ForEvenPrev2
                i1ForEvenPrev2 = detrender
                phase = i1ForOddPrev3 != 0.0 ? libmAtan(q1 / i1ForOddPrev3) * rad2Deg : 0.0
            }
            var deltaPhase = prevPhase - phase
            prevPhase = phase
            if deltaPhase < 1.0 { deltaPhase = 1.0 }
            var alpha: Double
            if deltaPhase > 1.0 {
                alpha = fastLimit / deltaPhase
                if alpha < slowLimit { alpha = slowLimit }
            } else {
                alpha = fastLimit
            }
            mama = alpha * xv + (1 - alpha) * mama
            alpha *= 0.5
            fama = alpha * mama + (1 - alpha) * fama

            re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * re
            im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * im
            prevQ2 = q2
            prevI2 = i2
            let previous = period
            if im != 0.0 && re != 0.0 { period = 360.0 / (libmAtan(im / re) * rad2Deg) }
            let upper = 1.5 * previous
            period = period > upper ? upper : period
            let lower = 0.67 * previous
            period = period < lower ? lower : period
            period = period < 6 ? 6 : (period > 50 ? 50 : period)
            period = 0.2 * period + 0.8 * previous

            let shown = i >= 32
            famaOut[i] = shown ? fama : .nan
            outMama[i] = shown ? mama : .nan
            i &+= 1
        }
    }

    /// `BBANDSState`: the middle band from `ma`, the deviation from the same sliding Welford update and
    /// periodic recount as the state.
    @inlinable
    static func bbands(_ x: UnsafePointer<Double>, _ n: Int, period: Int, up: Double, down: Double, type: MAType,
                       _ upper: UnsafeMutablePointer<Double>, _ middle: UnsafeMutablePointer<Double>,
                       _ lower: UnsafeMutablePointer<Double>) {
        let p = max(1, period)
        let pd = Double(p)
        let invPeriod = 1.0 / pd
        let lookback = BBANDSState.lookback(period: p, type: type)
        let recountEvery = max(1024, 8 * p)
        ma(type, x, n, period: p, functionDefault: .sma, middle)
        var mean = 0.0, squares = 0.0, since = 0
        let w = min(n, p)
        var i = 0
        while i < w {
            let xi = x[i]
            let d = xi - mean
            mean += d / Double(i + 1)
            squares += d * (xi - mean)
            i &+= 1
        }
        // Bars before the lookback have no bands (the middle may exist earlier for some types).
        let first = min(n, lookback)
        blank(upper, from: 0, to: first)
        blank(middle, from: 0, to: first)
        blank(lower, from: 0, to: first)
        if p - 1 < n && p - 1 >= lookback {
            let variance = squares * invPeriod
            let sigma = variance > 0 ? variance.squareRoot() : 0.0
            let m = middle[p - 1]
            upper[p - 1] = m + up * sigma
            lower[p - 1] = m - down * sigma
        }
        i = p
        while i < n {
            let xi = x[i]
            let old = x[i &- p]
            let newMean = mean + (xi - old) * invPeriod
            squares += (xi - old) * ((xi - newMean) + (old - mean))
            mean = newMean
            since &+= 1
            if since >= recountEvery {
                var total = 0.0
                var j = i &- p &+ 1
                while j <= i { total += x[j]; j &+= 1 }
                mean = total / pd
                var sq = 0.0
                j = i &- p &+ 1
                while j <= i {
                    let d = x[j] - mean
                    sq += d * d
                    j &+= 1
                }
                squares = sq
                since = 0
            }
            if i >= lookback {
                let variance = squares * invPeriod
                let sigma = variance > 0 ? variance.squareRoot() : 0.0
                let m = middle[i]
                upper[i] = m + up * sigma
                lower[i] = m - down * sigma
            }
            i &+= 1
        }
    }

    /// `ACCBANDSState`: three SMAs fused; the leaving band inputs are recomputed from the bar they came from.
    @inlinable
    static func accbands(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                         period: Int, _ upper: UnsafeMutablePointer<Double>, _ middle: UnsafeMutablePointer<Double>,
                         _ lower: UnsafeMutablePointer<Double>) {
        @inline(__always) func bandInputs(_ high: Double, _ low: Double) -> (Double, Double) {
            let sum = high + low
            if !(sum > -1e-8 && sum < 1e-8) {
                let r = 4.0 * (high - low) / sum
                return (high * (1.0 + r), low * (1.0 - r))
            }
            return (high, low)
        }
        let p = max(1, period)
        let pd = Double(p)
        var tu = 0.0, tm = 0.0, tl = 0.0
        var i = 0
        let w = min(n, p - 1)
        while i < w {
            let (u, lo) = bandInputs(h[i], l[i])
            tu += u; tm += c[i]; tl += lo
            upper[i] = .nan; middle[i] = .nan; lower[i] = .nan
            i &+= 1
        }
        guard n >= p else { return }
        // The band inputs of the last p bars, kept so the leaving ones need not be recomputed.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * p) { ring in
            var k = 0
            while k < p {
                let (u, lo) = bandInputs(h[k], l[k])
                ring[2 * k] = u
                ring[2 * k + 1] = lo
                k &+= 1
            }
            do {
                let u = ring[2 * (p - 1)], lo = ring[2 * (p - 1) + 1]
                tu += u; tm += c[p - 1]; tl += lo
                upper[p - 1] = tu / pd; middle[p - 1] = tm / pd; lower[p - 1] = tl / pd
            }
            var slot = 0   // ring slot of bar i - p
            i = p
            while i < n {
                let (u, lo) = bandInputs(h[i], l[i])
                let ou = ring[2 &* slot], olo = ring[2 &* slot &+ 1]
                ring[2 &* slot] = u
                ring[2 &* slot &+ 1] = lo
                slot &+= 1
                if slot == p { slot = 0 }
                tu += u; tu -= ou
                tm += c[i]; tm -= c[i &- p]
                tl += lo; tl -= olo
                upper[i] = tu / pd
                middle[i] = tm / pd
                lower[i] = tl / pd
                i &+= 1
            }
        }
    }

    /// `VWMAState`: running price-volume and volume sums.
    @inlinable
    static func vwma(_ c: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ n: Int, period: Int,
                     _ out: UnsafeMutablePointer<Double>) {
        let p = max(1, period)
        var weighted = 0.0, volume = 0.0
        var i = 0
        let w = min(n, p - 1)
        while i < w {
            weighted += c[i] * v[i]
            volume += v[i]
            out[i] = .nan
            i &+= 1
        }
        guard n >= p else { return }
        weighted += c[p - 1] * v[p - 1]
        volume += v[p - 1]
        out[p - 1] = p == 1 ? c[p - 1] : weighted / volume
        i = p
        if p == 1 {
            // The sums still run, as in the state, but the output is the price itself.
            while i < n { out[i] = c[i]; i &+= 1 }
            return
        }
        while i < n {
            weighted += c[i] * v[i]
            volume += v[i]
            weighted -= c[i &- p] * v[i &- p]
            volume -= v[i &- p]
            out[i] = weighted / volume
            i &+= 1
        }
    }
}

// MARK: - Volatility

extension OverlapKernels {
    /// `TRANGEState.trueRange` of bar `i` (i >= 1).
    @inlinable @inline(__always)
    static func trueRange(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ i: Int) -> Double {
        TRANGEState.trueRange(high: h[i], low: l[i], previousClose: c[i &- 1])
    }

    /// `TRANGEState`.
    @inlinable
    static func trange(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                       _ out: UnsafeMutablePointer<Double>) {
        out[0] = .nan
        var i = 1
        while i < n { out[i] = trueRange(h, l, c, i); i &+= 1 }
    }

    /// `ATRState` (or `NATRState` when `normalized`): Wilder's smoothing of the true range.
    @inlinable
    static func atr(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ n: Int,
                    period: Int, normalized: Bool, _ out: UnsafeMutablePointer<Double>) {
        var s = ATRState(period: period)
        let p = s.period
        let w = min(n, p + 1)
        var i = 0
        while i < w {
            if let a = s.update(high: h[i], low: l[i], close: c[i]) {
                let ci = c[i]
                out[i] = (!normalized || p == 1) ? a : ((ci > -1e-8 && ci < 1e-8) ? 0.0 : (a / ci) * 100.0)
            } else {
                out[i] = .nan
            }
            i &+= 1
        }
        if p == 1 {
            while i < n { out[i] = trueRange(h, l, c, i); i &+= 1 }
            return
        }
        if normalized {
            smoothPairs(&s.smoothing, from: i, to: n, { trueRange(h, l, c, $0) }) { j, v in
                let cj = c[j]
                out[j] = (cj > -1e-8 && cj < 1e-8) ? 0.0 : (v / cj) * 100.0
            }
        } else {
            smoothPairs(&s.smoothing, from: i, to: n, out) { trueRange(h, l, c, $0) }
        }
    }

    /// `ADRState`: the SMA of `high - low` (the leaving range recomputed from its bar).
    @inlinable
    static func adr(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, period: Int,
                    _ out: UnsafeMutablePointer<Double>) {
        let p = max(1, period)
        let pd = Double(p)
        var total = 0.0
        let w = min(n, p - 1)
        var i = 0
        while i < w { total += h[i] - l[i]; out[i] = .nan; i &+= 1 }
        guard n >= p else { return }
        total += h[p - 1] - l[p - 1]
        out[p - 1] = total / pd
        i = p
        while i < n {
            total += h[i] - l[i]
            total -= h[i &- p] - l[i &- p]
            out[i] = total / pd
            i &+= 1
        }
    }

    /// `CVIState`: the EMA of `high - low` and its rate of change over `rocPeriod` bars (the last
    /// `rocPeriod` EMA values in a small ring).
    @inlinable
    static func cvi(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, period: Int, rocPeriod: Int,
                    _ out: UnsafeMutablePointer<Double>) {
        var s = CVIState(period: period, rocPeriod: rocPeriod)
        let w = min(n, CVIState.lookback(period: period, rocPeriod: rocPeriod) + 1)
        var i = 0
        while i < w { out[i] = s.update(high: h[i], low: l[i]) ?? .nan; i &+= 1 }
        guard w < n else { return }
        let r = s.history.capacity - 1
        var v = s.ema.value
        let k = s.ema.k, m = s.ema.oneMinusK
        let history = s.history
        withUnsafeTemporaryAllocation(of: Double.self, capacity: r) { ring in
            // ring holds E[t-r] ... E[t-1]; ring[slot] is the oldest.
            for m in 0..<r { ring[m] = history[m + 1] }
            var slot = 0
            while i < n {
                v = k * (h[i] - l[i]) + m * v
                let old = ring[slot]
                ring[slot] = v
                slot &+= 1
                if slot == r { slot = 0 }
                out[i] = old != 0 ? ((v - old) / old) * 100.0 : 0.0
                i &+= 1
            }
        }
    }

    /// `MASSIState`: two EMAs of the range and the running sum of their ratio (the last `slowPeriod`
    /// ratios in a small ring).
    @inlinable
    static func massi(_ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int, fastPeriod: Int, slowPeriod: Int,
                      _ out: UnsafeMutablePointer<Double>) {
        var s = MASSIState(fastPeriod: fastPeriod, slowPeriod: slowPeriod)
        let w = min(n, MASSIState.lookback(fastPeriod: fastPeriod, slowPeriod: slowPeriod) + 1)
        var i = 0
        while i < w { out[i] = s.update(high: h[i], low: l[i]) ?? .nan; i &+= 1 }
        guard w < n else { return }
        let q = s.window.capacity
        var e1 = s.ema1.value, e2 = s.ema2.value, total = s.total
        let k = s.ema1.k, m = s.ema1.oneMinusK
        let window = s.window
        withUnsafeTemporaryAllocation(of: Double.self, capacity: q) { ring in
            for m in 0..<q { ring[m] = window[m] }
            var slot = 0
            while i < n {
                e1 = k * (h[i] - l[i]) + m * e1
                e2 = k * e1 + m * e2
                let ratio = e1 / e2
                total += ratio
                total -= ring[slot]
                ring[slot] = ratio
                slot &+= 1
                if slot == q { slot = 0 }
                out[i] = total
                i &+= 1
            }
        }
    }

    /// `RVIState`: the two-pass deviation of the window read in place, Wilder-smoothed up and down legs.
    /// The deviations of two neighbouring bars are computed together, one per lane of a `SIMD2<Double>`
    /// (their windows are one bar apart, so lane 1 reads the same run of values one bar later): each lane
    /// performs `WindowSums.standardDeviation`'s operations in its order, so the values are the state's.
    @inlinable
    static func rvi(_ x: UnsafePointer<Double>, _ n: Int, period: Int, stdDevPeriod: Int, _ out: UnsafeMutablePointer<Double>) {
        var s = RVIState(period: period, stdDevPeriod: stdDevPeriod)
        let w = min(n, RVIState.lookback(period: period, stdDevPeriod: stdDevPeriod) + 1)
        warmUp(&s, x, out, count: w) { $0.update($1) }
        let q = s.stdDevPeriod
        let qd = SIMD2<Double>(repeating: Double(q))
        var up = s.up, down = s.down
        let alpha = s.alpha, beta = s.beta
        let raw = UnsafeRawPointer(x)

        // Window values k of bars `first + q - 1` (lane 0) and `first + q` (lane 1).
        @inline(__always) func pair(_ first: Int, _ k: Int) -> SIMD2<Double> {
            raw.loadUnaligned(fromByteOffset: (first &+ k) &* 8, as: SIMD2<Double>.self)
        }
        // `WindowSums.sum`'s four interleaved partial sums, per lane.
        @inline(__always) func sum(_ first: Int, _ term: (SIMD2<Double>) -> SIMD2<Double>) -> SIMD2<Double> {
            var s0 = SIMD2<Double>(), s1 = SIMD2<Double>(), s2 = SIMD2<Double>(), s3 = SIMD2<Double>()
            var k = 0
            while k &+ 4 <= q {
                s0 += term(pair(first, k))
                s1 += term(pair(first, k &+ 1))
                s2 += term(pair(first, k &+ 2))
                s3 += term(pair(first, k &+ 3))
                k &+= 4
            }
            if k < q { s0 += term(pair(first, k)) }
            if k &+ 1 < q { s1 += term(pair(first, k &+ 1)) }
            if k &+ 2 < q { s2 += term(pair(first, k &+ 2)) }
            return (s0 + s1) + (s2 + s3)
        }
        @inline(__always) func step(_ i: Int, _ upValue: Double, _ downValue: Double) {
            up = alpha * upValue + beta * up
            down = alpha * downValue + beta * down
            let total = up + down
            out[i] = total == 0 ? 50.0 : 100.0 * (up / total)
        }

        var i = w
        while i &+ 1 < n {
            let first = i &- q &+ 1
            let mean = sum(first) { $0 } / qd
            let sigma = (sum(first) { let d = $0 - mean; return d * d } / qd).squareRoot()
            // The legs' inputs, chosen lane by lane without a branch (a random walk's direction is a coin toss).
            let delta = pair(i, 0) - pair(i &- 1, 0)
            let zero = SIMD2<Double>()
            let upValue = zero.replacing(with: sigma, where: delta .> zero)
            let downValue = zero.replacing(with: sigma, where: delta .< zero)
            step(i, upValue[0], downValue[0])
            step(i &+ 1, upValue[1], downValue[1])
            i &+= 2
        }
        if i < n {
            let first = i &- q &+ 1
            let sigma = WindowSums.standardDeviation(count: q) { x[first &+ $0] }
            let delta = x[i] - x[i &- 1]
            step(i, delta > 0 ? sigma : 0.0, delta < 0 ? sigma : 0.0)
        }
    }
}

extension OverlapKernels {
    /// `SUPERTRENDState`: the state runs the warm-up up to its first output, then its ATR continues two bars
    /// at a time (`smoothPairs`, the state's `PairedSmoothing` steps) and the bands, the trend and the line
    /// follow with the state's comparisons, written as selections so a coin-toss comparison costs no branch.
    @inlinable
    static func supertrend(_ initial: SUPERTRENDState, _ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>,
                           _ c: UnsafePointer<Double>, _ n: Int,
                           _ line: UnsafeMutablePointer<Double>, _ trend: UnsafeMutablePointer<Double>) {
        var s = initial
        var i = 0
        while i < n && !s.started {
            if let v = s.update(high: h[i], low: l[i], close: c[i]) {
                line[i] = v.line
                trend[i] = Double(v.trend)
            } else {
                // As the state's bar form: the line blank, the integer trend 0.
                line[i] = .nan
                trend[i] = 0
            }
            i &+= 1
        }
        guard i < n else { return }
        let multiplier = s.multiplier
        var isUptrend = s.isUptrend
        var finalUpper = s.finalUpper, finalLower = s.finalLower
        var prevClose = s.prevClose
        smoothPairs(&s.atr.smoothing, from: i, to: n, { trueRange(h, l, c, $0) }) { j, a in
            let close = c[j]
            let median = (h[j] + l[j]) / 2.0
            let band = multiplier * a
            let basicUpper = median + band
            let basicLower = median - band
            let newUpper = (basicUpper < finalUpper ? 1 : 0) | (prevClose > finalUpper ? 1 : 0)
            finalUpper = newUpper != 0 ? basicUpper : finalUpper
            let newLower = (basicLower > finalLower ? 1 : 0) | (prevClose < finalLower ? 1 : 0)
            finalLower = newLower != 0 ? basicLower : finalLower
            isUptrend = isUptrend ? !(close < finalLower) : close > finalUpper
            prevClose = close
            line[j] = isUptrend ? finalLower : finalUpper
            trend[j] = isUptrend ? 1 : -1
        }
    }
}

// MARK: - Price transform

extension OverlapKernels {
    /// `AverageDeviationState`: mean and mean absolute deviation of the window, read in place.
    @inlinable
    static func avgdev(_ x: UnsafePointer<Double>, _ n: Int, period: Int, _ out: UnsafeMutablePointer<Double>) {
        let p = max(1, period)
        blank(out, from: 0, to: min(n, p - 1))
        var i = p - 1
        while i < n {
            let first = i &- p &+ 1
            out[i] = WindowSums.meanAbsoluteDeviation(count: p) { x[first &+ $0] }
            i &+= 1
        }
    }

    /// `HeikinAshiState`.
    @inlinable
    static func heikinAshi(_ o: UnsafePointer<Double>, _ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>,
                           _ c: UnsafePointer<Double>, _ n: Int,
                           _ haOpen: UnsafeMutablePointer<Double>, _ haHigh: UnsafeMutablePointer<Double>,
                           _ haLow: UnsafeMutablePointer<Double>, _ haClose: UnsafeMutablePointer<Double>) {
        guard n > 0 else { return }
        var prevOpen = (o[0] + c[0]) / 2   // the seed: bar 0's haOpen, which the loop recomputes
        var prevClose = (o[0] + h[0] + l[0] + c[0]) / 4
        var i = 0
        while i < n {
            let hc = (o[i] + h[i] + l[i] + c[i]) / 4
            let ho = i == 0 ? prevOpen : (prevOpen + prevClose) / 2
            prevOpen = ho
            prevClose = hc
            haOpen[i] = ho
            haHigh[i] = Swift.max(h[i], Swift.max(ho, hc))
            haLow[i] = Swift.min(l[i], Swift.min(ho, hc))
            haClose[i] = hc
            i &+= 1
        }
    }
}

extension OverlapKernels {
    /// `SAREXTState` (and `SARState`, its core): the state takes the first two bars (its start rules), then
    /// its fields continue as locals through the same steps, with the new-extreme and bound comparisons written
    /// as selections (no branch on a coin toss) and the offset and output sign chosen once, outside the loop.
    @inlinable
    static func sar(_ initial: SAREXTState, _ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, _ n: Int,
                    _ out: UnsafeMutablePointer<Double>) {
        var s = initial
        var i = 0
        while i < min(n, 2) {
            out[i] = s.update(high: h[i], low: l[i]) ?? .nan
            i &+= 1
        }
        guard i < n else { return }
        switch (s.offsetOnReverse != 0, s.signedOutput) {
        case (false, false): sarLoop(s, h, l, from: i, to: n, out, offset: false, signed: false)
        case (false, true): sarLoop(s, h, l, from: i, to: n, out, offset: false, signed: true)
        case (true, false): sarLoop(s, h, l, from: i, to: n, out, offset: true, signed: false)
        case (true, true): sarLoop(s, h, l, from: i, to: n, out, offset: true, signed: true)
        }
    }

    /// `SAREXTState.update` from bar `from` on (past its start), with the state's fields in locals.
    @inlinable @inline(__always)
    static func sarLoop(_ s: SAREXTState, _ h: UnsafePointer<Double>, _ l: UnsafePointer<Double>, from: Int, to n: Int,
                        _ out: UnsafeMutablePointer<Double>, offset: Bool, signed: Bool) {
        let offsetOnReverse = s.offsetOnReverse
        let initLong = s.initLong, stepLong = s.stepLong, maxLong = s.maxLong
        let initShort = s.initShort, stepShort = s.stepShort, maxShort = s.maxShort
        var afLong = s.afLong, afShort = s.afShort
        var isLong = s.isLong
        var sar = s.sar, ep = s.ep
        var newHigh = s.newHigh, newLow = s.newLow
        var i = from
        while i < n {
            let prevLow = newLow
            let prevHigh = newHigh
            newLow = l[i]
            newHigh = h[i]
            if isLong {
                if newLow <= sar {
                    isLong = false
                    sar = ep
                    if sar < prevHigh { sar = prevHigh }
                    if sar < newHigh { sar = newHigh }
                    if offset && offsetOnReverse != 0 { sar += sar * offsetOnReverse }
                    out[i] = signed ? -sar : sar
                    afShort = initShort
                    ep = newLow
                    sar = sar + afShort * (ep - sar)
                    sar = sar < prevHigh ? prevHigh : sar
                    sar = sar < newHigh ? newHigh : sar
                } else {
                    out[i] = sar
                    let extreme = newHigh > ep
                    let grown = afLong + stepLong
                    afLong = extreme ? (grown > maxLong ? maxLong : grown) : afLong
                    ep = extreme ? newHigh : ep
                    sar = sar + afLong * (ep - sar)
                    sar = sar > prevLow ? prevLow : sar
                    sar = sar > newLow ? newLow : sar
                }
            } else {
                if newHigh >= sar {
                    isLong = true
                    sar = ep
                    if sar > prevLow { sar = prevLow }
                    if sar > newLow { sar = newLow }
                    if offset && offsetOnReverse != 0 { sar -= sar * offsetOnReverse }
                    out[i] = sar
                    afLong = initLong
                    ep = newHigh
                    sar = sar + afLong * (ep - sar)
                    sar = sar > prevLow ? prevLow : sar
                    sar = sar > newLow ? newLow : sar
                } else {
                    out[i] = signed ? -sar : sar
                    let extreme = newLow < ep
                    let grown = afShort + stepShort
                    afShort = extreme ? (grown > maxShort ? maxShort : grown) : afShort
                    ep = extreme ? newLow : ep
                    sar = sar + afShort * (ep - sar)
                    sar = sar < prevHigh ? prevHigh : sar
                    sar = sar < newHigh ? newHigh : sar
                }
            }
            i &+= 1
        }
    }

    /// `PriceAverageState` of `kind` for every bar: one loop per kind.
    @inlinable
    static func priceAverage(_ kind: PriceAverageKind, _ c: BarColumns) -> [[Double]] {
        switch kind {
        case .average:
            return columns(c.open, c.high, c.low, c.close) { o, h, l, cl, n, out, _, _, _ in
                for i in 0..<n { out[i] = (o[i] + h[i] + l[i] + cl[i]) / 4 }
            }
        case .median:
            return columns(c.high, c.low) { h, l, n, out, _, _, _ in
                for i in 0..<n { out[i] = (h[i] + l[i]) / 2 }
            }
        case .typical:
            return columns(c.high, c.low, c.close) { h, l, cl, n, out, _, _, _ in
                for i in 0..<n { out[i] = (h[i] + l[i] + cl[i]) / 3 }
            }
        case .weightedClose:
            return columns(c.high, c.low, c.close) { h, l, cl, n, out, _, _, _ in
                for i in 0..<n { out[i] = (h[i] + l[i] + cl[i] * 2) / 4 }
            }
        }
    }
}

/// Exponential smoothing `v = alpha * x + beta * v` stepped two bars at a time, so the chain from one bar to
/// the next costs one product and one sum per two bars: on the first bar of a pair
/// `v1 = alpha * x1 + beta * v0`, on the second `v2 = (alpha * x2 + alpha*beta * x1) + beta^2 * v0` (the same
/// average, rounded differently by a few units in the last place). The streaming states and the batch
/// kernels step it the same way, so both give the same values.
@usableFromInline
struct PairedSmoothing: Sendable {
    @usableFromInline let alpha: Double, beta: Double, alphaBeta: Double, betaSquared: Double
    /// The last value.
    @usableFromInline var value = 0.0
    /// The value before the current pair's first bar, and that bar's input.
    @usableFromInline var base = 0.0, first = 0.0
    /// Whether the next bar is the second of a pair.
    @usableFromInline var inPair = false

    @usableFromInline
    init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
        alphaBeta = alpha * beta
        betaSquared = beta * beta
    }

    /// Sets the value (the seed); the next bar starts a pair.
    @inlinable
    mutating func seed(_ v: Double) {
        value = v
        inPair = false
    }

    /// Smooths one input; returns the new value.
    @inlinable
    mutating func update(_ x: Double) -> Double {
        if inPair {
            value = (alpha * x + alphaBeta * first) + betaSquared * base
            inPair = false
        } else {
            base = value
            first = x
            value = alpha * x + beta * base
            inPair = true
        }
        return value
    }
}

/// Sums over a window read through an accessor (`at(k)`, k = 0 oldest), in one fixed order shared by the
/// streaming states and the batch kernels: four interleaved partial sums (`k % 4`), combined as
/// `(s0 + s1) + (s2 + s3)`, so the additions do not wait on each other.
@usableFromInline
enum WindowSums {
    /// The sum of `term(at(k))` for k in 0..<count.
    @inlinable @inline(__always)
    static func sum(count p: Int, _ at: (Int) -> Double, _ term: (Double) -> Double) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var k = 0
        while k &+ 4 <= p {
            s0 += term(at(k))
            s1 += term(at(k &+ 1))
            s2 += term(at(k &+ 2))
            s3 += term(at(k &+ 3))
            k &+= 4
        }
        if k < p { s0 += term(at(k)) }
        if k &+ 1 < p { s1 += term(at(k &+ 1)) }
        if k &+ 2 < p { s2 += term(at(k &+ 2)) }
        return (s0 + s1) + (s2 + s3)
    }

    /// `mean(|x - mean(x)|)` of the window (AVGDEV).
    @inlinable @inline(__always)
    static func meanAbsoluteDeviation(count p: Int, _ at: (Int) -> Double) -> Double {
        let pd = Double(p)
        let mean = sum(count: p, at) { $0 } / pd
        return sum(count: p, at) { abs($0 - mean) } / pd
    }

    /// The population standard deviation of the window, two passes (mean, then squared deviations).
    @inlinable @inline(__always)
    static func standardDeviation(count p: Int, _ at: (Int) -> Double) -> Double {
        let pd = Double(p)
        let mean = sum(count: p, at) { $0 } / pd
        return (sum(count: p, at) { let d = $0 - mean; return d * d } / pd).squareRoot()
    }
}

extension RingBuffer {
    /// `push(_:)`, always inlined: the streaming states of the moving averages call it once per bar, and an
    /// out-of-line call there costs more than the push itself.
    @inlinable @inline(__always) @discardableResult
    mutating func pushInline(_ x: Double) -> Double? {
        if storedCount < capacity {
            var idx = head + storedCount
            if idx >= capacity { idx -= capacity }
            storage[idx] = x
            storedCount += 1
            return nil
        }
        let old = storage[head]
        storage[head] = x
        head += 1
        if head == capacity { head = 0 }
        return old
    }
}
