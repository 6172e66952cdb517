extension IndicatorCatalog {
    /// The Overlap Studies functions of the catalog.
    static let overlapStudies: [IndicatorDefinition] = movingAverages + overlapBands

    /// A single-series moving average over `close` with one `timeperiod` (TA-Lib accepts 1 for all of
    /// these in 0.8.1: a period of 1 is the identity).
    private static func singlePeriodAverage<S: StreamingIndicator>(
        _ id: String, _ name: String, default d: Int,
        lookback: @escaping @Sendable (Int) -> Int, make: @escaping @Sendable (Int) -> S
    ) -> IndicatorDefinition {
        IndicatorDefinition(
            id, name: name, group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: d, min: 1)],
            lookback: { lookback($0.int("timeperiod")) },
            make: { make($0.int("timeperiod")) })
    }

    static let movingAverages: [IndicatorDefinition] = [
        singlePeriodAverage("SMA", "Simple Moving Average", default: 30,
                            lookback: { SMAState.lookback(period: $0) }, make: { SMAState(period: $0) }),
        singlePeriodAverage("EMA", "Exponential Moving Average", default: 30,
                            lookback: { EMAState.lookback(period: $0) }, make: { EMAState(period: $0) }),
        singlePeriodAverage("WMA", "Weighted Moving Average", default: 30,
                            lookback: { WMAState.lookback(period: $0) }, make: { WMAState(period: $0) }),
        singlePeriodAverage("DEMA", "Double Exponential Moving Average", default: 30,
                            lookback: { DEMAState.lookback(period: $0) }, make: { DEMAState(period: $0) }),
        singlePeriodAverage("TEMA", "Triple Exponential Moving Average", default: 30,
                            lookback: { TEMAState.lookback(period: $0) }, make: { TEMAState(period: $0) }),
        singlePeriodAverage("TRIMA", "Triangular Moving Average", default: 30,
                            lookback: { TRIMAState.lookback(period: $0) }, make: { TRIMAState(period: $0) }),
        singlePeriodAverage("KAMA", "Kaufman Adaptive Moving Average", default: 30,
                            lookback: { KAMAState.lookback(period: $0) }, make: { KAMAState(period: $0) }),
        singlePeriodAverage("HMA", "Hull Moving Average", default: 20,
                            lookback: { HMAState.lookback(period: $0) }, make: { HMAState(period: $0) }),
        singlePeriodAverage("ZLEMA", "Zero-Lag Exponential Moving Average", default: 30,
                            lookback: { ZLEMAState.lookback(period: $0) }, make: { ZLEMAState(period: $0) }),
        singlePeriodAverage("RMA", "Wilder's Smoothed Moving Average", default: 30,
                            lookback: { RMAState.lookback(period: $0) }, make: { RMAState(period: $0) }),
        IndicatorDefinition(
            "T3", name: "Triple Exponential Moving Average (T3)", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 5, min: 1), .real("vfactor", default: 0.7, range: 0...1, "Volume factor")],
            lookback: { T3State.lookback(period: $0.int("timeperiod")) },
            make: { T3State(period: $0.int("timeperiod"), volumeFactor: $0.double("vfactor")) }),
        IndicatorDefinition(
            "MAMA", name: "MESA Adaptive Moving Average", group: .overlapStudies, inputs: [.real],
            parameters: [.real("fastlimit", default: 0.5, range: 0.01...0.99, "Upper limit of the adaptive factor"),
                         .real("slowlimit", default: 0.05, range: 0.01...0.99, "Lower limit of the adaptive factor")],
            outputs: [OutputSpec("mama"), OutputSpec("fama")],
            lookback: { _ in MAMAState.lookback() },
            make: { MAMAState(fastLimit: $0.double("fastlimit"), slowLimit: $0.double("slowlimit")) }),
        IndicatorDefinition(
            "MA", name: "Moving average", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 30, min: 1), .maType()],
            lookback: { MAState.lookback(period: $0.int("timeperiod"), type: $0.maType()) },
            make: { MAState(period: $0.int("timeperiod"), type: $0.maType()) }),
    ]

    static let overlapBands: [IndicatorDefinition] = []
}
