// The shared machinery of TA-Lib's candlestick pattern functions (CDL*): candle settings, candle geometry,
// the running averages each pattern compares against, and one streaming state that runs any pattern rule.
//
// Reference: TA-Lib 0.8.1, src/ta_common/ta_global.c (default candle settings) and src/ta_func/ta_utility.h
// (TA_CANDLERANGE, TA_CANDLEAVERAGE, TA_REALBODY, TA_CANDLECOLOR and the gap macros).

/// What a candle setting measures on each candle.
public enum CandleRangeType: Int, Sendable, Codable {
    /// `|close - open|`.
    case realBody
    /// `high - low`.
    case highLow
    /// `upper shadow + lower shadow`; the average of this range is halved (one shadow on average).
    case shadows
}

/// One of TA-Lib's candle settings: what "long body", "doji", "near" ... mean.
///
/// A candle's measure is compared with `factor * (sum of the range over the previous avgPeriod candles) / avgPeriod`
/// (halved for `.shadows`); with `avgPeriod == 0` the candle's own range is used instead of an average.
/// The window excludes the candle being judged.
public struct CandleSetting: Sendable, Hashable, Codable {
    /// TA-Lib's setting names.
    public enum Kind: Int, Sendable, Codable, CaseIterable {
        case bodyLong, bodyVeryLong, bodyShort, bodyDoji, shadowLong, shadowVeryLong, shadowShort, shadowVeryShort
        case near, far, equal
    }

    /// Which setting this is.
    public let kind: Kind
    /// What is measured on each candle.
    public let rangeType: CandleRangeType
    /// Candles averaged (0: the candle's own range).
    public let avgPeriod: Int
    /// Multiplier applied to the average.
    public let factor: Double

    /// A setting with an explicit range type, averaging period and factor.
    public init(_ kind: Kind, _ rangeType: CandleRangeType, _ avgPeriod: Int, _ factor: Double) {
        self.kind = kind
        self.rangeType = rangeType
        self.avgPeriod = avgPeriod
        self.factor = factor
    }

    // TA-Lib's defaults (TA_CandleDefaultSettings in ta_global.c); Sextant uses them as fixed values.
    /// Real body longer than the average body of the previous 10 candles.
    public static let bodyLong = CandleSetting(.bodyLong, .realBody, 10, 1.0)
    /// Real body longer than 3 times the average body of the previous 10 candles.
    public static let bodyVeryLong = CandleSetting(.bodyVeryLong, .realBody, 10, 3.0)
    /// Real body shorter than the average body of the previous 10 candles.
    public static let bodyShort = CandleSetting(.bodyShort, .realBody, 10, 1.0)
    /// Real body shorter than 10% of the average high-low range of the previous 10 candles.
    public static let bodyDoji = CandleSetting(.bodyDoji, .highLow, 10, 0.1)
    /// Shadow longer than the candle's own real body.
    public static let shadowLong = CandleSetting(.shadowLong, .realBody, 0, 1.0)
    /// Shadow longer than twice the candle's own real body.
    public static let shadowVeryLong = CandleSetting(.shadowVeryLong, .realBody, 0, 2.0)
    /// Shadow shorter than half the average sum of shadows of the previous 10 candles.
    public static let shadowShort = CandleSetting(.shadowShort, .shadows, 10, 1.0)
    /// Shadow shorter than 10% of the average high-low range of the previous 10 candles.
    public static let shadowVeryShort = CandleSetting(.shadowVeryShort, .highLow, 10, 0.1)
    /// "Near": 20% of the average high-low range of the previous 5 candles.
    public static let near = CandleSetting(.near, .highLow, 5, 0.2)
    /// "Far": 60% of the average high-low range of the previous 5 candles.
    public static let far = CandleSetting(.far, .highLow, 5, 0.6)
    /// "Equal": 5% of the average high-low range of the previous 5 candles.
    public static let equal = CandleSetting(.equal, .highLow, 5, 0.05)
}

/// One candle's prices and the measures TA-Lib's patterns read.
public struct CandleShape: Sendable, Equatable {
    /// Opening price.
    public var open: Double
    /// Highest price.
    public var high: Double
    /// Lowest price.
    public var low: Double
    /// Closing price.
    public var close: Double

