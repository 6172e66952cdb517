extension IndicatorCatalog {
    /// The PriceTransform functions of the catalog.
    static let priceTransform: [IndicatorDefinition] = [
    ]
}
