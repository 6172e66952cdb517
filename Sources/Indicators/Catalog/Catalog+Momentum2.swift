extension IndicatorCatalog {
    /// The second half of the Momentum functions (MOM ... WILLR), with their own file so they can be built
    /// alongside the first half. Parameter names, defaults and ranges are TA-Lib 0.8.1's.
    static let momentumIndicators2: [IndicatorDefinition] = [
        IndicatorDefinition(
            "MOM", name: "Momentum", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10, min: 1)],
            lookback: { PriceChangeState.lookback(period: $0.int("timeperiod")) },
            make: { PriceChangeState(.momentum, period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "PPO", name: "Percentage Price Oscillator", group: .momentum, inputs: [.real],
            parameters: [.period("fastperiod", default: 12), .period("slowperiod", default: 26), .maType(default: .ema)],
            lookback: { PPOState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) },
            make: { PPOState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) }),
        IndicatorDefinition(
            "QSTICK", name: "Qstick", group: .momentum, inputs: InputSpec.prices(.open, .close),
            parameters: [.period(default: 10, min: 1)],
            lookback: { QSTICKState.lookback(period: $0.int("timeperiod")) },
            make: { QSTICKState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "ROC", name: "Rate of change : ((price/prevPrice)-1)*100", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10, min: 1)],
            lookback: { PriceChangeState.lookback(period: $0.int("timeperiod")) },
            make: { PriceChangeState(.rateOfChange, period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "ROCP", name: "Rate of change Percentage: (price-prevPrice)/prevPrice", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10, min: 1)],
            lookback: { PriceChangeState.lookback(period: $0.int("timeperiod")) },
            make: { PriceChangeState(.rateOfChangeFraction, period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "ROCR", name: "Rate of change ratio: (price/prevPrice)", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10, min: 1)],
            lookback: { PriceChangeState.lookback(period: $0.int("timeperiod")) },
            make: { PriceChangeState(.ratio, period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "ROCR100", name: "Rate of change ratio 100 scale: (price/prevPrice)*100", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10, min: 1)],
            lookback: { PriceChangeState.lookback(period: $0.int("timeperiod")) },
            make: { PriceChangeState(.ratio100, period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "RSI", name: "Relative Strength Index", group: .momentum, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { RSIState.lookback(period: $0.int("timeperiod")) },
            make: { RSIState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "SMI", name: "Stochastic Momentum Index", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 13), .period("fastperiod", default: 2), .period("slowperiod", default: 25),
                         .period("signalperiod", default: 9)],
            outputs: [OutputSpec("smi"), OutputSpec("smisignal")],
            lookback: { SMIState.lookback(period: $0.int("timeperiod"), fastPeriod: $0.int("fastperiod"),
                                          slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) },
            make: { SMIState(period: $0.int("timeperiod"), fastPeriod: $0.int("fastperiod"),
                             slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) }),
        IndicatorDefinition(
            "STOCH", name: "Stochastic", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period("fastk_period", default: 5, min: 1), .period("slowk_period", default: 3, min: 1),
                         .maType("slowk_matype"), .period("slowd_period", default: 3, min: 1), .maType("slowd_matype")],
            outputs: [OutputSpec("slowk"), OutputSpec("slowd")],
            lookback: { STOCHState.lookback(fastKPeriod: $0.int("fastk_period"), slowKPeriod: $0.int("slowk_period"),
                                            slowKType: $0.maType("slowk_matype"), slowDPeriod: $0.int("slowd_period"),
                                            slowDType: $0.maType("slowd_matype")) },
            make: { STOCHState(fastKPeriod: $0.int("fastk_period"), slowKPeriod: $0.int("slowk_period"),
                               slowKType: $0.maType("slowk_matype"), slowDPeriod: $0.int("slowd_period"),
                               slowDType: $0.maType("slowd_matype")) }),
        IndicatorDefinition(
            "STOCHF", name: "Stochastic Fast", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period("fastk_period", default: 5, min: 1), .period("fastd_period", default: 3, min: 1),
                         .maType("fastd_matype")],
            outputs: [OutputSpec("fastk"), OutputSpec("fastd")],
            lookback: { STOCHFState.lookback(fastKPeriod: $0.int("fastk_period"), fastDPeriod: $0.int("fastd_period"),
                                             fastDType: $0.maType("fastd_matype")) },
            make: { STOCHFState(fastKPeriod: $0.int("fastk_period"), fastDPeriod: $0.int("fastd_period"),
                                fastDType: $0.maType("fastd_matype")) }),
        IndicatorDefinition(
            "STOCHRSI", name: "Stochastic Relative Strength Index", group: .momentum, inputs: [.real],
            parameters: [.period(default: 14), .period("fastk_period", default: 5, min: 1),
                         .period("fastd_period", default: 3, min: 1), .maType("fastd_matype")],
            outputs: [OutputSpec("fastk"), OutputSpec("fastd")],
            lookback: { STOCHRSIState.lookback(period: $0.int("timeperiod"), fastKPeriod: $0.int("fastk_period"),
                                               fastDPeriod: $0.int("fastd_period"), fastDType: $0.maType("fastd_matype")) },
            make: { STOCHRSIState(period: $0.int("timeperiod"), fastKPeriod: $0.int("fastk_period"),
                                  fastDPeriod: $0.int("fastd_period"), fastDType: $0.maType("fastd_matype")) }),
        IndicatorDefinition(
            "TRIX", name: "1-day Rate-Of-Change (ROC) of a Triple Smooth EMA", group: .momentum, inputs: [.real],
            parameters: [.period(default: 30, min: 1)],
            lookback: { TRIXState.lookback(period: $0.int("timeperiod")) },
            make: { TRIXState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "TSI", name: "True Strength Index", group: .momentum, inputs: [.real],
            parameters: [.period("firstperiod", default: 25), .period("secondperiod", default: 13)],
            lookback: { TSIState.lookback(firstPeriod: $0.int("firstperiod"), secondPeriod: $0.int("secondperiod")) },
            make: { TSIState(firstPeriod: $0.int("firstperiod"), secondPeriod: $0.int("secondperiod")) }),
        IndicatorDefinition(
            "ULTOSC", name: "Ultimate Oscillator", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period("timeperiod1", default: 7, min: 1), .period("timeperiod2", default: 14, min: 1),
                         .period("timeperiod3", default: 28, min: 1)],
            lookback: { ULTOSCState.lookback(period1: $0.int("timeperiod1"), period2: $0.int("timeperiod2"),
                                             period3: $0.int("timeperiod3")) },
            make: { ULTOSCState(period1: $0.int("timeperiod1"), period2: $0.int("timeperiod2"), period3: $0.int("timeperiod3")) }),
        IndicatorDefinition(
            "VHF", name: "Vertical Horizontal Filter", group: .momentum, inputs: [.real],
            parameters: [.period(default: 28)],
            lookback: { VHFState.lookback(period: $0.int("timeperiod")) },
            make: { VHFState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "VORTEX", name: "Vortex Indicator", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            outputs: [OutputSpec("plusvi"), OutputSpec("minusvi")],
            lookback: { VORTEXState.lookback(period: $0.int("timeperiod")) },
            make: { VORTEXState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "WAD", name: "Williams Accumulation/Distribution", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            lookback: { _ in WADState.lookback() },
            make: { _ in WADState() }),
        IndicatorDefinition(
            "WILLR", name: "Williams' %R", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14)],
            lookback: { WILLRState.lookback(period: $0.int("timeperiod")) },
            make: { WILLRState(period: $0.int("timeperiod")) }),
    ]
}
