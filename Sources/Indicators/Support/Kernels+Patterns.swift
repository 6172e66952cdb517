// The batch machinery of the candlestick patterns (CDL*): the four price columns as raw pointers, TA-Lib's candle
// settings as compile-time types, their running totals, and one driver that runs any pattern kernel over a series.
//
// Why it is fast: every setting's measure, period and factor is a static constant of a type, so after
// specialisation each running total is one register updated with `total += measure(i-k) - measure(i-k-period)`,
// and each rule reads the candles straight from the input arrays (no ring buffer, no per-bar lookups or switches,
// no allocation in the loop). The floating-point operations are the streaming state's (`CandleWindow`), which are
// TA-Lib's, in the same order, so the integer signals are the same to the bar.
//
// Each kernel tests its rule's conditions in a different order from the streaming rule: a lone gap test first
// where the pattern needs a gap, then price and color comparisons, and the candle averages (a division each) last.
// The conditions are pure, so the order changes only the speed: on real series (crypto trades around the clock, so a
// candle opens at the previous close) gaps are rare, and most bars leave after one well-predicted comparison.
// Conjunctions of colors are one comparison of the color sum (`a.color &+ b.color &+ c.color == 3`: all white).

/// The open, high, low and close columns of a series as raw pointers (valid only inside `CandleKernels.run`).
struct CandlePointers {
    let open: UnsafePointer<Double>
    let high: UnsafePointer<Double>
    let low: UnsafePointer<Double>
    let close: UnsafePointer<Double>

    /// The candle at row `i`.
    @inline(__always)
    subscript(i: Int) -> CandleShape {
        CandleShape(open: open[i], high: high[i], low: low[i], close: close[i])
    }

    /// The candles up to row `i` seen from row `i`: `w[0]` is row `i`, `w[k]` row `i - k`.
    @inline(__always)
    func window(_ i: Int) -> CandleBatchWindow { CandleBatchWindow(x: self, i: i) }
}

/// The batch counterpart of `CandleWindow`: the same subscripts and gap tests, over the input columns.
struct CandleBatchWindow {
    let x: CandlePointers
    let i: Int

    /// The candle `back` bars before the current one (0 = current).
    @inline(__always) subscript(back: Int) -> CandleShape { x[i &- back] }

    /// TA_CANDLEAVERAGE of a running total, for the candle it judges (`i - offset`).
    @inline(__always)
    func avg<S: CandleSettingType>(_ a: CandleAverage<S>) -> Double { a.value(x, i) }

    /// TA_REALBODYGAPUP(a, b): candle `a` bars back has its body entirely above candle `b`'s body.
    @inline(__always) func bodyGapUp(_ a: Int, _ b: Int) -> Bool { self[a].bodyBottom > self[b].bodyTop }
    /// TA_REALBODYGAPDOWN(a, b): candle `a`'s body entirely below candle `b`'s body.
    @inline(__always) func bodyGapDown(_ a: Int, _ b: Int) -> Bool { self[a].bodyTop < self[b].bodyBottom }
    /// TA_CANDLEGAPUP(a, b): candle `a`'s low above candle `b`'s high.
    @inline(__always) func gapUp(_ a: Int, _ b: Int) -> Bool { self[a].low > self[b].high }
    /// TA_CANDLEGAPDOWN(a, b): candle `a`'s high below candle `b`'s low.
    @inline(__always) func gapDown(_ a: Int, _ b: Int) -> Bool { self[a].high < self[b].low }
}

/// What a candle setting measures on each candle (TA_CANDLERANGE), as a type.
protocol CandleMeasureType {
    /// The measure of the candle at row `i`.
    static func of(_ x: CandlePointers, _ i: Int) -> Double
    /// 2 for `.shadows` (the average of both shadows is halved), else 1.
    static var divisor: Double { get }
}

/// `|close - open|` (`CandleRangeType.realBody`).
enum RealBodyMeasure: CandleMeasureType {
    @inline(__always) static func of(_ x: CandlePointers, _ i: Int) -> Double { x[i].realBody }
    @inline(__always) static var divisor: Double { 1.0 }
}

/// `high - low` (`CandleRangeType.highLow`).
enum HighLowMeasure: CandleMeasureType {
    @inline(__always) static func of(_ x: CandlePointers, _ i: Int) -> Double { x[i].highLowRange }
    @inline(__always) static var divisor: Double { 1.0 }
}

