import Foundation
import MarketCore

/// What to ask the leverage advisor.
public struct LeverageAdvisorRequest: Sendable, Equatable, Codable {
    /// Long or short.
    public var side: PositionSide
    /// Holding horizon in bars of the series (7 daily bars for a week).
    public var horizonBars: Int
    /// Stop distance as a fraction of the entry (0.05 = 5%); nil for no stop.
    public var stopDistance: Double?
    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol for the tiers (`BTCUSDT`); nil derives it from the series symbol (`BTC` → `BTCUSDT`).
    public var symbol: String?
    /// Highest leverage to evaluate; nil uses the maximum of the tier of `positionNotional`.
    public var maxLeverage: Int?
    /// Position notional in USDT that picks the tier (and so the maintenance rate); 10,000 by default.
    public var positionNotional: Double
    /// Fixed maintenance rates instead of the tier table (required for OKX).
    public var fixedMaintenance: FixedMaintenance?
    /// Recommend the highest leverage whose liquidation probability stays below this (0.01 = 1%).
    public var liquidationThreshold: Double
    /// Number of block-bootstrap paths added to the historical windows (0 turns the bootstrap off).
    public var bootstrapPaths: Int
    /// Bars per bootstrap block; nil uses ⌈√horizon⌉.
    public var blockLength: Int?
    /// Seed of the bootstrap's generator.
    public var seed: UInt64
    /// Taker fee per side as a fraction, charged on entry and exit.
    public var takerFee: Double
    /// Funding payments of the perpetual (rate per interval, positive: longs pay shorts); may be empty.
    public var fundingRates: [FundingRate]

    /// Creates a value from its fields.
    public init(side: PositionSide, horizonBars: Int, stopDistance: Double?, exchange: Exchange = .binance,
                symbol: String? = nil, maxLeverage: Int? = nil, positionNotional: Double = 10_000,
                fixedMaintenance: FixedMaintenance? = nil, liquidationThreshold: Double = 0.01,
                bootstrapPaths: Int = 2_000, blockLength: Int? = nil, seed: UInt64 = 1, takerFee: Double = 0,
                fundingRates: [FundingRate] = []) {
        self.side = side
        self.horizonBars = horizonBars
        self.stopDistance = stopDistance
        self.exchange = exchange
        self.symbol = symbol
        self.maxLeverage = maxLeverage
        self.positionNotional = positionNotional
        self.fixedMaintenance = fixedMaintenance
        self.liquidationThreshold = liquidationThreshold
        self.bootstrapPaths = bootstrapPaths
        self.blockLength = blockLength
        self.seed = seed
        self.takerFee = takerFee
        self.fundingRates = fundingRates
    }
}

/// The outcome at one leverage.
public struct LeverageRow: Sendable, Equatable, Codable {
    /// The leverage.
    public var leverage: Int
    /// Adverse move that liquidates, as a fraction of the entry (`1 − LP/EP` long, `LP/EP − 1` short); nil: none.
    public var liquidationDistance: Double?
    /// The larger of the historical and the bootstrap estimate (the conservative one).
    public var liquidationProbability: Double
    /// Share of historical windows liquidated before the stop or the horizon's end.
    public var historicalLiquidationProbability: Double
    /// Share of bootstrap paths liquidated; nil without a bootstrap.
    public var bootstrapLiquidationProbability: Double?
    /// Return on margin percentiles over all paths (fractions: −1 = the margin is lost).
    public var returnOnMarginP5: Double
    /// Median return on margin.
    public var returnOnMarginP50: Double
    /// 95th percentile of the return on margin.
    public var returnOnMarginP95: Double
    /// Mean funding paid over the historical windows as a fraction of the margin (negative: received); nil
    /// without funding data.
    public var meanFundingPaidOnMargin: Double?
}

