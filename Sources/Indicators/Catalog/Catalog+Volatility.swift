extension IndicatorCatalog {
    /// The Volatility functions of the catalog.
    static let volatilityIndicators: [IndicatorDefinition] = [
    ]
}
