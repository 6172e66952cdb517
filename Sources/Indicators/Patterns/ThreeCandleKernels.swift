// Batch kernels of the three-candle patterns (run by `CandleKernels.run`). Each rule is its streaming rule's
// (ThreeCandlePatterns.swift) over `CandleBatchWindow`: `w[2]` is the first candle, `w[0]` the current one.

extension CandlePatterns.TwoCrows: BatchCandleRule {
    /// The batch form of `TwoCrows`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.TwoCrows
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard w.bodyGapUp(1, 2) else { return 0 }
            guard c.open > b.close, a.isWhite, b.isBlack, c.isBlack,
                  c.open < b.open, c.close > a.open, c.close < a.close, a.realBody > w.avg(bodyLong2) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.ThreeInside: BatchCandleRule {
    /// The batch form of `ThreeInside`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeInside
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2), bodyShort1 = BodyShortAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyShort1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyShort1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard b.bodyTop < a.bodyTop, b.bodyBottom > a.bodyBottom,
                  (a.isWhite && c.isBlack && c.close < a.open) || (a.isBlack && c.isWhite && c.close > a.open),
                  a.realBody > w.avg(bodyLong2), b.realBody <= w.avg(bodyShort1) else { return 0 }
            return -a.color * 100
        }
    }
}

extension CandlePatterns.ThreeOutside: BatchCandleRule {
    /// The batch form of `ThreeOutside`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeOutside
        init(_ rule: Rule) {}
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let up = b.isWhite && a.isBlack && b.close > a.open && b.open < a.close && c.close > b.close
            let down = b.isBlack && a.isWhite && b.open > a.close && b.close < a.open && c.close < b.close
            return up || down ? b.color * 100 : 0
        }
    }
}

extension CandlePatterns.ThreeStarsInSouth: BatchCandleRule {
    /// The batch form of `ThreeStarsInSouth`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeStarsInSouth
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2), shadowLong2 = ShadowLongAverage(2)
        var shadowVeryShort1 = ShadowVeryShortAverage(1), shadowVeryShort0 = ShadowVeryShortAverage(0)
        var bodyShort0 = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyLong2.start(x, s); shadowVeryShort1.start(x, s); shadowVeryShort0.start(x, s); bodyShort0.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyLong2.roll(x, i); shadowVeryShort1.roll(x, i); shadowVeryShort0.roll(x, i); bodyShort0.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let svs0 = w.avg(shadowVeryShort0)
            guard b.open > a.close, a.isBlack, b.isBlack, c.isBlack,
                  b.realBody < a.realBody, b.open <= a.high, b.low < a.close, b.low >= a.low,
                  a.realBody > w.avg(bodyLong2), a.lowerShadow > w.avg(shadowLong2),
                  b.lowerShadow > w.avg(shadowVeryShort1),
                  c.realBody < w.avg(bodyShort0), c.lowerShadow < svs0, c.upperShadow < svs0,
                  c.low > b.low, c.high < b.high else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.ThreeWhiteSoldiers: BatchCandleRule {
    /// The batch form of `ThreeWhiteSoldiers`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeWhiteSoldiers
        init(_ rule: Rule) {}
        var shadowVeryShort2 = ShadowVeryShortAverage(2), shadowVeryShort1 = ShadowVeryShortAverage(1)
        var shadowVeryShort0 = ShadowVeryShortAverage(0)
        var near2 = NearAverage(2), near1 = NearAverage(1), far2 = FarAverage(2), far1 = FarAverage(1)
        var bodyShort0 = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            shadowVeryShort2.start(x, s); shadowVeryShort1.start(x, s); shadowVeryShort0.start(x, s)
            near2.start(x, s); near1.start(x, s); far2.start(x, s); far1.start(x, s); bodyShort0.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            shadowVeryShort2.roll(x, i); shadowVeryShort1.roll(x, i); shadowVeryShort0.roll(x, i)
            near2.roll(x, i); near1.roll(x, i); far2.roll(x, i); far1.roll(x, i); bodyShort0.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard a.color &+ b.color &+ c.color == 3, c.close > b.close, b.close > a.close,
                  b.open > a.open, c.open > b.open,
                  a.upperShadow < w.avg(shadowVeryShort2), b.upperShadow < w.avg(shadowVeryShort1),
                  c.upperShadow < w.avg(shadowVeryShort0),
                  b.open <= a.close + w.avg(near2), c.open <= b.close + w.avg(near1),
                  b.realBody > a.realBody - w.avg(far2), c.realBody > b.realBody - w.avg(far1),
                  c.realBody > w.avg(bodyShort0) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.AbandonedBaby: BatchCandleRule {
    /// The batch form of `AbandonedBaby`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.AbandonedBaby
        let penetration: Double
        var bodyLong2 = BodyLongAverage(2), bodyDoji1 = BodyDojiAverage(1), bodyShort0 = BodyShortAverage(0)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyDoji1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyDoji1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], c = w[0]
            guard w.gapUp(1, 2) || w.gapDown(1, 2) else { return 0 }
            let top = w.gapUp(1, 2) && w.gapDown(0, 1) && a.isWhite && c.isBlack
                && c.close < a.close - a.realBody * penetration
            let bottom = w.gapDown(1, 2) && w.gapUp(0, 1) && a.isBlack && c.isWhite
                && c.close > a.close + a.realBody * penetration
            guard top || bottom, a.realBody > w.avg(bodyLong2), w[1].realBody <= w.avg(bodyDoji1),
                  c.realBody > w.avg(bodyShort0) else { return 0 }
            return c.color * 100
        }
    }
}

