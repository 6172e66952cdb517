/// One of TA-Lib's Hilbert-transform functions (John Ehlers, "Rocket Science for Traders").
public enum HilbertTransformKind: String, CaseIterable, Sendable {
    /// `HT_DCPERIOD`: the smoothed dominant cycle period, in bars.
    case dcPeriod = "HT_DCPERIOD"
    /// `HT_DCPHASE`: the dominant cycle phase, in degrees (-45 ... 315).
    case dcPhase = "HT_DCPHASE"
    /// `HT_PHASOR`: the in-phase and quadrature components.
    case phasor = "HT_PHASOR"
    /// `HT_SINE`: the sine of the dominant cycle phase and the sine 45° ahead.
    case sine = "HT_SINE"
    /// `HT_TRENDMODE`: 1 in a trend, 0 in a cycle.
    case trendMode = "HT_TRENDMODE"
    /// `HT_TRENDLINE`: the instantaneous trendline.
    case trendline = "HT_TRENDLINE"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .dcPeriod: "Hilbert Transform - Dominant Cycle Period"
        case .dcPhase: "Hilbert Transform - Dominant Cycle Phase"
        case .phasor: "Hilbert Transform - Phasor Components"
        case .sine: "Hilbert Transform - SineWave"
        case .trendMode: "Hilbert Transform - Trend vs Cycle Mode"
        case .trendline: "Hilbert Transform - Instantaneous Trendline"
        }
    }

    /// TA-Lib's lookback (with its default unstable period of 0): 32 for the period and phasor, 63 for the rest.
    public var lookback: Int { self == .dcPeriod || self == .phasor ? 32 : 63 }

    /// Bars after the first 3 that only prime the price smoother before the transform starts: TA-Lib uses 9
    /// for the period and phasor and 34 for the others, so the transform's own start-up fades before output.
    var smootherOnlyBars: Int { self == .dcPeriod || self == .phasor ? 9 : 34 }

    var needsPhase: Bool { self == .dcPhase || self == .sine || self == .trendMode }
    var needsTrendline: Bool { self == .trendline || self == .trendMode }
}

/// The Hilbert transform shared by all `HT_*` functions, step for step as TA-Lib computes it.
///
/// Per bar: a 4-bar weighted average of the price (`(4x₀ + 3x₁ + 2x₂ + x₃) / 10`) feeds a detrender and the
/// Hilbert FIR `0.0962·v₀ + 0.5769·v₂ - 0.5769·v₄ - 0.0962·v₆` scaled by `0.075·period + 0.54`, run on
/// separate even-bar and odd-bar delay lines as TA-Lib does (so the parity of the bar index matters, and
/// bar 0 is the first bar fed). From the in-phase `I1` (the detrender 3 bars back on the same parity) and
/// quadrature `Q1` it forms the smoothed phasor `I2, Q2`, the homodyne `Re, Im`, the period
/// `360° / atan(Im/Re)` limited to 0.67×...1.5× the previous one and to 6...50 bars, smoothed 0.2/0.8, and
/// `smoothPeriod = 0.33·period + 0.67·smoothPeriod`.
public struct HilbertTransformCore: Sendable {
    @usableFromInline static let a = 0.0962
    @usableFromInline static let b = 0.5769
    /// `45 / atan(1)`: degrees per radian as TA-Lib derives it.
    @usableFromInline static let radToDeg = 45.0 / libmAtan(1)

    /// One FIR stage of the transform on one parity: three delayed inputs scaled by `a`, and the previous input.
    @usableFromInline
    struct Stage: Sendable {
        @usableFromInline var delayed: (Double, Double, Double) = (0, 0, 0)
        @usableFromInline var previous = 0.0
        @usableFromInline var previousInput = 0.0

        @inlinable init() {}

        /// TA-Lib's `DO_HILBERT_TRANSFORM` for one stage, with its operation order.
        @inlinable
        mutating func apply(_ input: Double, slot: Int, scale: Double) -> Double {
            let scaled = HilbertTransformCore.a * input
            var out: Double
            switch slot {
            case 0: out = -delayed.0; delayed.0 = scaled
            case 1: out = -delayed.1; delayed.1 = scaled
            default: out = -delayed.2; delayed.2 = scaled
            }
            out += scaled
            out -= previous
            previous = HilbertTransformCore.b * previousInput
            out += previous
            previousInput = input
            return out * scale
        }
    }

