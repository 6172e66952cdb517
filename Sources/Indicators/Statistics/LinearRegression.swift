/// The least-squares line through the last `period` values, kept in O(1) per bar as TA-Lib 0.8.1 does.
///
/// TA-Lib weights the window backwards: the newest value has x = 0 and the oldest x = period - 1, with
/// `ΣX = n(n-1)/2`, `ΣX² = n(n-1)(2n-1)/6`, `D = (ΣX)² - n ΣX²`, `m = (n ΣXY - ΣX ΣY) / D` and
/// `b = (ΣY - m ΣX) / n` — so `m` is the slope per bar forward in time and `b + m (n-1)` the line at the
/// newest bar. `ΣY` and `ΣXY` slide in O(1) (`ΣXY += ΣY - n·leaving`, `ΣY += new - leaving`) and are
/// rebuilt from the window every `32 * period` bars or when the leaving value times `n` exceeds 100 times
/// the window's `Σ|y|` (TA-Lib issue #254), as TA-Lib does.
public struct RegressionWindow: Sendable {
    /// Bars in the window.
    public let period: Int
    @usableFromInline let n: Double
    @usableFromInline let sumX: Double
    @usableFromInline let divisor: Double
    @usableFromInline var window: RingBuffer
    @usableFromInline var sumY = 0.0
    @usableFromInline var sumXY = 0.0
    @usableFromInline var sumAbs = 0.0
    @usableFromInline var barsSinceReseed = 0

    /// - Parameter period: values in the window, at least 2.
    public init(period: Int) {
        self.period = max(2, period)
        n = Double(self.period)
        sumX = n * Double(self.period - 1) * 0.5
        let sumXSquares = n * Double(self.period - 1) * Double(2 * self.period - 1) / 6.0
        divisor = sumX * sumX - n * sumXSquares
        window = RingBuffer(capacity: self.period)
    }

    /// Adds `y`; once the window is full returns the line's slope `m` and intercept `b` (at the oldest bar).
    @inlinable
    public mutating func update(_ y: Double) -> (slope: Double, intercept: Double)? {
        if !window.isFull {
            window.push(y)
            guard window.isFull else { return nil }
            rebuild()
        } else {
            let leaving = window.push(y) ?? 0
            let weightedLeaving = n * leaving
            sumXY = sumXY + sumY - weightedLeaving
            sumY = sumY - leaving + y
            sumAbs = sumAbs - abs(leaving) + abs(y)
            barsSinceReseed -= 1
            if barsSinceReseed <= 0 || abs(weightedLeaving) > 100.0 * sumAbs { rebuild() }
        }
        let m = (n * sumXY - sumX * sumY) / divisor
        let b = (sumY - m * sumX) / n
        return (m, b)
    }

    /// Recomputes the window sums, oldest value first (weight `period - 1`) down to the newest (weight 0).
    @inlinable
    mutating func rebuild() {
        barsSinceReseed = 32 * period
        sumY = 0
        sumXY = 0
        sumAbs = 0
        var weight = Double(period - 1)
        for i in 0..<period {
            let v = window[i]
            sumY += v
            sumXY += weight * v
            sumAbs += abs(v)
            weight -= 1
        }
    }
}

/// Which value of the regression line a `LinearRegressionState` reports.
public enum LinearRegressionOutput: String, CaseIterable, Sendable {
    /// `LINEARREG`: the line at the newest bar, `b + m (period - 1)`.
    case value = "LINEARREG"
    /// `LINEARREG_ANGLE`: the slope as an angle in degrees, `atan(m) · 180 / π`.
    case angle = "LINEARREG_ANGLE"
    /// `LINEARREG_INTERCEPT`: `b`, the line at the oldest bar of the window.
    case intercept = "LINEARREG_INTERCEPT"
    /// `LINEARREG_SLOPE`: `m`, per bar.
    case slope = "LINEARREG_SLOPE"
    /// `TSF` (time series forecast): the line one bar ahead, `b + m · period`.
    case forecast = "TSF"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .value: "Linear Regression"
        case .angle: "Linear Regression Angle"
        case .intercept: "Linear Regression Intercept"
        case .slope: "Linear Regression Slope"
        case .forecast: "Time Series Forecast"
        }
    }
}

/// `LINEARREG`, `LINEARREG_ANGLE`, `LINEARREG_INTERCEPT`, `LINEARREG_SLOPE` or `TSF` over the last `period`
/// closes (see `RegressionWindow`); first value at bar `period - 1`.
public struct LinearRegressionState: StreamingIndicator {
    /// Which value of the regression line this state reports.
    public let output: LinearRegressionOutput
    @usableFromInline var line: RegressionWindow

    /// - Parameter period: bars in the window, at least 2.
    public init(_ output: LinearRegressionOutput, period: Int) {
        self.output = output
        line = RegressionWindow(period: period)
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; returns the chosen output once the window is full.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        guard let (m, b) = line.update(x) else { return nil }
        switch output {
        case .value: return b + m * (line.n - 1)
        case .angle: return libmAtan(m) * (180.0 / 3.14159265358979323846)
        case .intercept: return b
        case .slope: return m
        case .forecast: return b + m * line.n
        }
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}

/// Forecast oscillator (`FOSC`): how far the close is from the time series forecast made one bar earlier,
/// in percent of the close; first value at bar `period`.
///
/// `FOSC[t] = 100 · (x[t] - TSF[t-1]) / x[t]`, and 0 where `x[t]` is 0 (TA-Lib 0.8.1's choice).
public struct ForecastOscillatorState: StreamingIndicator {
    @usableFromInline var line: RegressionWindow
    @usableFromInline var previousForecast: Double?

    /// - Parameter period: bars in the regression window, at least 2.
    public init(period: Int) {
        line = RegressionWindow(period: period)
    }

    /// Leading bars with no output: `period`.
    public static func lookback(period: Int) -> Int { period }

    /// Feeds one value; returns the oscillator once a forecast for this bar exists.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        var result: Double?
        if let forecast = previousForecast {
            result = x != 0 ? 100.0 * (x - forecast) / x : 0
        }
        if let (m, b) = line.update(x) { previousForecast = b + m * line.n }
        return result
    }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
