/// A moving average of any `MAType`, as a value: the building block of every function with a `matype`
/// parameter (MA, BBANDS, MACDEXT, STOCH, APO, PPO, ...).
///
/// ```swift
/// var ma = MovingAverageState(.ema, period: 10)
/// let v: Double? = ma.update(42.0)
/// ```
/// As TA-Lib's `TA_MA`: a period of 1 (or less) is the identity for every type, MAMA ignores the period
/// and uses fastlimit 0.5 / slowlimit 0.05 (its `mama` line), T3 uses a volume factor of 0.7.
public struct MovingAverageState: Sendable {
    // One stored optional per kind, exactly one of them set (none for the identity). Updating mutates the
    // set one in place, so a large state (MAMA, T3) is never moved or copied per update, as an enum
    // payload would be.
    /// The type this state computes (after resolving `functionDefault`, and `.none` for the identity).
    public let type: MAType
    @usableFromInline var sma: SMAState?
    @usableFromInline var ema: EMAState?
    @usableFromInline var wma: WMAState?
    @usableFromInline var dema: DEMAState?
    @usableFromInline var tema: TEMAState?
    @usableFromInline var trima: TRIMAState?
    @usableFromInline var kama: KAMAState?
    @usableFromInline var mama: MAMAState?
    @usableFromInline var t3: T3State?
    @usableFromInline var hma: HMAState?
    @usableFromInline var zlema: ZLEMAState?
    @usableFromInline var rma: RMAState?

    /// The concrete type `type` stands for: `functionDefault` resolved to the caller's meaning (SMA if that
    /// is itself `functionDefault`).
    @inlinable
    public static func resolve(_ type: MAType, functionDefault: MAType = .sma) -> MAType {
        type == .functionDefault ? (functionDefault == .functionDefault ? .sma : functionDefault) : type
    }

    /// - Parameter functionDefault: what `MAType.functionDefault` (11) means for the caller.
    public init(_ type: MAType, period: Int, functionDefault: MAType = .sma) {
        var resolved = MovingAverageState.resolve(type, functionDefault: functionDefault)
        // TA_MA copies the input for a period of 1, whatever the type (MAMA included).
        if period <= 1 { resolved = .none }
        switch resolved {
        case .sma, .functionDefault: sma = SMAState(period: period); resolved = .sma
        case .ema: ema = EMAState(period: period)
        case .wma: wma = WMAState(period: period)
        case .dema: dema = DEMAState(period: period)
        case .tema: tema = TEMAState(period: period)
        case .trima: trima = TRIMAState(period: period)
        case .kama: kama = KAMAState(period: period)
        case .mama: mama = MAMAState(fastLimit: 0.5, slowLimit: 0.05)
        case .t3: t3 = T3State(period: period, volumeFactor: 0.7)
        case .hma: hma = HMAState(period: period)
        case .none: break
        case .zlema: zlema = ZLEMAState(period: period)
        case .rma: rma = RMAState(period: period)
        }
        self.type = resolved
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
        switch type {
        case .sma, .functionDefault: return sma!.update(x)
        case .ema: return ema!.update(x)
        case .wma: return wma!.update(x)
        case .dema: return dema!.update(x)
        case .tema: return tema!.update(x)
        case .trima: return trima!.update(x)
        case .kama: return kama!.update(x)
        case .mama: return mama!.update(x)?.mama
        case .t3: return t3!.update(x)
        case .hma: return hma!.update(x)
        case .zlema: return zlema!.update(x)
        case .rma: return rma!.update(x)
        case .none: return x
        }
    }
}
