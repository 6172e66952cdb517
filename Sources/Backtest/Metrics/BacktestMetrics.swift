import MarketCore

/// Every performance statistic of a run, each computed by its own type in `Metrics/`.
///
/// Percentages are in percent (`12.5` = 12.5%). A statistic that is undefined for the run (no trades, no
/// losing trade, a flat equity curve) is nil and encodes as JSON `null`.
public struct BacktestMetrics: Sendable, Equatable, Codable {
    /// Starting cash.
    public var initialCash: Double
    /// Equity at the last close.
    public var finalEquity: Double
    /// `TotalReturn`.
    public var returnPct: Double?
    /// `CAGR`.
    public var cagrPct: Double?
    /// `SharpeRatio`, annualised.
    public var sharpe: Double?
    /// `SortinoRatio`, annualised.
    public var sortino: Double?
    /// `CalmarRatio`.
    public var calmar: Double?
    /// `MaxDrawdown`, zero or negative.
    public var maxDrawdownPct: Double?
    /// `WinRate`.
    public var winRatePct: Double?
    /// `ProfitFactor`.
    public var profitFactor: Double?
    /// `Expectancy.money`.
    public var expectancy: Double?
    /// `Expectancy.percent`.
    public var expectancyPct: Double?
    /// `SystemQualityNumber`.
    public var sqn: Double?
    /// `Exposure`.
    public var exposureTimePct: Double?
    /// `TradeCount`.
    public var tradesCount: Int
    /// `Liquidations`.
    public var liquidations: Int
    /// `FeesPaid`.
    public var feesPaid: Double
    /// `FundingPaid`.
    public var fundingPaid: Double

    enum CodingKeys: String, CodingKey {
        case initialCash = "initial_cash", finalEquity = "final_equity", returnPct = "return_pct", cagrPct = "cagr_pct"
        case sharpe, sortino, calmar, maxDrawdownPct = "max_drawdown_pct", winRatePct = "win_rate_pct"
        case profitFactor = "profit_factor", expectancy, expectancyPct = "expectancy_pct", sqn
        case exposureTimePct = "exposure_time_pct", tradesCount = "trades_count", liquidations
        case feesPaid = "fees_paid", fundingPaid = "funding_paid"
    }

    public func encode(to encoder: any Encoder) throws {
        // Explicit nulls, so that scripts always find every key.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(initialCash, forKey: .initialCash)
        try c.encode(finalEquity, forKey: .finalEquity)
        try c.encode(returnPct, forKey: .returnPct)
        try c.encode(cagrPct, forKey: .cagrPct)
        try c.encode(sharpe, forKey: .sharpe)
        try c.encode(sortino, forKey: .sortino)
        try c.encode(calmar, forKey: .calmar)
        try c.encode(maxDrawdownPct, forKey: .maxDrawdownPct)
        try c.encode(winRatePct, forKey: .winRatePct)
        try c.encode(profitFactor, forKey: .profitFactor)
        try c.encode(expectancy, forKey: .expectancy)
        try c.encode(expectancyPct, forKey: .expectancyPct)
        try c.encode(sqn, forKey: .sqn)
        try c.encode(exposureTimePct, forKey: .exposureTimePct)
        try c.encode(tradesCount, forKey: .tradesCount)
        try c.encode(liquidations, forKey: .liquidations)
        try c.encode(feesPaid, forKey: .feesPaid)
        try c.encode(fundingPaid, forKey: .fundingPaid)
    }

    /// Computes every statistic of a run.
    /// - Parameters:
    ///   - equity: equity marked to each bar's close.
    ///   - trades: closed trades.
    ///   - barsInMarket: bars with a position at some moment.
    ///   - series: the input (its timeframe annualises Sharpe and Sortino; its time span gives CAGR's years).
    public init(initialCash: Double, equity: [Double], trades: [Trade], barsInMarket: Int, series: CandleSeries) {
        self.initialCash = initialCash
        finalEquity = equity.last ?? initialCash
        returnPct = TotalReturn.percent(initial: initialCash, final: finalEquity)
        let barsPerYear = 365 * series.timeframe.barsPerDay
        var years = 0.0
        if let first = series.time.first, let last = series.time.last {
            let span = Double(last.milliseconds - first.milliseconds + series.timeframe.milliseconds)
            years = span / (365.25 * 86_400_000)
        }
        cagrPct = CAGR.percent(initial: initialCash, final: finalEquity, years: years)
        let returns = BarReturnStatistics(equity: equity)
        sharpe = SharpeRatio.annualised(returns, barsPerYear: barsPerYear)
        sortino = SortinoRatio.annualised(returns, barsPerYear: barsPerYear)
        maxDrawdownPct = MaxDrawdown.percent(equity: equity, initial: initialCash)
        calmar = CalmarRatio.ratio(cagrPercent: cagrPct, maxDrawdownPercent: maxDrawdownPct)
        winRatePct = WinRate.percent(trades)
        profitFactor = ProfitFactor.ratio(trades)
        expectancy = Expectancy.money(trades)
        expectancyPct = Expectancy.percent(trades)
        sqn = SystemQualityNumber.value(trades)
        exposureTimePct = Exposure.percent(barsInMarket: barsInMarket, totalBars: equity.count)
        tradesCount = TradeCount.count(trades)
        liquidations = Liquidations.count(trades)
        feesPaid = FeesPaid.total(trades)
        fundingPaid = FundingPaid.total(trades)
    }

    /// The value of a rankable metric, oriented so that larger is better (nil when undefined).
    public func value(of metric: RankingMetric) -> Double? {
        switch metric {
        case .totalReturn: returnPct
        case .cagr: cagrPct
        case .sharpe: sharpe
        case .sortino: sortino
        case .calmar: calmar
        case .maxDrawdown: maxDrawdownPct
        case .winRate: winRatePct
        case .profitFactor: profitFactor
        case .expectancy: expectancy
        case .sqn: sqn
        case .finalEquity: finalEquity
        }
    }
}

/// A metric a grid search can rank by. Larger is better for all of them (the drawdown is negative).
public enum RankingMetric: String, Sendable, Codable, CaseIterable {
    case totalReturn = "return", cagr, sharpe, sortino, calmar
    case maxDrawdown = "max-drawdown", winRate = "win-rate", profitFactor = "profit-factor"
    case expectancy, sqn
    case finalEquity = "final-equity"
}
