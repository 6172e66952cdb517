/// TA-Lib's one-bar price averages.
public enum PriceAverageKind: String, CaseIterable, Sendable {
    /// `(open + high + low + close) / 4`.
    case average = "AVGPRICE"
    /// `(high + low) / 2`.
    case median = "MEDPRICE"
    /// `(high + low + close) / 3`.
    case typical = "TYPPRICE"
    /// `(high + low + 2 * close) / 4`.
    case weightedClose = "WCLPRICE"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .average: "Average Price"
        case .median: "Median Price"
        case .typical: "Typical Price"
        case .weightedClose: "Weighted Close Price"
        }
    }

    /// The bar fields it reads, in TA-Lib's order.
    public var fields: [BarField] {
        switch self {
        case .average: [.open, .high, .low, .close]
        case .median: [.high, .low]
        case .typical, .weightedClose: [.high, .low, .close]
        }
    }

    /// The average for one bar, summed left to right in TA-Lib's order.
    @inlinable
    public func value(of bar: Bar) -> Double {
        switch self {
        case .average: (bar.open + bar.high + bar.low + bar.close) / 4
        case .median: (bar.high + bar.low) / 2
        case .typical: (bar.high + bar.low + bar.close) / 3
        case .weightedClose: (bar.high + bar.low + bar.close * 2) / 4
        }
    }
}

/// `AVGPRICE`, `MEDPRICE`, `TYPPRICE` or `WCLPRICE` of each bar; lookback 0.
public struct PriceAverageState: StreamingIndicator {
    /// Which price average this state computes.
    public let kind: PriceAverageKind

    /// A state computing `kind` for each bar.
    public init(_ kind: PriceAverageKind) { self.kind = kind }

    /// Always 0.
    public static func lookback() -> Int { 0 }

    /// The average of one bar.
    @inlinable
    public func update(_ bar: Bar) -> Double { kind.value(of: bar) }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = kind.value(of: bar)
        return true
    }
}
