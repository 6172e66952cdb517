/// How an index weights its constituents.
public enum IndexMethod: String, Sendable, Codable, CaseIterable {
    /// Market-cap weighted with caps (30% on the largest, 20% on the others, as the CoinDesk 20).
    case cap
    /// Equal weight.
    case equal
    /// Weights proportional to a caller-supplied grade (Investor or Trader Grade), with the same caps.
    case grade
    /// The capped cap-weighted index, moved entirely to stablecoins while the market signal is bearish.
    case signal
    /// Plain market-cap weights without caps (the benchmark index).
    case plainCap = "plain-cap"
}

/// How often an index is rebalanced (at the close of the first trading day of each period, UTC).
public enum RebalanceFrequency: String, Sendable, Codable, CaseIterable {
    /// Weeks start on Monday.
    case weekly, monthly, quarterly
}

/// A grade per token and date, supplied by the caller (grades come from the signals module).
/// Higher is better; nil or a non-positive grade gives the token no weight.
public protocol TokenGradeProvider: Sendable {
    /// The grade of `symbol` known at the close of `day` (days since 1970-01-01).
    func grade(symbol: String, day: Int64) -> Double?
}

/// A market regime signal supplied by the caller; it must only use information up to the close of `day`.
public protocol MarketSignalProvider: Sendable {
    /// True when the market signal is bearish at the close of `day`.
    func isBearish(day: Int64) -> Bool
}

/// A `TokenGradeProvider` from a closure.
public struct ClosureGrades: TokenGradeProvider {
    let body: @Sendable (String, Int64) -> Double?
    /// Wraps `body(symbol, day)`.
    public init(_ body: @escaping @Sendable (String, Int64) -> Double?) { self.body = body }
    /// The closure's grade.
    public func grade(symbol: String, day: Int64) -> Double? { body(symbol, day) }
}

/// A `MarketSignalProvider` from a closure.
public struct ClosureSignal: MarketSignalProvider {
    let body: @Sendable (Int64) -> Bool
    /// Wraps `body(day)`.
    public init(_ body: @escaping @Sendable (Int64) -> Bool) { self.body = body }
    /// The closure's answer.
    public func isBearish(day: Int64) -> Bool { body(day) }
}

/// Index construction and backtest parameters.
public struct IndexParameters: Sendable, Equatable, Codable {
    /// Weighting rule.
    public var method: IndexMethod
    /// Number of constituents (the largest eligible coins by market cap at each rebalance).
    public var top: Int
    /// Rebalance frequency.
    public var rebalance: RebalanceFrequency
    /// Fee as a fraction of the traded notional (0.001 = 10 bp), charged on buys and sells.
    public var feeRate: Double
    /// Maximum weight of the largest constituent (CoinDesk 20: 0.30).
    public var capLargest: Double
    /// Maximum weight of every other constituent (CoinDesk 20: 0.20).
    public var capOthers: Double
    /// Days of price history a coin needs before it can join (avoids fresh listings).
    public var minHistoryDays: Int
    /// Symbols never included (stablecoins and wrapped tokens).
    public var excluded: Set<String>
    /// First and last day (`YYYY-MM-DD`); nil = the whole common history.
    public var start: String?
    /// Last day (`YYYY-MM-DD`); nil = the end of the data.
    public var end: String?

    /// Defaults: top 10, monthly, 10 bp fees, CoinDesk 20 caps, 30 days of history, stablecoins excluded.
    public init(method: IndexMethod = .cap, top: Int = 10, rebalance: RebalanceFrequency = .monthly, feeRate: Double = 0.001,
                capLargest: Double = 0.30, capOthers: Double = 0.20, minHistoryDays: Int = 30,
                excluded: Set<String> = AltcoinSeasonParameters.defaultExcluded, start: String? = nil, end: String? = nil) {
        self.method = method; self.top = top; self.rebalance = rebalance; self.feeRate = feeRate
        self.capLargest = capLargest; self.capOthers = capOthers; self.minHistoryDays = minHistoryDays
        self.excluded = excluded; self.start = start; self.end = end
    }

