import Foundation
import MarketCore

/// Index construction, rebalancing and backtests over daily coin series.
///
/// At the close of each rebalance day (the first day of each week / month / quarter in the data, and the first day of
/// the backtest) the index takes the `top` eligible coins by market cap — not excluded, with a close and a market cap
/// that day, and at least `minHistoryDays` of history — and sets their target weights by the method. Between
/// rebalances the holdings drift with prices (a coin without a row on a day keeps its last close). Every trade pays
/// `feeRate` × Σ|Δw| × value over the coin legs (buys and sells; the initial purchase included; stablecoins are the quote
/// currency, so their leg is free); turnover is reported one-way, Σ|Δw| / 2 including the stablecoin leg.
///
/// ```swift
/// let result = try IndexBacktest.run(coins: universe, parameters: .init(method: .cap, top: 10, rebalance: .monthly))
/// result.metrics.cagr; result.svgChart
/// ```
public enum IndexBacktest {
    /// Weights capped at `capLargest` for the largest raw weight and `capOthers` for the rest, the excess
    /// redistributed pro rata to the uncapped constituents until no cap binds (the CoinDesk 20 rule).
    ///
    /// When the caps cannot add up to 1 (capLargest + capOthers × (n − 1) < 1) every constituent sits at its cap and
    /// the remainder is returned as `uninvested` (held in stablecoins).
    /// Complexity: O(n²) in the worst case; n is the index size.
    public static func cappedWeights(_ raw: [Double], capLargest: Double, capOthers: Double) -> (weights: [Double], uninvested: Double) {
        let n = raw.count
        guard n > 0 else { return ([], 1) }
        let total = raw.reduce(0, +)
        guard total > 0 else { return ([Double](repeating: 0, count: n), 1) }
        let largest = raw.indices.max { raw[$0] < raw[$1] } ?? 0
        let cap = raw.indices.map { $0 == largest ? capLargest : capOthers }
        if cap.reduce(0, +) < 1 { return (cap, 1 - cap.reduce(0, +)) }
        var w = raw.map { $0 / total }
        var fixed = [Bool](repeating: false, count: n)
        while true {
            var excess = 0.0
            for i in 0..<n where !fixed[i] && w[i] > cap[i] + 1e-15 { excess += w[i] - cap[i]; w[i] = cap[i]; fixed[i] = true }
            if excess <= 0 { break }
            let free = (0..<n).filter { !fixed[$0] }.reduce(0) { $0 + w[$1] }
            guard free > 0 else { break }
            for i in 0..<n where !fixed[i] { w[i] += excess * w[i] / free }
        }
        return (w, max(0, 1 - w.reduce(0, +)))
    }

    /// Runs the backtest of `parameters.method` against BTC buy-and-hold and the plain cap-weighted index.
    /// - Throws: `IntelError.invalidParameter` (bad parameters, or a grade / signal method without its provider),
    ///   `.missingCoin` (no BTC), `.universeTooSmall` (never `top` eligible coins), `.insufficientHistory` (the
    ///   requested start is before `top` coins are eligible: says from which date it can start).
    public static func run(coins: [DailyCoinSeries], parameters: IndexParameters, grades: (any TokenGradeProvider)? = nil,
                           signal: (any MarketSignalProvider)? = nil, benchmark: String = "BTC") throws(IntelError) -> IndexBacktestResult {
        let ctx = try Context(coins: coins, parameters: parameters, grades: grades, signal: signal, benchmark: benchmark)
        let main = ctx.simulate(method: parameters.method)
        let plain = ctx.simulate(method: .plainCap)
        let btc = ctx.benchmarkValues()
        let dates = ctx.days.map(DayFormat.string)
        let trades = main.holdings
        let rebalanceTurnover = trades.filter { $0.reason == "rebalance" }.map(\.turnover)
        return IndexBacktestResult(
            parameters: parameters, dates: dates, indexValue: main.values, btcValue: btc, plainCapValue: plain.values,
            metrics: metrics(main.values), btcMetrics: metrics(btc), plainCapMetrics: metrics(plain.values),
            rebalances: trades,
            averageTurnover: rebalanceTurnover.isEmpty ? 0 : rebalanceTurnover.reduce(0, +) / Double(rebalanceTurnover.count),
            totalFees: trades.reduce(0) { $0 + $1.feePaid }, notes: main.notes,
            svgChart: svgChart(dates: dates, series: [("\(parameters.method.rawValue) index", main.values, "#1f77b4"),
                                                      ("BTC", btc, "#ff7f0e"), ("plain cap-weighted", plain.values, "#7f7f7f")]))
    }

