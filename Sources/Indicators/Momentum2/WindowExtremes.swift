/// The extreme (maximum or minimum) of the last `period` values, by the van Herk / Gil-Werman block method:
/// the stream is cut into blocks of `period` values; the window ending at offset `j` of the current block is the
/// suffix of the previous block from `j + 1` plus the prefix of the current block up to `j`, so its extreme is
/// `better(suffixExtreme[j + 1], prefixExtreme)`. Suffix extremes are rebuilt once per completed block.
///
/// O(1) amortised per value with no data-dependent branches (a monotonic deque mispredicts on every pop) and no
/// allocation after `init`. Only values are reported, so TA-Lib's tie rule for indices plays no part here.
@usableFromInline
struct RollingExtreme: Sendable {
    @usableFromInline var block: [Double]
    @usableFromInline var suffix: [Double]
    @usableFromInline var offset = 0
    @usableFromInline var prefix = 0.0
    @usableFromInline let period: Int
    @usableFromInline let keepsMaximum: Bool

    @usableFromInline
    init(period: Int, maximum: Bool) {
        self.period = max(1, period)
        keepsMaximum = maximum
        block = [Double](repeating: 0, count: self.period)
        // Before the first block completes the "previous block" is empty: the identity of max / min.
        suffix = [Double](repeating: maximum ? -.infinity : .infinity, count: self.period)
    }

    @inlinable
    func better(_ a: Double, _ b: Double) -> Double {
        keepsMaximum ? (b > a ? b : a) : (b < a ? b : a)
    }

    /// Adds a value; returns the extreme of the last `period` values (of all values, while fewer were pushed).
    @inlinable
    mutating func push(_ x: Double) -> Double {
        block[offset] = x
        prefix = offset == 0 ? x : better(prefix, x)
        let next = offset + 1
        let extreme = next < period ? better(suffix[next], prefix) : prefix
        if next == period {
            var running = block[period - 1]
            suffix[period - 1] = running
            var j = period - 2
            while j >= 0 {
                running = better(running, block[j])
                suffix[j] = running
                j -= 1
            }
            offset = 0
        } else {
            offset = next
        }
        return extreme
    }
}

/// The highest high and lowest low of the last `period` bars. Shared by the stochastic family, WILLR and SMI.
@usableFromInline
struct WindowExtremes: Sendable {
    @usableFromInline var highs: RollingExtreme
    @usableFromInline var lows: RollingExtreme
    @usableFromInline let period: Int
    @usableFromInline var seen = 0
    @usableFromInline var highest = 0.0
    @usableFromInline var lowest = 0.0

    /// - Parameter period: window length in bars; values below 1 are treated as 1.
    @usableFromInline
    init(period: Int) {
        self.period = max(1, period)
        highs = RollingExtreme(period: self.period, maximum: true)
        lows = RollingExtreme(period: self.period, maximum: false)
    }

    /// Adds one bar; returns whether the window now holds `period` bars.
    @inlinable
    mutating func push(high: Double, low: Double) -> Bool {
        highest = highs.push(high)
        lowest = lows.push(low)
        if seen < period { seen += 1 }
        return seen == period
    }
}

/// A moving average of any `MAType` with direct paths for SMA and EMA, the defaults of the stochastics and of
/// PPO/PVO. The general `MovingAverageState` is an enum over every type, and moving it through each update costs
/// about ten times the whole SMA step (measured: ~50 ns against ~5 ns per update). Values are identical either way:
/// `RunningMean` does `SMAState`'s operations in its order, and the EMA path is `EMAState`, which the enum also uses.
@usableFromInline
struct Smoother: Sendable {
    @usableFromInline enum Path: UInt8, Sendable { case sma, ema, general }
    @usableFromInline let path: Path
    @usableFromInline var sma: RunningMean
    @usableFromInline var ema: EMAState
    @usableFromInline var general: MovingAverageState?

    @usableFromInline
    init(_ type: MAType, period: Int, functionDefault: MAType) {
        let p = max(1, period)
        let resolved = MovingAverageState.resolve(type, functionDefault: functionDefault)
        path = p <= 1 ? .general : resolved == .sma ? .sma : resolved == .ema ? .ema : .general
        sma = RunningMean(period: path == .sma ? p : 1)
        ema = EMAState(period: path == .ema ? p : 1)
        general = path == .general ? MovingAverageState(type, period: p, functionDefault: functionDefault) : nil
    }

    @inlinable
    mutating func update(_ x: Double) -> Double? {
        switch path {
        case .sma: return sma.update(x)
        case .ema: return ema.update(x)
        case .general: return general?.update(x) ?? nil
        }
    }
}

/// TA-Lib's EMA step in the form its newer functions (SMI, TSI) use:
/// `k * x + beta * previous` with `beta = (period - 1) / (period + 1)` and `k = 1 - beta`, seeded with the
/// simple average of the first `period` inputs.
///
/// Compatibility choice: TA-Lib fuses the second product and the sum into one FMA; here they are separate
/// operations (about an ulp per step, ~1e-15 relative), because `addingProduct` is a slow libm call on the
/// baseline x86-64 target.
@usableFromInline
struct FusedEMA: Sendable {
    @usableFromInline let period: Int
    @usableFromInline let k: Double
    @usableFromInline let beta: Double
    @usableFromInline var seen = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var value = 0.0

    @usableFromInline
    init(period: Int) {
        let p = max(1, period)
        self.period = p
        let b = Double(p - 1) / Double(p + 1)
        k = 1.0 - b
        beta = 1.0 - k
    }

    /// Feeds one value; returns the average once `period` values have been seen.
    @inlinable
    mutating func update(_ x: Double) -> Double? {
        if seen >= period {
            value = k * x + beta * value
            return value
        }
        seen += 1
        sum += x
        if seen == period {
            value = sum / Double(period)
            return value
        }
        return nil
    }
}

/// A simple moving average kept as a running total, with `SMAState`'s operation order (add the new value, then
/// subtract the departing one, then divide), in a fixed ring with no optional plumbing inside.
@usableFromInline
struct RunningMean: Sendable {
    @usableFromInline var ring: [Double]
    @usableFromInline var slot = 0
    @usableFromInline var count = 0
    @usableFromInline var total = 0.0
    @usableFromInline let period: Int
    @usableFromInline let periodValue: Double

    @usableFromInline
    init(period: Int) {
        self.period = max(1, period)
        periodValue = Double(self.period)
        ring = [Double](repeating: 0, count: self.period)
    }

    @inlinable
    mutating func update(_ x: Double) -> Double? {
        total += x
        if count == period { total -= ring[slot] } else { count += 1 }
        ring[slot] = x
        slot = slot + 1 == period ? 0 : slot + 1
        return count == period ? total / periodValue : nil
    }
}
