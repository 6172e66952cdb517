extension IndicatorCatalog {
    /// The Math Operators functions of the catalog.
    static let mathOperators: [IndicatorDefinition] = {
        let arithmetic = ArithmeticOperator.allCases.map { op in
            IndicatorDefinition(
                op.rawValue, name: op.displayName, group: .mathOperators, inputs: [.real0, .real1],
                lookback: { _ in ArithmeticState.lookback() },
                make: { _ in ArithmeticState(op) },
                batch: { columns, _ in MathKernels.overPair(columns) { a, b, n, out in MathKernels.arithmetic(op, a, b, n, out) } })
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
                make: { WindowExtremesState(kind, period: $0.int("timeperiod")) },
                batch: { columns, p in
                    MathKernels.overClose(columns, outputs: outputs.count) { x, n, o0, o1 in
                        MathKernels.windowExtremes(kind, x, n, period: p.int("timeperiod"), o0, o1)
                    }
                })
        }
        return arithmetic + extremes + [
            IndicatorDefinition(
                "CUMSUM", name: "Cumulative Sum", group: .mathOperators, inputs: [.real],
                lookback: { _ in CumulativeSumState.lookback() },
                make: { _ in CumulativeSumState() },
                batch: { columns, _ in
                    MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in MathKernels.cumulativeSum(x, n, out) }
                }),
            IndicatorDefinition(
                "SUM", name: "Summation", group: .mathOperators, inputs: [.real],
                parameters: [.period(default: 30)],
                lookback: { MovingSumState.lookback(period: $0.int("timeperiod")) },
                make: { MovingSumState(period: $0.int("timeperiod")) },
                batch: { columns, p in
                    MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in
                        MathKernels.movingSum(x, n, period: max(1, p.int("timeperiod")), out)
                    }
                }),
        ]
    }()
}
