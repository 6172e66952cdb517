extension IndicatorCatalog {
    /// The Math Operators functions of the catalog.
    static let mathOperators: [IndicatorDefinition] = {
        let arithmetic = ArithmeticOperator.allCases.map { op in
            IndicatorDefinition(
                op.rawValue, name: op.displayName, group: .mathOperators, inputs: [.real0, .real1],
                lookback: { _ in ArithmeticState.lookback() },
                make: { _ in ArithmeticState(op) })
        }
        let extremes = WindowExtremesKind.allCases.map { kind in
            let outputs: [OutputSpec] = switch kind {
            case .max, .min: [.real]
            case .maxIndex, .minIndex: [.integer]
            case .minMax: [OutputSpec("min"), OutputSpec("max")]
            case .minMaxIndex: [OutputSpec("minidx", integer: true), OutputSpec("maxidx", integer: true)]
            }
            return IndicatorDefinition(
                kind.rawValue, name: kind.displayName, group: .mathOperators, inputs: [.real],
                parameters: [.period(default: 30)], outputs: outputs,
                lookback: { WindowExtremesState.lookback(period: $0.int("timeperiod")) },
                make: { WindowExtremesState(kind, period: $0.int("timeperiod")) })
        }
        return arithmetic + extremes + [
            IndicatorDefinition(
                "CUMSUM", name: "Cumulative Sum", group: .mathOperators, inputs: [.real],
                lookback: { _ in CumulativeSumState.lookback() },
                make: { _ in CumulativeSumState() }),
            IndicatorDefinition(
                "SUM", name: "Summation", group: .mathOperators, inputs: [.real],
                parameters: [.period(default: 30)],
                lookback: { MovingSumState.lookback(period: $0.int("timeperiod")) },
                make: { MovingSumState(period: $0.int("timeperiod")) }),
        ]
    }()
}
