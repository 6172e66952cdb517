// Two-candle patterns. Rules follow TA-Lib 0.8.1's src/ta_func/ta_CDL<NAME>.c; `w[1]` is the first candle of
// the pattern, `w[0]` the current (second) one.

extension CandlePatterns {
    /// CDLCOUNTERATTACK, Counterattack: two long opposite-colored candles closing at about the same price.
    /// ±100 by the second candle's color.
    public struct Counterattack: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.equal.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 1), .init(.bodyLong, 1), .init(.bodyLong, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            let eq = w.avg(.equal, 1)
            guard a.color == -b.color, a.realBody > w.avg(.bodyLong, 1), b.realBody > w.avg(.bodyLong, 0),
                  b.close <= a.close + eq, b.close >= a.close - eq else { return 0 }
            return b.color * 100
        }
    }

    /// CDLDARKCLOUDCOVER, Dark Cloud Cover: long white, then a black candle opening above its high and closing
    /// deep into its body (below close - body * penetration). -100.
    public struct DarkCloudCover: CandleRule {
        /// Fraction of the first body the second candle must close into (TA-Lib default 0.5).
        public let penetration: Double
        /// The rule with a penetration fraction (TA-Lib default 0.5).
        public init(penetration: Double = 0.5) { self.penetration = penetration }
        public static var lookback: Int { CandleSetting.bodyLong.avgPeriod + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.isWhite, a.realBody > w.avg(.bodyLong, 1), b.isBlack, b.open > a.high,
                  b.close > a.open, b.close < a.close - a.realBody * penetration else { return 0 }
            return -100
        }
    }

    /// CDLDOJISTAR, Doji Star: long candle, then a doji whose body gaps away in the trend's direction.
    /// -100 after a white candle, +100 after a black one.
    public struct DojiStar: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1), .init(.bodyDoji, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.realBody > w.avg(.bodyLong, 1), b.realBody <= w.avg(.bodyDoji, 0),
                  (a.isWhite && w.bodyGapUp(0, 1)) || (a.isBlack && w.bodyGapDown(0, 1)) else { return 0 }
            return -a.color * 100
        }
    }

    /// CDLENGULFING, Engulfing: the second body engulfs the first, opposite colors. ±100 by the second color,
    /// ±80 when one end of the bodies coincides (TA-Lib 0.6+ behavior).
    public struct Engulfing: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { 2 }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            let bullish = b.isWhite && a.isBlack
                && ((b.close >= a.open && b.open < a.close) || (b.close > a.open && b.open <= a.close))
            let bearish = b.isBlack && a.isWhite
                && ((b.open >= a.close && b.close < a.open) || (b.open > a.close && b.close <= a.open))
            guard bullish || bearish else { return 0 }
            return b.open != a.close && b.close != a.open ? b.color * 100 : b.color * 80
        }
    }

    /// CDLHARAMI, Harami: long candle, then a short body inside its body. -100 * first color (strictly inside),
    /// -80 * first color when a body end coincides.
    public struct Harami: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.realBody > w.avg(.bodyLong, 1), b.realBody <= w.avg(.bodyShort, 0) else { return 0 }
            return haramiSignal(a, b)
        }
    }

    /// CDLHARAMICROSS, Harami Cross: long candle, then a doji inside its body. As `Harami`.
    public struct HaramiCross: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyDoji.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1), .init(.bodyDoji, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.realBody > w.avg(.bodyLong, 1), b.realBody <= w.avg(.bodyDoji, 0) else { return 0 }
            return haramiSignal(a, b)
        }
    }

    /// CDLHOMINGPIGEON, Homing Pigeon: long black, then a short black body inside it. 100.
    public struct HomingPigeon: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.bodyShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1), .init(.bodyShort, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.isBlack, b.isBlack, a.realBody > w.avg(.bodyLong, 1), b.realBody <= w.avg(.bodyShort, 0),
                  b.open < a.open, b.close > a.close else { return 0 }
            return 100
        }
    }

    /// CDLINNECK, In-Neck: long black, then a white opening below its low and closing just at or above its close. -100.
    public struct InNeck: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.equal.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 1), .init(.bodyLong, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.isBlack, a.realBody > w.avg(.bodyLong, 1), b.isWhite, b.open < a.low,
                  b.close <= a.close + w.avg(.equal, 1), b.close >= a.close else { return 0 }
            return -100
        }
    }

    /// CDLONNECK, On-Neck: long black, then a white opening below its low and closing at its low. -100.
    public struct OnNeck: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.equal.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 1), .init(.bodyLong, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            let eq = w.avg(.equal, 1)
            guard a.isBlack, a.realBody > w.avg(.bodyLong, 1), b.isWhite, b.open < a.low,
                  b.close <= a.low + eq, b.close >= a.low - eq else { return 0 }
            return -100
        }
    }

    /// CDLTHRUSTING, Thrusting: long black, then a white opening below its low and closing into, but below the
    /// middle of, its body. -100.
    public struct Thrusting: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.equal.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 1), .init(.bodyLong, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.isBlack, a.realBody > w.avg(.bodyLong, 1), b.isWhite, b.open < a.low,
                  b.close > a.close + w.avg(.equal, 1), b.close <= a.close + a.realBody * 0.5 else { return 0 }
            return -100
        }
    }

    /// CDLKICKING, Kicking: two opposite marubozu separated by a gap. ±100 by the second color.
    public struct Kicking: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { kickingAverages }
        public func signal(_ w: CandleWindow) -> Int {
            isKicking(w) ? w[0].color * 100 : 0
        }
    }

    /// CDLKICKINGBYLENGTH, Kicking by length: `Kicking`, signed by the color of the longer marubozu.
    public struct KickingByLength: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.bodyLong.avgPeriod) + 1 }
        public static var averages: [CandleAverageSpec] { kickingAverages }
        public func signal(_ w: CandleWindow) -> Int {
            guard isKicking(w) else { return 0 }
            return (w[0].realBody > w[1].realBody ? w[0] : w[1]).color * 100
        }
    }

    /// CDLMATCHINGLOW, Matching Low: two black candles closing at about the same price. 100.
    public struct MatchingLow: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.equal.avgPeriod + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.equal, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            let eq = w.avg(.equal, 1)
            return a.isBlack && b.isBlack && b.close <= a.close + eq && b.close >= a.close - eq ? 100 : 0
        }
    }

    /// CDLPIERCING, Piercing: long black, then a long white opening below its low and closing above the middle
    /// of its body (but below its open). 100.
    public struct Piercing: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int { CandleSetting.bodyLong.avgPeriod + 1 }
        public static var averages: [CandleAverageSpec] { [.init(.bodyLong, 1), .init(.bodyLong, 0)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            guard a.isBlack, a.realBody > w.avg(.bodyLong, 1), b.isWhite, b.realBody > w.avg(.bodyLong, 0),
                  b.open < a.low, b.close < a.open, b.close > a.close + a.realBody * 0.5 else { return 0 }
            return 100
        }
    }

    /// CDLSEPARATINGLINES, Separating Lines: opposite colors, same open, the second a long belt-hold.
    /// ±100 by the second color.
    public struct SeparatingLines: CandleRule {
        /// The rule (it takes no parameters).
        public init() {}
        public static var lookback: Int {
            max(max(CandleSetting.shadowVeryShort.avgPeriod, CandleSetting.bodyLong.avgPeriod),
                CandleSetting.equal.avgPeriod) + 1
        }
        public static var averages: [CandleAverageSpec] { [.init(.shadowVeryShort, 0), .init(.bodyLong, 0), .init(.equal, 1)] }
        public func signal(_ w: CandleWindow) -> Int {
            let a = w[1], b = w[0]
            let eq = w.avg(.equal, 1)
            let svs = w.avg(.shadowVeryShort, 0)
            guard a.color == -b.color, b.open <= a.open + eq, b.open >= a.open - eq, b.realBody > w.avg(.bodyLong, 0),
                  (b.isWhite && b.lowerShadow < svs) || (b.isBlack && b.upperShadow < svs) else { return 0 }
            return b.color * 100
        }
    }
}