/// The advisor's answer: one row per leverage and the recommendation.
public struct LeverageAdvice: Sendable, Equatable, Codable {
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// Long or short.
    public var side: PositionSide
    /// Holding horizon in bars.
    public var horizonBars: Int
    /// Stop distance as a fraction of the entry; nil for none.
    public var stopDistance: Double?
    /// The liquidation-probability limit of the recommendation.
    public var liquidationThreshold: Double
    /// Number of historical windows (every start bar with a full horizon after it).
    public var historicalWindows: Int
    /// Number of bootstrap paths used.
    public var bootstrapPaths: Int
    /// Bars per bootstrap block.
    public var blockLength: Int
    /// Seed of the bootstrap generator.
    public var seed: UInt64
    /// Share of historical windows where the stop triggered.
    public var stopProbability: Double?
    /// Mean funding paid over the historical windows as a fraction of the notional; nil without funding data.
    public var meanFundingPaidOnNotional: Double?
    /// One row per leverage, 1x first.
    public var rows: [LeverageRow]
    /// The highest leverage whose liquidation probability (and that of every lower one) is below the threshold.
    public var recommendedLeverage: Int?
    /// The recommendation in plain words.
    public var recommendation: String
}

/// Estimates, for each leverage, how often a position would have been liquidated before its stop or the end of
/// the holding horizon, from every historical window and from a seeded block bootstrap of the bars.
///
/// Each path enters at a bar's close and walks the next `horizon` bars with their highs and lows. Within a bar:
/// an open already beyond the stop fills the stop at the open (a gap); otherwise, when the bar reaches the stop,
/// the price passes every level closer to the entry first, so a liquidation level closer than the stop is hit
/// before the stop and one farther away is not. A liquidation loses the whole isolated margin (return on
/// margin −1); otherwise the return on margin is `leverage · (side · exit move − 2 · fee − funding)`, floored at −1.
/// Liquidation distances come from `LiquidationCalculator` (tiers of `positionNotional`).
/// Windows are counted in bars: a window that spans a gap in the data covers more calendar time than the horizon.
///
/// ```swift
/// var request = LeverageAdvisorRequest(side: .long, horizonBars: 7, stopDistance: 0.05, symbol: "BTCUSDT")
/// let advice = try LeverageAdvisor.advise(series: dailyBTC, request: request)
/// print(advice.recommendation)
/// ```
public enum LeverageAdvisor {
    /// Runs with a `SeededGenerator(seed: request.seed)` and the bundled tier tables.
    public static func advise(series: CandleSeries, request: LeverageAdvisorRequest) throws -> LeverageAdvice {
        var generator = SeededGenerator(seed: request.seed)
        return try advise(series: series, request: request, calculator: .bundled(), using: &generator)
    }

