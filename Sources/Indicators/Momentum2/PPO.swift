/// Percentage Price Oscillator: `PPO = (MA(fast) - MA(slow)) / MA(slow) * 100`, 0 where `MA(slow) == 0`.
///
/// TA-Lib compatibility, in the order it applies them:
/// - the two periods are swapped if `slowPeriod < fastPeriod`;
/// - both averages read from the first bar (TA-Lib 0.8.1 seeds an EMA fast line with the mean of the first
///   `fastPeriod` values, unlike MACD's aligned seeding);
/// - `MAType.functionDefault` means EMA (TA-Lib 0.8.1's PPO default `matype` is 1).
/// First value at bar `lookback(slow MA)` (25 with the defaults 12, 26, EMA).
public struct PPOState: StreamingIndicator {
    @usableFromInline var fast: Smoother
    @usableFromInline var slow: Smoother

    /// - Parameters: periods 2...100000 as TA-Lib; `type` the moving average of both lines.
    public init(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) {
        let f = max(1, min(fastPeriod, slowPeriod))
        let s = max(1, max(fastPeriod, slowPeriod))
        fast = Smoother(type, period: f, functionDefault: .ema)
        slow = Smoother(type, period: s, functionDefault: .ema)
    }

    /// TA-Lib's lookback: the number of leading bars with no output.
    public static func lookback(fastPeriod: Int = 12, slowPeriod: Int = 26, type: MAType = .ema) -> Int {
        MovingAverageState.lookback(type, period: max(fastPeriod, slowPeriod), functionDefault: .ema)
    }

    /// Feeds one value; returns the oscillator once both averages are defined.
    @inlinable
    public mutating func update(_ x: Double) -> Double? {
        let f = fast.update(x)
        guard let slowValue = slow.update(x), let fastValue = f else { return nil }
        return slowValue != 0 ? ((fastValue - slowValue) / slowValue) * 100.0 : 0
    }

    /// Catalog form: reads the bar fields this function takes and writes its outputs in TA-Lib's order.
    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let v = update(bar.close) else { return false }
        out.v0 = v
        return true
    }
}
