/// One stage of Ehlers' Hilbert transform as TA-Lib runs it for MAMA and the HT_* family: a 7-tap FIR
/// (`0.0962, 0.5769`) kept as separate even-bar and odd-bar circular buffers of 3.
///
/// `out = (a*in[t] - a*in[t-6] + b*in[t-4] - b*in[t-2]) * (0.075*period + 0.54)`, where "t-2" etc. count
/// bars of the same parity, exactly as TA-Lib's `DO_HILBERT_EVEN/ODD` macros do.
@usableFromInline
struct OverlapHilbertStage: Sendable {
    @usableFromInline var odd0 = 0.0, odd1 = 0.0, odd2 = 0.0
    @usableFromInline var even0 = 0.0, even1 = 0.0, even2 = 0.0
    @usableFromInline var prevOdd = 0.0, prevEven = 0.0
    @usableFromInline var prevInputOdd = 0.0, prevInputEven = 0.0

    @usableFromInline init() {}

    @inlinable
    mutating func step(_ input: Double, even: Bool, index: Int, adjustedPrevPeriod: Double) -> Double {
        let a = 0.0962, b = 0.5769
        let h = a * input
        var v: Double
        if even {
            let old: Double
            switch index {
            case 0: old = even0; even0 = h
            case 1: old = even1; even1 = h
            default: old = even2; even2 = h
            }
            v = 0 - old
            v += h
            v -= prevEven
            prevEven = b * prevInputEven
            v += prevEven
            prevInputEven = input
        } else {
            let old: Double
            switch index {
            case 0: old = odd0; odd0 = h
            case 1: old = odd1; odd1 = h
            default: old = odd2; odd2 = h
            }
            v = 0 - old
            v += h
            v -= prevOdd
            prevOdd = b * prevInputOdd
            v += prevOdd
            prevInputOdd = input
        }
        return v * adjustedPrevPeriod
    }
}
