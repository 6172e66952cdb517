// Batch kernels of the patterns of four or more candles and the hikkake pair (run by `CandleKernels.run`). Each rule
// is its streaming rule's (MultiCandlePatterns.swift) over `CandleBatchWindow`: `w[k]` is row `i - k`.

extension CandlePatterns.ThreeBlackCrows: BatchCandleRule {
    /// The batch form of `ThreeBlackCrows`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeBlackCrows
        init(_ rule: Rule) {}
        var shadowVeryShort2 = ShadowVeryShortAverage(2), shadowVeryShort1 = ShadowVeryShortAverage(1)
        var shadowVeryShort0 = ShadowVeryShortAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            shadowVeryShort2.start(x, s); shadowVeryShort1.start(x, s); shadowVeryShort0.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            shadowVeryShort2.roll(x, i); shadowVeryShort1.roll(x, i); shadowVeryShort0.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), p = w[3], a = w[2], b = w[1], c = w[0]
            guard b.open > a.close, c.open > b.close, p.isWhite, a.isBlack, b.isBlack, c.isBlack,
                  b.open < a.open, c.open < b.open,
                  p.high > a.close, a.close > b.close, b.close > c.close,
                  a.lowerShadow < w.avg(shadowVeryShort2), b.lowerShadow < w.avg(shadowVeryShort1),
                  c.lowerShadow < w.avg(shadowVeryShort0) else { return 0 }
            return -100
        }
    }
}

extension CandlePatterns.ThreeLineStrike: BatchCandleRule {
    /// The batch form of `ThreeLineStrike`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ThreeLineStrike
        init(_ rule: Rule) {}
        var near3 = NearAverage(3), near2 = NearAverage(2)
        mutating func start(_ x: CandlePointers, _ s: Int) { near3.start(x, s); near2.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { near3.roll(x, i); near2.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[3], b = w[2], c = w[1], d = w[0]
            let n3 = w.avg(near3), n2 = w.avg(near2)
            guard a.color == b.color, b.color == c.color, d.color == -c.color,
                  b.open >= a.bodyBottom - n3, b.open <= a.bodyTop + n3,
                  c.open >= b.bodyBottom - n2, c.open <= b.bodyTop + n2 else { return 0 }
            let white = c.isWhite && c.close > b.close && b.close > a.close && d.open > c.close && d.close < a.open
            let black = c.isBlack && c.close < b.close && b.close < a.close && d.open < c.close && d.close > a.open
            return white || black ? c.color * 100 : 0
        }
    }
}

extension CandlePatterns.ConcealBabySwallow: BatchCandleRule {
    /// The batch form of `ConcealBabySwallow`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.ConcealBabySwallow
        init(_ rule: Rule) {}
        var shadowVeryShort3 = ShadowVeryShortAverage(3), shadowVeryShort2 = ShadowVeryShortAverage(2)
        var shadowVeryShort1 = ShadowVeryShortAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            shadowVeryShort3.start(x, s); shadowVeryShort2.start(x, s); shadowVeryShort1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            shadowVeryShort3.roll(x, i); shadowVeryShort2.roll(x, i); shadowVeryShort1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[3], b = w[2], c = w[1], d = w[0]
            let svs3 = w.avg(shadowVeryShort3), svs2 = w.avg(shadowVeryShort2)
            // All four black, as one comparison of the color sum (one jump instead of four).
            guard a.color &+ b.color &+ c.color &+ d.color == -4,
                  a.lowerShadow < svs3, a.upperShadow < svs3, b.lowerShadow < svs2, b.upperShadow < svs2,
                  w.bodyGapDown(1, 2), c.upperShadow > w.avg(shadowVeryShort1), c.high > b.close,
                  d.high > c.high, d.low < c.low else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.Breakaway: BatchCandleRule {
    /// The batch form of `Breakaway`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Breakaway
        init(_ rule: Rule) {}
        var bodyLong4 = BodyLongAverage(4)
        mutating func start(_ x: CandlePointers, _ s: Int) { bodyLong4.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { bodyLong4.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            guard w.bodyGapDown(3, 4) || w.bodyGapUp(3, 4) else { return 0 }
            let bullish = w.bodyGapDown(3, 4) && a.isBlack && c.high < b.high && c.low < b.low
                && d.high < c.high && d.low < c.low && e.close > b.open && e.close < a.close
            let bearish = w.bodyGapUp(3, 4) && a.isWhite && c.high > b.high && c.low > b.low
                && d.high > c.high && d.low > c.low && e.close < b.open && e.close > a.close
            guard bullish || bearish, a.color == b.color, b.color == d.color, d.color == -e.color,
                  a.realBody > w.avg(bodyLong4) else { return 0 }
            return e.color * 100
        }
    }
}

extension CandlePatterns.LadderBottom: BatchCandleRule {
    /// The batch form of `LadderBottom`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.LadderBottom
        init(_ rule: Rule) {}
        var shadowVeryShort1 = ShadowVeryShortAverage(1)
        mutating func start(_ x: CandlePointers, _ s: Int) { shadowVeryShort1.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { shadowVeryShort1.roll(x, i) }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            guard a.color &+ b.color &+ c.color == -3, a.open > b.open, b.open > c.open, a.close > b.close, b.close > c.close,
                  d.isBlack, d.upperShadow > w.avg(shadowVeryShort1),
                  e.isWhite, e.open > d.open, e.close > d.high else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.MatHold: BatchCandleRule {
    /// The batch form of `MatHold`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.MatHold
        let penetration: Double
        var bodyLong4 = BodyLongAverage(4), bodyShort3 = BodyShortAverage(3), bodyShort2 = BodyShortAverage(2)
        var bodyShort1 = BodyShortAverage(1)
        init(_ rule: Rule) { penetration = rule.penetration }
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyLong4.start(x, s); bodyShort3.start(x, s); bodyShort2.start(x, s); bodyShort1.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyLong4.roll(x, i); bodyShort3.roll(x, i); bodyShort2.roll(x, i); bodyShort1.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            let floor = a.close - a.realBody * penetration
            guard w.bodyGapUp(3, 4) else { return 0 }
            guard a.isWhite, b.isBlack, e.isWhite,
                  c.bodyBottom < a.close, d.bodyBottom < a.close,
                  c.bodyBottom > floor, d.bodyBottom > floor,
                  c.bodyTop < b.open, d.bodyTop < c.bodyTop,
                  e.open > d.close, e.close > max(max(b.high, c.high), d.high),
                  a.realBody > w.avg(bodyLong4), b.realBody < w.avg(bodyShort3),
                  c.realBody < w.avg(bodyShort2), d.realBody < w.avg(bodyShort1) else { return 0 }
            return 100
        }
    }
}

extension CandlePatterns.RiseFallThreeMethods: BatchCandleRule {
    /// The batch form of `RiseFallThreeMethods`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.RiseFallThreeMethods
        init(_ rule: Rule) {}
        var bodyLong4 = BodyLongAverage(4), bodyShort3 = BodyShortAverage(3), bodyShort2 = BodyShortAverage(2)
        var bodyShort1 = BodyShortAverage(1), bodyLong0 = BodyLongAverage(0)
        mutating func start(_ x: CandlePointers, _ s: Int) {
            bodyLong4.start(x, s); bodyShort3.start(x, s); bodyShort2.start(x, s); bodyShort1.start(x, s)
            bodyLong0.start(x, s)
        }
        mutating func roll(_ x: CandlePointers, _ i: Int) {
            bodyLong4.roll(x, i); bodyShort3.roll(x, i); bodyShort2.roll(x, i); bodyShort1.roll(x, i)
            bodyLong0.roll(x, i)
        }
        @inline(__always) func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[4], b = w[3], c = w[2], d = w[1], e = w[0]
            let s = Double(a.color)
            guard a.color == -b.color, b.color == c.color, c.color == d.color, d.color == -e.color,
                  b.bodyBottom < a.high, b.bodyTop > a.low, c.bodyBottom < a.high, c.bodyTop > a.low,
                  d.bodyBottom < a.high, d.bodyTop > a.low,
                  c.close * s < b.close * s, d.close * s < c.close * s,
                  e.open * s > d.close * s, e.close * s > a.close * s,
                  a.realBody > w.avg(bodyLong4), b.realBody < w.avg(bodyShort3),
                  c.realBody < w.avg(bodyShort2), d.realBody < w.avg(bodyShort1), e.realBody > w.avg(bodyLong0)
            else { return 0 }
            return a.color * 100
        }
    }
}

