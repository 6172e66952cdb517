import MarketCore

/// A position held in isolated margin.
struct OpenPosition: Sendable {
    var side: PositionSide
    var quantity: Double
    var entryPrice: Double
    var entryBar: Int
    var entryTime: Timestamp
    /// Margin posted at entry.
    var initialMargin: Double
    /// Margin now: the initial margin minus funding paid (plus funding received).
    var margin: Double
    var entryFee: Double
    var funding = 0.0
    /// NaN when the position cannot be liquidated (an unlevered long).
    var liquidationPrice = Double.nan
    /// NaN when there is no stop-loss.
    var stopPrice = Double.nan
    /// NaN when there is no take-profit.
    var takeProfitPrice = Double.nan

    /// Recomputes the liquidation price from the current margin.
    mutating func updateLiquidationPrice(maintenanceMarginRate: Double) {
        liquidationPrice = IsolatedMargin.liquidationPrice(side: side, entryPrice: entryPrice, quantity: quantity,
                                                           margin: margin, maintenanceMarginRate: maintenanceMarginRate)
    }
}

/// Isolated-margin arithmetic for a linear (quote-margined) perpetual with one maintenance margin rate.
///
/// The position is liquidated when its margin plus unrealised PnL falls to the maintenance margin
/// `mmr * quantity * price`:
/// - long:  `margin + q * (P - entry) = mmr * q * P`  →  `P = (q * entry - margin) / (q * (1 - mmr))`
/// - short: `margin + q * (entry - P) = mmr * q * P`  →  `P = (q * entry + margin) / (q * (1 + mmr))`
///
/// This is Binance's isolated formula for a single tier with a zero maintenance amount; the Risk target's
/// tier tables give the exchange's exact figure for large notionals.
public enum IsolatedMargin {
    /// The liquidation price, or NaN when there is none (a long whose margin covers a fall to zero).
    public static func liquidationPrice(side: PositionSide, entryPrice: Double, quantity: Double, margin: Double,
                                        maintenanceMarginRate mmr: Double) -> Double {
        guard quantity > 0 else { return .nan }
        switch side {
        case .long:
            let p = (quantity * entryPrice - margin) / (quantity * (1 - mmr))
            return p > 0 ? p : .nan
        case .short:
            return (quantity * entryPrice + margin) / (quantity * (1 + mmr))
        }
    }
}
