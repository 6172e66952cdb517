/// A moving average of any `MAType`, as a value: the building block of every function with a `matype`
/// parameter (MA, BBANDS, MACDEXT, STOCH, APO, PPO, ...).
///
/// ```swift
/// var ma = MovingAverageState(.ema, period: 10)
/// let v: Double? = ma.update(42.0)
/// ```
/// As TA-Lib's `TA_MA`: a period of 1 (or less) is the identity for every type, MAMA ignores the period
/// and uses fastlimit 0.5 / slowlimit 0.05 (its `mama` line), T3 uses a volume factor of 0.7.
public enum MovingAverageState: Sendable {
    /// No smoothing: `MAType.none`, or a period of 1.
    case identity
    /// A running SMA (see `SMAState`).
    case sma(SMAState)
    /// A running EMA (see `EMAState`).
    case ema(EMAState)
    /// A running WMA (see `WMAState`).
    case wma(WMAState)
    /// A running DEMA (see `DEMAState`).
    case dema(DEMAState)
    /// A running TEMA (see `TEMAState`).
    case tema(TEMAState)
    /// A running TRIMA (see `TRIMAState`).
    case trima(TRIMAState)
    /// A running KAMA (see `KAMAState`).
    case kama(KAMAState)
    /// A running MAMA (see `MAMAState`).
    case mama(MAMAState)
    /// A running T3 (see `T3State`).
    case t3(T3State)
    /// A running HMA (see `HMAState`).
    case hma(HMAState)
    /// A running ZLEMA (see `ZLEMAState`).
    case zlema(ZLEMAState)
    /// A running RMA (see `RMAState`).
    case rma(RMAState)

    /// The concrete type `type` stands for: `functionDefault` resolved to the caller's meaning (SMA if that
    /// is itself `functionDefault`).
    @inlinable
    public static func resolve(_ type: MAType, functionDefault: MAType = .sma) -> MAType {
        type == .functionDefault ? (functionDefault == .functionDefault ? .sma : functionDefault) : type
    }

    /// - Parameter functionDefault: what `MAType.functionDefault` (11) means for the caller.
    public init(_ type: MAType, period: Int, functionDefault: MAType = .sma) {
        let resolved = MovingAverageState.resolve(type, functionDefault: functionDefault)
        // TA_MA copies the input for a period of 1, whatever the type (MAMA included).
        if period <= 1 {
            self = .identity
            return
        }
        switch resolved {
        case .sma, .functionDefault: self = .sma(SMAState(period: period))
        case .ema: self = .ema(EMAState(period: period))
        case .wma: self = .wma(WMAState(period: period))
        case .dema: self = .dema(DEMAState(period: period))
        case .tema: self = .tema(TEMAState(period: period))
        case .trima: self = .trima(TRIMAState(period: period))
        case .kama: self = .kama(KAMAState(period: period))
        case .mama: self = .mama(MAMAState(fastLimit: 0.5, slowLimit: 0.05))
        case .t3: self = .t3(T3State(period: period, volumeFactor: 0.7))
        case .hma: self = .hma(HMAState(period: period))
        case .none: self = .identity
        case .zlema: self = .zlema(ZLEMAState(period: period))
        case .rma: self = .rma(RMAState(period: period))
        }
    }

    /// Leading values with no output, as `TA_MA_Lookback`.
    public static func lookback(_ type: MAType, period: Int, functionDefault: MAType = .sma) -> Int {
        if period <= 1 { return 0 }
        switch resolve(type, functionDefault: functionDefault) {
        case .sma, .ema, .wma, .trima, .rma, .functionDefault: return period - 1
        case .dema: return DEMAState.lookback(period: period)
        case .tema: return TEMAState.lookback(period: period)
        case .kama: return KAMAState.lookback(period: period)
        case .mama: return MAMAState.lookback()
        case .t3: return T3State.lookback(period: period)
        case .hma: return HMAState.lookback(period: period)
        case .none: return 0
        case .zlema: return ZLEMAState.lookback(period: period)
        }
    }

    /// Feeds one value; returns the average once warmed up.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        // `consume self` hands the payload over uniquely, so its window buffer is mutated in place
        // instead of being copied on every update.
        switch consume self {
        case .identity:
            self = .identity
            return x
        case var .sma(s):
            let v = s.update(x)
            self = .sma(s)
            return v
        case var .ema(s):
            let v = s.update(x)
            self = .ema(s)
            return v
        case var .wma(s):
            let v = s.update(x)
            self = .wma(s)
            return v
        case var .dema(s):
            let v = s.update(x)
            self = .dema(s)
            return v
        case var .tema(s):
            let v = s.update(x)
            self = .tema(s)
            return v
        case var .trima(s):
            let v = s.update(x)
            self = .trima(s)
            return v
        case var .kama(s):
            let v = s.update(x)
            self = .kama(s)
            return v
        case var .mama(s):
            let v = s.update(x)
            self = .mama(s)
            return v?.mama
        case var .t3(s):
            let v = s.update(x)
            self = .t3(s)
            return v
        case var .hma(s):
            let v = s.update(x)
            self = .hma(s)
            return v
        case var .zlema(s):
            let v = s.update(x)
            self = .zlema(s)
            return v
        case var .rma(s):
            let v = s.update(x)
            self = .rma(s)
            return v
        }
    }
}
