import MarketCore

/// Which directions a run may trade.
public enum SideMode: String, Sendable, Codable, CaseIterable {
    /// Long positions only: a strategy's "go short" becomes "close the long".
    case long
    /// Short positions only: a strategy's "go long" becomes "close the short".
    case short
    /// Long and short: a signal in the other direction reverses the position.
    case both
}

/// When an order decided at the close of bar `i` is filled.
public enum FillTiming: String, Sendable, Codable, CaseIterable {
    /// At the open of bar `i + 1` (the default, and the reference rule).
    case nextOpen = "next-open"
    /// At the close of bar `i` itself (optimistic: the signal and the fill share a price).
    case sameClose = "same-close"
}

/// What happens to a position still open after the last bar.
public enum EndOfDataPolicy: String, Sendable, Codable, CaseIterable {
    /// Closed at the last bar's close (the default, and what the reference README states).
    case closeAtLastClose = "last-close"
    /// Closed at the last bar's open: what backtesting.py's `finalize_trades=True` actually does, because it
    /// re-runs its broker on the last bar's prices. Used for parity with the reference files.
    case closeAtLastOpen = "last-open"
}

/// How a market fill's price is worsened relative to the bar price.
public enum SlippageModel: Sendable, Equatable, Codable {
    /// Fills at the bar price.
    case none
    /// Fills a fraction of the price against the trader: buys at `p * (1 + s)`, sells at `p * (1 - s)`.
    case fraction(Double)
    /// Fills a fixed price amount against the trader: buys at `p + s`, sells at `p - s` (never below zero).
    case absolute(Double)

    /// The fill price of a market order at bar price `price`: `isBuy` fills are worsened upwards.
    @inlinable
    public func fillPrice(_ price: Double, isBuy: Bool) -> Double {
        switch self {
        case .none: return price
        case .fraction(let s): return isBuy ? price * (1 + s) : price * (1 - s)
        case .absolute(let s): return isBuy ? price + s : max(0, price - s)
        }
    }

    enum CodingKeys: String, CodingKey { case model, value }

    /// Encoded as `{"model": "none" | "fraction" | "absolute", "value": s}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .none: try c.encode("none", forKey: .model); try c.encode(0.0, forKey: .value)
        case .fraction(let s): try c.encode("fraction", forKey: .model); try c.encode(s, forKey: .value)
        case .absolute(let s): try c.encode("absolute", forKey: .model); try c.encode(s, forKey: .value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let value = try c.decodeIfPresent(Double.self, forKey: .value) ?? 0
        switch try c.decode(String.self, forKey: .model) {
        case "none": self = .none
        case "fraction": self = .fraction(value)
        case "absolute": self = .absolute(value)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .model, in: c,
                                                   debugDescription: "unknown slippage model '\(other)' (none, fraction, absolute)")
        }
    }
}

/// Everything a run may do besides what its strategy decides.
///
/// ```swift
/// var config = BacktestConfiguration()
/// config.commission = 0.0005      // 5 bp of notional on every fill
/// config.leverage = 3
/// config.side = .both
/// ```
public struct BacktestConfiguration: Sendable, Equatable, Codable {
    /// Starting cash in quote currency. Default 100,000 (the reference's).
    public var initialCash: Double = 100_000
    /// Commission per fill as a fraction of the fill's notional (`0.001` = 0.1%), charged on entry and on exit.
    public var commission: Double = 0
    /// Slippage applied to every market fill (orders, stops, take-profits, end of data; not liquidations).
    public var slippage: SlippageModel = .none
    /// Leverage of each position (notional / margin), isolated margin. 1 = unlevered.
    public var leverage: Double = 1
    /// Which directions may be traded.
    public var side: SideMode = .long
    /// Maintenance margin rate for the isolated liquidation price. Default 0.005 (0.5%), Binance USDⓈ-M's
    /// first tier for BTCUSDT; exchange tier tables come from the Risk target.
    public var maintenanceMarginRate: Double = 0.005
    /// Fraction of equity committed to each entry, commission included. 1 = all equity (the reference rule).
    public var positionFraction: Double = 1
    /// Stop-loss distance as a fraction of the entry price (`0.05` = 5% adverse move), or nil for none.
    public var stopLoss: Double?
    /// Take-profit distance as a fraction of the entry price, or nil for none.
    public var takeProfit: Double?
    /// When orders fill.
    public var fill: FillTiming = .nextOpen
    /// What happens to a position still open after the last bar.
    public var endOfData: EndOfDataPolicy = .closeAtLastClose

    /// The defaults: 100,000 cash, no commission or slippage, unlevered long only, next-open fills.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case initialCash = "initial_cash", commission, slippage, leverage, side
        case maintenanceMarginRate = "maintenance_margin_rate", positionFraction = "position_fraction"
        case stopLoss = "stop_loss", takeProfit = "take_profit", fill, endOfData = "end_of_data"
    }

    /// Checks every value and throws the first that is out of range.
    /// - Throws: `BacktestError.invalidSetting` naming the setting and its allowed range.
    public func validate() throws(BacktestError) {
        func check(_ name: String, _ v: Double, _ ok: Bool, _ allowed: String) throws(BacktestError) {
            if !v.isFinite || !ok { throw .invalidSetting(name: name, value: v, allowed: allowed) }
        }
        try check("cash", initialCash, initialCash > 0, "a positive amount")
        try check("commission", commission, commission >= 0 && commission < 0.5, "a fraction of notional in 0 ..< 0.5")
        switch slippage {
        case .none: break
        case .fraction(let s): try check("slippage", s, s >= 0 && s < 0.5, "a fraction of price in 0 ..< 0.5")
        case .absolute(let s): try check("slippage", s, s >= 0, "a non-negative price amount")
        }
        try check("leverage", leverage, leverage >= 1 && leverage <= 200, "1 ... 200")
        try check("maintenance-margin-rate", maintenanceMarginRate,
                  maintenanceMarginRate >= 0 && maintenanceMarginRate < 1 / leverage,
                  "0 ..< 1/leverage (\(1 / leverage)); at or above it a position is liquidated on entry")
        try check("position-fraction", positionFraction, positionFraction > 0 && positionFraction <= 1, "0 < f <= 1")
        if let s = stopLoss { try check("stop-loss", s, s > 0 && s < 1, "a fraction of the entry price in 0 < s < 1") }
        if let t = takeProfit { try check("take-profit", t, t > 0, "a positive fraction of the entry price") }
    }
}
