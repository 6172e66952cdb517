// Batch kernels of the one-candle patterns (run by `CandleKernels.run`). Each rule is its streaming rule's
// (SingleCandlePatterns.swift) over `CandleBatchWindow`, with the averages it reads as typed running totals.

extension CandlePatterns.BeltHold: BatchCandleRule {
    /// The batch form of `BeltHold`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.BeltHold
        init(_ rule: Rule) {}
        var bodyLong = BodyLongAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svs = w.avg(shadowVeryShort)
            guard (c.isWhite && c.lowerShadow < svs) || (c.isBlack && c.upperShadow < svs),
                  c.realBody > w.avg(bodyLong) else { return 0 }
            return c.color * 100
        }
    }
}

extension CandlePatterns.ClosingMarubozu: BatchCandleRule {
    /// The batch form of `ClosingMarubozu`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ClosingMarubozu
        init(_ rule: Rule) {}
        var bodyLong = BodyLongAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svs = w.avg(shadowVeryShort)
            guard (c.isWhite && c.upperShadow < svs) || (c.isBlack && c.lowerShadow < svs),
                  c.realBody > w.avg(bodyLong) else { return 0 }
            return c.color * 100
        }
    }
}

extension CandlePatterns.Doji: BatchCandleRule {
    /// The batch form of `Doji`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Doji
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i)
            return w[0].realBody <= w.avg(bodyDoji) ? 100 : 0
        }
    }
}

extension CandlePatterns.DragonflyDoji: BatchCandleRule {
    /// The batch form of `DragonflyDoji`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.DragonflyDoji
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svs = w.avg(shadowVeryShort)
            return c.realBody <= w.avg(bodyDoji) && c.upperShadow < svs && c.lowerShadow > svs ? 100 : 0
        }
    }
}

extension CandlePatterns.GravestoneDoji: BatchCandleRule {
    /// The batch form of `GravestoneDoji`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.GravestoneDoji
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svs = w.avg(shadowVeryShort)
            return c.realBody <= w.avg(bodyDoji) && c.lowerShadow < svs && c.upperShadow > svs ? 100 : 0
        }
    }
}

extension CandlePatterns.HighWave: BatchCandleRule {
    /// The batch form of `HighWave`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.HighWave
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowVeryLong = ShadowVeryLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svl = w.avg(shadowVeryLong)
            return c.upperShadow > svl && c.lowerShadow > svl && c.realBody < w.avg(bodyShort) ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.LongLeggedDoji: BatchCandleRule {
    /// The batch form of `LongLeggedDoji`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.LongLeggedDoji
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0), shadowLong = ShadowLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let sl = w.avg(shadowLong)
            return c.realBody <= w.avg(bodyDoji) && (c.lowerShadow > sl || c.upperShadow > sl) ? 100 : 0
        }
    }
}

extension CandlePatterns.LongLine: BatchCandleRule {
    /// The batch form of `LongLine`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.LongLine
        init(_ rule: Rule) {}
        var bodyLong = BodyLongAverage(0), shadowShort = ShadowShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong.start(x, s); shadowShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong.roll(x, i); shadowShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let ss = w.avg(shadowShort)
            return c.upperShadow < ss && c.lowerShadow < ss && c.realBody > w.avg(bodyLong) ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.Marubozu: BatchCandleRule {
    /// The batch form of `Marubozu`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Marubozu
        init(_ rule: Rule) {}
        var bodyLong = BodyLongAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let svs = w.avg(shadowVeryShort)
            return c.upperShadow < svs && c.lowerShadow < svs && c.realBody > w.avg(bodyLong) ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.RickshawMan: BatchCandleRule {
    /// The batch form of `RickshawMan`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.RickshawMan
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0), shadowLong = ShadowLongAverage(0), near = NearAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s); near.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i); near.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let sl = w.avg(shadowLong)
            let nearValue = w.avg(near)
            let mid = c.low + c.highLowRange / 2
            guard c.lowerShadow > sl, c.upperShadow > sl, c.realBody <= w.avg(bodyDoji),
                  c.bodyBottom <= mid + nearValue, c.bodyTop >= mid - nearValue else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.ShortLine: BatchCandleRule {
    /// The batch form of `ShortLine`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ShortLine
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowShort = ShadowShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyShort.start(x, s); shadowShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyShort.roll(x, i); shadowShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            let ss = w.avg(shadowShort)
            return c.upperShadow < ss && c.lowerShadow < ss && c.realBody < w.avg(bodyShort) ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.SpinningTop: BatchCandleRule {
    /// The batch form of `SpinningTop`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.SpinningTop
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            return c.upperShadow > c.realBody && c.lowerShadow > c.realBody && c.realBody < w.avg(bodyShort)
                ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.Takuri: BatchCandleRule {
    /// The batch form of `Takuri`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Takuri
        init(_ rule: Rule) {}
        var bodyDoji = BodyDojiAverage(0), shadowVeryShort = ShadowVeryShortAverage(0)
        var shadowVeryLong = ShadowVeryLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyDoji.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyDoji.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            return c.lowerShadow > w.avg(shadowVeryLong) && c.realBody <= w.avg(bodyDoji)
                && c.upperShadow < w.avg(shadowVeryShort) ? 100 : 0
        }
    }
}

extension CandlePatterns.Hammer: BatchCandleRule {
    /// The batch form of `Hammer`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Hammer
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowLong = ShadowLongAverage(0)
        var shadowVeryShort = ShadowVeryShortAverage(0), near1 = NearAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyShort.start(x, s); shadowVeryShort.start(x, s); near1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyShort.roll(x, i); shadowVeryShort.roll(x, i); near1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            guard c.lowerShadow > w.avg(shadowLong), c.upperShadow < w.avg(shadowVeryShort),
                  c.realBody < w.avg(bodyShort), c.bodyBottom <= w[1].low + w.avg(near1) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.HangingMan: BatchCandleRule {
    /// The batch form of `HangingMan`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.HangingMan
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowLong = ShadowLongAverage(0)
        var shadowVeryShort = ShadowVeryShortAverage(0), near1 = NearAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyShort.start(x, s); shadowVeryShort.start(x, s); near1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyShort.roll(x, i); shadowVeryShort.roll(x, i); near1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            guard c.lowerShadow > w.avg(shadowLong), c.upperShadow < w.avg(shadowVeryShort),
                  c.realBody < w.avg(bodyShort), c.bodyBottom >= w[1].high - w.avg(near1) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.InvertedHammer: BatchCandleRule {
    /// The batch form of `InvertedHammer`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.InvertedHammer
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowLong = ShadowLongAverage(0)
        var shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyShort.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyShort.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            guard w.bodyGapDown(0, 1) else { return 0 }
            guard c.upperShadow > w.avg(shadowLong), c.lowerShadow < w.avg(shadowVeryShort),
                  c.realBody < w.avg(bodyShort) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.ShootingStar: BatchCandleRule {
    /// The batch form of `ShootingStar`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ShootingStar
        init(_ rule: Rule) {}
        var bodyShort = BodyShortAverage(0), shadowLong = ShadowLongAverage(0)
        var shadowVeryShort = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyShort.start(x, s); shadowVeryShort.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyShort.roll(x, i); shadowVeryShort.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), c = w[0]
            guard w.bodyGapUp(0, 1) else { return 0 }
            guard c.upperShadow > w.avg(shadowLong), c.lowerShadow < w.avg(shadowVeryShort),
                  c.realBody < w.avg(bodyShort) else { return 0 }
            return -100
        }
    }
}
