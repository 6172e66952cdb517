extension IndicatorCatalog {
    /// The Patterns functions of the catalog.
    static let patternRecognition: [IndicatorDefinition] = [
    ]
}
