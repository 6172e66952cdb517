/// A strategy parameter as data: the CLI validates `--param NAME=VALUE` and grids against it.
public struct StrategyParameter: Sendable, Equatable, Codable {
    /// Name used in `--param NAME=VALUE` and grids.
    public let name: String
    /// Used when the parameter is not given.
    public let defaultValue: Double
    /// Smallest allowed value.
    public let minimum: Double
    /// Largest allowed value.
    public let maximum: Double
    /// Whether the value must be a whole number (periods).
    public let isInteger: Bool
    /// One line for help output.
    public let summary: String

    /// A parameter spec.
    public init(_ name: String, default defaultValue: Double, range: ClosedRange<Double>, integer: Bool, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.minimum = range.lowerBound
        self.maximum = range.upperBound
        self.isInteger = integer
        self.summary = summary
    }

    /// Fills defaults into `given` and checks every value against its spec.
    /// - Throws: `BacktestError.unknownParameter` or `.invalidParameter` naming the allowed range.
    static func resolve(_ given: [String: Double], specs: [StrategyParameter],
                        strategy: String) throws(BacktestError) -> [String: Double] {
        let known = specs.map(\.name)
        for name in given.keys.sorted() where !known.contains(name) {
            throw .unknownParameter(strategy: strategy, name: name, known: known)
        }
        var values: [String: Double] = [:]
        for spec in specs {
            let v = given[spec.name] ?? spec.defaultValue
            let range = spec.isInteger ? "whole numbers \(Int(spec.minimum)) ... \(Int(spec.maximum))"
                                       : "\(spec.minimum) ... \(spec.maximum)"
            guard v.isFinite, v >= spec.minimum, v <= spec.maximum, !spec.isInteger || v.rounded() == v else {
                throw .invalidParameter(strategy: strategy, name: spec.name, value: v, allowed: range)
            }
            values[spec.name] = v
        }
        return values
    }
}
