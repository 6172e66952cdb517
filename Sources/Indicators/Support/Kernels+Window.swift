/// The batch kernels' rolling highest / lowest over a fixed window: one implementation for `MIN`, `MAX`, `MINMAX`,
/// `MIDPOINT`, `MIDPRICE` and `DONCHIAN`.
enum WindowKernels {
    /// `a > b ? a : b` (one `maxsd`; `b` when either is NaN).
    @inline(__always) static func greater(_ a: Double, _ b: Double) -> Double { a > b ? a : b }
    /// `a < b ? a : b` (one `minsd`; `b` when either is NaN).
    @inline(__always) static func lesser(_ a: Double, _ b: Double) -> Double { a < b ? a : b }

    /// The highest of `hi` and the lowest of `lo` over the last `period` bars, for every bar from `period - 1`:
    /// `emit(i, highest, lowest)` (a side not wanted is passed as ±infinity).
    ///
    /// The van Herk / Gil-Werman scheme: the series is cut into blocks of `period` bars; a window ending inside
    /// block `j` is the tail of block `j - 1` plus the head of block `j`, so its extreme is the larger of that
    /// tail's suffix extreme and the head's prefix extreme. Per bar that is one running prefix extreme, one
    /// suffix extreme of the next block (computed in the same loop, so the two dependency chains overlap) and one
    /// comparison, whatever the data: no rescans and no data-dependent branches.
    ///
    /// The streaming states track where each extreme is (TA-Lib's tracker, or a monotonic window); with a NaN in
    /// the input which value they report depends on that path, and with a zero the sign they report depends on
    /// which of `0` and `-0` they hold. So this returns false on meeting either (after emitting some bars), and
    /// the caller runs the state instead, overwriting every output. It also returns false for `period < 2`.
    @inline(__always)
    static func blockExtremes(high hi: UnsafePointer<Double>, low lo: UnsafePointer<Double>, _ n: Int,
                              period p: Int, wantsMax: Bool, wantsMin: Bool,
                              _ emit: (Int, Double, Double) -> Void) -> Bool {
        guard p >= 2 else { return false }
        guard n >= p else {
            // No window completes; still refuse inputs the states would treat differently.
            for i in 0..<n where !((!wantsMax || abs(hi[i]) > 0) && (!wantsMin || abs(lo[i]) > 0)) { return false }
            return true
        }
        // Suffix extremes of the previous block and of the current one (for the next), per side.
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 4 * p)
        defer { scratch.deallocate() }
        var previousMax = scratch, nextMax = scratch + p
        var previousMin = scratch + 2 * p, nextMin = scratch + 3 * p
        var clean = true
        var s = 0
        while s < n {
            let length = Swift.min(p, n - s)
            let hasNext = length == p && s + p < n
            let blockHi = hi + s, blockLo = lo + s
            var prefixMax = -Double.infinity, prefixMin = Double.infinity
            var suffixMax = -Double.infinity, suffixMin = Double.infinity
            if s == 0 {
                // The first block only seeds: its suffixes for block 1 and the first window's extremes.
                for k in 0..<length {
                    if wantsMax {
                        let v = blockHi[k]
                        if !(abs(v) > 0) { clean = false }
                        prefixMax = greater(v, prefixMax)
                        let back = p - 1 - k
                        suffixMax = greater(blockHi[back], suffixMax)
                        nextMax[back] = suffixMax
                    }
                    if wantsMin {
                        let v = blockLo[k]
                        if !(abs(v) > 0) { clean = false }
                        prefixMin = lesser(v, prefixMin)
                        let back = p - 1 - k
                        suffixMin = lesser(blockLo[back], suffixMin)
                        nextMin[back] = suffixMin
                    }
                }
                emit(p - 1, prefixMax, prefixMin)
            } else {
                // Windows ending at s ..< s + p - 1: the previous block from k + 1 on, this block up to k.
                let mixed = Swift.min(length, p - 1)
                for k in 0..<mixed {
                    if wantsMax {
                        let v = blockHi[k]
                        if !(abs(v) > 0) { clean = false }
                        prefixMax = greater(v, prefixMax)
                    }
                    if wantsMin {
                        let v = blockLo[k]
                        if !(abs(v) > 0) { clean = false }
                        prefixMin = lesser(v, prefixMin)
                    }
                    if hasNext {
                        let back = p - 1 - k
                        if wantsMax {
                            suffixMax = greater(blockHi[back], suffixMax)
                            nextMax[back] = suffixMax
                        }
                        if wantsMin {
                            suffixMin = lesser(blockLo[back], suffixMin)
                            nextMin[back] = suffixMin
                        }
                    }
                    emit(s + k, wantsMax ? greater(previousMax[k + 1], prefixMax) : prefixMax,
                         wantsMin ? lesser(previousMin[k + 1], prefixMin) : prefixMin)
                }
                if length == p {
                    // The window that is exactly this block.
                    if wantsMax {
                        let v = blockHi[p - 1]
                        if !(abs(v) > 0) { clean = false }
                        prefixMax = greater(v, prefixMax)
                    }
                    if wantsMin {
                        let v = blockLo[p - 1]
                        if !(abs(v) > 0) { clean = false }
                        prefixMin = lesser(v, prefixMin)
                    }
                    if hasNext {
                        if wantsMax { nextMax[0] = greater(blockHi[0], suffixMax) }
                        if wantsMin { nextMin[0] = lesser(blockLo[0], suffixMin) }
                    }
                    emit(s + p - 1, prefixMax, prefixMin)
                }
            }
            if !clean { return false }
            swap(&previousMax, &nextMax)
            swap(&previousMin, &nextMin)
            s += p
        }
        return true
    }
}