    /// Runs with an injected generator and calculator.
    public static func advise<G: RandomNumberGenerator>(series: CandleSeries, request r: LeverageAdvisorRequest,
                                                        calculator: LiquidationCalculator,
                                                        using generator: inout G) throws -> LeverageAdvice {
        let n = series.count
        guard r.horizonBars >= 1 else {
            throw RiskError.outOfRange(name: "horizon (bars)", value: Double(r.horizonBars), allowed: "at least 1")
        }
        guard n >= r.horizonBars + 2 else {
            throw RiskError.insufficientData(needed: r.horizonBars + 2, got: n, what: "the leverage advisor")
        }
        if let stop = r.stopDistance {
            guard stop.isFinite, stop > 0, stop < 1 else {
                throw RiskError.outOfRange(name: "stop distance", value: stop, allowed: "0 < stop < 1 (0.05 = 5%)")
            }
        }
        guard r.liquidationThreshold > 0, r.liquidationThreshold < 1 else {
            throw RiskError.outOfRange(name: "liquidation threshold", value: r.liquidationThreshold,
                                       allowed: "0 < threshold < 1 (0.01 = 1%)")
        }
        guard r.bootstrapPaths >= 0, r.bootstrapPaths <= 1_000_000 else {
            throw RiskError.outOfRange(name: "bootstrap paths", value: Double(r.bootstrapPaths), allowed: "0…1,000,000")
        }
        if let m = r.maxLeverage, m < 1 {
            throw RiskError.outOfRange(name: "max leverage", value: Double(m), allowed: "at least 1")
        }
        guard r.takerFee.isFinite, r.takerFee >= 0, r.takerFee < 1 else {
            throw RiskError.outOfRange(name: "taker fee", value: r.takerFee, allowed: "0 ≤ fee < 1")
        }
        try requirePositive(r.positionNotional, "position notional")
        try RiskMetrics.checkPrices(series.open, "open")
        try RiskMetrics.checkPrices(series.high, "high")
        try RiskMetrics.checkPrices(series.low, "low")
        try RiskMetrics.checkPrices(series.close, "close")
        let blockLength = r.blockLength ?? Int(Double(r.horizonBars).squareRoot().rounded(.up))
        guard blockLength >= 1, blockLength < n else {
            throw RiskError.outOfRange(name: "block length", value: Double(blockLength), allowed: "1…\(n - 1)")
        }

        let symbol = r.symbol?.uppercased() ?? defaultSymbol(series.symbol)
        let distances = try liquidationDistances(r, symbol: symbol, referencePrice: series.close[n - 1],
                                                 calculator: calculator)

        // Historical windows: enter at close[i], walk bars i+1…i+h.
        let h = r.horizonBars
        let windows = n - h
        var paths: [PathOutcome] = []
        paths.reserveCapacity(windows + r.bootstrapPaths)
        let funding = FundingLedger(rates: r.fundingRates)
        let barMs = series.timeframe.milliseconds
        var stopped = 0
        var fundingTotal = 0.0
        for i in 0..<windows {
            let entry = series.close[i]
            var outcome = walk(bars: h, side: r.side, stop: r.stopDistance) { k in
                let j = i + 1 + k
                return (series.open[j] / entry, series.high[j] / entry, series.low[j] / entry, series.close[j] / entry)
            }
            if funding.hasData {
                let from = series.time[i].milliseconds + barMs
                let to = series.time[i + outcome.barsHeld].milliseconds + barMs
                outcome.fundingPaid = r.side.sign * funding.sum(after: from, upTo: to)
                fundingTotal += outcome.fundingPaid
            }
            if outcome.stopped { stopped += 1 }
            paths.append(outcome)
        }
        let meanFunding = funding.hasData ? fundingTotal / Double(windows) : nil
        // Bootstrap paths carry the average funding per bar of the history.
        let fundingPerBar: Double = {
            guard funding.hasData, let first = series.time.first, let last = series.time.last else { return 0 }
            return r.side.sign * funding.sum(after: first.milliseconds, upTo: last.milliseconds + barMs) / Double(n)
        }()

        // Block bootstrap of bars relative to the previous close.
        let relOpen = (1..<n).map { series.open[$0] / series.close[$0 - 1] }
        let relHigh = (1..<n).map { series.high[$0] / series.close[$0 - 1] }
        let relLow = (1..<n).map { series.low[$0] / series.close[$0 - 1] }
        let relClose = (1..<n).map { series.close[$0] / series.close[$0 - 1] }
        let starts = relClose.count - blockLength + 1
        var sequence = [Int](repeating: 0, count: h)
        for _ in 0..<r.bootstrapPaths {
            var k = 0
            while k < h {
                let start = generator.uniformIndex(below: starts)
                for b in 0..<blockLength where k < h {
                    sequence[k] = start + b
                    k += 1
                }
            }
            var level = 1.0
            var outcome = walk(bars: h, side: r.side, stop: r.stopDistance) { k in
                let j = sequence[k]
                let bar = (level * relOpen[j], level * relHigh[j], level * relLow[j], level * relClose[j])
                level = bar.3
                return bar
            }
            outcome.fundingPaid = fundingPerBar * Double(outcome.barsHeld)
            paths.append(outcome)
        }

        let historical = paths[0..<windows]
        let bootstrap = paths[windows...]
        // Net price return after fees and funding, sorted once: for a leverage the surviving paths keep this order.
        let order = paths.indices.sorted { net(paths[$0], fee: r.takerFee) < net(paths[$1], fee: r.takerFee) }

        var rows: [LeverageRow] = []
        for (index, distance) in distances.enumerated() {
            let leverage = Double(index + 1)
            func liquidated(_ p: PathOutcome) -> Bool { distance.map { p.adverse >= $0 } ?? false }
            let liqHistorical = historical.reduce(0) { $0 + (liquidated($1) ? 1 : 0) }
            let liqBootstrap = bootstrap.reduce(0) { $0 + (liquidated($1) ? 1 : 0) }
            let pHistorical = Double(liqHistorical) / Double(windows)
            let pBootstrap = bootstrap.isEmpty ? nil : Double(liqBootstrap) / Double(bootstrap.count)
            var returns = [Double](repeating: -1, count: liqHistorical + liqBootstrap)
            returns.reserveCapacity(paths.count)
            for i in order where !liquidated(paths[i]) {
                returns.append(max(-1, leverage * net(paths[i], fee: r.takerFee)))
            }
            rows.append(LeverageRow(
                leverage: index + 1, liquidationDistance: distance,
                liquidationProbability: max(pHistorical, pBootstrap ?? 0),
                historicalLiquidationProbability: pHistorical, bootstrapLiquidationProbability: pBootstrap,
                returnOnMarginP5: Statistics.quantile(sorted: returns, 0.05),
                returnOnMarginP50: Statistics.quantile(sorted: returns, 0.5),
                returnOnMarginP95: Statistics.quantile(sorted: returns, 0.95),
                meanFundingPaidOnMargin: meanFunding.map { $0 * leverage }))
        }

        var recommended: Int? = nil
        for row in rows {
            if row.liquidationProbability < r.liquidationThreshold { recommended = row.leverage } else { break }
        }
        var advice = LeverageAdvice(
            symbol: symbol, side: r.side, horizonBars: h, stopDistance: r.stopDistance,
            liquidationThreshold: r.liquidationThreshold, historicalWindows: windows, bootstrapPaths: r.bootstrapPaths,
            blockLength: blockLength, seed: r.seed,
            stopProbability: r.stopDistance == nil ? nil : Double(stopped) / Double(windows),
            meanFundingPaidOnNotional: meanFunding, rows: rows, recommendedLeverage: recommended, recommendation: "")
        advice.recommendation = recommendationText(advice, timeframe: series.timeframe)
        return advice
    }