/// `HikkakeTracker` for the batch kernels: the same memory, keyed by row instead of a bar count.
struct HikkakeBatchTracker {
    /// The row of the last unconfirmed pattern (far in the past when there is none).
    var patternRow = Int.min / 2
    var patternResult = 0
    var confirmHigh = 0.0
    var confirmLow = 0.0

    /// One row: a new pattern (±100) wins over a confirmation (±200) of the previous one within 3 rows.
    @inline(__always)
    mutating func step(found: Bool, row: Int, current c: CandleShape, insideBar: CandleShape) -> Int {
        if found {
            patternResult = c.high < insideBar.high ? 100 : -100
            patternRow = row
            confirmHigh = insideBar.high
            confirmLow = insideBar.low
            return patternResult
        }
        if row <= patternRow + 3,
           (patternResult > 0 && c.close > confirmHigh) || (patternResult < 0 && c.close < confirmLow) {
            patternRow = Int.min / 2
            return patternResult + (patternResult > 0 ? 100 : -100)
        }
        return 0
    }
}

extension CandlePatterns.Hikkake: BatchCandleRule {
    /// The batch form of `Hikkake`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.Hikkake
        init(_ rule: Rule) {}
        var tracker = HikkakeBatchTracker()
        @inline(__always) mutating func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[2], b = w[1], c = w[0]
            let found = b.high < a.high && b.low > a.low
                && ((c.high < b.high && c.low < b.low) || (c.high > b.high && c.low > b.low))
            return tracker.step(found: found, row: i, current: c, insideBar: b)
        }
    }
}

extension CandlePatterns.HikkakeModified: BatchCandleRule {
    /// The batch form of `HikkakeModified`.
    struct Kernel: CandleKernel {
        typealias Rule = CandlePatterns.HikkakeModified
        init(_ rule: Rule) {}
        var tracker = HikkakeBatchTracker()
        var near2 = NearAverage(2)
        mutating func start(_ x: CandlePointers, _ s: Int) { near2.start(x, s) }
        mutating func roll(_ x: CandlePointers, _ i: Int) { near2.roll(x, i) }
        @inline(__always) mutating func signal(_ x: CandlePointers, _ i: Int) -> Int {
            let w = x.window(i), a = w[3], b = w[2], c = w[1], d = w[0]
            let near = w.avg(near2)
            let found = b.high < a.high && b.low > a.low && c.high < b.high && c.low > b.low
                && ((d.high < c.high && d.low < c.low && b.close <= b.low + near)
                    || (d.high > c.high && d.low > c.low && b.close >= b.high - near))
            return tracker.step(found: found, row: i, current: d, insideBar: c)
        }
    }
}