    /// The index's holdings on `asOf` (`YYYY-MM-DD`): the constituents of the last trade on or before that day, with
    /// their weights drifted to that day's closes.
    /// - Throws: as `run`, and `.insufficientHistory` when `asOf` is before the index can start.
    public static func holdings(coins: [DailyCoinSeries], parameters: IndexParameters, asOf: String,
                                grades: (any TokenGradeProvider)? = nil, signal: (any MarketSignalProvider)? = nil) throws(IntelError) -> IndexHoldings {
        guard DayFormat.day(asOf) != nil else { throw .invalidParameter(name: "asof", value: asOf, allowed: "a date YYYY-MM-DD") }
        var p = parameters
        p.end = asOf
        let ctx = try Context(coins: coins, parameters: p, grades: grades, signal: signal, benchmark: "BTC")
        if let s = p.start, s > asOf { throw .invalidParameter(name: "asof", value: asOf, allowed: "a date on or after the start \(s)") }
        let sim = ctx.simulate(method: p.method)
        guard var last = sim.holdings.last else { throw .noData("no trade before \(asOf)") }
        last.reason = "holdings drifted from the \(last.reason) of \(last.date)"
        last.date = DayFormat.string(ctx.days[ctx.days.count - 1])
        last.constituents = sim.finalWeights.map { s in
            var c = s
            c.price = ctx.price(s.symbol, at: ctx.days.count - 1) ?? s.price
            return c
        }
        last.stablecoinWeight = sim.finalStable
        last.turnover = 0
        last.feePaid = 0
        return last
    }

    /// Total return, CAGR, volatility, Sharpe and max drawdown of a daily value series.
    public static func metrics(_ v: [Double]) -> PerformanceMetrics {
        guard v.count > 1, let first = v.first, let last = v.last, first > 0 else {
            return PerformanceMetrics(totalReturn: 0, cagr: 0, volatility: 0, sharpe: 0, maxDrawdown: 0, days: v.count)
        }
        let r = (1..<v.count).map { v[$0] / v[$0 - 1] - 1 }
        let mean = r.reduce(0, +) / Double(r.count)
        let sd = (r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, r.count - 1))).squareRoot()
        var peak = first, mdd = 0.0
        for x in v { peak = max(peak, x); mdd = max(mdd, 1 - x / peak) }
        let years = Double(v.count - 1) / 365
        return PerformanceMetrics(totalReturn: last / first - 1, cagr: pow(last / first, 1 / years) - 1,
                                  volatility: sd * 365.0.squareRoot(), sharpe: sd > 0 ? mean / sd * 365.0.squareRoot() : 0,
                                  maxDrawdown: mdd, days: v.count)
    }

    /// An SVG line chart (log scale) of value series over the same dates.
    public static func svgChart(dates: [String], series: [(name: String, values: [Double], color: String)],
                                width: Int = 800, height: Int = 400) -> String {
        let all = series.flatMap(\.values).filter { $0 > 0 && $0.isFinite }
        guard let lo = all.min(), let hi = all.max(), dates.count > 1 else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\"></svg>"
        }
        let left = 60.0, right = 20.0, top = 30.0, bottom = 40.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let lmin = log(lo), lmax = max(log(hi), lmin + 1e-9)
        func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" fill=\"none\" stroke=\"#ccc\"/>\n"
        for (k, v) in [lo, (lo * hi).squareRoot(), hi].enumerated() {
            let y = top + h * (1 - (log(v) - lmin) / (lmax - lmin))
            s += "<text x=\"\(fmt(left - 5))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(String(format: k == 1 ? "%.0f" : "%.0f", v))</text>\n"
        }
        s += "<text x=\"\(fmt(left))\" y=\"\(fmt(Double(height) - 15))\">\(dates[0])</text>\n"
        s += "<text x=\"\(fmt(left + w))\" y=\"\(fmt(Double(height) - 15))\" text-anchor=\"end\">\(dates[dates.count - 1])</text>\n"
        for (k, line) in series.enumerated() {
            var pts: [String] = []
            let n = line.values.count
            let step = max(1, n / 600)
            for i in stride(from: 0, to: n, by: step) where line.values[i] > 0 {
                let x = left + w * Double(i) / Double(max(1, n - 1))
                let y = top + h * (1 - (log(line.values[i]) - lmin) / (lmax - lmin))
                pts.append("\(fmt(x)),\(fmt(y))")
            }
            s += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.5\" points=\"\(pts.joined(separator: " "))\"/>\n"
            s += "<text x=\"\(fmt(left + 10 + Double(k) * 180))\" y=\"\(fmt(top - 10))\" fill=\"\(line.color)\">\(line.name)</text>\n"
        }
        return s + "</svg>\n"
    }
}

