extension IndicatorCatalog {
    /// The Momentum functions of the catalog.
    static let momentumIndicators: [IndicatorDefinition] = [
    ]
}
