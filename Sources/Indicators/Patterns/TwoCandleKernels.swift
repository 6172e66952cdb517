// Batch kernels of the two-candle patterns (run by `CandleKernels.run`). Each rule is its streaming rule's
// (TwoCandlePatterns.swift) over `CandleBatchWindow`: `w[1]` is the first candle, `w[0]` the current one.

extension CandlePatterns.Counterattack: BatchCandleRule {
    /// The batch form of `Counterattack`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Counterattack
        init(_ rule: Rule) {}
        var equal1 = EqualAverage(1), bodyLong1 = BodyLongAverage(1), bodyLong0 = BodyLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal1.start(x, s); bodyLong1.start(x, s); bodyLong0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal1.roll(x, i); bodyLong1.roll(x, i); bodyLong0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            let eq = w.avg(equal1)
            guard b.close <= a.close + eq, b.close >= a.close - eq, a.color == -b.color,
                  a.realBody > w.avg(bodyLong1), b.realBody > w.avg(bodyLong0) else { return 0 }
            return b.color * 100
        }
    }
}

extension CandlePatterns.DarkCloudCover: BatchCandleRule {
    /// The batch form of `DarkCloudCover`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.DarkCloudCover
        let penetration: Double
        var bodyLong1 = BodyLongAverage(1)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.open > a.high, a.isWhite, b.isBlack, b.close > a.open,
                  b.close < a.close - a.realBody * penetration, a.realBody > w.avg(bodyLong1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.DojiStar: BatchCandleRule {
    /// The batch form of `DojiStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.DojiStar
        init(_ rule: Rule) {}
        var bodyLong1 = BodyLongAverage(1), bodyDoji0 = BodyDojiAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s); bodyDoji0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i); bodyDoji0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard w.bodyGapUp(0, 1) || w.bodyGapDown(0, 1) else { return 0 }
            guard (w.bodyGapUp(0, 1) && a.isWhite) || (w.bodyGapDown(0, 1) && a.isBlack),
                  a.realBody > w.avg(bodyLong1), b.realBody <= w.avg(bodyDoji0) else { return 0 }
            return -a.color * 100
        }
    }
}

extension CandlePatterns.Engulfing: BatchCandleRule {
    /// The batch form of `Engulfing`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Engulfing
        init(_ rule: Rule) {}
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            let bullish = b.isWhite && a.isBlack
                && ((b.close >= a.open && b.open < a.close) || (b.close > a.open && b.open <= a.close))
            let bearish = b.isBlack && a.isWhite
                && ((b.open >= a.close && b.close < a.open) || (b.open > a.close && b.close <= a.open))
            guard bullish || bearish else { return 0 }
            return b.open != a.close && b.close != a.open ? b.color * 100 : b.color * 80
        }
    }
}

extension CandlePatterns.Harami: BatchCandleRule {
    /// The batch form of `Harami`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Harami
        init(_ rule: Rule) {}
        var bodyLong1 = BodyLongAverage(1), bodyShort0 = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.bodyTop <= a.bodyTop, b.bodyBottom >= a.bodyBottom,
                  a.realBody > w.avg(bodyLong1), b.realBody <= w.avg(bodyShort0) else { return 0 }
            return CandlePatterns.haramiSignal(a, b)
        }
    }
}

extension CandlePatterns.HaramiCross: BatchCandleRule {
    /// The batch form of `HaramiCross`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.HaramiCross
        init(_ rule: Rule) {}
        var bodyLong1 = BodyLongAverage(1), bodyDoji0 = BodyDojiAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s); bodyDoji0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i); bodyDoji0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.bodyTop <= a.bodyTop, b.bodyBottom >= a.bodyBottom,
                  a.realBody > w.avg(bodyLong1), b.realBody <= w.avg(bodyDoji0) else { return 0 }
            return CandlePatterns.haramiSignal(a, b)
        }
    }
}