/// Prepared data for one backtest.
struct Context {
    let coins: [DailyCoinSeries]
    let p: IndexParameters
    let grades: (any TokenGradeProvider)?
    let signal: (any MarketSignalProvider)?
    let bench: DailyCoinSeries
    let days: [Int64]
    let bySymbol: [String: DailyCoinSeries]

    init(coins: [DailyCoinSeries], parameters: IndexParameters, grades: (any TokenGradeProvider)?,
         signal: (any MarketSignalProvider)?, benchmark: String) throws(IntelError) {
        try parameters.validate()
        if parameters.method == .grade && grades == nil {
            throw .invalidParameter(name: "method", value: "grade", allowed: "a grade-weighted index needs a TokenGradeProvider")
        }
        if parameters.method == .signal && signal == nil {
            throw .invalidParameter(name: "method", value: "signal", allowed: "a signal-gated index needs a MarketSignalProvider")
        }
        guard let b = coins.first(where: { $0.symbol == benchmark.uppercased() }) else { throw .missingCoin(symbol: benchmark) }
        self.coins = coins.filter { !parameters.excluded.contains($0.symbol) }
        p = parameters; self.grades = grades; self.signal = signal; bench = b
        var map: [String: DailyCoinSeries] = [b.symbol: b]
        for c in self.coins { map[c.symbol] = c }
        bySymbol = map
        // The first day with `top` eligible coins.
        var maxEligible = (count: 0, day: b.day.first ?? 0)
        var firstFeasible: Int64?
        for d in b.day {
            let n = Self.eligible(self.coins, day: d, minHistory: parameters.minHistoryDays).count
            if n > maxEligible.count { maxEligible = (n, d) }
            if n >= parameters.top { firstFeasible = d; break }
        }
        guard let feasible = firstFeasible else {
            throw .universeTooSmall(requested: parameters.top, available: maxEligible.count, asOf: DayFormat.string(maxEligible.day))
        }
        let startDay = parameters.start.flatMap { DayFormat.day($0) }
        if let s = startDay, s < feasible {
            throw .insufficientHistory(requested: "a top-\(parameters.top) index from \(DayFormat.string(s))", earliestStart: DayFormat.string(feasible))
        }
        let from = startDay ?? feasible
        let to = parameters.end.flatMap { DayFormat.day($0) } ?? Int64.max
        if to < from {
            throw .insufficientHistory(requested: "a top-\(parameters.top) index up to \(DayFormat.string(to))", earliestStart: DayFormat.string(from))
        }
        days = b.day.filter { $0 >= from && $0 <= to }
        guard days.count >= 2 else { throw .noData("fewer than two days between \(DayFormat.string(from)) and the end of the data") }
    }

    /// Coins eligible on a day: a close and market cap that day and `minHistory` days of history; largest cap first.
    static func eligible(_ coins: [DailyCoinSeries], day: Int64, minHistory: Int) -> [(coin: DailyCoinSeries, i: Int)] {
        var out: [(coin: DailyCoinSeries, i: Int)] = []
        for c in coins {
            guard let i = c.index(ofDay: day), let first = c.day.first, day - first >= Int64(minHistory),
                  c.close[i] > 0, c.marketCap[i] > 0, c.marketCap[i].isFinite else { continue }
            out.append((c, i))
        }
        return out.sorted { $0.coin.marketCap[$0.i] > $1.coin.marketCap[$1.i] }
    }

    /// The close of a coin on day index k, or its last close before (nil before its first day).
    func price(_ symbol: String, at k: Int) -> Double? {
        guard let c = bySymbol[symbol] else { return nil }
        let d = days[k]
        let i = c.day.partitioningIndex { $0 > d }
        return i > 0 ? c.close[i - 1] : nil
    }

    func isRebalanceDay(_ k: Int) -> Bool {
        if k == 0 { return true }
        let a = civilFromDays(days[k - 1]), b = civilFromDays(days[k])
        switch p.rebalance {
        case .weekly: return (days[k] + 3) / 7 != (days[k - 1] + 3) / 7   // weeks starting Monday (1970-01-05 = day 4)
        case .monthly: return a.month != b.month || a.year != b.year
        case .quarterly: return (a.month - 1) / 3 != (b.month - 1) / 3 || a.year != b.year
        }
    }

