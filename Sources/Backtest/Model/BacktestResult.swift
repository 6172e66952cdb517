import MarketCore

/// The outcome of one run: metrics, trades, the equity curve and data-quality notes.
///
/// Encoded as JSON the metrics sit at the top level (with the reference files' key names where they overlap:
/// `final_equity`, `return_pct`, `max_drawdown_pct`, `trades_count`, `win_rate_pct`, `exposure_time_pct`),
/// next to `trades`, `gaps` and the intrabar assumption. The per-bar `equity` curve is left out of the JSON
/// (write it with `EquityCurveCSV`).
public struct BacktestResult: Sendable, Equatable, Codable {
    /// Strategy name as given to `StrategyCatalog` (or the custom strategy's `name`).
    public var strategy: String
    /// Strategy parameters, defaults filled in.
    public var parameters: [String: Double]
    /// The configuration the run used.
    public var configuration: BacktestConfiguration
    /// Every performance statistic.
    public var metrics: BacktestMetrics
    /// Closed trades in order of exit.
    public var trades: [Trade]
    /// Equity marked to each bar's close, one value per input row.
    public var equity: [Double]
    /// Bars during which a position was held at some moment (entry and exit bars included).
    public var barsInMarket: Int
    /// Holes in the input series (bars more than one timeframe apart).
    public var gaps: [Gap]
    /// Bars in which a stop-loss or liquidation and a take-profit could both have triggered.
    public var ambiguousIntrabarBars: Int
    /// How such bars are resolved: always the adverse exit first.
    public var intrabarAssumption: String

    /// The note stored in every result.
    public static let adverseFirstNote =
        "when a stop-loss or liquidation and a take-profit could both trigger inside one bar, the adverse exit is assumed to come first"

    /// Assembles a result; `intrabarAssumption` is always `adverseFirstNote`.
    public init(strategy: String, parameters: [String: Double], configuration: BacktestConfiguration,
                metrics: BacktestMetrics, trades: [Trade], equity: [Double], barsInMarket: Int, gaps: [Gap],
                ambiguousIntrabarBars: Int) {
        self.strategy = strategy
        self.parameters = parameters
        self.configuration = configuration
        self.metrics = metrics
        self.trades = trades
        self.equity = equity
        self.barsInMarket = barsInMarket
        self.gaps = gaps
        self.ambiguousIntrabarBars = ambiguousIntrabarBars
        self.intrabarAssumption = Self.adverseFirstNote
    }

    enum CodingKeys: String, CodingKey {
        case strategy, parameters, configuration, trades, gaps
        case barsInMarket = "bars_in_market", ambiguousIntrabarBars = "ambiguous_intrabar_bars"
        case intrabarAssumption = "intrabar_assumption"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strategy = try c.decode(String.self, forKey: .strategy)
        parameters = try c.decode([String: Double].self, forKey: .parameters)
        configuration = try c.decode(BacktestConfiguration.self, forKey: .configuration)
        trades = try c.decode([Trade].self, forKey: .trades)
        gaps = try c.decode([Gap].self, forKey: .gaps)
        barsInMarket = try c.decode(Int.self, forKey: .barsInMarket)
        ambiguousIntrabarBars = try c.decode(Int.self, forKey: .ambiguousIntrabarBars)
        intrabarAssumption = try c.decode(String.self, forKey: .intrabarAssumption)
        metrics = try BacktestMetrics(from: decoder)
        equity = []
    }

    public func encode(to encoder: any Encoder) throws {
        // The metrics share the top-level object with the fields below.
        try metrics.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(configuration, forKey: .configuration)
        try c.encode(trades, forKey: .trades)
        try c.encode(gaps, forKey: .gaps)
        try c.encode(barsInMarket, forKey: .barsInMarket)
        try c.encode(ambiguousIntrabarBars, forKey: .ambiguousIntrabarBars)
        try c.encode(intrabarAssumption, forKey: .intrabarAssumption)
    }
}