extension CandlePatterns.AdvanceBlock: BatchCandleRule {
    /// The batch form of `AdvanceBlock`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.AdvanceBlock
        init(_ rule: Rule) {}
        var near2 = NearAverage(2), near1 = NearAverage(1), far2 = FarAverage(2), far1 = FarAverage(1)
        var bodyLong2 = BodyLongAverage(2)
        var shadowShort2 = ShadowShortAverage(2), shadowShort1 = ShadowShortAverage(1)
        var shadowShort0 = ShadowShortAverage(0), shadowLong0 = ShadowLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            near2.start(x, s); near1.start(x, s); far2.start(x, s); far1.start(x, s); bodyLong2.start(x, s)
            shadowShort2.start(x, s); shadowShort1.start(x, s); shadowShort0.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            near2.roll(x, i); near1.roll(x, i); far2.roll(x, i); far1.roll(x, i); bodyLong2.roll(x, i)
            shadowShort2.roll(x, i); shadowShort1.roll(x, i); shadowShort0.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard a.color &+ b.color &+ c.color == 3, c.close > b.close, b.close > a.close,
                  b.open > a.open, b.open <= a.close + w.avg(near2),
                  c.open > b.open, c.open <= b.close + w.avg(near1),
                  a.realBody > w.avg(bodyLong2), a.upperShadow < w.avg(shadowShort2) else { return 0 }
            let weakening =
                (b.realBody < a.realBody - w.avg(far2) && c.realBody < b.realBody + w.avg(near1))
                || c.realBody < b.realBody - w.avg(far1)
                || (c.realBody < b.realBody && b.realBody < a.realBody
                    && (c.upperShadow > w.avg(shadowShort0) || b.upperShadow > w.avg(shadowShort1)))
                || (c.realBody < b.realBody && c.upperShadow > w.avg(shadowLong0))
            return weakening ? -100 : 0
        }
    }
}

