// Three-candle patterns. Rules follow TA-Lib 0.8.1's src/ta_func/ta_CDL<NAME>.c; `w[2]` is the first candle
// of the pattern, `w[0]` the current (third) one.

extension CandlePatterns {
    /// CDL2CROWS, Two Crows: long white; black gapping up; black opening inside the 2nd body and closing inside
    /// the 1st. -100.
    public struct TwoCrows: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyLong.avgPeriod + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.isWhite, a.realBody > w.avg(.bodyLong, 2), b.isBlack, w.bodyGapUp(1, 2), c.isBlack,
                  c.open < b.open, c.open > b.close, c.close > a.open, c.close < a.close else { return 0 }
            return -100
        }
    }

    /// CDL3INSIDE, Three Inside Up/Down: long candle; short body inside it; third closing beyond the first's open
    /// against its color. -100 * first color.
    public struct ThreeInside: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyShort, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard b.bodyTop < a.bodyTop, b.bodyBottom > a.bodyBottom,
                  (a.isWhite && c.isBlack && c.close < a.open) || (a.isBlack && c.isWhite && c.close > a.open),
                  a.realBody > w.avg(.bodyLong, 2), b.realBody <= w.avg(.bodyShort, 1) else { return 0 }
            return -a.color * 100
        }
    }

    /// CDL3OUTSIDE, Three Outside Up/Down: an engulfing pair, then a third candle closing further in the
    /// engulfing direction. ±100 by the second color.
    public struct ThreeOutside: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { 3 }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let up = b.isWhite && a.isBlack && b.close > a.open && b.open < a.close && c.close > b.close
            let down = b.isBlack && a.isWhite && b.open > a.close && b.close < a.open && c.close < b.close
            return up || down ? b.color * 100 : 0
        }
    }

    /// CDL3STARSINSOUTH, Three Stars In The South: long black with a long lower shadow; smaller black with a
    /// higher low; small black marubozu inside the 2nd range. 100.
    public struct ThreeStarsInSouth: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.shadowLong.avgPeriod),
                max(CandleSetting.bodyLong.avgPeriod, CandleSetting.bodyShort.avgPeriod)) + 2
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyLong, 2), .init(.shadowLong, 2), .init(.shadowVeryShort, 1), .init(.shadowVeryShort, 0),
             .init(.bodyShort, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let svs0 = w.avg(.shadowVeryShort, 0)
            guard a.isBlack, b.isBlack, c.isBlack,
                  a.realBody > w.avg(.bodyLong, 2), a.lowerShadow > w.avg(.shadowLong, 2),
                  b.realBody < a.realBody, b.open > a.close, b.open <= a.high, b.low < a.close, b.low >= a.low,
                  b.lowerShadow > w.avg(.shadowVeryShort, 1),
                  c.realBody < w.avg(.bodyShort, 0), c.lowerShadow < svs0, c.upperShadow < svs0,
                  c.low > b.low, c.high < b.high else { return 0 }
            return 100
        }
    }

    /// CDL3WHITESOLDIERS, Three Advancing White Soldiers: three rising whites with very short upper shadows, each
    /// opening within or near the prior body, none much shorter than the prior. 100.
    public struct ThreeWhiteSoldiers: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.bodyShort.avgPeriod),
                max(CandleSetting.far.avgPeriod, CandleSetting.near.avgPeriod)) + 2
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.shadowVeryShort, 2), .init(.shadowVeryShort, 1), .init(.shadowVeryShort, 0),
             .init(.near, 2), .init(.near, 1), .init(.far, 2), .init(.far, 1), .init(.bodyShort, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.isWhite, a.upperShadow < w.avg(.shadowVeryShort, 2),
                  b.isWhite, b.upperShadow < w.avg(.shadowVeryShort, 1),
                  c.isWhite, c.upperShadow < w.avg(.shadowVeryShort, 0),
                  c.close > b.close, b.close > a.close,
                  b.open > a.open, b.open <= a.close + w.avg(.near, 2),
                  c.open > b.open, c.open <= b.close + w.avg(.near, 1),
                  b.realBody > a.realBody - w.avg(.far, 2), c.realBody > b.realBody - w.avg(.far, 1),
                  c.realBody > w.avg(.bodyShort, 0) else { return 0 }
            return 100
        }
    }

    /// CDLABANDONEDBABY, Abandoned Baby: long candle; doji gapping away (shadows too); third opposite candle gapping
    /// back and closing into the first body by `penetration`. ±100 by the third color.
    public struct AbandonedBaby: CandleRule {
        /// Fraction of the first body the third candle must close into (TA-Lib default 0.3).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.3).
        public init(penetration: Double = 0.3) { self.penetration = penetration }
        public static var lookback: Int {
            max(max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.bodyLong.avgPeriod), CandleSetting.bodyShort.avgPeriod) + 2
        }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyDoji, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), w[1].realBody <= w.avg(.bodyDoji, 1),
                  c.realBody > w.avg(.bodyShort, 0) else { return 0 }
            let top = a.isWhite && c.isBlack && c.close < a.close - a.realBody * penetration
                && w.gapUp(1, 2) && w.gapDown(0, 1)
            let bottom = a.isBlack && c.isWhite && c.close > a.close + a.realBody * penetration
                && w.gapDown(1, 2) && w.gapUp(0, 1)
            return top || bottom ? c.color * 100 : 0
        }
    }

    /// CDLADVANCEBLOCK, Advance Block: three rising whites (the first long) showing weakness: shrinking bodies
    /// or growing upper shadows. -100.
    public struct AdvanceBlock: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(max(CandleSetting.shadowLong.avgPeriod, CandleSetting.shadowShort.avgPeriod),
                    max(CandleSetting.far.avgPeriod, CandleSetting.near.avgPeriod)),
                CandleSetting.bodyLong.avgPeriod) + 2
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.near, 2), .init(.near, 1), .init(.far, 2), .init(.far, 1), .init(.bodyLong, 2),
             .init(.shadowShort, 2), .init(.shadowShort, 1), .init(.shadowShort, 0), .init(.shadowLong, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.isWhite, b.isWhite, c.isWhite, c.close > b.close, b.close > a.close,
                  b.open > a.open, b.open <= a.close + w.avg(.near, 2),
                  c.open > b.open, c.open <= b.close + w.avg(.near, 1),
                  a.realBody > w.avg(.bodyLong, 2), a.upperShadow < w.avg(.shadowShort, 2) else { return 0 }
            let weakening =
                (b.realBody < a.realBody - w.avg(.far, 2) && c.realBody < b.realBody + w.avg(.near, 1))
                || c.realBody < b.realBody - w.avg(.far, 1)
                || (c.realBody < b.realBody && b.realBody < a.realBody
                    && (c.upperShadow > w.avg(.shadowShort, 0) || b.upperShadow > w.avg(.shadowShort, 1)))
                || (c.realBody < b.realBody && c.upperShadow > w.avg(.shadowLong, 0))
            return weakening ? -100 : 0
        }
    }

    /// CDLEVENINGSTAR, Evening Star: long white; short body gapping up; black closing into the first body by
    /// `penetration`. -100.
    public struct EveningStar: CandleRule {
        /// Fraction of the first body the third candle must close into (TA-Lib default 0.3).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.3).
        public init(penetration: Double = 0.3) { self.penetration = penetration }
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyShort, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), a.isWhite, w[1].realBody <= w.avg(.bodyShort, 1), w.bodyGapUp(1, 2),
                  c.realBody > w.avg(.bodyShort, 0), c.isBlack, c.close < a.close - a.realBody * penetration else { return 0 }
            return -100
        }
    }

    /// CDLEVENINGDOJISTAR, Evening Doji Star: `EveningStar` with a doji in the middle. -100.
    public struct EveningDojiStar: CandleRule {
        /// Fraction of the first body the third candle must close into (TA-Lib default 0.3).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.3).
        public init(penetration: Double = 0.3) { self.penetration = penetration }
        public static var lookback: Int {
            max(max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.bodyLong.avgPeriod), CandleSetting.bodyShort.avgPeriod) + 2
        }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyDoji, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), a.isWhite, w[1].realBody <= w.avg(.bodyDoji, 1), w.bodyGapUp(1, 2),
                  c.realBody > w.avg(.bodyShort, 0), c.isBlack, c.close < a.close - a.realBody * penetration else { return 0 }
            return -100
        }
    }

    /// CDLMORNINGSTAR, Morning Star: long black; short body gapping down; white closing into the first body by
    /// `penetration`. 100.
    public struct MorningStar: CandleRule {
        /// Fraction of the first body the third candle must close into (TA-Lib default 0.3).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.3).
        public init(penetration: Double = 0.3) { self.penetration = penetration }
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyShort, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), a.isBlack, w[1].realBody <= w.avg(.bodyShort, 1), w.bodyGapDown(1, 2),
                  c.realBody > w.avg(.bodyShort, 0), c.isWhite, c.close > a.close + a.realBody * penetration else { return 0 }
            return 100
        }
    }

    /// CDLMORNINGDOJISTAR, Morning Doji Star: `MorningStar` with a doji in the middle. 100.
    public struct MorningDojiStar: CandleRule {
        /// Fraction of the first body the third candle must close into (TA-Lib default 0.3).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.3).
        public init(penetration: Double = 0.3) { self.penetration = penetration }
        public static var lookback: Int {
            max(max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.bodyLong.avgPeriod), CandleSetting.bodyShort.avgPeriod) + 2
        }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyDoji, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), a.isBlack, w[1].realBody <= w.avg(.bodyDoji, 1), w.bodyGapDown(1, 2),
                  c.realBody > w.avg(.bodyShort, 0), c.isWhite, c.close > a.close + a.realBody * penetration else { return 0 }
            return 100
        }
    }

    /// CDLGAPSIDESIDEWHITE, Up/Down-gap side-by-side white lines: a gap, then two similar whites opening at about
    /// the same price. 100 after an up gap, -100 after a down gap.
    public struct GapSideSideWhite: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.near.avgPeriod, CandleSetting.equal.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.near, 1), .init(.equal, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let b = w[1], c = w[0]
            let near = w.avg(.near, 1), eq = w.avg(.equal, 1)
            guard (w.bodyGapUp(1, 2) && w.bodyGapUp(0, 2)) || (w.bodyGapDown(1, 2) && w.bodyGapDown(0, 2)),
                  b.isWhite, c.isWhite,
                  c.realBody >= b.realBody - near, c.realBody <= b.realBody + near,
                  c.open >= b.open - eq, c.open <= b.open + eq else { return 0 }
            return w.bodyGapUp(1, 2) ? 100 : -100
        }
    }

    /// CDLIDENTICAL3CROWS, Identical Three Crows: three falling blacks with very short lower shadows, each opening
    /// at about the prior close. -100.
    public struct IdenticalThreeCrows: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.equal.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] {
            [.init(.shadowVeryShort, 2), .init(.shadowVeryShort, 1), .init(.shadowVeryShort, 0),
             .init(.equal, 2), .init(.equal, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let eq2 = w.avg(.equal, 2), eq1 = w.avg(.equal, 1)
            guard a.isBlack, a.lowerShadow < w.avg(.shadowVeryShort, 2),
                  b.isBlack, b.lowerShadow < w.avg(.shadowVeryShort, 1),
                  c.isBlack, c.lowerShadow < w.avg(.shadowVeryShort, 0),
                  a.close > b.close, b.close > c.close,
                  b.open <= a.close + eq2, b.open >= a.close - eq2,
                  c.open <= b.close + eq1, c.open >= b.close - eq1 else { return 0 }
            return -100
        }
    }

    /// CDLSTALLEDPATTERN, Stalled Pattern: two long rising whites, then a small white riding on the second's
    /// shoulder. -100.
    public struct StalledPattern: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyLong.avgPeriod, CandleSetting.bodyShort.avgPeriod),
                max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.near.avgPeriod)) + 2
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyLong, 2), .init(.bodyLong, 1), .init(.bodyShort, 0), .init(.shadowVeryShort, 1),
             .init(.near, 2), .init(.near, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.isWhite, b.isWhite, c.isWhite, c.close > b.close, b.close > a.close,
                  a.realBody > w.avg(.bodyLong, 2), b.realBody > w.avg(.bodyLong, 1),
                  b.upperShadow < w.avg(.shadowVeryShort, 1),
                  b.open > a.open, b.open <= a.close + w.avg(.near, 2),
                  c.realBody < w.avg(.bodyShort, 0),
                  c.open >= b.close - c.realBody - w.avg(.near, 1) else { return 0 }
            return -100
        }
    }

    /// CDLSTICKSANDWICH, Stick Sandwich: black, white trading above its close, black closing at the first close. 100.
    public struct StickSandwich: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.equal.avgPeriod + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 2)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let eq = w.avg(.equal, 2)
            guard a.isBlack, b.isWhite, c.isBlack, b.low > a.close,
                  c.close <= a.close + eq, c.close >= a.close - eq else { return 0 }
            return 100
        }
    }

    /// CDLTASUKIGAP, Tasuki Gap: a body gap, then two opposite candles of similar size, the second opening inside
    /// the first and closing inside the gap. ±100 by the second candle's color.
    public struct TasukiGap: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.near.avgPeriod + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.near, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let near = w.avg(.near, 1)
            let up = w.bodyGapUp(1, 2) && b.isWhite && c.isBlack && c.open < b.close && c.open > b.open
                && c.close < b.open && c.close > a.bodyTop && abs(b.realBody - c.realBody) < near
            let down = w.bodyGapDown(1, 2) && b.isBlack && c.isWhite && c.open < b.open && c.open > b.close
                && c.close > b.open && c.close < a.bodyBottom && abs(b.realBody - c.realBody) < near
            return up || down ? b.color * 100 : 0
        }
    }

    /// CDLTRISTAR, Tristar: three dojis, the middle one gapping away; -100 (top) or 100 (bottom).
    /// As TA-Lib does, all three are judged against the doji average of the first candle.
    public struct Tristar: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyDoji.avgPeriod + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 2)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            let doji = w.avg(.bodyDoji, 2)
            guard a.realBody <= doji, b.realBody <= doji, c.realBody <= doji else { return 0 }
            var out = 0
            if w.bodyGapUp(1, 2) && c.bodyTop < b.bodyTop { out = -100 }
            if w.bodyGapDown(1, 2) && c.bodyBottom > b.bodyBottom { out = 100 }
            return out
        }
    }

    /// CDLUNIQUE3RIVER, Unique 3 River: long black; black harami-like with a lower low; small white opening above
    /// that low. 100.
    public struct UniqueThreeRiver: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.realBody > w.avg(.bodyLong, 2), a.isBlack,
                  b.isBlack, b.close > a.close, b.open <= a.open, b.low < a.low,
                  c.realBody < w.avg(.bodyShort, 0), c.isWhite, c.open > b.low else { return 0 }
            return 100
        }
    }

    /// CDLUPSIDEGAP2CROWS, Upside Gap Two Crows: long white; short black gapping up; black engulfing it but closing
    /// above the first close. -100.
    public struct UpsideGapTwoCrows: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 2 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 2), .init(.bodyShort, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.isWhite, a.realBody > w.avg(.bodyLong, 2),
                  b.isBlack, b.realBody <= w.avg(.bodyShort, 1), w.bodyGapUp(1, 2),
                  c.isBlack, c.open > b.open, c.close < b.close, c.close > a.close else { return 0 }
            return -100
        }
    }

    /// CDLXSIDEGAP3METHODS, Upside/Downside Gap Three Methods: two same-colored candles with a body gap, then an
    /// opposite candle opening in the 2nd body and closing in the 1st. ±100 by the first color.
    public struct XSideGapThreeMethods: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { 2 }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[2], b = w[1], c = w[0]
            guard a.color == b.color, b.color == -c.color,
                  c.open < b.bodyTop, c.open > b.bodyBottom, c.close < a.bodyTop, c.close > a.bodyBottom,
                  (a.isWhite && w.bodyGapUp(1, 2)) || (a.isBlack && w.bodyGapDown(1, 2)) else { return 0 }
            return a.color * 100
        }
    }
}
