// MOM, ROC, ROCP, ROCR, ROCR100: the close compared with the close `period` bars earlier, by one state
// whose `kind` chooses the formula. The last `period` closes sit in a ring, so an update is O(1).
// Lookback `period`. Compatibility choice (TA-Lib): where the earlier close is exactly 0 the ratio forms output 0.

/// How a close is compared with the close `period` bars earlier.
public enum PriceChange: Sendable, CaseIterable {
    /// MOM: `x[t] - x[t-period]`.
    case momentum
    /// ROC: `(x[t] / x[t-period] - 1) * 100`.
    case rateOfChange
    /// ROCP: `(x[t] - x[t-period]) / x[t-period]`.
    case rateOfChangeFraction
    /// ROCR: `x[t] / x[t-period]`.
    case ratio
    /// ROCR100: `x[t] / x[t-period] * 100`.
    case ratio100

    /// The value for the current close `x` and the close `old` bars back; 0 for the ratio forms when `old` is 0.
    @inlinable
    public func value(_ x: Double, _ old: Double) -> Double {
        switch self {
        case .momentum: return x - old
        case .rateOfChange: return old != 0 ? (x / old - 1.0) * 100.0 : 0
        case .rateOfChangeFraction: return old != 0 ? (x - old) / old : 0
        case .ratio: return old != 0 ? x / old : 0
        case .ratio100: return old != 0 ? (x / old) * 100.0 : 0
        }
    }
}

/// MOM and the ROC family: the close against the close `period` bars earlier, first value at bar `period`.
///
/// ```swift
/// var roc = PriceChangeState(.rateOfChange, period: 10)
/// let v: Double? = roc.update(close)
/// ```
public struct PriceChangeState: StreamingIndicator {
    @usableFromInline var window: RingBuffer
    public let kind: PriceChange
    public let period: Int

    /// - Parameter period: bars back (TA-Lib range 1...100000; values below 1 are treated as 1).
    public init(_ kind: PriceChange, period: Int = 10) {
        self.kind = kind
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one close; returns the comparison once `period` earlier closes exist.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let old = window.push(x) else { return nil }
        return kind.value(x, old)
    }

    /// Catalog form: reads the close and writes the one output.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
