extension IndicatorCatalog {
    /// The Volatility functions of the catalog.
    static let volatilityIndicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            "TRANGE", name: "True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            lookback: { _ in TRANGEState.lookback() },
            make: { _ in TRANGEState() },
            batch: { c, _ in
                OverlapKernels.columns(c.high, c.low, c.close) { h, l, cl, n, o, _, _, _ in OverlapKernels.trange(h, l, cl, n, o) }
            }),
        IndicatorDefinition(
            "ATR", name: "Average True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { ATRState.lookback(period: $0.int("timeperiod")) },
            make: { ATRState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.high, c.low, c.close) { h, l, cl, n, o, _, _, _ in
                    OverlapKernels.atr(h, l, cl, n, period: period, normalized: false, o)
                }
            }),
        IndicatorDefinition(
            "NATR", name: "Normalized Average True Range", group: .volatility, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { NATRState.lookback(period: $0.int("timeperiod")) },
            make: { NATRState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.high, c.low, c.close) { h, l, cl, n, o, _, _, _ in
                    OverlapKernels.atr(h, l, cl, n, period: period, normalized: true, o)
                }
            }),
        IndicatorDefinition(
            "ADR", name: "Average Day Range", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14, min: 1)],
            lookback: { ADRState.lookback(period: $0.int("timeperiod")) },
            make: { ADRState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in OverlapKernels.adr(h, l, n, period: period, o) }
            }),
        IndicatorDefinition(
            "CVI", name: "Chaikin's Volatility", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 10), .period("rocperiod", default: 10, min: 1, "Rate-of-change period")],
            lookback: { CVIState.lookback(period: $0.int("timeperiod"), rocPeriod: $0.int("rocperiod")) },
            make: { CVIState(period: $0.int("timeperiod"), rocPeriod: $0.int("rocperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod"), roc = p.int("rocperiod")
                return OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in
                    OverlapKernels.cvi(h, l, n, period: period, rocPeriod: roc, o)
                }
            }),
        IndicatorDefinition(
            "MASSI", name: "Mass Index", group: .volatility, inputs: InputSpec.prices(.high, .low),
            parameters: [.period("fastperiod", default: 9, "EMA period of the range"),
                         .period("slowperiod", default: 25, "Summation period")],
            lookback: { MASSIState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            make: { MASSIState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            batch: { c, p in
                let fast = p.int("fastperiod"), slow = p.int("slowperiod")
                return OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in
                    OverlapKernels.massi(h, l, n, fastPeriod: fast, slowPeriod: slow, o)
                }
            }),
        IndicatorDefinition(
            "RVI", name: "Relative Volatility Index", group: .volatility, inputs: [.real],
            parameters: [.period(default: 14, min: 1, "Smoothing period"),
                         .period("stddevperiod", default: 10, "Standard-deviation period")],
            lookback: { RVIState.lookback(period: $0.int("timeperiod"), stdDevPeriod: $0.int("stddevperiod")) },
            make: { RVIState(period: $0.int("timeperiod"), stdDevPeriod: $0.int("stddevperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod"), sd = p.int("stddevperiod")
                return OverlapKernels.columns(c.close) { x, n, o, _, _, _ in
                    OverlapKernels.rvi(x, n, period: period, stdDevPeriod: sd, o)
                }
            }),
    ]
}