    @usableFromInline var detrenderEven = Stage(), detrenderOdd = Stage()
    @usableFromInline var q1Even = Stage(), q1Odd = Stage()
    @usableFromInline var jIEven = Stage(), jIOdd = Stage()
    @usableFromInline var jQEven = Stage(), jQOdd = Stage()
    @usableFromInline var slot = 0
    @usableFromInline var i1ForOddPrev2 = 0.0, i1ForOddPrev3 = 0.0
    @usableFromInline var i1ForEvenPrev2 = 0.0, i1ForEvenPrev3 = 0.0
    @usableFromInline var prevI2 = 0.0, prevQ2 = 0.0
    @usableFromInline var re = 0.0, im = 0.0
    /// The (unsmoothed) dominant cycle period.
    public private(set) var period = 0.0
    /// The smoothed dominant cycle period (`HT_DCPERIOD`).
    public private(set) var smoothPeriod = 0.0
    /// This bar's in-phase component (`HT_PHASOR` inphase).
    public private(set) var inPhase = 0.0
    /// This bar's quadrature component (`HT_PHASOR` quadrature).
    public private(set) var quadrature = 0.0

    /// A fresh state.
    public init() {}

    /// Runs the transform on one smoothed price of bar `index` (its parity selects the delay lines).
    /// Always inlined, so the batch kernel keeps the whole state in registers.
    @inline(__always)
    public mutating func step(smoothed: Double, index: Int) {
        let scale = 0.075 * period + 0.54
        let i2: Double
        let q2: Double
        if index % 2 == 0 {
            let detrender = detrenderEven.apply(smoothed, slot: slot, scale: scale)
            let q1 = q1Even.apply(detrender, slot: slot, scale: scale)
            inPhase = i1ForEvenPrev3
            quadrature = q1
            let jI = jIEven.apply(i1ForEvenPrev3, slot: slot, scale: scale)
            let jQ = jQEven.apply(q1, slot: slot, scale: scale)
            slot = slot == 2 ? 0 : slot + 1
            q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
            i2 = 0.2 * (i1ForEvenPrev3 - jQ) + 0.8 * prevI2
            i1ForOddPrev3 = i1ForOddPrev2
            i1ForOddPrev2 = detrender
        } else {
            let detrender = detrenderOdd.apply(smoothed, slot: slot, scale: scale)
            let q1 = q1Odd.apply(detrender, slot: slot, scale: scale)
            inPhase = i1ForOddPrev3
            quadrature = q1
            let jI = jIOdd.apply(i1ForOddPrev3, slot: slot, scale: scale)
            let jQ = jQOdd.apply(q1, slot: slot, scale: scale)
            q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2
            i2 = 0.2 * (i1ForOddPrev3 - jQ) + 0.8 * prevI2
            i1ForEvenPrev3 = i1ForEvenPrev2
            i1ForEvenPrev2 = detrender
        }
        re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * re
        im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * im
        prevQ2 = q2
        prevI2 = i2
        let previousPeriod = period
        if im != 0.0 && re != 0.0 { period = 360.0 / (libmAtan(im / re) * Self.radToDeg) }
        // The limits as selections (the same comparisons as `if period > upper { period = upper }` and so on,
        // NaN included), so a clamp that binds on some bars and not others costs no mispredicted branch.
        let upper = 1.5 * previousPeriod
        period = period > upper ? upper : period
        let lower = 0.67 * previousPeriod
        period = period < lower ? lower : period
        period = period < 6 ? 6 : (period > 50 ? 50 : period)
        period = 0.2 * period + 0.8 * previousPeriod
        smoothPeriod = 0.33 * period + 0.67 * smoothPeriod
    }
}

/// TA-Lib's integer dominant cycle period: `Int(smoothPeriod + 0.5)`, at most 50 (NaN gives 0 instead of trapping).
@inlinable
func dominantCycleBars(_ smoothPeriod: Double) -> Int {
    let p = smoothPeriod + 0.5
    guard p.isFinite, p > 0 else { return 0 }
    return Int(Swift.min(p, 50))
}

