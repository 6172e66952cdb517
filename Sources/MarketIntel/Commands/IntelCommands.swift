import Foundation
import MarketCore

/// Output format of the intel commands.
public enum IntelOutputFormat: String, Sendable, Codable, CaseIterable {
    /// CSV, JSON or a human-readable table.
    case csv, json, text
}

/// JSON rendering shared by the intel commands: pretty-printed, sorted keys, NaN / ±infinity as strings.
public enum IntelJSON {
    /// The value as JSON text.
    /// - Throws: `IntelError.noData` when encoding fails (it does not for the types of this module).
    public static func encode<T: Encodable>(_ value: T) throws(IntelError) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do { return String(decoding: try e.encode(value), as: UTF8.self) + "\n" } catch {
            throw .noData("JSON encoding failed: \(error)")
        }
    }
}

/// `sextant altseason [--top 50] [--window 90] [--format csv|json]`.
public enum AltseasonCommand {
    /// The index rows for the parsed daily coin series.
    public static func run(coins: [DailyCoinSeries], top: Int = 50, window: Int = 90,
                           excluded: Set<String> = AltcoinSeasonParameters.defaultExcluded) throws(IntelError) -> [AltcoinSeasonPoint] {
        try AltcoinSeasonIndex.compute(coins: coins, parameters: .init(top: top, windowDays: window, excluded: excluded))
    }

    /// CSV exactly as the reference files (`date,altseason_index,alts_counted,alts_outperforming,btc_dominance_pct`,
    /// CRLF line ends) or JSON (the same fields plus `season`).
    public static func render(_ points: [AltcoinSeasonPoint], format: IntelOutputFormat) throws(IntelError) -> String {
        format == .json ? try IntelJSON.encode(points) : AltcoinSeasonIndex.csv(points)
    }
}

extension SentimentCommand {
    /// `i,score,label` CSV, or JSON rows with the encoding flag.
    public static func render(_ rows: [SentimentRow], format: IntelOutputFormat) throws(IntelError) -> String {
        format == .json ? try IntelJSON.encode(rows) : csv(rows)
    }
}

/// `sextant narratives [--since DATE] [--json]`.
public enum NarrativesCommand {
    /// Narratives in the headlines (with dates), strongest first; `prices` by ticker give the after-performance.
    public static func run(headlines: [Headline], since: String? = nil, prices: [String: DailyCoinSeries] = [:],
                           parameters: NarrativeDetector.Parameters = .init()) throws(IntelError) -> [Narrative] {
        try NarrativeDetector.bundled(parameters: parameters).detect(headlines: headlines, since: since, prices: prices)
    }

    /// One line per narrative (`first_seen kind term strength momentum mentions tokens | first headline`), or JSON.
    public static func render(_ narratives: [Narrative], json: Bool) throws(IntelError) -> String {
        if json { return try IntelJSON.encode(narratives) }
        var s = "first_seen\tkind\tterm\tstrength\tmomentum\tmentions\tlinked_tokens\tsectors\tfirst_headline\n"
        for n in narratives {
            s += "\(n.firstSeen)\t\(n.kind.rawValue)\t\(n.term)\t\(String(format: "%.2f", n.strength))\t\(String(format: "%.2f", n.momentum))\t\(n.mentions)\t\(n.linkedTokens.joined(separator: ","))\t\(n.linkedSectors.joined(separator: ","))\t\(n.topHeadlines.first?.title ?? "")\n"
        }
        return s
    }
}

/// `sextant index backtest --method cap|equal|grade|signal --top N --rebalance monthly [--json]` and
/// `sextant index holdings --asof DATE`.
public enum IndexCommand {
    /// The backtest of one construction rule.
    public static func backtest(coins: [DailyCoinSeries], method: IndexMethod, top: Int, rebalance: RebalanceFrequency = .monthly,
                                feeRate: Double = 0.001, start: String? = nil, end: String? = nil,
                                grades: (any TokenGradeProvider)? = nil, signal: (any MarketSignalProvider)? = nil) throws(IntelError) -> IndexBacktestResult {
        try IndexBacktest.run(coins: coins, parameters: .init(method: method, top: top, rebalance: rebalance, feeRate: feeRate,
                                                              start: start, end: end), grades: grades, signal: signal)
    }

    /// Holdings of the index on a date.
    public static func holdings(coins: [DailyCoinSeries], asOf: String, method: IndexMethod = .cap, top: Int = 10,
                                rebalance: RebalanceFrequency = .monthly, start: String? = nil,
                                grades: (any TokenGradeProvider)? = nil, signal: (any MarketSignalProvider)? = nil) throws(IntelError) -> IndexHoldings {
        try IndexBacktest.holdings(coins: coins, parameters: .init(method: method, top: top, rebalance: rebalance, start: start),
                                   asOf: asOf, grades: grades, signal: signal)
    }

    /// A metrics table (index, BTC, plain cap-weighted) or the whole result as JSON.
    public static func render(_ r: IndexBacktestResult, json: Bool) throws(IntelError) -> String {
        if json { return try IntelJSON.encode(r) }
        var s = "series,total_return,cagr,volatility,sharpe,max_drawdown\n"
        for (name, m) in [("\(r.parameters.method.rawValue) index", r.metrics), ("BTC", r.btcMetrics), ("plain cap-weighted", r.plainCapMetrics)] {
            s += "\(name),\(m.totalReturn),\(m.cagr),\(m.volatility),\(m.sharpe),\(m.maxDrawdown)\n"
        }
        s += "# \(r.dates.first ?? "")..\(r.dates.last ?? ""), \(r.rebalances.count) trades, average turnover \(r.averageTurnover), fees \(r.totalFees)\n"
        for n in r.notes { s += "# note: \(n)\n" }
        return s
    }

    /// `symbol,weight,market_cap,price` lines for holdings, or JSON.
    public static func render(_ h: IndexHoldings, json: Bool) throws(IntelError) -> String {
        if json { return try IntelJSON.encode(h) }
        var s = "# \(h.date): \(h.reason)\nsymbol,weight,market_cap,price\n"
        for c in h.constituents { s += "\(c.symbol),\(c.weight),\(c.marketCap),\(c.price)\n" }
        if h.stablecoinWeight > 0 { s += "STABLECOINS,\(h.stablecoinWeight),,\n" }
        return s
    }
}
