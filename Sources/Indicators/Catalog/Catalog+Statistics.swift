extension IndicatorCatalog {
    /// The Statistics functions of the catalog.
    static let statisticFunctions: [IndicatorDefinition] = [
    ]
}
