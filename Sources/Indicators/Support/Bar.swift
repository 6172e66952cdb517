/// One bar as an indicator sees it. Functions read only the fields they need.
///
/// Single-series functions (`SMA`, `RSI`, ...) read `close`; two-series functions (`BETA`, `CORREL`, `ADD`, ...)
/// read `high` as `price0` and `low` as `price1`; `MAVP` reads its per-bar period from `periods`.
/// This is the mapping of TA-Lib's abstract interface, so catalog calls and TA-Lib agree on inputs.
public struct Bar: Sendable, Equatable {
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double
    /// Per-bar period, used by `MAVP` only.
    public var periods: Double

    @inlinable
    public init(open: Double = .nan, high: Double = .nan, low: Double = .nan, close: Double = .nan,
                volume: Double = .nan, periods: Double = .nan) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.periods = periods
    }
}

/// The input series of a batch call, as columns of equal length. Columns a function does not read may be
/// left out: they are filled with NaN.
public struct BarColumns: Sendable {
    public let count: Int
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var volume: [Double]
    public var periods: [Double]

    /// - Precondition: every column given has the same count.
    public init(open: [Double]? = nil, high: [Double]? = nil, low: [Double]? = nil, close: [Double]? = nil,
                volume: [Double]? = nil, periods: [Double]? = nil) {
        let n = [open, high, low, close, volume, periods].compactMap { $0?.count }.max() ?? 0
        let blank = [Double](repeating: .nan, count: n)
        self.count = n
        self.open = open ?? blank
        self.high = high ?? blank
        self.low = low ?? blank
        self.close = close ?? blank
        self.volume = volume ?? blank
        self.periods = periods ?? blank
        precondition([self.open, self.high, self.low, self.close, self.volume, self.periods].allSatisfy { $0.count == n },
                     "BarColumns: every column must have the same count")
    }

    /// A single series fed as `close` (the `real` input of single-series functions).
    public init(real: [Double]) { self.init(close: real) }

    /// Two series fed as `high` (`price0`) and `low` (`price1`).
    public init(real0: [Double], real1: [Double]) { self.init(high: real0, low: real1) }

    /// The bar at row `i`.
    @inlinable
    public subscript(i: Int) -> Bar {
        Bar(open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i], periods: periods[i])
    }
}

/// Up to four output values of one bar. Index 0 is the first output in TA-Lib's order.
public struct IndicatorOutputs: Sendable, Equatable {
    public var v0: Double = .nan
    public var v1: Double = .nan
    public var v2: Double = .nan
    public var v3: Double = .nan

    @inlinable public init() {}

    @inlinable
    public subscript(i: Int) -> Double {
        get {
            switch i {
            case 0: v0
            case 1: v1
            case 2: v2
            default: v3
            }
        }
        set {
            switch i {
            case 0: v0 = newValue
            case 1: v1 = newValue
            case 2: v2 = newValue
            default: v3 = newValue
            }
        }
    }
}
