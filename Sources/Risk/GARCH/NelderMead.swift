/// Derivative-free minimiser (Nelder–Mead simplex) with restarts, used by the GARCH fit.
///
/// Uses the adaptive coefficients of Gao & Han (2012) for dimension `n`: reflection 1, expansion 1 + 2/n,
/// contraction 0.75 − 1/(2n), shrink 1 − 1/n. After convergence the simplex is rebuilt around the best point
/// and the search restarted until a restart no longer improves the minimum (guards against a collapsed simplex).
struct NelderMead {
    var maxEvaluations = 20_000
    /// Stop when the spread of function values in the simplex falls below this.
    var functionTolerance = 1e-11
    /// Stop when the simplex's extent in every coordinate falls below this.
    var pointTolerance = 1e-9
    var maxRestarts = 8

    struct Result {
        var point: [Double]
        var value: Double
        var evaluations: Int
    }

    func minimize(_ f: ([Double]) -> Double, from start: [Double], step: [Double]) -> Result {
        var best = Result(point: start, value: finite(f(start)), evaluations: 1)
        for _ in 0...maxRestarts {
            let run = simplexSearch(f, from: best.point, step: step, budget: maxEvaluations - best.evaluations)
            let improved = run.value < best.value - 1e-12 * max(1, abs(best.value))
            best.evaluations += run.evaluations
            if run.value <= best.value { best.point = run.point; best.value = run.value }
            if !improved || best.evaluations >= maxEvaluations { break }
        }
        return best
    }

    private func finite(_ v: Double) -> Double { v.isFinite ? v : .infinity }

    private func simplexSearch(_ f: ([Double]) -> Double, from start: [Double], step: [Double], budget: Int) -> Result {
        let n = start.count
        let dim = Double(n)
        let (alpha, gamma, rho, sigma) = (1.0, 1 + 2 / dim, 0.75 - 1 / (2 * dim), 1 - 1 / dim)
        var points = [start]
        for i in 0..<n {
            var p = start
            p[i] += step[i]
            points.append(p)
        }
        var values = points.map { finite(f($0)) }
        var evaluations = values.count
        while evaluations < budget {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            let spread = values[n] - values[0]
            var extent = 0.0
            for i in 0..<n {
                var lo = points[0][i], hi = points[0][i]
                for p in points { lo = min(lo, p[i]); hi = max(hi, p[i]) }
                extent = max(extent, hi - lo)
            }
            if spread.isFinite, spread <= functionTolerance * max(1, abs(values[0])), extent <= pointTolerance { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in points[0..<n] { for i in 0..<n { centroid[i] += p[i] / dim } }
            func along(_ t: Double) -> [Double] {
                (0..<n).map { centroid[$0] + t * (points[n][$0] - centroid[$0]) }
            }
            let reflected = along(-alpha)
            let fr = finite(f(reflected)); evaluations += 1
            if fr < values[0] {
                let expanded = along(-gamma)
                let fe = finite(f(expanded)); evaluations += 1
                if fe < fr { points[n] = expanded; values[n] = fe } else { points[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                points[n] = reflected; values[n] = fr
            } else {
                let outside = fr < values[n]
                let contracted = along(outside ? -rho : rho)
                let fc = finite(f(contracted)); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    points[n] = contracted; values[n] = fc
                } else {
                    for k in 1...n {
                        points[k] = (0..<n).map { points[0][$0] + sigma * (points[k][$0] - points[0][$0]) }
                        values[k] = finite(f(points[k]))
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(point: points[i], value: values[i], evaluations: evaluations)
    }
}
