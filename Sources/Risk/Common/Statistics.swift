#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small descriptive statistics shared by the risk metrics. All skip nothing: callers pass clean, finite data.
public enum Statistics {
    /// Arithmetic mean; NaN for an empty input.
    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    /// Sample variance with `n − 1` in the denominator (numpy `ddof=1`); NaN below 2 values.
    public static func sampleVariance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        var s = 0.0
        for v in x { s += (v - m) * (v - m) }
        return s / Double(x.count - 1)
    }

    /// Sample standard deviation (`n − 1`).
    public static func sampleStandardDeviation(_ x: [Double]) -> Double { sampleVariance(x).squareRoot() }

    /// Sample covariance (`n − 1`) of two equally long series.
    public static func sampleCovariance(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count > 1 else { return .nan }
        let mx = mean(x), my = mean(y)
        var s = 0.0
        for i in x.indices { s += (x[i] - mx) * (y[i] - my) }
        return s / Double(x.count - 1)
    }

    /// The `p`-quantile (0 ≤ p ≤ 1) with linear interpolation between order statistics
    /// (Hyndman–Fan type 7, numpy's default `percentile`): position `p·(n−1)` in the sorted values.
    public static func quantile(_ x: [Double], _ p: Double) -> Double {
        quantile(sorted: x.sorted(), p)
    }

    /// `quantile` of values already sorted ascending.
    public static func quantile(sorted s: [Double], _ p: Double) -> Double {
        guard !s.isEmpty else { return .nan }
        let position = min(max(p, 0), 1) * Double(s.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, s.count - 1)
        let fraction = position - Double(lower)
        return s[lower] + (s[upper] - s[lower]) * fraction
    }

    /// Standard normal density φ(z).
    public static func normalDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// Standard normal distribution function Φ(z), through `erfc` (accurate in both tails).
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Standard normal quantile Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation refined by two
    /// Newton steps on `normalCDF` (error far below 1e-12 for the confidence levels used here).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var z: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            z = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        for _ in 0..<2 {
            let density = normalDensity(z)
            guard density > 0 else { break }
            z -= (normalCDF(z) - p) / density
        }
        return z
    }
}
