import MarketCore

/// The direction of a position.
public enum PositionSide: String, Sendable, Codable, CaseIterable {
    case long, short

    /// +1 for long, -1 for short: the sign of profit per unit of price rise.
    @inlinable public var direction: Double { self == .long ? 1 : -1 }
}

/// Why a trade was closed.
public enum ExitReason: String, Sendable, Codable, CaseIterable {
    /// The strategy asked to close or reverse.
    case signal
    /// The stop-loss price was reached inside a bar.
    case stopLoss = "stop_loss"
    /// The take-profit price was reached inside a bar.
    case takeProfit = "take_profit"
    /// The isolated margin fell to the maintenance margin: closed at the liquidation price.
    case liquidation
    /// Still open after the last bar: closed by the end-of-data policy.
    case endOfData = "end_of_data"
}

/// One closed round trip.
///
/// `returnPct` is the reference definition, the return on the entry notional after commission:
/// `100 * (direction * (exit - entry) / entry - commission * (entry + exit) / entry)`; it ignores funding and
/// leverage. `pnl` is the money result (fees and funding included) and `returnOnMarginPct` its leveraged view.
public struct Trade: Sendable, Equatable, Codable {
    /// 0-based input row of the entry fill.
    public var entryBar: Int
    /// 0-based input row of the exit fill.
    public var exitBar: Int
    /// Long or short.
    public var side: PositionSide
    /// Open time of the entry bar.
    public var entryTime: Timestamp
    /// Open time of the exit bar.
    public var exitTime: Timestamp
    /// Entry fill price, slippage included.
    public var entryPrice: Double
    /// Exit fill price, slippage included (the liquidation price for liquidations).
    public var exitPrice: Double
    /// Units of the base asset.
    public var quantity: Double
    /// Margin posted at entry (notional / leverage).
    public var margin: Double
    /// Commission paid on both fills.
    public var fees: Double
    /// Funding paid over the trade's life (negative when received).
    public var funding: Double
    /// Money result: price PnL minus fees minus funding.
    public var pnl: Double
    /// Return on the entry notional after commission, in percent (the reference's `return_pct`).
    public var returnPct: Double
    /// `pnl / margin`, in percent.
    public var returnOnMarginPct: Double
    /// Why the trade was closed.
    public var exitReason: ExitReason

    /// A closed trade; the engine builds these.
    public init(entryBar: Int, exitBar: Int, side: PositionSide, entryTime: Timestamp, exitTime: Timestamp,
                entryPrice: Double, exitPrice: Double, quantity: Double, margin: Double, fees: Double,
                funding: Double, pnl: Double, returnPct: Double, returnOnMarginPct: Double, exitReason: ExitReason) {
        self.entryBar = entryBar
        self.exitBar = exitBar
        self.side = side
        self.entryTime = entryTime
        self.exitTime = exitTime
        self.entryPrice = entryPrice
        self.exitPrice = exitPrice
        self.quantity = quantity
        self.margin = margin
        self.fees = fees
        self.funding = funding
        self.pnl = pnl
        self.returnPct = returnPct
        self.returnOnMarginPct = returnOnMarginPct
        self.exitReason = exitReason
    }

    enum CodingKeys: String, CodingKey {
        case entryBar = "entry_bar", exitBar = "exit_bar", side, entryTime = "entry_time", exitTime = "exit_time"
        case entryPrice = "entry_price", exitPrice = "exit_price", quantity, margin, fees, funding, pnl
        case returnPct = "return_pct", returnOnMarginPct = "return_on_margin_pct", exitReason = "exit_reason"
    }
}
