/// A small, fast, seeded random number generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Inject it wherever randomness is needed: the same seed gives the same sequence on every platform
/// and Swift version, so results are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniform integer in `0..<bound` by multiply-high (Lemire), without the standard library's
    /// unspecified algorithm, so sequences stay identical across Swift versions. Bias < bound / 2⁶⁴.
    mutating func uniformIndex(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }
}
