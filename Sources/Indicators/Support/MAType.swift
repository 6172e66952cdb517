/// TA-Lib's moving-average types, by the numbers its `matype` parameters take.
public enum MAType: Int, CaseIterable, Sendable, Codable {
    case sma = 0, ema = 1, wma = 2, dema = 3, tema = 4, trima = 5, kama = 6, mama = 7, t3 = 8
    case hma = 9
    /// No smoothing: the input itself.
    case none = 10
    /// "The function's own default": each function that takes a matype says what this means for it.
    case functionDefault = 11
    case zlema = 12
    /// Wilder's smoothing (RMA).
    case rma = 13

    public var shortName: String {
        switch self {
        case .sma: "SMA"
        case .ema: "EMA"
        case .wma: "WMA"
        case .dema: "DEMA"
        case .tema: "TEMA"
        case .trima: "TRIMA"
        case .kama: "KAMA"
        case .mama: "MAMA"
        case .t3: "T3"
        case .hma: "HMA"
        case .none: "NONE"
        case .functionDefault: "DEFAULT"
        case .zlema: "ZLEMA"
        case .rma: "RMA"
        }
    }
}
