/// A moving average of any `MAType`, as a value: the building block of every function with a `matype`
/// parameter (MA, BBANDS, MACDEXT, STOCH, APO, PPO, ...).
///
/// ```swift
/// var ma = MovingAverageState(.ema, period: 10)
/// let v: Double? = ma.update(42.0)
/// ```
public enum MovingAverageState: Sendable {
    case sma(SMAState)
    case ema(EMAState)

    /// - Parameter functionDefault: what `MAType.functionDefault` (11) means for the caller.
    public init(_ type: MAType, period: Int, functionDefault: MAType = .sma) {
        switch type {
        case .sma: self = .sma(SMAState(period: period))
        case .ema: self = .ema(EMAState(period: period))
        case .functionDefault: self.init(functionDefault == .functionDefault ? .sma : functionDefault, period: period)
        default: self = .sma(SMAState(period: period))   // TODO(overlap): the other types
        }
    }

    /// Leading values with no output.
    public static func lookback(_ type: MAType, period: Int, functionDefault: MAType = .sma) -> Int {
        switch type {
        case .sma, .ema: period - 1
        case .functionDefault: lookback(functionDefault == .functionDefault ? .sma : functionDefault, period: period)
        default: period - 1
        }
    }

    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        // `consume self` hands the payload over uniquely, so its window buffer is mutated in place
        // instead of being copied on every update.
        switch consume self {
        case var .sma(s):
            let v = s.update(x)
            self = .sma(s)
            return v
        case var .ema(s):
            let v = s.update(x)
            self = .ema(s)
            return v
        }
    }
}
