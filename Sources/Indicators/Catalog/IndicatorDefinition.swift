/// TA-Lib's function groups.
public enum IndicatorGroup: String, CaseIterable, Sendable, Codable {
    case overlapStudies = "Overlap Studies"
    case momentum = "Momentum Indicators"
    case volume = "Volume Indicators"
    case volatility = "Volatility Indicators"
    case priceTransform = "Price Transform"
    case cycle = "Cycle Indicators"
    case patternRecognition = "Pattern Recognition"
    case statistics = "Statistic Functions"
    case mathTransform = "Math Transform"
    case mathOperators = "Math Operators"
}

/// A bar field an indicator reads.
public enum BarField: String, Sendable, Codable, CaseIterable {
    case open, high, low, close, volume, periods
}

/// One input of a function: TA-Lib's abstract name for it (`price`, `price0`, `prices`) and the bar field
/// the catalog feeds it from.
public struct InputSpec: Sendable, Codable, Equatable {
    public let role: String
    public let field: BarField

    public init(_ role: String, _ field: BarField) {
        self.role = role
        self.field = field
    }

    /// `price` read from `close`: the input of single-series functions.
    public static let real = InputSpec("price", .close)
    /// The first series of a two-series function, read from `high`.
    public static let real0 = InputSpec("price0", .high)
    /// The second series of a two-series function, read from `low`.
    public static let real1 = InputSpec("price1", .low)
    public static func prices(_ fields: BarField...) -> [InputSpec] { fields.map { InputSpec("prices", $0) } }
}

/// A parameter's kind.
public enum ParameterKind: String, Sendable, Codable {
    /// A whole number (periods).
    case integer
    /// A real number (deviations, factors, limits).
    case real
    /// TA-Lib's moving-average type, 0 SMA ... 13 RMA (see `MAType`).
    case maType
}

/// A parameter as TA-Lib defines it: name, kind, default and allowed range.
public struct ParameterSpec: Sendable, Codable, Equatable {
    public let name: String
    public let kind: ParameterKind
    public let defaultValue: Double
    public let minimum: Double
    public let maximum: Double
    public let summary: String

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: Double, range: ClosedRange<Double>,
                _ summary: String = "") {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.minimum = range.lowerBound
        self.maximum = range.upperBound
        self.summary = summary
    }

    /// An integer period with TA-Lib's usual range.
    public static func period(_ name: String = "timeperiod", default d: Int, min: Int = 2, max: Int = 100_000,
                              _ summary: String = "Number of bars") -> ParameterSpec {
        ParameterSpec(name, .integer, default: Double(d), range: Double(min)...Double(max), summary)
    }

    /// A moving-average type parameter (0 ... 13).
    public static func maType(_ name: String = "matype", default d: MAType = .sma) -> ParameterSpec {
        ParameterSpec(name, .maType, default: Double(d.rawValue), range: 0...Double(MAType.allCases.count - 1),
                      "Moving-average type: " + MAType.allCases.map { "\($0.rawValue) \($0.shortName)" }.joined(separator: ", "))
    }

    /// A real-valued parameter.
    public static func real(_ name: String, default d: Double, range: ClosedRange<Double>, _ summary: String = "") -> ParameterSpec {
        ParameterSpec(name, .real, default: d, range: range, summary)
    }
}

/// An output: its TA-Lib name and whether its values are integers (pattern signals, indices, trend mode).
public struct OutputSpec: Sendable, Codable, Equatable {
    public let name: String
    public let isInteger: Bool

    public init(_ name: String, integer: Bool = false) {
        self.name = name
        self.isInteger = integer
    }

    public static let real = OutputSpec("real")
    public static let integer = OutputSpec("integer", integer: true)
}

/// Validated parameter values of one call, by name. Built by `IndicatorDefinition.parameters(_:)`.
public struct Parameters: Sendable, Equatable {
    public private(set) var values: [String: Double]

    public init(_ values: [String: Double]) { self.values = values }

    /// An integer parameter. - Precondition: the name is one of the function's parameters.
    public func int(_ name: String) -> Int { Int(values[name] ?? .nan) }
    /// A real parameter.
    public func double(_ name: String) -> Double { values[name] ?? .nan }
    /// A moving-average type parameter.
    public func maType(_ name: String = "matype") -> MAType { MAType(rawValue: int(name)) ?? .sma }
}

/// Whether a function streams in O(1) or O(window) per bar.
public enum StreamingSupport: Sendable, Equatable {
    case yes
    /// Streams, but not in bounded work per bar; the reason says why.
    case no(String)
}

/// One function of the catalog: its description as data, plus how to build its running state.
public struct IndicatorDefinition: Sendable {
    /// TA-Lib's name, e.g. `RSI`.
    public let id: String
    /// A human name, e.g. `Relative Strength Index`.
    public let name: String
    public let group: IndicatorGroup
    public let inputs: [InputSpec]
    public let parameters: [ParameterSpec]
    public let outputs: [OutputSpec]
    public let streaming: StreamingSupport
    private let lookbackFn: @Sendable (Parameters) -> Int
    private let makeFn: @Sendable (Parameters) -> any StreamingIndicator
    private let batchFn: @Sendable (BarColumns, Parameters) -> [[Double]]
    private let feedFn: @Sendable (BarColumns, Parameters) -> Double
    /// The value of each output where there is none: NaN, or 0 for integer outputs.
    public let blank: [Double]

