extension IndicatorCatalog {
    /// The Price Transform functions of the catalog.
    static let priceTransform: [IndicatorDefinition] = PriceAverageKind.allCases.map { kind in
        IndicatorDefinition(
            kind.rawValue, name: kind.displayName, group: .priceTransform,
            inputs: kind.fields.map { InputSpec("prices", $0) },
            lookback: { _ in PriceAverageState.lookback() },
            make: { _ in PriceAverageState(kind) },
            batch: { c, _ in OverlapKernels.priceAverage(kind, c) })
    } + [
        IndicatorDefinition(
            "AVGDEV", name: "Average Deviation", group: .priceTransform, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { AverageDeviationState.lookback(period: $0.int("timeperiod")) },
            make: { AverageDeviationState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.close) { x, n, o, _, _, _ in OverlapKernels.avgdev(x, n, period: period, o) }
            }),
        IndicatorDefinition(
            "HA", name: "Heikin-Ashi Candles", group: .priceTransform, inputs: InputSpec.prices(.open, .high, .low, .close),
            outputs: [OutputSpec("haopen"), OutputSpec("hahigh"), OutputSpec("halow"), OutputSpec("haclose")],
            lookback: { _ in HeikinAshiState.lookback() },
            make: { _ in HeikinAshiState() },
            batch: { c, _ in
                OverlapKernels.columns(c.open, c.high, c.low, c.close, outputs: 4) { o, h, l, cl, n, o0, o1, o2, o3 in
                    OverlapKernels.heikinAshi(o, h, l, cl, n, o0, o1, o2, o3)
                }
            }),
    ]
}
