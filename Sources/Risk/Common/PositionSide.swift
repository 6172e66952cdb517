/// The direction of a position.
public enum PositionSide: String, Sendable, Codable, CaseIterable {
    case long, short

    /// +1 for long, −1 for short: the `side` of the exchanges' formulas.
    public var sign: Double { self == .long ? 1 : -1 }
}

/// How margin is shared between positions.
public enum MarginMode: String, Sendable, Codable, CaseIterable {
    /// Each position has its own margin; losses stop at that margin.
    case isolated
    /// The whole wallet balance backs every position (Binance cross).
    case cross
}

/// The exchanges whose liquidation arithmetic is modelled.
public enum Exchange: String, Sendable, Codable, CaseIterable {
    /// Binance USDⓈ-M futures, one-way mode.
    case binance
    /// Bybit linear (USDT) perpetuals.
    case bybit
    /// OKX (freqtrade's base isolated formula, also Gate.io's).
    case okx
}