    /// Target weights on day index k.
    func targets(method: IndexMethod, at k: Int) -> (constituents: [IndexConstituent], stable: Double, note: String?) {
        let chosen = Array(Self.eligible(coins, day: days[k], minHistory: p.minHistoryDays).prefix(p.top))
        let caps = chosen.map { $0.coin.marketCap[$0.i] }
        var raw: [Double]
        var gradeValues: [Double?] = chosen.map { _ in nil }
        switch method {
        case .cap, .signal, .plainCap: raw = caps
        case .equal: raw = chosen.map { _ in 1 }
        case .grade:
            gradeValues = chosen.map { grades?.grade(symbol: $0.coin.symbol, day: days[k]) }
            raw = gradeValues.map { g in g.map { $0 > 0 ? $0 : 0 } ?? 0 }
        }
        var note: String?
        var w: [Double], stable = 0.0
        if method == .plainCap || method == .equal {
            let t = raw.reduce(0, +)
            w = raw.map { t > 0 ? $0 / t : 0 }
            if t <= 0 { stable = 1 }
        } else {
            (w, stable) = IndexBacktest.cappedWeights(raw, capLargest: p.capLargest, capOthers: p.capOthers)
            if raw.reduce(0, +) <= 0 { note = "\(DayFormat.string(days[k])): no positive grade, index held in stablecoins" }
            else if stable > 1e-12 { note = "caps \(p.capLargest)/\(p.capOthers) cannot hold \(chosen.count) constituents fully: \(stable) in stablecoins" }
        }
        let cons = chosen.indices.map { j in
            IndexConstituent(symbol: chosen[j].coin.symbol, weight: w[j], marketCap: caps[j],
                             price: chosen[j].coin.close[chosen[j].i], grade: gradeValues[j])
        }
        return (cons, stable, note)
    }

    struct Simulation {
        var values: [Double]
        var holdings: [IndexHoldings]
        var notes: [String]
        var finalWeights: [IndexConstituent]
        var finalStable: Double
    }

    func simulate(method: IndexMethod) -> Simulation {
        var units: [String: Double] = [:]
        var cash = 100.0
        var values: [Double] = []
        var trades: [IndexHoldings] = []
        var notes: [String] = []
        var inStable = false
        var lastConstituents: [IndexConstituent] = []
        func value(_ k: Int) -> Double {
            // Summed in symbol order so that results do not depend on dictionary order.
            cash + units.keys.sorted().reduce(0) { acc, s in acc + (units[s] ?? 0) * (price(s, at: k) ?? 0) }
        }
        func trade(to target: [IndexConstituent], stable: Double, at k: Int, reason: String) {
            let v = value(k)
            guard v > 0 else { return }
            var current: [String: Double] = [:]
            for (s, u) in units { current[s] = u * (price(s, at: k) ?? 0) / v }
            var targetW: [String: Double] = [:]
            for c in target { targetW[c.symbol, default: 0] += c.weight }
            var traded = 0.0
            for s in Set(current.keys).union(targetW.keys) { traded += abs((targetW[s] ?? 0) - (current[s] ?? 0)) }
            traded += abs(stable - cash / v)
            // The fee is charged on every coin leg (sells and buys); the stablecoin (quote currency) leg is free.
            let tradedRisky = traded - abs(stable - cash / v)
            let fee = p.feeRate * tradedRisky * v
            let after = v - fee
            units = [:]
            for c in target where c.weight > 0 { units[c.symbol, default: 0] += c.weight * after / c.price }
            cash = stable * after
            lastConstituents = target
            trades.append(IndexHoldings(date: DayFormat.string(days[k]), constituents: target, stablecoinWeight: stable,
                                        turnover: traded / 2, feePaid: fee / v, reason: reason))
        }
        for k in days.indices {
            let bearish = method == .signal ? (signal?.isBearish(day: days[k]) ?? false) : false
            if method == .signal && bearish != inStable {
                if bearish {
                    trade(to: [], stable: 1, at: k, reason: "signal bearish")
                } else {
                    let t = targets(method: method, at: k)
                    trade(to: t.constituents, stable: t.stable, at: k, reason: "signal bullish")
                }
                inStable = bearish
            } else if isRebalanceDay(k) && !inStable {
                let t = targets(method: method, at: k)
                if let n = t.note, !notes.contains(n) { notes.append(n) }
                trade(to: t.constituents, stable: t.stable, at: k, reason: "rebalance")
            }
            values.append(value(k))
        }
        let k = days.count - 1
        let v = value(k)
        let final = lastConstituents.map { c -> IndexConstituent in
            var d = c
            d.weight = v > 0 ? (units[c.symbol] ?? 0) * (price(c.symbol, at: k) ?? 0) / v : 0
            return d
        }
        return Simulation(values: values, holdings: trades, notes: notes, finalWeights: final, finalStable: v > 0 ? cash / v : 1)
    }

    /// BTC buy-and-hold over the backtest days, starting at 100.
    func benchmarkValues() -> [Double] {
        guard let p0 = price(bench.symbol, at: 0) else { return [] }
        return days.indices.map { 100 * (price(bench.symbol, at: $0) ?? p0) / p0 }
    }
}
