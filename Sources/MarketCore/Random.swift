/// A small, fast, seeded random number generator (SplitMix64): the same seed gives the same sequence on
/// every machine, so bootstraps, synthetic benchmarks and tests are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box-Muller).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), 1e-300), u2 = nextUnit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

/// Synthetic bars for benchmarks and property tests: a geometric random walk with consistent OHLC.
public enum SyntheticBars {
    /// `count` hourly bars starting 2020-01-01, seeded.
    public static func randomWalk(count: Int, seed: UInt64 = 42, start: Double = 100) -> CandleSeries {
        var rng = SeededGenerator(seed: seed)
        var s = CandleSeries(symbol: "SYN", timeframe: .h1)
        s.reserveCapacity(count)
        var price = start
        let t0 = Timestamp.utc(year: 2020, month: 1, day: 1)
        for i in 0..<count {
            let open = price
            let close = open * (1 + 0.01 * rng.nextGaussian())
            let high = max(open, close) * (1 + 0.005 * rng.nextUnit())
            let low = min(open, close) * (1 - 0.005 * rng.nextUnit())
            let volume = 1000 * (0.5 + rng.nextUnit())
            s.append(Candle(time: t0 + Int64(i) * 3_600_000, open: open, high: high, low: low, close: close, volume: volume))
            price = close
        }
        return s
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#elseif canImport(Darwin)
import Darwin
@inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
