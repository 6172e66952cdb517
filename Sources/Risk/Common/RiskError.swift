/// Why a risk computation refused its input. Every case says what was wrong and what is allowed.
public enum RiskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A price, quantity, balance or other amount that must be strictly positive was not (or was not finite).
    case notPositive(name: String, value: Double)
    /// A value outside its allowed range.
    case outOfRange(name: String, value: Double, allowed: String)
    /// The leverage exceeds the maximum of the tier that the position's notional falls in.
    case leverageAboveTierMaximum(symbol: String, leverage: Double, tier: Int, maxLeverage: Double, notional: Double)
    /// The position's notional is beyond the largest tier of the table.
    case notionalAboveLargestTier(symbol: String, notional: Double, largestNotional: Double)
    /// No tier table is known for this exchange and symbol, and no maintenance margin rate was given.
    case unknownSymbol(exchange: String, symbol: String, known: [String])
    /// The exchange has no tier table here; a maintenance margin rate must be passed.
    case missingMaintenanceMarginRate(exchange: String)
    /// A required input is absent (for example the wallet balance in cross mode).
    case missingInput(name: String, reason: String)
    /// The combination is not modelled (for example cross margin on Bybit).
    case unsupported(String)
    /// The stop is on the wrong side of the entry for this side.
    case stopOnWrongSide(side: PositionSide, entry: Double, stop: Double)
    /// Too few observations for the computation.
    case insufficientData(needed: Int, got: Int, what: String)
    /// Two series that must be aligned have different lengths.
    case lengthMismatch(String, Int, Int)
    /// A tier file could not be read or decoded.
    case badTierFile(String)

    /// A message that says what was wrong and what is allowed.
    public var description: String {
        switch self {
        case let .notPositive(name, value):
            return "\(name) must be a finite number greater than 0 (got \(value))"
        case let .outOfRange(name, value, allowed):
            return "\(name) = \(value) is out of range; allowed: \(allowed)"
        case let .leverageAboveTierMaximum(symbol, leverage, tier, maxLeverage, notional):
            return "leverage \(format(leverage))x is above the maximum of \(symbol) tier \(tier) "
                + "(max \(format(maxLeverage))x for a notional of \(format(notional))); lower the leverage or the position"
        case let .notionalAboveLargestTier(symbol, notional, largest):
            return "\(symbol): a notional of \(format(notional)) is beyond the largest tier (up to \(format(largest)))"
        case let .unknownSymbol(exchange, symbol, known):
            return "no \(exchange) tier table for \(symbol); known: \(known.joined(separator: ", ")). "
                + "Pass --maintenance-margin-rate to use a fixed rate"
        case let .missingMaintenanceMarginRate(exchange):
            return "\(exchange) has no tier table here: pass the maintenance margin rate (--maintenance-margin-rate)"
        case let .missingInput(name, reason):
            return "\(name) is required: \(reason)"
        case let .unsupported(what):
            return "not supported: \(what)"
        case let .stopOnWrongSide(side, entry, stop):
            let want = side == .long ? "below" : "above"
            return "a \(side.rawValue) stop must be \(want) the entry (entry \(format(entry)), stop \(format(stop)))"
        case let .insufficientData(needed, got, what):
            return "\(what) needs at least \(needed) observations (got \(got))"
        case let .lengthMismatch(what, a, b):
            return "\(what): series lengths differ (\(a) vs \(b))"
        case let .badTierFile(why):
            return "tier file: \(why)"
        }
    }
}

/// Compact number formatting for messages (no Foundation).
func format(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(x)
}

/// Throws `RiskError.notPositive` unless `value` is finite and > 0.
@inline(__always)
func requirePositive(_ value: Double, _ name: String) throws {
    guard value.isFinite, value > 0 else { throw RiskError.notPositive(name: name, value: value) }
}
