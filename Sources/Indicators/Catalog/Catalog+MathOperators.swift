extension IndicatorCatalog {
    /// The MathOperators functions of the catalog.
    static let mathOperators: [IndicatorDefinition] = [
    ]
}