extension CandlePatterns {
    /// Harami placement of `b`'s body inside `a`'s: strictly inside -100 * color(a); touching an end -80 * color(a).
    static func haramiSignal(_ a: CandleShape, _ b: CandleShape) -> Int {
        if b.bodyTop < a.bodyTop && b.bodyBottom > a.bodyBottom { return -a.color * 100 }
        if b.bodyTop <= a.bodyTop && b.bodyBottom >= a.bodyBottom { return -a.color * 80 }
        return 0
    }

    static let kickingAverages: [CandleAverageSpec] = [
        .init(.shadowVeryShort, 1), .init(.shadowVeryShort, 0), .init(.bodyLong, 1), .init(.bodyLong, 0),
    ]

    /// Two opposite-colored marubozu with a full gap between them, in the second candle's direction.
    static func isKicking(_ w: CandleWindow) -> Bool {
        let a = w[1], b = w[0]
        let svs1 = w.avg(.shadowVeryShort, 1), svs0 = w.avg(.shadowVeryShort, 0)
        return a.color == -b.color
            && a.realBody > w.avg(.bodyLong, 1) && a.upperShadow < svs1 && a.lowerShadow < svs1
            && b.realBody > w.avg(.bodyLong, 0) && b.upperShadow < svs0 && b.lowerShadow < svs0
            && ((a.isBlack && w.gapUp(0, 1)) || (a.isWhite && w.gapDown(0, 1)))
    }
}