extension CandlePatterns.EveningStar: BatchCandleRule {
    /// The batch form of `EveningStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.EveningStar
        let penetration: Double
        var bodyLong2 = BodyLongAverage(2), bodyShort1 = BodyShortAverage(1), bodyShort0 = BodyShortAverage(0)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyShort1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyShort1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], c = w[0]
            guard w.bodyGapUp(1, 2) else { return 0 }
            guard a.isWhite, c.isBlack, c.close < a.close - a.realBody * penetration,
                  a.realBody > w.avg(bodyLong2), w[1].realBody <= w.avg(bodyShort1), c.realBody > w.avg(bodyShort0)
            else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.EveningDojiStar: BatchCandleRule {
    /// The batch form of `EveningDojiStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.EveningDojiStar
        let penetration: Double
        var bodyLong2 = BodyLongAverage(2), bodyDoji1 = BodyDojiAverage(1), bodyShort0 = BodyShortAverage(0)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyDoji1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyDoji1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], c = w[0]
            guard w.bodyGapUp(1, 2) else { return 0 }
            guard a.isWhite, c.isBlack, c.close < a.close - a.realBody * penetration,
                  a.realBody > w.avg(bodyLong2), w[1].realBody <= w.avg(bodyDoji1), c.realBody > w.avg(bodyShort0)
            else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.MorningStar: BatchCandleRule {
    /// The batch form of `MorningStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.MorningStar
        let penetration: Double
        var bodyLong2 = BodyLongAverage(2), bodyShort1 = BodyShortAverage(1), bodyShort0 = BodyShortAverage(0)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyShort1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyShort1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], c = w[0]
            guard w.bodyGapDown(1, 2) else { return 0 }
            guard a.isBlack, c.isWhite, c.close > a.close + a.realBody * penetration,
                  a.realBody > w.avg(bodyLong2), w[1].realBody <= w.avg(bodyShort1), c.realBody > w.avg(bodyShort0)
            else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.MorningDojiStar: BatchCandleRule {
    /// The batch form of `MorningDojiStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.MorningDojiStar
        let penetration: Double
        var bodyLong2 = BodyLongAverage(2), bodyDoji1 = BodyDojiAverage(1), bodyShort0 = BodyShortAverage(0)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyDoji1.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyDoji1.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], c = w[0]
            guard w.bodyGapDown(1, 2) else { return 0 }
            guard a.isBlack, c.isWhite, c.close > a.close + a.realBody * penetration,
                  a.realBody > w.avg(bodyLong2), w[1].realBody <= w.avg(bodyDoji1), c.realBody > w.avg(bodyShort0)
            else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.GapSideSideWhite: BatchCandleRule {
    /// The batch form of `GapSideSideWhite`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.GapSideSideWhite
        init(_ rule: Rule) {}
        var near1 = NearAverage(1), equal1 = EqualAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { near1.start(x, s); equal1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { near1.roll(x, i); equal1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), b = w[1], c = w[0]
            guard w.bodyGapUp(1, 2) || w.bodyGapDown(1, 2) else { return 0 }
            let near = w.avg(near1), eq = w.avg(equal1)
            guard (w.bodyGapUp(1, 2) && w.bodyGapUp(0, 2)) || (w.bodyGapDown(1, 2) && w.bodyGapDown(0, 2)),
                  b.isWhite, c.isWhite,
                  c.realBody >= b.realBody - near, c.realBody <= b.realBody + near,
                  c.open >= b.open - eq, c.open <= b.open + eq else { return 0 }
            return w.bodyGapUp(1, 2) ? 100 : -100
        }
    }
}