    /// A candle from its four prices.
    @inlinable
    public init(open: Double, high: Double, low: Double, close: Double) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
    }

    /// TA_CANDLECOLOR: +1 white (close >= open, so an unchanged candle counts as white), -1 black.
    @inlinable public var color: Int { close >= open ? 1 : -1 }
    /// close >= open.
    @inlinable public var isWhite: Bool { close >= open }
    /// close < open.
    @inlinable public var isBlack: Bool { !(close >= open) }
    /// TA_REALBODY: |close - open|.
    @inlinable public var realBody: Double { abs(close - open) }
    /// max(open, close).
    @inlinable public var bodyTop: Double { close >= open ? close : open }
    /// min(open, close).
    @inlinable public var bodyBottom: Double { close >= open ? open : close }
    /// TA_UPPERSHADOW: high - max(open, close).
    @inlinable public var upperShadow: Double { high - bodyTop }
    /// TA_LOWERSHADOW: min(open, close) - low.
    @inlinable public var lowerShadow: Double { bodyBottom - low }
    /// TA_HIGHLOWRANGE: high - low.
    @inlinable public var highLowRange: Double { high - low }

    /// TA_CANDLERANGE: the measure a setting of this range type averages.
    @inlinable
    public func range(_ type: CandleRangeType) -> Double {
        switch type {
        case .realBody: realBody
        case .highLow: highLowRange
        case .shadows: upperShadow + lowerShadow
        }
    }
}

/// A running average a pattern reads: one setting, judged on the candle `offset` bars before the current one.
public struct CandleAverageSpec: Sendable, Equatable {
    /// The candle setting averaged.
    public let setting: CandleSetting
    /// 0 = the current candle, 1 = the one before, ...
    public let offset: Int

    /// The average of `setting` for the candle `offset` bars back.
    public init(_ setting: CandleSetting, _ offset: Int) {
        self.setting = setting
        self.offset = offset
    }
}

/// The last candles and the running totals of the averages a pattern reads.
///
/// The total for (setting, offset k) at bar i is the sum of the setting's range over bars `i-k-avgPeriod ..< i-k`
/// (the candles before the judged one). As TA-Lib does, it is summed once in order on the first evaluated bar and
/// then rolled with `total += range(i-k) - range(i-k-avgPeriod)` after each evaluation, so the floating-point sums
/// are TA-Lib's to the last bit.
public struct CandleWindow: Sendable {
    @usableFromInline var storage: [CandleShape]
    @usableFromInline var newest = -1
    @usableFromInline var stored = 0
    @usableFromInline let specs: [CandleAverageSpec]
    @usableFromInline var totals: [Double]

    init(capacity: Int, averages: [CandleAverageSpec]) {
        storage = [CandleShape](repeating: CandleShape(open: .nan, high: .nan, low: .nan, close: .nan), count: max(1, capacity))
        specs = averages
        totals = [Double](repeating: 0, count: averages.count)
    }

    /// The candle `back` bars before the current one (0 = current).
    @inlinable
    public subscript(back: Int) -> CandleShape {
        var idx = newest - back
        if idx < 0 { idx += storage.count }
        return storage[idx]
    }

    @inlinable
    mutating func push(_ c: CandleShape) {
        newest += 1
        if newest == storage.count { newest = 0 }
        storage[newest] = c
        if stored < storage.count { stored += 1 }
    }

    /// Sums every total over its first window, oldest candle first.
    @usableFromInline
    mutating func startTotals() {
        for (j, spec) in specs.enumerated() {
            var total = 0.0
            let n = spec.setting.avgPeriod
            var back = spec.offset + n
            while back > spec.offset {
                total += self[back].range(spec.setting.rangeType)
                back -= 1
            }
            totals[j] = total
        }
    }

    /// Moves every total one bar on: adds the judged candle's range, drops the oldest.
    @inlinable
    mutating func rollTotals() {
        for j in 0..<specs.count {
            let spec = specs[j]
            let n = spec.setting.avgPeriod
            guard n > 0 else { continue }
            let type = spec.setting.rangeType
            totals[j] += self[spec.offset].range(type) - self[spec.offset + n].range(type)
        }
    }

