extension IndicatorCatalog {
    /// The MathTransform functions of the catalog.
    static let mathTransform: [IndicatorDefinition] = [
    ]
}