/// `upper shadow + lower shadow` (`CandleRangeType.shadows`).
enum ShadowsMeasure: CandleMeasureType {
    @inline(__always) static func of(_ x: CandlePointers, _ i: Int) -> Double {
        let c = x[i]
        return c.upperShadow + c.lowerShadow
    }
    @inline(__always) static var divisor: Double { 2.0 }
}

/// One of TA-Lib's candle settings as a type with constant measure, period and factor, so a running total
/// compiles to straight arithmetic. Each equals the `CandleSetting` of the same name (a test checks it).
protocol CandleSettingType {
    associatedtype Measure: CandleMeasureType
    /// Candles averaged (0: the judged candle's own measure).
    static var period: Int { get }
    /// Multiplier applied to the average.
    static var factor: Double { get }
    /// The `CandleSetting` value this type stands for.
    static var setting: CandleSetting { get }
}

/// The settings as types (TA-Lib's defaults, `CandleSetting.bodyLong` ...).
enum CandleSettings {
    enum BodyLong: CandleSettingType {
        typealias Measure = RealBodyMeasure
        static var period: Int { 10 }
        static var factor: Double { 1.0 }
        static var setting: CandleSetting { .bodyLong }
    }
    enum BodyVeryLong: CandleSettingType {
        typealias Measure = RealBodyMeasure
        static var period: Int { 10 }
        static var factor: Double { 3.0 }
        static var setting: CandleSetting { .bodyVeryLong }
    }
    enum BodyShort: CandleSettingType {
        typealias Measure = RealBodyMeasure
        static var period: Int { 10 }
        static var factor: Double { 1.0 }
        static var setting: CandleSetting { .bodyShort }
    }
    enum BodyDoji: CandleSettingType {
        typealias Measure = HighLowMeasure
        static var period: Int { 10 }
        static var factor: Double { 0.1 }
        static var setting: CandleSetting { .bodyDoji }
    }
    enum ShadowLong: CandleSettingType {
        typealias Measure = RealBodyMeasure
        static var period: Int { 0 }
        static var factor: Double { 1.0 }
        static var setting: CandleSetting { .shadowLong }
    }
    enum ShadowVeryLong: CandleSettingType {
        typealias Measure = RealBodyMeasure
        static var period: Int { 0 }
        static var factor: Double { 2.0 }
        static var setting: CandleSetting { .shadowVeryLong }
    }
    enum ShadowShort: CandleSettingType {
        typealias Measure = ShadowsMeasure
        static var period: Int { 10 }
        static var factor: Double { 1.0 }
        static var setting: CandleSetting { .shadowShort }
    }
    enum ShadowVeryShort: CandleSettingType {
        typealias Measure = HighLowMeasure
        static var period: Int { 10 }
        static var factor: Double { 0.1 }
        static var setting: CandleSetting { .shadowVeryShort }
    }
    enum Near: CandleSettingType {
        typealias Measure = HighLowMeasure
        static var period: Int { 5 }
        static var factor: Double { 0.2 }
        static var setting: CandleSetting { .near }
    }
    enum Far: CandleSettingType {
        typealias Measure = HighLowMeasure
        static var period: Int { 5 }
        static var factor: Double { 0.6 }
        static var setting: CandleSetting { .far }
    }
    enum Equal: CandleSettingType {
        typealias Measure = HighLowMeasure
        static var period: Int { 5 }
        static var factor: Double { 0.05 }
        static var setting: CandleSetting { .equal }
    }

}

/// The running total of one setting for the candle `offset` bars before the current one: the sum of the setting's
/// measure over rows `i-offset-period ..< i-offset`. As in `CandleWindow` (and TA-Lib), it is summed in order on
/// the first evaluated row and then rolled with `total += measure(i-offset) - measure(i-offset-period)`.
struct CandleAverage<S: CandleSettingType> {
    var total = 0.0
    let offset: Int

    /// The total for the candle `offset` bars back.
    @inline(__always) init(_ offset: Int) { self.offset = offset }

    /// Sums the first window, oldest candle first; `s` is the first evaluated row.
    @inline(__always)
    mutating func start(_ x: CandlePointers, _ s: Int) {
        guard S.period > 0 else { return }
        var t = 0.0
        var j = s &- offset &- S.period
        while j < s &- offset {
            t += S.Measure.of(x, j)
            j += 1
        }
        total = t
    }

