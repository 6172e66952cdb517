/// Maintenance margin and unrealised PnL of one other position of a cross account.
public struct OtherPositionMargin: Sendable, Equatable, Codable {
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// Tier of its notional `quantity · mark` (nil with fixed rates).
    public var tier: Int?
    /// `quantity · mark · MMR − cum`.
    public var maintenanceMargin: Double
    /// `side · quantity · (mark − entry)`.
    public var unrealizedPnl: Double

    enum CodingKeys: String, CodingKey {
        case symbol, tier
        case maintenanceMargin = "maintenance_margin"
        case unrealizedPnl = "unrealized_pnl"
    }

    /// Creates a value from its fields.
    public init(symbol: String, tier: Int?, maintenanceMargin: Double, unrealizedPnl: Double) {
        self.symbol = symbol
        self.tier = tier
        self.maintenanceMargin = maintenanceMargin
        self.unrealizedPnl = unrealizedPnl
    }
}

/// The answer of `LiquidationCalculator`: liquidation and bankruptcy prices, the tier used and the margins.
///
/// Encodes with snake_case keys and writes `null` for absent prices (`liquidation_price: null` when the
/// formula gives a price ≤ 0, as Binance's UI shows "--").
public struct LiquidationResult: Sendable, Equatable, Codable {
    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// Long or short.
    public var side: PositionSide
    /// Isolated or cross margin.
    public var marginMode: MarginMode
    /// The price at which the position is liquidated; nil when the formula gives a price ≤ 0 (no liquidation).
    public var liquidationPrice: Double?
    /// The price at which the position's margin (cross: the account's equity) is exhausted; nil when ≤ 0.
    public var bankruptcyPrice: Double?
    /// Maintenance margin rate used by the liquidation price (Binance: of the final, self-consistent tier).
    public var maintenanceMarginRate: Double
    /// Maintenance amount used (Binance `cum`, Bybit deduction; 0 for OKX).
    public var maintenanceAmount: Double
    /// Tier used by the liquidation price (Binance: tier of the notional at the liquidation price after
    /// re-solving; Bybit: risk-limit tier of the entry value); nil with fixed rates.
    public var tier: Int?
    /// Tier of the notional at entry.
    public var entryTier: Int?
    /// The tiers tried, in order (Binance re-solves while `quantity · LP` falls in another tier).
    public var tierPath: [Int]
    /// Maximum leverage of the entry tier (nil with fixed rates).
    public var maxLeverage: Double?
    /// `quantity · entryPrice`.
    public var notional: Double
    /// `notional / leverage` (isolated: the given isolated margin when there is no leverage); nil in cross
    /// mode without a leverage.
    public var initialMargin: Double?
    /// Margin that backs the position: isolated margin + extra margin, or the cross wallet balance.
    public var positionMargin: Double
    /// Maintenance margin of this position at the entry price with the entry tier: `notional · MMR − cum`.
    public var maintenanceMargin: Double
    /// Margin ratio at the entry price: maintenance margin / margin balance (cross: includes the other
    /// positions' maintenance margins and unrealised PnL). Liquidation happens at 100%.
    public var marginRatio: Double?
    /// Cross: sum of the other positions' maintenance margins (`TMM1`).
    public var otherMaintenanceMargin: Double
    /// Cross: sum of the other positions' unrealised PnL (`UPNL1`).
    public var otherUnrealizedPnl: Double
    /// Cross: each other position's margin.
    public var otherPositions: [OtherPositionMargin]

    /// Creates a value from its fields.
    public init(exchange: Exchange, symbol: String, side: PositionSide, marginMode: MarginMode,
                liquidationPrice: Double?, bankruptcyPrice: Double?, maintenanceMarginRate: Double,
                maintenanceAmount: Double, tier: Int?, entryTier: Int?, tierPath: [Int], maxLeverage: Double?,
                notional: Double, initialMargin: Double?, positionMargin: Double, maintenanceMargin: Double,
                marginRatio: Double?, otherMaintenanceMargin: Double = 0, otherUnrealizedPnl: Double = 0,
                otherPositions: [OtherPositionMargin] = []) {
        self.exchange = exchange
        self.symbol = symbol
        self.side = side
        self.marginMode = marginMode
        self.liquidationPrice = liquidationPrice
        self.bankruptcyPrice = bankruptcyPrice
        self.maintenanceMarginRate = maintenanceMarginRate
        self.maintenanceAmount = maintenanceAmount
        self.tier = tier
        self.entryTier = entryTier
        self.tierPath = tierPath
        self.maxLeverage = maxLeverage
        self.notional = notional
        self.initialMargin = initialMargin
        self.positionMargin = positionMargin
        self.maintenanceMargin = maintenanceMargin
        self.marginRatio = marginRatio
        self.otherMaintenanceMargin = otherMaintenanceMargin
        self.otherUnrealizedPnl = otherUnrealizedPnl
        self.otherPositions = otherPositions
    }

    enum CodingKeys: String, CodingKey {
        case exchange, symbol, side, tier, notional
        case marginMode = "margin_mode"
        case liquidationPrice = "liquidation_price"
        case bankruptcyPrice = "bankruptcy_price"
        case maintenanceMarginRate = "maintenance_margin_rate"
        case maintenanceAmount = "maintenance_amount"
        case entryTier = "entry_tier"
        case tierPath = "tier_path"
        case maxLeverage = "max_leverage"
        case initialMargin = "initial_margin"
        case positionMargin = "position_margin"
        case maintenanceMargin = "maintenance_margin"
        case marginRatio = "margin_ratio"
        case otherMaintenanceMargin = "other_maintenance_margin"
        case otherUnrealizedPnl = "other_unrealized_pnl"
        case otherPositions = "other_positions"
    }

    /// Writes every key, with `null` for absent values (the CLI's JSON contract).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exchange, forKey: .exchange)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(side, forKey: .side)
        try c.encode(marginMode, forKey: .marginMode)
        try c.encode(liquidationPrice, forKey: .liquidationPrice)
        try c.encode(bankruptcyPrice, forKey: .bankruptcyPrice)
        try c.encode(maintenanceMarginRate, forKey: .maintenanceMarginRate)
        try c.encode(maintenanceAmount, forKey: .maintenanceAmount)
        try c.encode(tier, forKey: .tier)
        try c.encode(entryTier, forKey: .entryTier)
        try c.encode(tierPath, forKey: .tierPath)
        try c.encode(maxLeverage, forKey: .maxLeverage)
        try c.encode(notional, forKey: .notional)
        try c.encode(initialMargin, forKey: .initialMargin)
        try c.encode(positionMargin, forKey: .positionMargin)
        try c.encode(maintenanceMargin, forKey: .maintenanceMargin)
        try c.encode(marginRatio, forKey: .marginRatio)
        try c.encode(otherMaintenanceMargin, forKey: .otherMaintenanceMargin)
        try c.encode(otherUnrealizedPnl, forKey: .otherUnrealizedPnl)
        try c.encode(otherPositions, forKey: .otherPositions)
    }
}

/// The largest position a leverage allows under a symbol's tiers.
public struct PositionLimit: Sendable, Equatable, Codable {
    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// The leverage.
    public var leverage: Double
    /// The highest tier whose maximum leverage is at least `leverage`.
    public var tier: Int
    /// Upper notional bound of that tier.
    public var maxNotional: Double
    /// `maxNotional / price`.
    public var maxQuantity: Double

    enum CodingKeys: String, CodingKey {
        case exchange, symbol, leverage, tier
        case maxNotional = "max_notional"
        case maxQuantity = "max_quantity"
    }
}
