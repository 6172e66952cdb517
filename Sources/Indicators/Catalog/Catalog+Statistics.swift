extension IndicatorCatalog {
    /// The Statistic Functions of the catalog, plus `FOSC` (TA-Lib files it under Momentum, but it is the
    /// time series forecast's oscillator and shares its regression window).
    static let statisticFunctions: [IndicatorDefinition] = LinearRegressionOutput.allCases.map { output in
        IndicatorDefinition(
            output.rawValue, name: output.displayName, group: .statistics, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { LinearRegressionState.lookback(period: $0.int("timeperiod")) },
            make: { LinearRegressionState(output, period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.regression(output, x, n, period: p.int("timeperiod"), out)
                }
            })
    } + [
        IndicatorDefinition(
            "BETA", name: "Beta", group: .statistics, inputs: [.real0, .real1],
            parameters: [.period(default: 5, min: 1)],
            lookback: { BetaState.lookback(period: $0.int("timeperiod")) },
            make: { BetaState(period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overPair(columns) { a, b, n, out in MathKernels.beta(a, b, n, period: p.int("timeperiod"), out) }
            }),
        IndicatorDefinition(
            "CORREL", name: "Pearson's Correlation Coefficient (r)", group: .statistics, inputs: [.real0, .real1],
            parameters: [.period(default: 30, min: 1)],
            lookback: { CorrelationState.lookback(period: $0.int("timeperiod")) },
            make: { CorrelationState(period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overPair(columns) { a, b, n, out in
                    MathKernels.correlation(a, b, n, period: p.int("timeperiod"), out)
                }
            }),
        IndicatorDefinition(
            "PERCENTILE", name: "Percentile (nearest rank)", group: .statistics, inputs: [.real],
            parameters: [.period(default: 30, "Number of bars in the window"),
                         .real("percentile", default: 50, range: 0...100, "Percentile to report")],
            lookback: { PercentileState.lookback(period: $0.int("timeperiod")) },
            make: { PercentileState(period: $0.int("timeperiod"), percentile: $0.double("percentile")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.percentile(x, n, period: p.int("timeperiod"), percentile: p.double("percentile"), out)
                }
            }),
        IndicatorDefinition(
            "PERCENTRANK", name: "Percent Rank", group: .statistics, inputs: [.real],
            parameters: [.period(default: 100)],
            lookback: { PercentRankState.lookback(period: $0.int("timeperiod")) },
            make: { PercentRankState(period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.percentRank(x, n, period: p.int("timeperiod"), out)
                }
            }),
        IndicatorDefinition(
            "STDDEV", name: "Standard Deviation", group: .statistics, inputs: [.real],
            parameters: [.period(default: 5), .real("nbdev", default: 1, range: -3e37...3e37, "Nb of deviations")],
            lookback: { StandardDeviationState.lookback(period: $0.int("timeperiod")) },
            make: { StandardDeviationState(period: $0.int("timeperiod"), deviations: $0.double("nbdev")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.variance(x, n, period: p.int("timeperiod"), root: true, deviations: p.double("nbdev"), out)
                }
            }),
        // TA-Lib's VAR takes `nbdev` but does not use it (the variance is not scaled); kept for compatibility.
        IndicatorDefinition(
            "VAR", name: "Variance", group: .statistics, inputs: [.real],
            parameters: [.period(default: 5, min: 1),
                         .real("nbdev", default: 1, range: -3e37...3e37, "Nb of deviations (unused, as in TA-Lib)")],
            lookback: { VarianceState.lookback(period: $0.int("timeperiod")) },
            make: { VarianceState(period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.variance(x, n, period: p.int("timeperiod"), root: false, deviations: 1, out)
                }
            }),
        IndicatorDefinition(
            "FOSC", name: "Forecast Oscillator", group: .momentum, inputs: [.real],
            parameters: [.period(default: 5)],
            lookback: { ForecastOscillatorState.lookback(period: $0.int("timeperiod")) },
            make: { ForecastOscillatorState(period: $0.int("timeperiod")) },
            batch: { columns, p in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                    MathKernels.forecastOscillator(x, n, period: p.int("timeperiod"), out)
                }
            }),
    ]
}
