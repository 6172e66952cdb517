/// `MA`: a moving average of the chosen `matype` over `close` (TA-Lib's `TA_MA`).
public struct MAState: StreamingIndicator {
    @usableFromInline var ma: MovingAverageState

    /// `MAType.functionDefault` means SMA here, as TA-Lib's MA treats it.
    public init(period: Int, type: MAType) {
        ma = MovingAverageState(type, period: period, functionDefault: .sma)
    }

    /// Leading bars with no output for these parameters: TA-Lib's lookback.
    public static func lookback(period: Int, type: MAType) -> Int {
        MovingAverageState.lookback(type, period: period, functionDefault: .sma)
    }

    /// Feeds one bar's inputs; returns this bar's value, or nil while warming up.
    @inlinable public mutating func update(_ x: Double) -> Double? { ma.update(x) }

    /// Feeds one bar (only the fields this indicator reads); writes its outputs in TA-Lib's order and returns false while warming up.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = ma.update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