/// Any of TA-Lib's six Hilbert-transform functions (`HilbertTransformKind`) over the closes, with TA-Lib's
/// warm-up: the first 3 bars seed the 4-bar price smoother, the next 9 (`HT_DCPERIOD`, `HT_PHASOR`) or 34
/// (the others) only advance it, then the transform runs on every bar and outputs start at bar 32 or 63.
///
/// Outputs: `HT_DCPERIOD` smoothPeriod; `HT_PHASOR` (inphase, quadrature); `HT_DCPHASE` the phase of the
/// last `Int(smoothPeriod + 0.5)` smoothed prices' DFT, compensated for the smoother's lag, in -45...315°;
/// `HT_SINE` (sin(phase), sin(phase + 45°)); `HT_TRENDLINE` `(4·T₀ + 3·T₁ + 2·T₂ + T₃) / 10` where `T` is the
/// mean of the last `Int(smoothPeriod + 0.5)` raw prices (TA-Lib 0.8.1 averages raw prices, issue #88);
/// `HT_TRENDMODE` 1 unless the sine lines crossed less than half a period ago, the phase advanced at the
/// cycle's rate, or (overriding both) the smoothed price is ≥ 1.5% off the trendline. `HT_TRENDMODE` is an
/// integer output and reads 0 while warming up, as TA-Lib's zero-filled integer arrays do.
/// O(50) per bar for the phase and trendline sums, O(1) otherwise.
public struct HilbertTransformState: StreamingIndicator {
    /// Which Hilbert-transform function this state computes.
    public let kind: HilbertTransformKind
    @usableFromInline let needsPhase: Bool
    @usableFromInline let needsTrendline: Bool
    @usableFromInline let transformStart: Int
    @usableFromInline let firstOutput: Int
    @usableFromInline var bar = 0
    // 4-bar weighted price smoother.
    @usableFromInline var wmaSub = 0.0
    @usableFromInline var wmaSum = 0.0
    @usableFromInline var trailingWMAValue = 0.0
    @usableFromInline var recent: (Double, Double, Double) = (0, 0, 0)   // x[t-1], x[t-2], x[t-3]
    @usableFromInline var core = HilbertTransformCore()
    // Dominant cycle phase.
    @usableFromInline var smoothPrices = [Double](repeating: 0, count: 50)
    @usableFromInline var smoothIndex = 0
    @usableFromInline var phase = 0.0
    @usableFromInline var sine = 0.0
    @usableFromInline var leadSine = 0.0
    // Trendline.
    @usableFromInline var rawPrices = RingBuffer(capacity: 50)
    @usableFromInline var iTrend1 = 0.0, iTrend2 = 0.0, iTrend3 = 0.0
    @usableFromInline var daysInTrend = 0

    /// A fresh state for `kind`; bar 0 is the first bar fed (its parity drives the transform).
    public init(_ kind: HilbertTransformKind) {
        self.kind = kind
        needsPhase = kind.needsPhase
        needsTrendline = kind.needsTrendline
        transformStart = 3 + kind.smootherOnlyBars
        firstOutput = kind.lookback
    }

    /// Leading bars with no output: `kind.lookback` (32 or 63).
    public static func lookback(_ kind: HilbertTransformKind) -> Int { kind.lookback }

    /// `8 · atan(1)`: 2π as TA-Lib derives it.
    @usableFromInline static let twoPi = libmAtan(1) * 8.0
    @usableFromInline static let degToRad = 1.0 / HilbertTransformCore.radToDeg