    /// TA_CANDLEAVERAGE for `setting` on the candle `back` bars ago:
    /// `factor * (avgPeriod != 0 ? total / avgPeriod : own range) / (shadows ? 2 : 1)`.
    /// - Precondition: the pattern declared (setting, back) in its `averages`.
    @inlinable
    public func avg(_ setting: CandleSetting, _ back: Int) -> Double {
        var j = 0
        while j < specs.count && !(specs[j].setting.kind == setting.kind && specs[j].offset == back) { j += 1 }
        assert(j < specs.count, "pattern reads an average it did not declare")
        let s = j < specs.count ? specs[j].setting : setting
        let base = s.avgPeriod != 0 ? (j < specs.count ? totals[j] : .nan) / Double(s.avgPeriod)
                                     : self[back].range(s.rangeType)
        return s.factor * base / (s.rangeType == .shadows ? 2.0 : 1.0)
    }

    /// TA_REALBODYGAPUP(a, b): candle `a` bars back has its body entirely above candle `b`'s body.
    @inlinable public func bodyGapUp(_ a: Int, _ b: Int) -> Bool { self[a].bodyBottom > self[b].bodyTop }
    /// TA_REALBODYGAPDOWN(a, b): candle `a`'s body entirely below candle `b`'s body.
    @inlinable public func bodyGapDown(_ a: Int, _ b: Int) -> Bool { self[a].bodyTop < self[b].bodyBottom }
    /// TA_CANDLEGAPUP(a, b): candle `a`'s low above candle `b`'s high.
    @inlinable public func gapUp(_ a: Int, _ b: Int) -> Bool { self[a].low > self[b].high }
    /// TA_CANDLEGAPDOWN(a, b): candle `a`'s high below candle `b`'s low.
    @inlinable public func gapDown(_ a: Int, _ b: Int) -> Bool { self[a].high < self[b].low }
}

/// One candlestick pattern as a rule over the last candles: what it averages, its lookback, and its signal.
public protocol CandleRule: Sendable {
    /// TA-Lib's lookback for the default candle settings (leading bars with no output).
    static var lookback: Int { get }
    /// The (setting, candle offset) averages the rule reads through `CandleWindow.avg`.
    static var averages: [CandleAverageSpec] { get }
    /// Bars evaluated before the first output to settle internal state (TA-Lib's hikkake functions replay 3).
    static var preRoll: Int { get }
    /// The signal for the current candle: 0, or ±100 (±80 for weak engulfing/harami, ±200 for confirmed hikkake).
    mutating func signal(_ w: CandleWindow) -> Int
}

extension CandleRule {
    public static var averages: [CandleAverageSpec] { [] }
    public static var preRoll: Int { 0 }
}

/// The streaming state of any candlestick pattern: feeds bars one at a time and gives TA-Lib's integer signal
/// (as a Double in `out.v0`) from bar `Rule.lookback` on, 0 before it.
public struct CandlePatternState<Rule: CandleRule>: StreamingIndicator {
    @usableFromInline var rule: Rule
    @usableFromInline var window: CandleWindow
    @usableFromInline var seen = 0

    /// A fresh state running `rule`.
    public init(_ rule: Rule) {
        self.rule = rule
        window = CandleWindow(capacity: Rule.lookback + 1, averages: Rule.averages)
    }

    /// TA-Lib's lookback.
    public static var lookback: Int { Rule.lookback }

    /// Feeds one candle; returns the pattern signal once past the lookback.
    @inlinable
    public mutating func update(_ candle: CandleShape) -> Int? {
        window.push(candle)
        let i = seen
        seen += 1
        let firstEvaluated = Rule.lookback - Rule.preRoll
        guard i >= firstEvaluated else { return nil }
        if i == firstEvaluated { window.startTotals() }
        let s = rule.signal(window)
        window.rollTotals()
        return i >= Rule.lookback ? s : nil
    }

    /// Writes the signal to `out.v0`. Compatibility choice: bars inside the lookback get 0 ("no pattern") rather
    /// than no value, as TA-Lib's Python interface (and so the reference vectors) reports integer outputs there.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        let s = update(CandleShape(open: bar.open, high: bar.high, low: bar.low, close: bar.close))
        out.v0 = Double(s ?? 0)
        return true
    }
}

/// Namespace of the 61 TA-Lib candlestick pattern rules (`CandlePatternState<CandlePatterns.Doji>` ...).
public enum CandlePatterns {}