    /// Moves the total one row on after row `i` was evaluated.
    @inline(__always)
    mutating func roll(_ x: CandlePointers, _ i: Int) {
        guard S.period > 0 else { return }
        total += S.Measure.of(x, i &- offset) - S.Measure.of(x, i &- offset &- S.period)
    }

    /// TA_CANDLEAVERAGE at row `i`: `factor * (period != 0 ? total / period : own measure) / (shadows ? 2 : 1)`.
    @inline(__always)
    func value(_ x: CandlePointers, _ i: Int) -> Double {
        S.factor * (S.period != 0 ? total / Double(S.period) : S.Measure.of(x, i &- offset)) / S.Measure.divisor
    }
}

/// A candlestick pattern's batch form: its running totals and its rule over the input columns. Each equals the
/// streaming `Rule` (same lookback, same pre-roll, same arithmetic).
protocol CandleKernel {
    /// The streaming rule this kernel is the batch form of (gives the lookback and pre-roll).
    associatedtype Rule: CandleRule
    /// The kernel of `rule` (its parameters, e.g. the penetration), with every running total at zero.
    init(_ rule: Rule)
    /// Sums every running total over its first window; `s` is the first evaluated row.
    mutating func start(_ x: CandlePointers, _ s: Int)
    /// The signal at row `i` (0, ±80, ±100, ±200).
    mutating func signal(_ x: CandlePointers, _ i: Int) -> Int
    /// Moves every running total one row on after row `i`.
    mutating func roll(_ x: CandlePointers, _ i: Int)
}

extension CandleKernel {
    @inline(__always) mutating func start(_ x: CandlePointers, _ s: Int) {}
    @inline(__always) mutating func roll(_ x: CandlePointers, _ i: Int) {}
}

/// A streaming rule with a batch kernel (every pattern of the catalog has one, as its nested `Kernel` type).
protocol BatchCandleRule: CandleRule {
    associatedtype Kernel: CandleKernel where Kernel.Rule == Self
}

/// Runs pattern kernels over whole series.
enum CandleKernels {
    /// The batch form of a pattern: one integer column (as Double), 0 on the `Rule.lookback` leading rows as the
    /// streaming state gives. Rows `lookback - preRoll ..< lookback` are evaluated without output (the hikkake
    /// patterns' replay), as in `CandlePatternState`.
    static func run<K: CandleKernel>(_ kernel: K, _ columns: BarColumns) -> [[Double]] {
        let n = columns.count
        let lookback = K.Rule.lookback
        let first = max(0, lookback - K.Rule.preRoll)
        return IndicatorRunner.withColumns(count: n, outputs: 1) { out, _, _, _ in
            guard n > lookback else {
                out.initialize(repeating: 0, count: n)
                return
            }
            out.initialize(repeating: 0, count: lookback)
            columns.open.withUnsafeBufferPointer { o in
                columns.high.withUnsafeBufferPointer { h in
                    columns.low.withUnsafeBufferPointer { l in
                        columns.close.withUnsafeBufferPointer { c in
                            let x = CandlePointers(open: o.baseAddress!, high: h.baseAddress!, low: l.baseAddress!,
                                                   close: c.baseAddress!)
                            var k = kernel
                            k.start(x, first)
                            var i = first
                            while i < lookback {
                                _ = k.signal(x, i)
                                k.roll(x, i)
                                i &+= 1
                            }
                            while i < n {
                                out[i] = Double(k.signal(x, i))
                                k.roll(x, i)
                                i &+= 1
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Short names for the running totals the pattern kernels keep.
typealias BodyLongAverage = CandleAverage<CandleSettings.BodyLong>
typealias BodyVeryLongAverage = CandleAverage<CandleSettings.BodyVeryLong>
typealias BodyShortAverage = CandleAverage<CandleSettings.BodyShort>
typealias BodyDojiAverage = CandleAverage<CandleSettings.BodyDoji>
typealias ShadowLongAverage = CandleAverage<CandleSettings.ShadowLong>
typealias ShadowVeryLongAverage = CandleAverage<CandleSettings.ShadowVeryLong>
typealias ShadowShortAverage = CandleAverage<CandleSettings.ShadowShort>
typealias ShadowVeryShortAverage = CandleAverage<CandleSettings.ShadowVeryShort>
typealias NearAverage = CandleAverage<CandleSettings.Near>
typealias FarAverage = CandleAverage<CandleSettings.Far>
typealias EqualAverage = CandleAverage<CandleSettings.Equal>
