import Foundation
import MarketCore

/// Settings of the gradient-boosted trees. Fixed before any data is seen (never tuned on a reported period).
public struct BoostingParameters: Sendable, Codable, Equatable {
    /// Number of trees.
    public var trees = 120
    /// Maximum depth of each tree.
    public var depth = 3
    /// Shrinkage applied to every leaf.
    public var learningRate = 0.05
    /// L2 penalty on leaf values (XGBoost's lambda).
    public var l2 = 5.0
    /// Smallest number of samples in a leaf.
    public var minSamplesLeaf = 200
    /// Share of rows each tree is grown on (drawn with the seeded generator).
    public var subsample = 0.7
    /// Quantile bins per feature for split search.
    public var bins = 32
    /// Seed of the row sampling.
    public var seed: UInt64 = 20_260_501

    /// The defaults above.
    public init() {}
}

/// A gradient-boosted ensemble of regression trees on the logistic loss (second-order, as XGBoost): the
/// log-odds is `base + sum of tree leaves`, the probability `1 / (1 + exp(-logOdds))`.
///
/// Splits are searched on per-feature quantile bins of the training rows; a row goes left when
/// `x <= threshold`. Undefined inputs count as 0. Deterministic: same rows, parameters and seed give the
/// same trees on every machine.
public struct GradientBoostedTrees: Sendable, Codable, Equatable {
    /// One tree as parallel arrays; node 0 is the root; `left[i] < 0` marks a leaf.
    public struct Tree: Sendable, Codable, Equatable {
        /// Split feature per node.
        public var feature: [Int]
        /// Split threshold per node (go left when `x <= threshold`).
        public var threshold: [Double]
        /// Left child per node, -1 for a leaf.
        public var left: [Int]
        /// Right child per node, -1 for a leaf.
        public var right: [Int]
        /// Node value: the shrunken Newton step of the rows that reached it (a leaf's output; kept on inner
        /// nodes for explanations).
        public var value: [Double]
    }

    /// Log-odds before any tree (of the training base rate).
    public var base: Double
    /// The trees.
    public var trees: [Tree]
    /// The settings used.
    public var parameters: BoostingParameters

    /// Fits on rows `x` (each of `width` values) with labels in {0, 1}.
    public static func fit(rows x: [Double], width: Int, labels y: [Double], parameters p: BoostingParameters) throws(SignalsError) -> GradientBoostedTrees {
        let n = y.count
        guard n >= 2 * p.minSamplesLeaf else { throw .notEnoughTrainingData("\(n) labelled rows, gradient boosting needs at least \(2 * p.minSamplesLeaf)") }
        guard p.trees >= 1, p.depth >= 1, p.depth <= 8, p.bins >= 2, p.bins <= 255, p.learningRate > 0, p.subsample > 0, p.subsample <= 1 else {
            throw .invalidParameter("boosting parameters out of range: trees >= 1, depth 1...8, bins 2...255, learning rate > 0, subsample (0, 1]")
        }
        // Quantile bin edges per feature; codes[f * n + i] is row i's bin of feature f.
        var edges: [[Double]] = []
        var codes = [UInt8](repeating: 0, count: n * width)
        var column = [Double](repeating: 0, count: n)
        for f in 0..<width {
            for i in 0..<n { column[i] = clean(x[i * width + f]) }
            let sorted = column.sorted()
            var e: [Double] = []
            for b in 1..<p.bins {
                let q = sorted[min(n - 1, b * n / p.bins)]
                if e.last.map({ q > $0 }) ?? true { e.append(q) }
            }
            if e.last == sorted.last { e.removeLast() }  // an edge at the maximum splits nothing off
            edges.append(e)
            for i in 0..<n { codes[f * n + i] = UInt8(e.partitioningIndex { column[i] <= $0 }) }
        }

        let mean = y.reduce(0, +) / Double(n)
        let base = Foundation.log(max(1e-6, mean) / max(1e-6, 1 - mean))
        var score = [Double](repeating: base, count: n)
        var grad = [Double](repeating: 0, count: n), hess = [Double](repeating: 0, count: n)
        var rng = SeededGenerator(seed: p.seed)
        var trees: [Tree] = []
        var rowsInUse: [Int] = []
        rowsInUse.reserveCapacity(n)
        for _ in 0..<p.trees {
            for i in 0..<n {
                let prob = 1 / (1 + Foundation.exp(-score[i]))
                grad[i] = prob - y[i]
                hess[i] = max(prob * (1 - prob), 1e-12)
            }
            rowsInUse.removeAll(keepingCapacity: true)
            for i in 0..<n where p.subsample >= 1 || rng.nextUnit() < p.subsample { rowsInUse.append(i) }
            var tree = Tree(feature: [], threshold: [], left: [], right: [], value: [])
            grow(&tree, rows: rowsInUse, depth: 0, codes: codes, edges: edges, n: n, width: width,
                 grad: grad, hess: hess, p: p)
            // Update every row's score (also those not sampled for this tree).
            for i in 0..<n {
                var node = 0
                while tree.left[node] >= 0 {
                    node = clean(x[i * width + tree.feature[node]]) <= tree.threshold[node] ? tree.left[node] : tree.right[node]
                }
                score[i] += tree.value[node]
            }
            trees.append(tree)
        }
        return GradientBoostedTrees(base: base, trees: trees, parameters: p)
    }

