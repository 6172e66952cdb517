import Foundation

/// An L2-regularised logistic regression on standardised features:
/// `logOdds = intercept + sum_k weight[k] * (x[k] - mean[k]) / scale[k]`.
///
/// Fitted by Newton's method (iteratively reweighted least squares) on
/// `-sum log-likelihood + (l2 / 2) * |weight|^2`; the intercept is not penalised. Undefined inputs count as 0.
public struct LogisticModel: Sendable, Codable, Equatable {
    /// Training means per feature.
    public var mean: [Double]
    /// Training standard deviations per feature (1 where a feature is constant).
    public var scale: [Double]
    /// Weights on the standardised features.
    public var weights: [Double]
    /// Intercept.
    public var intercept: Double
    /// The L2 penalty used.
    public var l2: Double

    /// Fits on rows `x` (each `width` values) with labels in {0, 1}.
    public static func fit(rows x: [Double], width: Int, labels y: [Double], l2: Double = 10) throws(SignalsError) -> LogisticModel {
        let n = y.count
        guard n > width + 1 else { throw .notEnoughTrainingData("\(n) labelled rows, logistic regression needs more than \(width + 1)") }
        guard l2 >= 0 else { throw .invalidParameter("l2 must be >= 0, got \(l2)") }
        var mean = [Double](repeating: 0, count: width), scale = mean
        for i in 0..<n { for k in 0..<width { mean[k] += clean(x[i * width + k]) } }
        for k in 0..<width { mean[k] /= Double(n) }
        for i in 0..<n { for k in 0..<width { let d = clean(x[i * width + k]) - mean[k]; scale[k] += d * d } }
        for k in 0..<width { let s = (scale[k] / Double(max(1, n - 1))).squareRoot(); scale[k] = s > 1e-12 ? s : 1 }
        // z with a leading 1 for the intercept.
        let m = width + 1
        var z = [Double](repeating: 1, count: n * m)
        for i in 0..<n { for k in 0..<width { z[i * m + k + 1] = (clean(x[i * width + k]) - mean[k]) / scale[k] } }
        var beta = [Double](repeating: 0, count: m)
        for _ in 0..<50 {
            var grad = [Double](repeating: 0, count: m)
            var hess = [Double](repeating: 0, count: m * m)
            for i in 0..<n {
                var s = 0.0
                for k in 0..<m { s += beta[k] * z[i * m + k] }
                let p = 1 / (1 + Foundation.exp(-s))
                let r = p - y[i], wgt = max(p * (1 - p), 1e-12)
                for a in 0..<m {
                    let za = z[i * m + a]
                    grad[a] += r * za
                    for b in a..<m { hess[a * m + b] += wgt * za * z[i * m + b] }
                }
            }
            for a in 1..<m { grad[a] += l2 * beta[a]; hess[a * m + a] += l2 }
            for a in 0..<m { for b in 0..<a { hess[a * m + b] = hess[b * m + a] } }
            hess[0] += 1e-9
            guard let step = choleskySolve(hess, grad, m) else { throw .notEnoughTrainingData("the Newton system is singular") }
            var largest = 0.0
            for k in 0..<m { beta[k] -= step[k]; largest = max(largest, abs(step[k])) }
            if largest < 1e-10 { break }
        }
        return LogisticModel(mean: mean, scale: scale, weights: Array(beta[1...]), intercept: beta[0], l2: l2)
    }

    /// The log-odds of a bullish move for one feature row.
    public func logOdds(_ x: ArraySlice<Double>) -> Double {
        let b = x.startIndex
        var s = intercept
        for k in weights.indices { s += weights[k] * (clean(x[b + k]) - mean[k]) / scale[k] }
        return s
    }

    /// Per-feature contributions to the log-odds: `weight[k] * z[k]` (they add up to `logOdds - intercept`).
    public func contributions(_ x: ArraySlice<Double>) -> [Double] {
        let b = x.startIndex
        return weights.indices.map { k in weights[k] * (clean(x[b + k]) - mean[k]) / scale[k] }
    }
}

/// Solves `A x = b` for a symmetric positive-definite `A` (row-major `m x m`); nil when `A` is not.
func choleskySolve(_ a: [Double], _ b: [Double], _ m: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: m * m)
    for i in 0..<m {
        for j in 0...i {
            var s = a[i * m + j]
            for k in 0..<j { s -= l[i * m + k] * l[j * m + k] }
            if i == j {
                guard s > 0 else { return nil }
                l[i * m + i] = s.squareRoot()
            } else {
                l[i * m + j] = s / l[j * m + j]
            }
        }
    }
    var y = [Double](repeating: 0, count: m)
    for i in 0..<m {
        var s = b[i]
        for k in 0..<i { s -= l[i * m + k] * y[k] }
        y[i] = s / l[i * m + i]
    }
    var x = [Double](repeating: 0, count: m)
    for i in stride(from: m - 1, through: 0, by: -1) {
        var s = y[i]
        for k in (i + 1)..<m { s -= l[k * m + i] * x[k] }
        x[i] = s / l[i * m + i]
    }
    return x
}