extension CandlePatterns.HomingPigeon: BatchCandleRule {
    /// The batch form of `HomingPigeon`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.HomingPigeon
        init(_ rule: Rule) {}
        var bodyLong1 = BodyLongAverage(1), bodyShort0 = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.close > a.close, b.open < a.open, a.isBlack, b.isBlack,
                  a.realBody > w.avg(bodyLong1), b.realBody <= w.avg(bodyShort0) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.InNeck: BatchCandleRule {
    /// The batch form of `InNeck`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.InNeck
        init(_ rule: Rule) {}
        var equal1 = EqualAverage(1), bodyLong1 = BodyLongAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal1.start(x, s); bodyLong1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal1.roll(x, i); bodyLong1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.open < a.low, a.isBlack, b.isWhite, b.close >= a.close,
                  b.close <= a.close + w.avg(equal1), a.realBody > w.avg(bodyLong1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.OnNeck: BatchCandleRule {
    /// The batch form of `OnNeck`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.OnNeck
        init(_ rule: Rule) {}
        var equal1 = EqualAverage(1), bodyLong1 = BodyLongAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal1.start(x, s); bodyLong1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal1.roll(x, i); bodyLong1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            let eq = w.avg(equal1)
            guard b.open < a.low, a.isBlack, b.isWhite,
                  b.close <= a.low + eq, b.close >= a.low - eq, a.realBody > w.avg(bodyLong1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.Thrusting: BatchCandleRule {
    /// The batch form of `Thrusting`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Thrusting
        init(_ rule: Rule) {}
        var equal1 = EqualAverage(1), bodyLong1 = BodyLongAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal1.start(x, s); bodyLong1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal1.roll(x, i); bodyLong1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.open < a.low, a.isBlack, b.isWhite, b.close <= a.close + a.realBody * 0.5,
                  b.close > a.close + w.avg(equal1), a.realBody > w.avg(bodyLong1) else { return 0 }
            return -100
        }
    }
}

/// The running totals and the shape test shared by the two kicking patterns.
struct KickingAverages {
    var shadowVeryShort1 = ShadowVeryShortAverage(1), shadowVeryShort0 = ShadowVeryShortAverage(0)
    var bodyLong1 = BodyLongAverage(1), bodyLong0 = BodyLongAverage(0)

    @inline(__always) mutating func start(_ x: CandlePointers, _ s: Int) {
        shadowVeryShort1.start(x, s); shadowVeryShort0.start(x, s); bodyLong1.start(x, s); bodyLong0.start(x, s)
    }
    @inline(__always) mutating func roll(_ x: CandlePointers, _ i: Int) {
        shadowVeryShort1.roll(x, i); shadowVeryShort0.roll(x, i); bodyLong1.roll(x, i); bodyLong0.roll(x, i)
    }

    /// `CandlePatterns.isKicking` at row `i`.
    @inline(__always) func isKicking(_ w: CandleBatchWindow) -> Bool {
        let a = w[1], b = w[0]
        let svs1 = w.avg(shadowVeryShort1), svs0 = w.avg(shadowVeryShort0)
        guard w.gapUp(0, 1) || w.gapDown(0, 1) else { return false }
        return ((w.gapUp(0, 1) && a.isBlack) || (w.gapDown(0, 1) && a.isWhite)) && a.color == -b.color
            && a.upperShadow < svs1 && a.lowerShadow < svs1 && b.upperShadow < svs0 && b.lowerShadow < svs0
            && a.realBody > w.avg(bodyLong1) && b.realBody > w.avg(bodyLong0)
    }
}

extension CandlePatterns.Kicking: BatchCandleRule {
    /// The batch form of `Kicking`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Kicking
        init(_ rule: Rule) {}
        var averages = KickingAverages()
        mutating func start(_ x: CandlePointers, _ s: Int) { averages.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { averages.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i)
            return averages.isKicking(w) ? w[0].color * 100 : 0
        }
    }
}

extension CandlePatterns.KickingByLength: BatchCandleRule {
    /// The batch form of `KickingByLength`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.KickingByLength
        init(_ rule: Rule) {}
        var averages = KickingAverages()
        mutating func start(_ x: CandlePointers, _ s: Int) { averages.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { averages.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i)
            guard averages.isKicking(w) else { return 0 }
            return (w[0].realBody > w[1].realBody ? w[0] : w[1]).color * 100
        }
    }
}

extension CandlePatterns.MatchingLow: BatchCandleRule {
    /// The batch form of `MatchingLow`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.MatchingLow
        init(_ rule: Rule) {}
        var equal1 = EqualAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            let eq = w.avg(equal1)
            return b.close <= a.close + eq && b.close >= a.close - eq && a.isBlack && b.isBlack ? 100 : 0
        }
    }
}

extension CandlePatterns.Piercing: BatchCandleRule {
    /// The batch form of `Piercing`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Piercing
        init(_ rule: Rule) {}
        var bodyLong1 = BodyLongAverage(1), bodyLong0 = BodyLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong1.start(x, s); bodyLong0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong1.roll(x, i); bodyLong0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            guard b.open < a.low, a.isBlack, b.isWhite, b.close < a.open, b.close > a.close + a.realBody * 0.5,
                  a.realBody > w.avg(bodyLong1), b.realBody > w.avg(bodyLong0) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.SeparatingLines: BatchCandleRule {
    /// The batch form of `SeparatingLines`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.SeparatingLines
        init(_ rule: Rule) {}
        var shadowVeryShort0 = ShadowVeryShortAverage(0), bodyLong0 = BodyLongAverage(0), equal1 = EqualAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            shadowVeryShort0.start(x, s); bodyLong0.start(x, s); equal1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            shadowVeryShort0.roll(x, i); bodyLong0.roll(x, i); equal1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[1], b = w[0]
            let eq = w.avg(equal1)
            let svs = w.avg(shadowVeryShort0)
            guard a.color == -b.color, b.open <= a.open + eq, b.open >= a.open - eq,
                  (b.isWhite && b.lowerShadow < svs) || (b.isBlack && b.upperShadow < svs),
                  b.realBody > w.avg(bodyLong0) else { return 0 }
            return b.color * 100
        }
    }
}
