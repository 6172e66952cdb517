extension IndicatorCatalog {
    /// The Volatility functions of the catalog.
    static let volatilityIndicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            "TRANGE", name: "True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            lookback: { _ in TRANGEState.lookback() },
            make: { _ in TRANGEState() }),
        IndicatorDefinition(
            "ATR", name: "Average True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { ATRState.lookback(period: $0.int("timeperiod")) },
            make: { ATRState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "NATR", name: "Normalized Average True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { NATRState.lookback(period: $0.int("timeperiod")) },
            make: { NATRState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "ADR", name: "Average Day Range", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14, min: 1)],
            lookback: { ADRState.lookback(period: $0.int("timeperiod")) },
            make: { ADRState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "CVI", name: "Chaikin's Volatility", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 10), .period("rocperiod", default: 10, min: 1, "Rate-of-change period")],
            lookback: { CVIState.lookback(period: $0.int("timeperiod"), rocPeriod: $0.int("rocperiod")) },
            make: { CVIState(period: $0.int("timeperiod"), rocPeriod: $0.int("rocperiod")) }),
        IndicatorDefinition(
            "MASSI", name: "Mass Index", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period("fastperiod", default: 9, "EMA period of the range"),
                         .period("slowperiod", default: 25, "Summation period")],
            lookback: { MASSIState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            make: { MASSIState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) }),
        IndicatorDefinition(
            "RVI", name: "Relative Volatility Index", group: .volatility, inputs: [.real],
            parameters: [.period(default: 14, min: 1, "Smoothing period"),
                         .period("stddevperiod", default: 10, "Standard-deviation period")],
            lookback: { RVIState.lookback(period: $0.int("timeperiod"), stdDevPeriod: $0.int("stddevperiod")) },
            make: { RVIState(period: $0.int("timeperiod"), stdDevPeriod: $0.int("stddevperiod")) }),
    ]
}