    /// Checks the ranges.
    /// - Throws: `IntelError.invalidParameter` naming the parameter and its allowed range.
    public func validate() throws(IntelError) {
        guard top >= 1 else { throw .invalidParameter(name: "top", value: "\(top)", allowed: "an integer >= 1") }
        guard feeRate >= 0 && feeRate < 0.1 else { throw .invalidParameter(name: "fee", value: "\(feeRate)", allowed: "0 <= fee < 0.1 (a fraction of the traded notional)") }
        guard capLargest > 0 && capLargest <= 1 else { throw .invalidParameter(name: "capLargest", value: "\(capLargest)", allowed: "(0, 1]") }
        guard capOthers > 0 && capOthers <= capLargest else { throw .invalidParameter(name: "capOthers", value: "\(capOthers)", allowed: "(0, capLargest]") }
        guard minHistoryDays >= 0 else { throw .invalidParameter(name: "minHistoryDays", value: "\(minHistoryDays)", allowed: ">= 0") }
        for (n, d) in [("start", start), ("end", end)] {
            if let d, DayFormat.day(d) == nil { throw .invalidParameter(name: n, value: d, allowed: "a date YYYY-MM-DD") }
        }
    }
}

/// One constituent at a rebalance.
public struct IndexConstituent: Sendable, Equatable, Codable {
    /// Ticker.
    public var symbol: String
    /// Target weight after the rebalance, in [0, 1].
    public var weight: Double
    /// Market cap and close on the rebalance day (USD).
    public var marketCap: Double
    /// Close on the rebalance day (USD).
    public var price: Double
    /// The grade used (grade-weighted indices only).
    public var grade: Double?
}

/// The index's holdings set at one rebalance (or the drifted holdings on a later day).
public struct IndexHoldings: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Constituents with their target (or drifted) weights.
    public var constituents: [IndexConstituent]
    /// Weight held in stablecoins (signal-gated index while bearish; also any weight caps could not place).
    public var stablecoinWeight: Double
    /// One-way turnover Σ|Δw| / 2 of this rebalance.
    public var turnover: Double
    /// Fee paid, as a fraction of the index value before the trade: feeRate × Σ|Δw| over the coin legs.
    public var feePaid: Double
    /// Why the index traded: `rebalance`, `signal bearish`, `signal bullish`.
    public var reason: String
}

/// The usual performance statistics of a daily value series.
public struct PerformanceMetrics: Sendable, Equatable, Codable {
    /// Final / initial − 1.
    public var totalReturn: Double
    /// (final / initial)^(365 / days) − 1 (crypto trades every day).
    public var cagr: Double
    /// Standard deviation of daily simple returns × √365.
    public var volatility: Double
    /// Mean daily return / its standard deviation × √365 (risk-free rate 0).
    public var sharpe: Double
    /// Largest peak-to-trough fall, as a positive fraction.
    public var maxDrawdown: Double
    /// Days in the series.
    public var days: Int
}

/// A backtest of an index against BTC and the plain cap-weighted index.
public struct IndexBacktestResult: Sendable, Equatable, Codable {
    /// The parameters the backtest ran with.
    public var parameters: IndexParameters
    /// Dates of the value series.
    public var dates: [String]
    /// Index value (starts at 100), BTC buy-and-hold and the plain cap-weighted index on the same dates.
    public var indexValue: [Double]
    /// BTC buy-and-hold, 100 on the first day.
    public var btcValue: [Double]
    /// The plain (uncapped) cap-weighted index with the same top size and rebalancing, 100 on the first day.
    public var plainCapValue: [Double]
    /// Metrics of the index.
    public var metrics: PerformanceMetrics
    /// Metrics of BTC buy-and-hold.
    public var btcMetrics: PerformanceMetrics
    /// Metrics of the plain cap-weighted index.
    public var plainCapMetrics: PerformanceMetrics
    /// Every trade of the index: rebalances and signal switches, with their holdings.
    public var rebalances: [IndexHoldings]
    /// Mean one-way turnover per rebalance, and the total fees paid as a fraction of value.
    public var averageTurnover: Double
    /// Sum of the fees paid, each as a fraction of the value at its trade.
    public var totalFees: Double
    /// Notes on choices made during the run (caps that could not be met, etc.).
    public var notes: [String]
    /// An SVG line chart of the three value series.
    public var svgChart: String
}