    /// Grows the node for `rows` and returns its index.
    @discardableResult
    static func grow(_ tree: inout Tree, rows: [Int], depth: Int, codes: [UInt8], edges: [[Double]], n: Int, width: Int,
                     grad: [Double], hess: [Double], p: BoostingParameters) -> Int {
        var g = 0.0, h = 0.0
        for i in rows { g += grad[i]; h += hess[i] }
        let index = tree.feature.count
        tree.feature.append(0); tree.threshold.append(0); tree.left.append(-1); tree.right.append(-1)
        tree.value.append(-g / (h + p.l2) * p.learningRate)
        guard depth < p.depth, rows.count >= 2 * p.minSamplesLeaf else { return index }

        let parentScore = g * g / (h + p.l2)
        var best: (gain: Double, feature: Int, bin: Int) = (1e-9, -1, -1)
        var hg = [Double](repeating: 0, count: p.bins), hh = hg, hc = [Int](repeating: 0, count: p.bins)
        for f in 0..<width where !edges[f].isEmpty {
            for b in 0..<p.bins { hg[b] = 0; hh[b] = 0; hc[b] = 0 }
            let offset = f * n
            for i in rows {
                let b = Int(codes[offset + i])
                hg[b] += grad[i]; hh[b] += hess[i]; hc[b] += 1
            }
            var gl = 0.0, hl = 0.0, cl = 0
            for b in 0..<edges[f].count {
                gl += hg[b]; hl += hh[b]; cl += hc[b]
                let cr = rows.count - cl
                guard cl >= p.minSamplesLeaf, cr >= p.minSamplesLeaf else { continue }
                let gr = g - gl, hr = h - hl
                let gain = gl * gl / (hl + p.l2) + gr * gr / (hr + p.l2) - parentScore
                if gain > best.gain { best = (gain, f, b) }
            }
        }
        guard best.feature >= 0 else { return index }
        let offset = best.feature * n
        var leftRows: [Int] = [], rightRows: [Int] = []
        for i in rows { if Int(codes[offset + i]) <= best.bin { leftRows.append(i) } else { rightRows.append(i) } }
        tree.feature[index] = best.feature
        tree.threshold[index] = edges[best.feature][best.bin]
        let l = grow(&tree, rows: leftRows, depth: depth + 1, codes: codes, edges: edges, n: n, width: width, grad: grad, hess: hess, p: p)
        tree.left[index] = l
        let r = grow(&tree, rows: rightRows, depth: depth + 1, codes: codes, edges: edges, n: n, width: width, grad: grad, hess: hess, p: p)
        tree.right[index] = r
        return index
    }

    /// The log-odds of a bullish move for one feature row.
    public func logOdds(_ x: ArraySlice<Double>) -> Double {
        let b = x.startIndex
        var s = base
        for tree in trees {
            var node = 0
            while tree.left[node] >= 0 {
                node = clean(x[b + tree.feature[node]]) <= tree.threshold[node] ? tree.left[node] : tree.right[node]
            }
            s += tree.value[node]
        }
        return s
    }

    /// Per-feature contributions to the log-odds (the change of node value along each row's path, summed
    /// over trees: Saabas' attribution); they add up to `logOdds - base - sum of root values`.
    public func contributions(_ x: ArraySlice<Double>, width: Int) -> [Double] {
        var c = [Double](repeating: 0, count: width)
        let b = x.startIndex
        for tree in trees {
            var node = 0
            while tree.left[node] >= 0 {
                let next = clean(x[b + tree.feature[node]]) <= tree.threshold[node] ? tree.left[node] : tree.right[node]
                c[tree.feature[node]] += tree.value[next] - tree.value[node]
                node = next
            }
        }
        return c
    }
}

/// Undefined model inputs count as 0 (the neutral value of every feature).
@inline(__always) func clean(_ x: Double) -> Double { x.isFinite ? x : 0 }