    /// Converts a holding horizon such as `7d`, `36h`, `2w` or a bare bar count `20` into bars of `timeframe`
    /// (rounded up to whole bars, at least 1).
    public static func horizonBars(parsing text: String, timeframe: Timeframe) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let unitMs: Int64?
        switch trimmed.last {
        case "m": unitMs = 60_000
        case "h": unitMs = 3_600_000
        case "d": unitMs = 86_400_000
        case "w": unitMs = 604_800_000
        default: unitMs = nil
        }
        let number = unitMs == nil ? trimmed : String(trimmed.dropLast())
        guard let value = Double(number), value.isFinite, value > 0, value < 1e6 else {
            throw RiskError.outOfRange(name: "horizon '\(text)'", value: Double(number) ?? .nan,
                                       allowed: "a positive number of bars, or a duration such as 36h, 7d, 2w")
        }
        guard let unitMs else { return max(1, Int(value.rounded(.up))) }
        let bars = value * Double(unitMs) / Double(timeframe.milliseconds)
        return max(1, Int((bars - 1e-9).rounded(.up)))
    }

    // MARK: - Paths

    /// What one path did, independent of leverage.
    struct PathOutcome {
        /// Largest adverse move (fraction of entry) reached before the exit, counting the stop bar as described.
        var adverse: Double
        /// `side · (exit / entry − 1)`.
        var exitReturn: Double
        var stopped: Bool
        /// Bars from entry to exit (1…horizon).
        var barsHeld: Int
        /// Funding paid as a fraction of the notional (negative: received).
        var fundingPaid: Double = 0
    }

    static func net(_ p: PathOutcome, fee: Double) -> Double { p.exitReturn - 2 * fee - p.fundingPaid }

    /// Walks `bars` bars given relative to the entry as (open, high, low, close).
    static func walk(bars: Int, side: PositionSide, stop: Double?,
                     bar: (Int) -> (Double, Double, Double, Double)) -> PathOutcome {
        var adverse = 0.0
        for k in 0..<bars {
            let (open, high, low, close) = bar(k)
            let openAdverse = side == .long ? 1 - open : open - 1
            let barAdverse = side == .long ? 1 - low : high - 1
            if let stop {
                if openAdverse >= stop {
                    // Gap through the stop: filled at the open, after the move to the open.
                    return PathOutcome(adverse: max(adverse, openAdverse), exitReturn: -openAdverse, stopped: true,
                                       barsHeld: k + 1)
                }
                if barAdverse >= stop {
                    return PathOutcome(adverse: max(adverse, stop), exitReturn: -stop, stopped: true, barsHeld: k + 1)
                }
            }
            adverse = max(adverse, barAdverse)
            if k == bars - 1 {
                return PathOutcome(adverse: adverse, exitReturn: side.sign * (close - 1), stopped: false, barsHeld: bars)
            }
        }
        return PathOutcome(adverse: adverse, exitReturn: 0, stopped: false, barsHeld: bars)
    }

    /// Liquidation distance for leverages 1…max (nil where a leverage cannot be liquidated).
    static func liquidationDistances(_ r: LeverageAdvisorRequest, symbol: String, referencePrice: Double,
                                     calculator: LiquidationCalculator) throws -> [Double?] {
        let quantity = r.positionNotional / referencePrice
        var maxLeverage = r.maxLeverage ?? 125
        if r.fixedMaintenance == nil {
            let table = try calculator.tierTable(exchange: r.exchange, symbol: symbol)
            let tierMax = Int(table.maxLeverage(forNotional: r.positionNotional))
            if let asked = r.maxLeverage, asked > tierMax {
                let tier = table.tier(forNotional: r.positionNotional)
                throw RiskError.leverageAboveTierMaximum(symbol: symbol, leverage: Double(asked), tier: tier.tier,
                                                         maxLeverage: tier.maxLeverage, notional: r.positionNotional)
            }
            maxLeverage = r.maxLeverage ?? tierMax
        }
        var out: [Double?] = []
        for leverage in 1...max(1, maxLeverage) {
            let result = try calculator.compute(LiquidationRequest(
                exchange: r.exchange, symbol: symbol, side: r.side, entryPrice: referencePrice, quantity: quantity,
                leverage: Double(leverage), fixedMaintenance: r.fixedMaintenance))
            out.append(result.liquidationPrice.map { r.side.sign * (1 - $0 / referencePrice) })
        }
        return out
    }

    static func defaultSymbol(_ seriesSymbol: String) -> String {
        let up = seriesSymbol.uppercased()
        return up.hasSuffix("USDT") ? up : Asset.baseSymbol(of: up) + "USDT"
    }

    static func percent(_ x: Double) -> String {
        let value = (x * 1000).rounded() / 10
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }

    static func recommendationText(_ a: LeverageAdvice, timeframe: Timeframe) -> String {
        let horizon = "\(a.horizonBars) \(timeframe.rawValue) bar\(a.horizonBars == 1 ? "" : "s")"
        let stop = a.stopDistance.map { "a \(percent($0)) stop" } ?? "no stop"
        let basis = "\(a.historicalWindows) historical windows"
            + (a.bootstrapPaths > 0 ? " and \(a.bootstrapPaths) bootstrap paths" : "")
        let head = "\(a.side.rawValue.capitalized) \(a.symbol) for \(horizon) with \(stop)"
        guard let best = a.recommendedLeverage, let row = a.rows.first(where: { $0.leverage == best }) else {
            let p = a.rows.first.map { percent($0.liquidationProbability) } ?? "?"
            return "\(head): even 1x was liquidated in \(p) of \(basis), above the \(percent(a.liquidationThreshold)) "
                + "limit. Do not use leverage for this trade: reduce the position, tighten the stop or shorten the horizon."
        }
        var text = "\(head): use at most \(best)x. Its liquidation probability was \(percent(row.liquidationProbability))"
        if let next = a.rows.first(where: { $0.leverage == best + 1 }) {
            text += " (\(best + 1)x: \(percent(next.liquidationProbability)))"
        } else {
            text += " (this is the highest leverage evaluated)"
        }
        text += ", under the \(percent(a.liquidationThreshold)) limit, across \(basis). "
        text += "At \(best)x the median return on margin was \(percent(row.returnOnMarginP50)) "
            + "(5th percentile \(percent(row.returnOnMarginP5)), 95th \(percent(row.returnOnMarginP95)))"
        if let f = row.meanFundingPaidOnMargin {
            text += f >= 0 ? ", after paying \(percent(f)) of margin in funding on average"
                           : ", after receiving \(percent(-f)) of margin in funding on average"
        }
        return text + "."
    }
}

/// Funding payments sorted by time with prefix sums, for sums over time ranges in O(log n).
struct FundingLedger {
    private let times: [Int64]
    private let cumulative: [Double]

    init(rates: [FundingRate]) {
        let sorted = rates.sorted { $0.time < $1.time }
        times = sorted.map(\.time.milliseconds)
        var running = 0.0
        cumulative = [0] + sorted.map { running += $0.rate; return running }
    }

    var hasData: Bool { !times.isEmpty }

    /// Sum of the rates with `after < time ≤ upTo`.
    func sum(after: Int64, upTo: Int64) -> Double {
        let lo = times.partitioningIndex { $0 > after }
        let hi = times.partitioningIndex { $0 > upTo }
        return hi > lo ? cumulative[hi] - cumulative[lo] : 0
    }
}
