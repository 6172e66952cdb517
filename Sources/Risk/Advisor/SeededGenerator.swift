
// The seeded generator is MarketCore.SeededGenerator (SplitMix64), shared by every module.

extension RandomNumberGenerator {
    /// A uniform integer in `0..<bound` by multiply-high (Lemire), without the standard library's
    /// unspecified algorithm, so sequences stay identical across Swift versions. Bias < bound / 2⁶⁴.
    mutating func uniformIndex(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }
}
