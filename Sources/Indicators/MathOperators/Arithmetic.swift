/// TA-Lib's element-wise operators on two series (`ADD`, `SUB`, `MULT`, `DIV`).
public enum ArithmeticOperator: String, CaseIterable, Sendable {
    case add = "ADD", sub = "SUB", mult = "MULT", div = "DIV"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .add: "Vector Arithmetic Add"
        case .sub: "Vector Arithmetic Subtraction"
        case .mult: "Vector Arithmetic Mult"
        case .div: "Vector Arithmetic Div"
        }
    }

    /// `a + b`, `a - b`, `a * b` or `a / b` (IEEE: a zero divisor gives ±inf or NaN, as TA-Lib does).
    @inlinable
    public func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: a + b
        case .sub: a - b
        case .mult: a * b
        case .div: a / b
        }
    }
}

/// One `ArithmeticOperator` applied bar by bar to `price0` (`bar.high`) and `price1` (`bar.low`), as TA-Lib's
/// abstract interface feeds two-series functions; lookback 0.
///
/// `out[t] = price0[t] ∘ price1[t]`.
public struct ArithmeticState: StreamingIndicator {
    /// The operator applied to each pair.
    public let op: ArithmeticOperator

    /// A state applying `op` to each bar's (high, low).
    public init(_ op: ArithmeticOperator) { self.op = op }

    /// Always 0.
    public static func lookback() -> Int { 0 }

    /// `a ∘ b`.
    @inlinable
    public func update(_ a: Double, _ b: Double) -> Double { op.apply(a, b) }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = op.apply(bar.high, bar.low)
        return true
    }
}

/// Cumulative sum (`CUMSUM`): the running total of every value so far; lookback 0.
///
/// `CUMSUM[t] = x[0] + ... + x[t]`, added left to right as TA-Lib does. A NaN stays in the total from then on.
public struct CumulativeSumState: StreamingIndicator {
    @usableFromInline var total = 0.0

    /// A fresh state.
    public init() {}

    /// Always 0.
    public static func lookback() -> Int { 0 }

    /// Adds `x`; returns the total so far.
    @inlinable
    public mutating func update(_ x: Double) -> Double {
        total += x
        return total
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = update(bar.close)
        return true
    }
}

/// Moving sum (`SUM`) of the last `period` values; first value at bar `period - 1`.
///
/// Kept as a running total in TA-Lib's order (add the new value, output, then take off the value that leaves
/// next), so the rounding equals TA-Lib's bit for bit.
public struct MovingSumState: StreamingIndicator {
    /// Bars in the window.
    public let period: Int
    @usableFromInline var window: RingBuffer
    @usableFromInline var total = 0.0

    /// - Parameter period: bars in the window, at least 1.
    public init(period: Int) {
        self.period = max(1, period)
        window = RingBuffer(capacity: self.period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Adds `x`; returns the sum of the last `period` values once there are that many.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        window.push(x)
        total += x
        guard window.isFull else { return nil }
        let sum = total
        total -= window[0]   // the value that leaves with the next bar
        return sum
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
