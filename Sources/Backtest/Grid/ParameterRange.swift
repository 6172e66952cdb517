/// One `--grid NAME=FROM:TO:STEP` range: the values `FROM, FROM+STEP, ...` up to `TO` inclusive.
///
/// ```swift
/// try ParameterRange(parsing: "fast=5:50:5").values   // [5, 10, ..., 50]
/// ```
public struct ParameterRange: Sendable, Equatable, Codable {
    /// The strategy parameter the range varies.
    public let name: String
    /// First value.
    public let from: Double
    /// Last value (inclusive, when a whole number of steps away).
    public let to: Double
    /// Distance between values, positive.
    public let step: Double

    /// The most values one range may hold.
    public static let maximumValues = 100_000

    /// - Throws: `BacktestError.invalidGridRange` when `from > to`, `step <= 0` or a value is not finite.
    public init(name: String, from: Double, to: Double, step: Double) throws(BacktestError) {
        let text = "\(name)=\(from):\(to):\(step)"
        guard !name.isEmpty else { throw .invalidGridRange(text, reason: "the parameter name is empty") }
        guard from.isFinite, to.isFinite, step.isFinite else { throw .invalidGridRange(text, reason: "values must be finite numbers") }
        guard step > 0 else { throw .invalidGridRange(text, reason: "STEP must be positive") }
        guard from <= to else { throw .invalidGridRange(text, reason: "FROM must not exceed TO") }
        guard (to - from) / step < Double(Self.maximumValues) else {
            throw .invalidGridRange(text, reason: "more than \(Self.maximumValues) values")
        }
        self.name = name
        self.from = from
        self.to = to
        self.step = step
    }

    /// Parses `NAME=FROM:TO:STEP`.
    /// - Throws: `BacktestError.invalidGridRange` saying which part is wrong.
    public init(parsing text: String) throws(BacktestError) {
        let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard sides.count == 2 else { throw .invalidGridRange(text, reason: "missing '='") }
        let parts = sides[1].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .invalidGridRange(text, reason: "expected three numbers FROM:TO:STEP") }
        var numbers: [Double] = []
        for p in parts {
            guard let v = Double(p.trimmingWhitespace()) else {
                throw .invalidGridRange(text, reason: "'\(p)' is not a number")
            }
            numbers.append(v)
        }
        try self.init(name: String(sides[0].trimmingWhitespace()), from: numbers[0], to: numbers[1], step: numbers[2])
    }

    /// The values, `from + k * step` for `k = 0, 1, ...` while `<= to` (with a 1e-9-step allowance for rounding).
    public var values: [Double] {
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { from + Double($0) * step }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
