/// Inputs of the position sizer: how much to risk, where to enter and where the stop is.
public struct PositionSizeRequest: Sendable, Equatable, Codable {
    /// Account equity in quote currency (USDT), > 0.
    public var equity: Double
    /// Risk per trade in **percent** of equity (1 = 1%), 0 < risk ≤ 100.
    public var riskPercent: Double
    /// Long or short.
    public var side: PositionSide
    /// Entry price, > 0.
    public var entryPrice: Double
    /// Stop price: below the entry for a long, above for a short.
    public var stopPrice: Double
    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol whose tiers give the liquidation price (`BTCUSDT`).
    public var symbol: String
    /// Leverage to use; nil picks the lowest whole leverage whose initial margin fits in the equity.
    public var leverage: Double?
    /// Taker fee per side as a fraction, counted in the risk (entry and stop fills); 0 by default.
    public var takerFee: Double
    /// Fixed maintenance rates instead of the tier table (required for OKX).
    public var fixedMaintenance: FixedMaintenance?

    /// Creates a value from its fields.
    public init(equity: Double, riskPercent: Double, side: PositionSide, entryPrice: Double, stopPrice: Double,
                exchange: Exchange = .binance, symbol: String, leverage: Double? = nil, takerFee: Double = 0,
                fixedMaintenance: FixedMaintenance? = nil) {
        self.equity = equity
        self.riskPercent = riskPercent
        self.side = side
        self.entryPrice = entryPrice
        self.stopPrice = stopPrice
        self.exchange = exchange
        self.symbol = symbol
        self.leverage = leverage
        self.takerFee = takerFee
        self.fixedMaintenance = fixedMaintenance
    }
}

/// The sized position: quantity, leverage, margin, liquidation price and warnings.
public struct PositionSize: Sendable, Equatable, Codable {
    /// Base units to buy or sell.
    public var quantity: Double
    /// `quantity · entry`.
    public var notional: Double
    /// Equity at risk if the stop fills: `equity · risk% / 100`.
    public var riskAmount: Double
    /// `|entry − stop| / entry`.
    public var stopDistance: Double
    /// `notional / equity`: the leverage needed to hold the position with the whole equity as margin.
    public var requiredLeverage: Double
    /// The leverage used for the margin and the liquidation price.
    public var leverage: Double
    /// `notional / leverage`.
    public var initialMargin: Double
    /// Liquidation price at that leverage (isolated); nil when there is none.
    public var liquidationPrice: Double?
    /// True when the stop triggers before the liquidation price is reached.
    public var stopTriggersBeforeLiquidation: Bool
    /// The highest whole leverage (within the tier) at which the stop still triggers first; nil if none does.
    public var highestLeverageKeepingStop: Int?
    /// Full liquidation details at the used leverage.
    public var liquidation: LiquidationResult
    /// Plain-words warnings (stop beyond liquidation, margin above equity).
    public var warnings: [String]
}

/// Sizes a position from the risk per trade: `quantity = equity · risk% / (|entry − stop| + fee · (entry + stop))`.
///
/// ```swift
/// let size = try PositionSizer.size(PositionSizeRequest(equity: 10_000, riskPercent: 1, side: .long,
///                                                       entryPrice: 60_000, stopPrice: 57_000, symbol: "BTCUSDT"))
/// size.quantity   // 0.0333… (100 USDT at risk over a 3,000 stop)
/// ```
public enum PositionSizer {
    /// Sizes with the bundled tier tables.
    public static func size(_ request: PositionSizeRequest) throws -> PositionSize {
        try size(request, calculator: .bundled())
    }

    /// Sizes with the given calculator's tier tables.
    public static func size(_ r: PositionSizeRequest, calculator: LiquidationCalculator) throws -> PositionSize {
        try requirePositive(r.equity, "equity")
        try requirePositive(r.entryPrice, "entry price")
        try requirePositive(r.stopPrice, "stop price")
        guard r.riskPercent.isFinite, r.riskPercent > 0, r.riskPercent <= 100 else {
            throw RiskError.outOfRange(name: "risk per trade (%)", value: r.riskPercent, allowed: "0 < risk ≤ 100")
        }
        guard r.takerFee.isFinite, r.takerFee >= 0, r.takerFee < 1 else {
            throw RiskError.outOfRange(name: "taker fee", value: r.takerFee, allowed: "0 ≤ fee < 1 (a fraction)")
        }
        let wrongSide = r.side == .long ? r.stopPrice >= r.entryPrice : r.stopPrice <= r.entryPrice
        if wrongSide { throw RiskError.stopOnWrongSide(side: r.side, entry: r.entryPrice, stop: r.stopPrice) }

        let riskAmount = r.equity * r.riskPercent / 100
        let lossPerUnit = abs(r.entryPrice - r.stopPrice) + r.takerFee * (r.entryPrice + r.stopPrice)
        let quantity = riskAmount / lossPerUnit
        let notional = quantity * r.entryPrice
        let required = notional / r.equity
        // Exchanges take whole leverages; the default is the lowest one whose margin fits in the equity.
        let leverage = r.leverage ?? max(1, required.rounded(.up))

        func liquidation(at leverage: Double) throws -> LiquidationResult {
            try calculator.compute(LiquidationRequest(exchange: r.exchange, symbol: r.symbol, side: r.side,
                                                      entryPrice: r.entryPrice, quantity: quantity, leverage: leverage,
                                                      fixedMaintenance: r.fixedMaintenance))
        }
        func stopFirst(_ lp: Double?) -> Bool {
            guard let lp else { return true }
            return r.side == .long ? r.stopPrice > lp : r.stopPrice < lp
        }
        let result = try liquidation(at: leverage)
        let triggersFirst = stopFirst(result.liquidationPrice)

        // The highest whole leverage, within the entry tier's maximum, whose liquidation price lies beyond the stop.
        var highest: Int? = nil
        let ceiling = Int(min(result.maxLeverage ?? 125, 1000))
        if ceiling >= 1 {
            for candidate in stride(from: ceiling, through: 1, by: -1) {
                if let lp = try? liquidation(at: Double(candidate)), stopFirst(lp.liquidationPrice) {
                    highest = candidate
                    break
                }
            }
        }

        var warnings: [String] = []
        if !triggersFirst, let lp = result.liquidationPrice {
            var text = "the stop at \(format(r.stopPrice)) lies beyond the liquidation price \(format(lp)) at "
                + "\(format(leverage))x: the position would be liquidated before the stop triggers"
            if let highest { text += "; use at most \(highest)x" }
            warnings.append(text)
        }
        let margin = notional / leverage
        if margin > r.equity {
            warnings.append("the initial margin \(format(margin)) exceeds the equity \(format(r.equity)) at "
                + "\(format(leverage))x; at least \(format(required.rounded(.up)))x is needed")
        }
        return PositionSize(quantity: quantity, notional: notional, riskAmount: riskAmount,
                            stopDistance: abs(r.entryPrice - r.stopPrice) / r.entryPrice, requiredLeverage: required,
                            leverage: leverage, initialMargin: margin, liquidationPrice: result.liquidationPrice,
                            stopTriggersBeforeLiquidation: triggersFirst, highestLeverageKeepingStop: highest,
                            liquidation: result, warnings: warnings)
    }
}
