import Indicators

/// Computes one catalog function over one series (fed as its `real` input) and returns its first output column.
/// - Throws: `BacktestError.indicatorUnavailable` when this build's catalog lacks the function, or
///   `.invalidParameter` when the catalog rejects a value.
func catalogColumn(_ id: String, of values: [Double], parameters: [String: Double],
                   strategy: String) throws(BacktestError) -> [Double] {
    let definition: IndicatorDefinition
    do { definition = try IndicatorCatalog.function(named: id) } catch { throw .indicatorUnavailable(id) }
    let checked: Parameters
    do {
        checked = try definition.parameters(parameters)
    } catch {
        let (name, value) = parameters.sorted { $0.key < $1.key }.first ?? ("", .nan)
        throw .invalidParameter(strategy: strategy, name: name, value: value, allowed: "\(error)")
    }
    return definition.run(BarColumns(real: values), checked).first ?? []
}
