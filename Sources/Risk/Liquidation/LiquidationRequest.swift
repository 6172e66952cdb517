/// A maintenance rate (and amount) given directly instead of looked up in a tier table.
///
/// Used for symbols without a table, for OKX (which has no table here), and to reproduce published examples
/// with the rates of their time.
public struct FixedMaintenance: Sendable, Equatable, Codable {
    /// Maintenance margin rate, a fraction (0.005 = 0.5%).
    public var maintenanceMarginRate: Double
    /// Maintenance amount subtracted from `notional · rate` (Binance `cum`, Bybit deduction); 0 by default.
    public var maintenanceAmount: Double

    /// Creates a request; optional inputs default to absent.
    public init(maintenanceMarginRate: Double, maintenanceAmount: Double = 0) {
        self.maintenanceMarginRate = maintenanceMarginRate
        self.maintenanceAmount = maintenanceAmount
    }
}

/// Another open position of the same cross-margin account (Binance cross mode).
public struct OtherPosition: Sendable, Equatable, Codable {
    /// Exchange symbol such as `ETHUSDT`; its tier table gives the maintenance margin.
    public var symbol: String
    /// Long or short.
    public var side: PositionSide
    /// Size in base units, > 0.
    public var quantity: Double
    /// Entry price, > 0.
    public var entryPrice: Double
    /// Current mark price: the position's notional `quantity · markPrice` picks its tier.
    public var markPrice: Double
    /// Rates to use instead of the tier table.
    public var fixedMaintenance: FixedMaintenance?

    /// Creates a request; optional inputs default to absent.
    public init(symbol: String, side: PositionSide, quantity: Double, entryPrice: Double, markPrice: Double,
                fixedMaintenance: FixedMaintenance? = nil) {
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.entryPrice = entryPrice
        self.markPrice = markPrice
        self.fixedMaintenance = fixedMaintenance
    }
}

/// Everything the liquidation-price formulas take. Maps one to one onto `sextant liquidation`'s options.
///
/// ```swift
/// let request = LiquidationRequest(exchange: .binance, symbol: "BTCUSDT", side: .long,
///                                  entryPrice: 60_000, quantity: 1, leverage: 10)
/// try LiquidationCalculator.compute(request).liquidationPrice   // 54_221.1055…
/// ```
public struct LiquidationRequest: Sendable, Equatable, Codable {
    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol (`BTCUSDT`); picks the tier table.
    public var symbol: String
    /// Long or short.
    public var side: PositionSide
    /// Average entry price, > 0.
    public var entryPrice: Double
    /// Position size in base units, > 0.
    public var quantity: Double
    /// Leverage (≥ 1). Sets the isolated margin `quantity · entry / leverage`; informational in cross mode,
    /// where it is still checked against the tier's maximum.
    public var leverage: Double?
    /// Isolated or cross margin.
    public var marginMode: MarginMode
    /// Cross mode: the wallet balance (`WB` of Binance's formula), > 0.
    public var walletBalance: Double?
    /// Cross mode: the account's other open positions.
    public var otherPositions: [OtherPosition]
    /// Isolated mode: margin added on top of the initial margin (≥ 0).
    public var extraMargin: Double
    /// Isolated mode: the position's margin given directly, instead of `quantity · entry / leverage`.
    public var isolatedMargin: Double?
    /// A fixed maintenance rate (and amount) instead of the tier table; required for OKX.
    public var fixedMaintenance: FixedMaintenance?
    /// OKX: the taker fee rate added to the maintenance rate in the formula; 0 when absent.
    public var takerFee: Double?

    /// Creates a request; optional inputs default to absent.
    public init(exchange: Exchange, symbol: String, side: PositionSide, entryPrice: Double, quantity: Double,
                leverage: Double? = nil, marginMode: MarginMode = .isolated, walletBalance: Double? = nil,
                otherPositions: [OtherPosition] = [], extraMargin: Double = 0, isolatedMargin: Double? = nil,
                fixedMaintenance: FixedMaintenance? = nil, takerFee: Double? = nil) {
        self.exchange = exchange
        self.symbol = symbol
        self.side = side
        self.entryPrice = entryPrice
        self.quantity = quantity
        self.leverage = leverage
        self.marginMode = marginMode
        self.walletBalance = walletBalance
        self.otherPositions = otherPositions
        self.extraMargin = extraMargin
        self.isolatedMargin = isolatedMargin
        self.fixedMaintenance = fixedMaintenance
        self.takerFee = takerFee
    }

    /// Position notional at the entry price, `quantity · entryPrice`.
    public var notional: Double { quantity * entryPrice }
}
