extension IndicatorCatalog {
    /// The Cycle Indicators of the catalog, plus `HT_TRENDLINE` (TA-Lib files it under Overlap Studies, but it
    /// is built on the same Hilbert transform, `HilbertTransformState`).
    static let cycleIndicators: [IndicatorDefinition] = HilbertTransformKind.allCases.map { kind in
        let outputs: [OutputSpec] = switch kind {
        case .dcPeriod, .dcPhase, .trendline: [.real]
        case .phasor: [OutputSpec("inphase"), OutputSpec("quadrature")]
        case .sine: [OutputSpec("sine"), OutputSpec("leadsine")]
        case .trendMode: [.integer]
        }
        return IndicatorDefinition(
            kind.rawValue, name: kind.displayName, group: kind == .trendline ? .overlapStudies : .cycle,
            inputs: [.real], outputs: outputs,
            lookback: { _ in HilbertTransformState.lookback(kind) },
            make: { _ in HilbertTransformState(kind) },
            batch: { columns, _ in
                MathKernels.overClose(columns, outputs: outputs.count) { x, n, o0, o1 in MathKernels.hilbert(kind, x, n, o0, o1) }
            })
    }
}
