extension IndicatorCatalog {
    /// The Overlap Studies functions of the catalog.
    static let overlapStudies: [IndicatorDefinition] = [
        IndicatorDefinition(
            "SMA", name: "Simple Moving Average", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 30)],
            lookback: { SMAState.lookback(period: $0.int("timeperiod")) },
            make: { SMAState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "EMA", name: "Exponential Moving Average", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 30)],
            lookback: { EMAState.lookback(period: $0.int("timeperiod")) },
            make: { EMAState(period: $0.int("timeperiod")) }),
    ]
}