    /// Feeds one price; returns this bar's outputs (up to two, in TA-Lib's order) once past the lookback.
    @inlinable
    public mutating func update(_ x: Double) -> (Double, Double)? {
        let index = bar
        bar += 1
        if needsTrendline { rawPrices.push(x) }
        switch index {
        case 0:
            wmaSub = x
            wmaSum = x
        case 1:
            wmaSub += x
            wmaSum += x * 2.0
        case 2:
            wmaSub += x
            wmaSum += x * 3.0
        default:
            wmaSub += x
            wmaSub -= trailingWMAValue
            wmaSum += x * 4.0
            trailingWMAValue = recent.2
        }
        recent = (x, recent.0, recent.1)
        guard index >= 3 else { return nil }
        let smoothed = wmaSum * 0.1
        wmaSum -= wmaSub
        guard index >= transformStart else { return nil }

        if needsPhase { smoothPrices[smoothIndex] = smoothed }
        core.step(smoothed: smoothed, index: index)
        let smoothPeriod = core.smoothPeriod

        var previousPhase = phase
        var previousSine = sine
        var previousLeadSine = leadSine
        if needsPhase {
            previousPhase = phase
            let bars = dominantCycleBars(smoothPeriod)
            var realPart = 0.0
            var imagPart = 0.0
            var k = smoothIndex
            for i in 0..<bars {
                let angle = (Double(i) * Self.twoPi) / Double(bars)
                let v = smoothPrices[k]
                realPart += libmSin(angle) * v
                imagPart += libmCos(angle) * v
                k = k == 0 ? 49 : k - 1
            }
            let magnitude = abs(imagPart)
            if magnitude > 0.0 {
                phase = libmAtan(realPart / imagPart) * HilbertTransformCore.radToDeg
            } else if magnitude <= 0.01 {
                if realPart < 0.0 { phase -= 90.0 } else if realPart > 0.0 { phase += 90.0 }
            }
            phase += 90.0
            phase += 360.0 / smoothPeriod   // the smoother's one-bar lag
            if imagPart < 0.0 { phase += 180.0 }
            if phase > 315.0 { phase -= 360.0 }
            previousSine = sine
            previousLeadSine = leadSine
            sine = libmSin(phase * Self.degToRad)
            leadSine = libmSin((phase + 45) * Self.degToRad)
        }

        var trendline = 0.0
        if needsTrendline {
            let bars = dominantCycleBars(smoothPeriod)
            var average = 0.0
            let held = rawPrices.count
            for j in 0..<Swift.min(bars, held) { average += rawPrices[held - 1 - j] }
            if bars > 0 { average = average / Double(bars) }
            trendline = (4.0 * average + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0
            iTrend3 = iTrend2
            iTrend2 = iTrend1
            iTrend1 = average
        }

        var trend = 0.0
        if kind == .trendMode {
            var isTrend = true
            if (sine > leadSine && previousSine <= previousLeadSine) || (sine < leadSine && previousSine >= previousLeadSine) {
                daysInTrend = 0
                isTrend = false
            }
            daysInTrend += 1
            if Double(daysInTrend) < 0.5 * smoothPeriod { isTrend = false }
            let advance = phase - previousPhase
            if smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod {
                isTrend = false
            }
            let price = smoothPrices[smoothIndex]
            if trendline != 0.0 && abs((price - trendline) / trendline) >= 0.015 { isTrend = true }
            trend = isTrend ? 1 : 0
        }
        if needsPhase { smoothIndex = smoothIndex == 49 ? 0 : smoothIndex + 1 }

        guard index >= firstOutput else { return nil }
        switch kind {
        case .dcPeriod: return (smoothPeriod, .nan)
        case .dcPhase: return (phase, .nan)
        case .phasor: return (core.inPhase, core.quadrature)
        case .sine: return (sine, leadSine)
        case .trendMode: return (trend, .nan)
        case .trendline: return (trendline, .nan)
        }
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let (v0, v1) = update(bar.close) else {
            guard kind == .trendMode else { return false }
            out.v0 = 0   // TA-Lib's integer outputs read 0 before the lookback (compatibility choice)
            return true
        }
        out.v0 = v0
        out.v1 = v1
        return true
    }
}

/// The sines and cosines of the dominant-cycle phase's DFT, `sin(2π·i / bars)` and `cos(2π·i / bars)` for
/// `bars` 0...50 and `i < bars`, computed once with the same expressions (and so the same values) TA-Lib
/// evaluates on every bar. Row `bars` starts at `bars * width`. Held in raw buffers that are written once in
/// `init` and only read afterwards (hence `@unchecked Sendable`), and never freed: the table lives as long
/// as the process.
final class HilbertPhaseTable: @unchecked Sendable {
    /// Entries per row: the longest cycle the phase measures.
    static let width = 50
    /// The table, built on first use.
    static let shared = HilbertPhaseTable()

    /// `sines[bars * width + i] = sin(2π·i / bars)`.
    let sines: UnsafePointer<Double>
    /// `cosines[bars * width + i] = cos(2π·i / bars)`.
    let cosines: UnsafePointer<Double>

    private init() {
        let count = 51 * Self.width
        let sines = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let cosines = UnsafeMutablePointer<Double>.allocate(capacity: count)
        sines.initialize(repeating: 0, count: count)
        cosines.initialize(repeating: 0, count: count)
        for bars in 1...50 {
            for i in 0..<bars {
                let angle = (Double(i) * HilbertTransformState.twoPi) / Double(bars)
                sines[bars * Self.width + i] = libmSin(angle)
                cosines[bars * Self.width + i] = libmCos(angle)
            }
        }
        self.sines = UnsafePointer(sines)
        self.cosines = UnsafePointer(cosines)
    }
}
