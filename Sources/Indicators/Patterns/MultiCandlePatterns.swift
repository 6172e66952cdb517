// Patterns of four or more candles, and the stateful hikkake pair. Rules follow TA-Lib 0.8.1's
// src/ta_func/ta_CDL<NAME>.c; `w[k]` is the candle k bars before the current one.

extension CandlePatterns {
    /// CDL3BLACKCROWS, Three Black Crows: a white candle, then three falling blacks with very short lower shadows,
    /// each opening inside the prior body, the first closing under the white's high. -100.
    public struct ThreeBlackCrows: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.shadowVeryShort.avgPeriod + 3 }
        public static var averages: [CandleAverageSpec] {
            [.init(.shadowVeryShort, 2), .init(.shadowVeryShort, 1), .init(.shadowVeryShort, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let p = w[3], a = w[2], b = w[1], c = w[0]
            guard p.isWhite, a.isBlack, b.isBlack, c.isBlack,
                  b.open < a.open, b.open > a.close, c.open < b.open, c.open > b.close,
                  p.high > a.close, a.close > b.close, b.close > c.close,
                  a.lowerShadow < w.avg(.shadowVeryShort, 2), b.lowerShadow < w.avg(.shadowVeryShort, 1),
                  c.lowerShadow < w.avg(.shadowVeryShort, 0) else { return 0 }
            return -100
        }
    }

    /// CDL3LINESTRIKE, Three-Line Strike: three same-colored candles trending, each opening within or near the
    /// prior body, then an opposite candle wiping them out. ±100 by the third candle's color.
    public struct ThreeLineStrike: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.near.avgPeriod + 3 }
        public static var averages: [CandleAverageSpec] { [.init(.near, 3), .init(.near, 2)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[3], b = w[2], c = w[1], d = w[0]
            let near3 = w.avg(.near, 3), near2 = w.avg(.near, 2)
            guard a.color == b.color, b.color == c.color, d.color == -c.color,
                  b.open >= a.bodyBottom - near3, b.open <= a.bodyTop + near3,
                  c.open >= b.bodyBottom - near2, c.open <= b.bodyTop + near2 else { return 0 }
            let white = c.isWhite && c.close > b.close && b.close > a.close && d.open > c.close && d.close < a.open
            let black = c.isBlack && c.close < b.close && b.close < a.close && d.open < c.close && d.close > a.open
            return white || black ? c.color * 100 : 0
        }
    }

    /// CDLCONCEALBABYSWALL, Concealing Baby Swallow: two black marubozu; a black gapping down with an upper shadow
    /// into the prior body; a black engulfing it, shadows included. 100.
    public struct ConcealBabySwallow: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.shadowVeryShort.avgPeriod + 3 }
        public static var averages: [CandleAverageSpec] {
            [.init(.shadowVeryShort, 3), .init(.shadowVeryShort, 2), .init(.shadowVeryShort, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[3], b = w[2], c = w[1], d = w[0]
            let svs3 = w.avg(.shadowVeryShort, 3), svs2 = w.avg(.shadowVeryShort, 2)
            guard a.isBlack, b.isBlack, c.isBlack, d.isBlack,
                  a.lowerShadow < svs3, a.upperShadow < svs3, b.lowerShadow < svs2, b.upperShadow < svs2,
                  w.bodyGapDown(1, 2), c.upperShadow > w.avg(.shadowVeryShort, 1), c.high > b.close,
                  d.high > c.high, d.low < c.low else { return 0 }
            return 100
        }
    }

    /// CDLBREAKAWAY, Breakaway: long candle; a body gap; two more candles extending the move; a fifth, opposite
    /// candle closing inside the gap. ±100 by the fifth color.
    public struct Breakaway: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyLong.avgPeriod + 4 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 4)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            guard a.realBody > w.avg(.bodyLong, 4), a.color == b.color, b.color == d.color, d.color == -e.color
            else { return 0 }
            let bullish = a.isBlack && w.bodyGapDown(3, 4) && c.high < b.high && c.low < b.low
                && d.high < c.high && d.low < c.low && e.close > b.open && e.close < a.close
            let bearish = a.isWhite && w.bodyGapUp(3, 4) && c.high > b.high && c.low > b.low
                && d.high > c.high && d.low > c.low && e.close < b.open && e.close > a.close
            return bullish || bearish ? e.color * 100 : 0
        }
    }

    /// CDLLADDERBOTTOM, Ladder Bottom: three falling blacks; a black with an upper shadow; a white opening above
    /// its body and closing above its high. 100.
    public struct LadderBottom: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.shadowVeryShort.avgPeriod + 4 }
        public static var averages: [CandleAverageSpec] { [.init(.shadowVeryShort, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            guard a.isBlack, b.isBlack, c.isBlack, a.open > b.open, b.open > c.open, a.close > b.close, b.close > c.close,
                  d.isBlack, d.upperShadow > w.avg(.shadowVeryShort, 1),
                  e.isWhite, e.open > d.open, e.close > d.high else { return 0 }
            return 100
        }
    }

    /// CDLMATHOLD, Mat Hold: long white; three small reaction candles (the first gapping up) holding within its
    /// body, penetrating it less than `penetration`; a white closing above their highs. 100.
    public struct MatHold: CandleRule {
        /// Largest fraction of the first body the reaction candles may penetrate (TA-Lib default 0.5).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.5).
        public init(penetration: Double = 0.5) { self.penetration = penetration }
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 4 }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyLong, 4), .init(.bodyShort, 3), .init(.bodyShort, 2), .init(.bodyShort, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            let floor = a.close - a.realBody * penetration
            guard a.realBody > w.avg(.bodyLong, 4), b.realBody < w.avg(.bodyShort, 3),
                  c.realBody < w.avg(.bodyShort, 2), d.realBody < w.avg(.bodyShort, 1),
                  a.isWhite, b.isBlack, e.isWhite, w.bodyGapUp(3, 4),
                  c.bodyBottom < a.close, d.bodyBottom < a.close,
                  c.bodyBottom > floor, d.bodyBottom > floor,
                  c.bodyTop < b.open, d.bodyTop < c.bodyTop,
                  e.open > d.close, e.close > max(max(b.high, c.high), d.high) else { return 0 }
            return 100
        }
    }

    /// CDLRISEFALL3METHODS, Rising/Falling Three Methods: long candle; three small opposite candles holding within
    /// its range and drifting against it; a long candle of the first color closing beyond the first close.
    /// ±100 by the first color.
    public struct RiseFallThreeMethods: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 4 }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyLong, 4), .init(.bodyShort, 3), .init(.bodyShort, 2), .init(.bodyShort, 1), .init(.bodyLong, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            let s = Double(a.color)
            guard a.realBody > w.avg(.bodyLong, 4), b.realBody < w.avg(.bodyShort, 3),
                  c.realBody < w.avg(.bodyShort, 2), d.realBody < w.avg(.bodyShort, 1), e.realBody > w.avg(.bodyLong, 0),
                  a.color == -b.color, b.color == c.color, c.color == d.color, d.color == -e.color,
                  b.bodyBottom < a.high, b.bodyTop > a.low, c.bodyBottom < a.high, c.bodyTop > a.low,
                  d.bodyBottom < a.high, d.bodyTop > a.low,
                  c.close * s < b.close * s, d.close * s < c.close * s,
                  e.open * s > d.close * s, e.close * s > a.close * s else { return 0 }
            return a.color * 100
        }
    }

    /// CDLHIKKAKE, Hikkake: an inside bar, then a bar breaking out of it (100 for a lower high and lower low,
    /// -100 for a higher high and higher low); a close beyond the inside bar's opposite end within 3 bars confirms
    /// (200 / -200). TA-Lib replays the 3 bars before the first output, which `preRoll` reproduces.
    public struct Hikkake: CandleRule {
        var tracker = HikkakeTracker()
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { 5 }
        public static var preRoll: Int { 3 }
        public mutating func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let found = b.high < a.high && b.low > a.low
                && ((c.high < b.high && c.low < b.low) || (c.high > b.high && c.low > b.low))
            return tracker.step(found: found, current: c, insideBar: b)
        }
    }

    /// CDLHIKKAKEMOD, Modified Hikkake: as `Hikkake` with two nested inside bars, the first of them closing near its
    /// low (bullish) or high (bearish).
    public struct HikkakeModified: CandleRule {
        var tracker = HikkakeTracker()
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(1, CandleSetting.near.avgPeriod) + 5 }
        public static var preRoll: Int { 3 }
        public static var averages: [CandleAverageSpec] { [.init(.near, 2)] }
        public mutating func signal(_ w: CandleWindow) -> Int {
            let a = w[3], b = w[2], c = w[1], d = w[0]
            let near = w.avg(.near, 2)
            let found = b.high < a.high && b.low > a.low && c.high < b.high && c.low > b.low
                && ((d.high < c.high && d.low < c.low && b.close <= b.low + near)
                    || (d.high > c.high && d.low > c.low && b.close >= b.high - near))
            return tracker.step(found: found, current: d, insideBar: c)
        }
    }
}

/// The hikkake pattern memory: the last pattern's direction and bar, and the inside bar it must be confirmed against.
struct HikkakeTracker: Sendable {
    var bar = 0
    var patternBar: Int?
    var patternResult = 0
    var confirmHigh = 0.0
    var confirmLow = 0.0

    /// One bar: a new pattern (±100) wins over a confirmation (±200) of the previous one within 3 bars.
    mutating func step(found: Bool, current c: CandleShape, insideBar: CandleShape) -> Int {
        defer { bar += 1 }
        if found {
            patternResult = c.high < insideBar.high ? 100 : -100
            patternBar = bar
            confirmHigh = insideBar.high
            confirmLow = insideBar.low
            return patternResult
        }
        if let p = patternBar, bar <= p + 3,
           (patternResult > 0 && c.close > confirmHigh) || (patternResult < 0 && c.close < confirmLow) {
            patternBar = nil
            return patternResult + (patternResult > 0 ? 100 : -100)
        }
        return 0
    }
}
