extension IndicatorCatalog {
    /// The second half of the Momentum functions (MOM ... WILLR), with their own file so they can be built
    /// alongside the first half.
    static let momentumIndicators2: [IndicatorDefinition] = [
    ]
}
