// One-candle patterns (some also look at the previous candle's position). Rules follow TA-Lib 0.8.1's
// src/ta_func/ta_CDL<NAME>.c; `w[0]` is the current candle, `w[1]` the previous one.

extension CandlePatterns {
    /// CDLBELTHOLD, Belt-hold: long body with no shadow on the opening side. ±100 by the candle's color.
    public struct BeltHold: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyLong.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 0), .init(.shadowVeryShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svs = w.avg(.shadowVeryShort, 0)
            guard c.realBody > w.avg(.bodyLong, 0),
                  (c.isWhite && c.lowerShadow < svs) || (c.isBlack && c.upperShadow < svs) else { return 0 }
            return c.color * 100
        }
    }

    /// CDLCLOSINGMARUBOZU, Closing Marubozu: long body with no shadow on the closing side. ±100 by color.
    public struct ClosingMarubozu: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyLong.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 0), .init(.shadowVeryShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svs = w.avg(.shadowVeryShort, 0)
            guard c.realBody > w.avg(.bodyLong, 0),
                  (c.isWhite && c.upperShadow < svs) || (c.isBlack && c.lowerShadow < svs) else { return 0 }
            return c.color * 100
        }
    }

    /// CDLDOJI, Doji: body <= the doji threshold. 100.
    public struct Doji: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyDoji.avgPeriod }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 0)] }
        public func signal(_ w: CandleWindow) -> Int { w[0].realBody <= w.avg(.bodyDoji, 0) ? 100 : 0 }
    }

    /// CDLDRAGONFLYDOJI, Dragonfly Doji: doji with no upper shadow and a lower shadow. 100.
    public struct DragonflyDoji: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 0), .init(.shadowVeryShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svs = w.avg(.shadowVeryShort, 0)
            return c.realBody <= w.avg(.bodyDoji, 0) && c.upperShadow < svs && c.lowerShadow > svs ? 100 : 0
        }
    }

    /// CDLGRAVESTONEDOJI, Gravestone Doji: doji with no lower shadow and an upper shadow. 100.
    public struct GravestoneDoji: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 0), .init(.shadowVeryShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svs = w.avg(.shadowVeryShort, 0)
            return c.realBody <= w.avg(.bodyDoji, 0) && c.lowerShadow < svs && c.upperShadow > svs ? 100 : 0
        }
    }

    /// CDLHIGHWAVE, High-Wave CandleShape: short body, both shadows very long. ±100 by color.
    public struct HighWave: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowVeryLong.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyShort, 0), .init(.shadowVeryLong, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svl = w.avg(.shadowVeryLong, 0)
            return c.realBody < w.avg(.bodyShort, 0) && c.upperShadow > svl && c.lowerShadow > svl ? c.color * 100 : 0
        }
    }

    /// CDLLONGLEGGEDDOJI, Long Legged Doji: doji with a long upper or lower shadow. 100.
    public struct LongLeggedDoji: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.shadowLong.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 0), .init(.shadowLong, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let sl = w.avg(.shadowLong, 0)
            return c.realBody <= w.avg(.bodyDoji, 0) && (c.lowerShadow > sl || c.upperShadow > sl) ? 100 : 0
        }
    }

    /// CDLLONGLINE, Long Line CandleShape: long body, short shadows. ±100 by color.
    public struct LongLine: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyLong.avgPeriod, CandleSetting.shadowShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 0), .init(.shadowShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let ss = w.avg(.shadowShort, 0)
            return c.realBody > w.avg(.bodyLong, 0) && c.upperShadow < ss && c.lowerShadow < ss ? c.color * 100 : 0
        }
    }

    /// CDLMARUBOZU, Marubozu: long body, no shadows. ±100 by color.
    public struct Marubozu: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyLong.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 0), .init(.shadowVeryShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let svs = w.avg(.shadowVeryShort, 0)
            return c.realBody > w.avg(.bodyLong, 0) && c.upperShadow < svs && c.lowerShadow < svs ? c.color * 100 : 0
        }
    }

    /// CDLRICKSHAWMAN, Rickshaw Man: doji with two long shadows and the body near the middle of the range. 100.
    public struct RickshawMan: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.shadowLong.avgPeriod), CandleSetting.near.avgPeriod)
        }
        public static var averages: [CandleAverageSpec] { [.init(.bodyDoji, 0), .init(.shadowLong, 0), .init(.near, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let sl = w.avg(.shadowLong, 0)
            let near = w.avg(.near, 0)
            let mid = c.low + c.highLowRange / 2
            guard c.realBody <= w.avg(.bodyDoji, 0), c.lowerShadow > sl, c.upperShadow > sl,
                  c.bodyBottom <= mid + near, c.bodyTop >= mid - near else { return 0 }
            return 100
        }
    }

    /// CDLSHORTLINE, Short Line CandleShape: short body, short shadows. ±100 by color.
    public struct ShortLine: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowShort.avgPeriod) }
        public static var averages: [CandleAverageSpec] { [.init(.bodyShort, 0), .init(.shadowShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            let ss = w.avg(.shadowShort, 0)
            return c.realBody < w.avg(.bodyShort, 0) && c.upperShadow < ss && c.lowerShadow < ss ? c.color * 100 : 0
        }
    }

    /// CDLSPINNINGTOP, Spinning Top: short body, both shadows longer than the body. ±100 by color.
    public struct SpinningTop: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyShort.avgPeriod }
        public static var averages: [CandleAverageSpec] { [.init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            return c.realBody < w.avg(.bodyShort, 0) && c.upperShadow > c.realBody && c.lowerShadow > c.realBody
                ? c.color * 100 : 0
        }
    }

    /// CDLTAKURI, Takuri: doji with no upper shadow and a very long lower shadow. 100.
    public struct Takuri: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.shadowVeryShort.avgPeriod),
                CandleSetting.shadowVeryLong.avgPeriod)
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyDoji, 0), .init(.shadowVeryShort, 0), .init(.shadowVeryLong, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            return c.realBody <= w.avg(.bodyDoji, 0) && c.upperShadow < w.avg(.shadowVeryShort, 0)
                && c.lowerShadow > w.avg(.shadowVeryLong, 0) ? 100 : 0
        }
    }

    /// CDLHAMMER, Hammer: short body, long lower shadow, no upper shadow, body near or below the prior low. 100.
    public struct Hammer: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowLong.avgPeriod),
                max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.near.avgPeriod)) + 1
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyShort, 0), .init(.shadowLong, 0), .init(.shadowVeryShort, 0), .init(.near, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            guard c.realBody < w.avg(.bodyShort, 0), c.lowerShadow > w.avg(.shadowLong, 0),
                  c.upperShadow < w.avg(.shadowVeryShort, 0),
                  c.bodyBottom <= w[1].low + w.avg(.near, 1) else { return 0 }
            return 100
        }
    }

    /// CDLHANGINGMAN, Hanging Man: hammer shape with the body near or above the prior high. -100.
    public struct HangingMan: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowLong.avgPeriod),
                max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.near.avgPeriod)) + 1
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyShort, 0), .init(.shadowLong, 0), .init(.shadowVeryShort, 0), .init(.near, 1)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            guard c.realBody < w.avg(.bodyShort, 0), c.lowerShadow > w.avg(.shadowLong, 0),
                  c.upperShadow < w.avg(.shadowVeryShort, 0),
                  c.bodyBottom >= w[1].high - w.avg(.near, 1) else { return 0 }
            return -100
        }
    }

    /// CDLINVERTEDHAMMER, Inverted Hammer: short body, long upper shadow, no lower shadow, gapping down. 100.
    public struct InvertedHammer: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowLong.avgPeriod),
                CandleSetting.shadowVeryShort.avgPeriod) + 1
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyShort, 0), .init(.shadowLong, 0), .init(.shadowVeryShort, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            guard c.realBody < w.avg(.bodyShort, 0), c.upperShadow > w.avg(.shadowLong, 0),
                  c.lowerShadow < w.avg(.shadowVeryShort, 0), w.bodyGapDown(0, 1) else { return 0 }
            return 100
        }
    }

    /// CDLSHOOTINGSTAR, Shooting Star: short body, long upper shadow, no lower shadow, gapping up. -100.
    public struct ShootingStar: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.bodyShort.avgPeriod, CandleSetting.shadowLong.avgPeriod),
                CandleSetting.shadowVeryShort.avgPeriod) + 1
        }
        public static var averages: [CandleAverageSpec] {
            [.init(.bodyShort, 0), .init(.shadowLong, 0), .init(.shadowVeryShort, 0)]
        }
        public func signal(_ w: CandleWindow) -> Int {
            let c = w[0]
            guard c.realBody < w.avg(.bodyShort, 0), c.upperShadow > w.avg(.shadowLong, 0),
                  c.lowerShadow < w.avg(.shadowVeryShort, 0), w.bodyGapUp(0, 1) else { return 0 }
            return -100
        }
    }
}
