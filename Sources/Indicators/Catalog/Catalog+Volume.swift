extension IndicatorCatalog {
    /// The Volume functions of the catalog.
    static let volumeIndicators: [IndicatorDefinition] = [
    ]
}