extension CandlePatterns.IdenticalThreeCrows: BatchCandleRule {
    /// The batch form of `IdenticalThreeCrows`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.IdenticalThreeCrows
        init(_ rule: Rule) {}
        var shadowVeryShort2 = ShadowVeryShortAverage(2), shadowVeryShort1 = ShadowVeryShortAverage(1)
        var shadowVeryShort0 = ShadowVeryShortAverage(0), equal2 = EqualAverage(2), equal1 = EqualAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            shadowVeryShort2.start(x, s); shadowVeryShort1.start(x, s); shadowVeryShort0.start(x, s)
            equal2.start(x, s); equal1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            shadowVeryShort2.roll(x, i); shadowVeryShort1.roll(x, i); shadowVeryShort0.roll(x, i)
            equal2.roll(x, i); equal1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let eq2 = w.avg(equal2), eq1 = w.avg(equal1)
            guard a.color &+ b.color &+ c.color == -3, a.close > b.close, b.close > c.close,
                  a.lowerShadow < w.avg(shadowVeryShort2), b.lowerShadow < w.avg(shadowVeryShort1),
                  c.lowerShadow < w.avg(shadowVeryShort0),
                  b.open <= a.close + eq2, b.open >= a.close - eq2,
                  c.open <= b.close + eq1, c.open >= b.close - eq1 else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.StalledPattern: BatchCandleRule {
    /// The batch form of `StalledPattern`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.StalledPattern
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2), bodyLong1 = BodyLongAverage(1), bodyShort0 = BodyShortAverage(0)
        var shadowVeryShort1 = ShadowVeryShortAverage(1), near2 = NearAverage(2), near1 = NearAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyLong2.start(x, s); bodyLong1.start(x, s); bodyShort0.start(x, s)
            shadowVeryShort1.start(x, s); near2.start(x, s); near1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyLong2.roll(x, i); bodyLong1.roll(x, i); bodyShort0.roll(x, i)
            shadowVeryShort1.roll(x, i); near2.roll(x, i); near1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard a.color &+ b.color &+ c.color == 3, c.close > b.close, b.close > a.close, b.open > a.open,
                  a.realBody > w.avg(bodyLong2), b.realBody > w.avg(bodyLong1),
                  b.upperShadow < w.avg(shadowVeryShort1), b.open <= a.close + w.avg(near2),
                  c.realBody < w.avg(bodyShort0),
                  c.open >= b.close - c.realBody - w.avg(near1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.StickSandwich: BatchCandleRule {
    /// The batch form of `StickSandwich`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.StickSandwich
        init(_ rule: Rule) {}
        var equal2 = EqualAverage(2)
        mutating func start(_ x: CandlePointers, _ s: Int) { equal2.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { equal2.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let eq = w.avg(equal2)
            guard b.low > a.close, a.isBlack, b.isWhite, c.isBlack,
                  c.close <= a.close + eq, c.close >= a.close - eq else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.TasukiGap: BatchCandleRule {
    /// The batch form of `TasukiGap`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.TasukiGap
        init(_ rule: Rule) {}
        var near1 = NearAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { near1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { near1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard w.bodyGapUp(1, 2) || w.bodyGapDown(1, 2) else { return 0 }
            let near = w.avg(near1)
            let up = w.bodyGapUp(1, 2) && b.isWhite && c.isBlack && c.open < b.close && c.open > b.open
                && c.close < b.open && c.close > a.bodyTop && abs(b.realBody - c.realBody) < near
            let down = w.bodyGapDown(1, 2) && b.isBlack && c.isWhite && c.open < b.open && c.open > b.close
                && c.close > b.open && c.close < a.bodyBottom && abs(b.realBody - c.realBody) < near
            return up || down ? b.color * 100 : 0
        }
    }
}

extension CandlePatterns.Tristar: BatchCandleRule {
    /// The batch form of `Tristar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Tristar
        init(_ rule: Rule) {}
        var bodyDoji2 = BodyDojiAverage(2)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji2.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji2.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let doji = w.avg(bodyDoji2)
            guard a.realBody <= doji, b.realBody <= doji, c.realBody <= doji else { return 0 }
            var out = 0
            if w.bodyGapUp(1, 2) && c.bodyTop < b.bodyTop { out = -100 }
            if w.bodyGapDown(1, 2) && c.bodyBottom > b.bodyBottom { out = 100 }
            return out
        }
    }
}

extension CandlePatterns.UniqueThreeRiver: BatchCandleRule {
    /// The batch form of `UniqueThreeRiver`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.UniqueThreeRiver
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2), bodyShort0 = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyShort0.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyShort0.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard b.close > a.close, a.isBlack, b.isBlack, c.isWhite, b.open <= a.open, b.low < a.low, c.open > b.low,
                  a.realBody > w.avg(bodyLong2), c.realBody < w.avg(bodyShort0) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.UpsideGapTwoCrows: BatchCandleRule {
    /// The batch form of `UpsideGapTwoCrows`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.UpsideGapTwoCrows
        init(_ rule: Rule) {}
        var bodyLong2 = BodyLongAverage(2), bodyShort1 = BodyShortAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong2.start(x, s); bodyShort1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong2.roll(x, i); bodyShort1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard w.bodyGapUp(1, 2) else { return 0 }
            guard a.isWhite, b.isBlack, c.isBlack,
                  c.open > b.open, c.close < b.close, c.close > a.close,
                  a.realBody > w.avg(bodyLong2), b.realBody <= w.avg(bodyShort1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.XSideGapThreeMethods: BatchCandleRule {
    /// The batch form of `XSideGapThreeMethods`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.XSideGapThreeMethods
        init(_ rule: Rule) {}
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            guard w.bodyGapUp(1, 2) || w.bodyGapDown(1, 2) else { return 0 }
            guard (w.bodyGapUp(1, 2) && a.isWhite) || (w.bodyGapDown(1, 2) && a.isBlack),
                  a.color == b.color, b.color == -c.color,
                  c.open < b.bodyTop, c.open > b.bodyBottom, c.close < a.bodyTop, c.close > a.bodyBottom else { return 0 }
            return a.color * 100
        }
    }
}
