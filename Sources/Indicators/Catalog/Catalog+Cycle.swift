extension IndicatorCatalog {
    /// The Cycle functions of the catalog.
    static let cycleIndicators: [IndicatorDefinition] = [
    ]
}