    /// - Parameters:
    ///   - lookback: TA-Lib's lookback: the number of leading bars with no output.
    ///   - make: builds the running state for validated parameters.
    ///   - batch: an optional faster batch form; it must equal running `make`'s state over the series.
    public init<S: StreamingIndicator>(
        _ id: String, name: String, group: IndicatorGroup, inputs: [InputSpec], parameters: [ParameterSpec] = [],
        outputs: [OutputSpec] = [.real], streaming: StreamingSupport = .yes,
        lookback: @escaping @Sendable (Parameters) -> Int,
        make: @escaping @Sendable (Parameters) -> S,
        batch: (@Sendable (BarColumns, Parameters) -> [[Double]])? = nil
    ) {
        self.id = id
        self.name = name
        self.group = group
        self.inputs = inputs
        self.parameters = parameters
        self.outputs = outputs
        self.streaming = streaming
        self.lookbackFn = lookback
        self.makeFn = { make($0) }
        self.feedFn = { input, p in
            var state = make(p)   // the concrete state type, as a Swift caller holding e.g. an RSIState has it
            var out = IndicatorOutputs()
            var sum = 0.0
            for i in 0..<input.count where state.update(input[i], into: &out) {
                sum += out.v0.isFinite ? out.v0 : 0
            }
            return sum
        }
        let count = outputs.count
        // TA-Lib returns integer outputs (patterns, indices, trend mode) as integer arrays, which hold 0, not
        // NaN, where there is no value; the catalog does the same so its outputs compare equal.
        let blank = outputs.map { $0.isInteger ? 0.0 : Double.nan }
        self.blank = blank
        self.batchFn = batch ?? { columns, p in IndicatorRunner.batch(make(p), columns, outputCount: count, blank: blank) }
    }

    /// Checks `given` against the parameter specs and fills in defaults.
    /// - Throws: `IndicatorError` naming the parameter, its value and the allowed range.
    public func parameters(_ given: [String: Double] = [:]) throws(IndicatorError) -> Parameters {
        var values: [String: Double] = [:]
        let known = Set(parameters.map(\.name))
        for name in given.keys.sorted() where !known.contains(name) {
            throw .unknownParameter(function: id, name: name, known: parameters.map(\.name))
        }
        for spec in parameters {
            let v = given[spec.name] ?? spec.defaultValue
            guard v.isFinite else { throw .invalidParameter(function: id, spec: spec, value: v, reason: "must be a finite number") }
            if spec.kind != .real && v.rounded() != v {
                throw .invalidParameter(function: id, spec: spec, value: v, reason: "must be a whole number")
            }
            guard v >= spec.minimum && v <= spec.maximum else {
                throw .invalidParameter(function: id, spec: spec, value: v, reason: "is out of range")
            }
            values[spec.name] = v
        }
        return Parameters(values)
    }

    /// Leading bars with no output for these parameters.
    public func lookback(_ p: Parameters) -> Int { lookbackFn(p) }

    /// A fresh running state.
    public func stream(_ p: Parameters) -> IndicatorStream { IndicatorStream(makeFn(p), outputCount: outputs.count, blank: blank) }

    /// The batch form: one column per output, one row per input bar, NaN where there is no value.
    public func run(_ input: BarColumns, _ p: Parameters) -> [[Double]] { batchFn(input, p) }
}

/// Errors from looking up functions and checking parameters.
public enum IndicatorError: Error, Equatable, CustomStringConvertible {
    case unknownFunction(String, suggestions: [String])
    case unknownParameter(function: String, name: String, known: [String])
    case invalidParameter(function: String, spec: ParameterSpec, value: Double, reason: String)

    public var description: String {
        switch self {
        case let .unknownFunction(name, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            return "unknown function '\(name)'\(hint) ('sextant ta list' shows all)"
        case let .unknownParameter(function, name, known):
            let list = known.isEmpty ? "it takes no parameters" : "its parameters are \(known.joined(separator: ", "))"
            return "\(function) has no parameter '\(name)': \(list)"
        case let .invalidParameter(function, spec, value, reason):
            // Whole numbers print without a fraction ("14"); anything else as given ("2.5", "1e+30", "nan").
            let fmt = { (x: Double) in spec.kind != .real && x.isFinite && x.rounded() == x && abs(x) < 1e15 ? "\(Int(x))" : "\(x)" }
            let shown = fmt(value)
            return "\(function) parameter \(spec.name)=\(shown) \(reason): allowed \(spec.kind == .real ? "real" : "integer") values are \(fmt(spec.minimum))...\(fmt(spec.maximum))"
        }
    }
}

extension IndicatorDefinition {
    /// Feeds every bar of `input` through a fresh running state of the function's own state type (e.g.
    /// `RSIState`, as a Swift caller uses it), one bar at a time, as a live feed would, and returns a checksum
    /// of the outputs (so the work cannot be optimised away). For benchmarks of the streaming update.
    public func streamAll(_ input: BarColumns, _ p: Parameters) -> Double { feedFn(input, p) }

    /// `streamAll` through the type-erased `IndicatorStream` the catalog hands out (`stream(_:)`), one
    /// `update(_:into:)` call per bar: what a caller that picks functions by name at run time pays per bar.
    public func streamAllErased(_ input: BarColumns, _ p: Parameters) -> Double {
        var stream = stream(p)
        var out = IndicatorOutputs()
        var sum = 0.0
        for i in 0..<input.count where stream.update(input[i], into: &out) {
            sum += out.v0.isFinite ? out.v0 : 0
        }
        return sum
    }
}
