extension IndicatorCatalog {
    /// The Overlap Studies functions of the catalog.
    static let overlapStudies: [IndicatorDefinition] = movingAverages + overlapBands

    /// A single-series moving average over `close` with one `timeperiod`. TA-Lib 0.8.1 accepts a period
    /// of 1 (the identity) for all of these; SMA and EMA keep the project's earlier minimum of 2.
    private static func singlePeriodAverage<S: StreamingIndicator>(
        _ id: String, _ name: String, default d: Int, min: Int = 1,
        lookback: @escaping @Sendable (Int) -> Int, make: @escaping @Sendable (Int) -> S
    ) -> IndicatorDefinition {
        IndicatorDefinition(
            id, name: name, group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: d, min: min)],
            lookback: { lookback($0.int("timeperiod")) },
            make: { make($0.int("timeperiod")) })
    }

    static let movingAverages: [IndicatorDefinition] = [
        singlePeriodAverage("SMA", "Simple Moving Average", default: 30, min: 2,
                            lookback: { SMAState.lookback(period: $0) }, make: { SMAState(period: $0) }),
        singlePeriodAverage("EMA", "Exponential Moving Average", default: 30, min: 2,
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

    private static let hlc = InputSpec.prices(.high, .low, .close)
    private static let hl = InputSpec.prices(.high, .low)
    private static let bandOutputs = [OutputSpec("upperband"), OutputSpec("middleband"), OutputSpec("lowerband")]
    private static let anyReal: ClosedRange<Double> = -3e37...3e37
    private static let positiveReal: ClosedRange<Double> = 0...3e37

    static let overlapBands: [IndicatorDefinition] = [
        IndicatorDefinition(
            "BBANDS", name: "Bollinger Bands", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 5),
                         .real("nbdevup", default: 2, range: anyReal, "Deviation multiplier for the upper band"),
                         .real("nbdevdn", default: 2, range: anyReal, "Deviation multiplier for the lower band"),
                         .maType()],
            outputs: bandOutputs,
            lookback: { BBANDSState.lookback(period: $0.int("timeperiod"), type: $0.maType()) },
            make: { BBANDSState(period: $0.int("timeperiod"), deviationsUp: $0.double("nbdevup"),
                                deviationsDown: $0.double("nbdevdn"), type: $0.maType()) }),
        IndicatorDefinition(
            "ACCBANDS", name: "Acceleration Bands", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 20)], outputs: bandOutputs,
            lookback: { ACCBANDSState.lookback(period: $0.int("timeperiod")) },
            make: { ACCBANDSState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "DONCHIAN", name: "Donchian Channels", group: .overlapStudies, inputs: hl,
            parameters: [.period(default: 20)], outputs: bandOutputs,
            lookback: { DONCHIANState.lookback(period: $0.int("timeperiod")) },
            make: { DONCHIANState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "KC", name: "Keltner Channels", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 20, "EMA period of the typical price"),
                         .period("atrperiod", default: 10, min: 1, "ATR period"),
                         .real("nbdev", default: 2, range: anyReal, "ATR multiplier")],
            outputs: bandOutputs,
            lookback: { KCState.lookback(period: $0.int("timeperiod"), atrPeriod: $0.int("atrperiod")) },
            make: { KCState(period: $0.int("timeperiod"), atrPeriod: $0.int("atrperiod"), deviations: $0.double("nbdev")) }),
        IndicatorDefinition(
            "MIDPOINT", name: "MidPoint over period", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { MIDPOINTState.lookback(period: $0.int("timeperiod")) },
            make: { MIDPOINTState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "MIDPRICE", name: "Midpoint Price over period", group: .overlapStudies, inputs: hl,
            parameters: [.period(default: 14)],
            lookback: { MIDPRICEState.lookback(period: $0.int("timeperiod")) },
            make: { MIDPRICEState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "VWMA", name: "Volume Weighted Moving Average", group: .overlapStudies,
            inputs: [.real, InputSpec("prices", .volume)],
            parameters: [.period(default: 30, min: 1)],
            lookback: { VWMAState.lookback(period: $0.int("timeperiod")) },
            make: { VWMAState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "MAVP", name: "Moving average with variable period", group: .overlapStudies,
            inputs: [.real, InputSpec("periods", .periods)],
            parameters: [.period("minperiod", default: 2, "Smallest period used"),
                         .period("maxperiod", default: 30, "Largest period used"),
                         .maType()],
            streaming: .yes,
            lookback: { MAVPState.lookback(minPeriod: $0.int("minperiod"), maxPeriod: $0.int("maxperiod"), type: $0.maType()) },
            make: { MAVPState(minPeriod: $0.int("minperiod"), maxPeriod: $0.int("maxperiod"), type: $0.maType()) }),
        IndicatorDefinition(
            "SUPERTREND", name: "SuperTrend", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 10, "ATR period"),
                         .real("multiplier", default: 3, range: positiveReal, "ATR multiplier")],
            outputs: [OutputSpec("supertrend"), OutputSpec("trend", integer: true)],
            lookback: { SUPERTRENDState.lookback(period: $0.int("timeperiod")) },
            make: { SUPERTRENDState(period: $0.int("timeperiod"), multiplier: $0.double("multiplier")) }),
        IndicatorDefinition(
            "SAR", name: "Parabolic SAR", group: .overlapStudies, inputs: hl,
            parameters: [.real("acceleration", default: 0.02, range: positiveReal, "Acceleration factor and its step"),
                         .real("maximum", default: 0.2, range: positiveReal, "Largest acceleration factor")],
            lookback: { _ in SARState.lookback() },
            make: { SARState(acceleration: $0.double("acceleration"), maximum: $0.double("maximum")) }),
        IndicatorDefinition(
            "SAREXT", name: "Parabolic SAR - Extended", group: .overlapStudies, inputs: hl,
            parameters: [.real("startvalue", default: 0, range: anyReal, "Start value; 0 picks the direction from the first bars, >0 long, <0 short"),
                         .real("offsetonreverse", default: 0, range: positiveReal, "Fraction the SAR moves on a reversal"),
                         .real("accelerationinitlong", default: 0.02, range: positiveReal, "Initial acceleration, long"),
                         .real("accelerationlong", default: 0.02, range: positiveReal, "Acceleration step, long"),
                         .real("accelerationmaxlong", default: 0.2, range: positiveReal, "Largest acceleration, long"),
                         .real("accelerationinitshort", default: 0.02, range: positiveReal, "Initial acceleration, short"),
                         .real("accelerationshort", default: 0.02, range: positiveReal, "Acceleration step, short"),
                         .real("accelerationmaxshort", default: 0.2, range: positiveReal, "Largest acceleration, short")],
            lookback: { _ in SAREXTState.lookback() },
            make: {
                SAREXTState(startValue: $0.double("startvalue"), offsetOnReverse: $0.double("offsetonreverse"),
                            accelerationInitLong: $0.double("accelerationinitlong"), accelerationLong: $0.double("accelerationlong"),
                            accelerationMaxLong: $0.double("accelerationmaxlong"),
                            accelerationInitShort: $0.double("accelerationinitshort"), accelerationShort: $0.double("accelerationshort"),
                            accelerationMaxShort: $0.double("accelerationmaxshort"))
            }),
    ]
}
