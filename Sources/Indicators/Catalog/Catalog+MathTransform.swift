extension IndicatorCatalog {
    /// The Math Transform functions of the catalog: element-wise `f(close)`, lookback 0, no parameters.
    static let mathTransform: [IndicatorDefinition] = MathTransformFunction.allCases.map { f in
        IndicatorDefinition(
            f.rawValue, name: f.displayName, group: .mathTransform, inputs: [.real],
            lookback: { _ in MathTransformState.lookback() },
            make: { _ in MathTransformState(f) },
            batch: { columns, _ in
                MathKernels.overClose(columns, outputs: 1) { x, n, out, _ in MathKernels.transform(f, x, n, out) }
            })
    }
}
