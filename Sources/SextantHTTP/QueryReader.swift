import Hummingbird
import MarketCore
import SextantServices

/// Reads and validates query parameters. Every accessor throws `APIError.invalidParameter` naming the parameter;
/// `finish()` rejects any parameter the endpoint does not know, so typos do not pass silently.
///
/// The pages' GET forms use the same reader with `emptyIsAbsent` (a form sends `sector=` for an untouched "any"
/// choice) and `place: "page"` in the unknown-parameter error.
struct QueryReader {
    private let values: [String: [String]]
    private var used: Set<String> = []
    /// An empty value means "not given" instead of being refused.
    let emptyIsAbsent: Bool
    /// What the parameters belong to, in the unknown-parameter error ("endpoint", "page").
    let place: String

    init(_ request: Request, emptyIsAbsent: Bool = false, place: String = "endpoint") throws {
        self.emptyIsAbsent = emptyIsAbsent
        self.place = place
        var v: [String: [String]] = [:]
        for (k, value) in request.uri.queryParameters {
            let key = String(k)
            guard key.count <= 64 else { throw APIError.invalidParameter(name: String(key.prefix(64)), value: "", allowed: "known parameter names") }
            v[key, default: []].append(String(value))
        }
        values = v
    }

    /// The raw single value of a parameter (repeated parameters are refused; an empty one too, or it is nil with
    /// `emptyIsAbsent`).
    mutating func string(_ name: String, maxLength: Int = 64) throws -> String? {
        used.insert(name)
        guard let all = values[name] else { return nil }
        guard all.count == 1 else { throw APIError.invalidParameter(name: name, value: all.joined(separator: ","), allowed: "a single value") }
        let s = all[0]
        guard s.count <= maxLength else { throw APIError.invalidParameter(name: name, value: s, allowed: "at most \(maxLength) characters") }
        if s.isEmpty {
            if emptyIsAbsent { return nil }
            throw APIError.invalidParameter(name: name, value: s, allowed: "a non-empty value")
        }
        return s
    }

    /// Whether any of the parameters was given a non-empty value.
    func has(_ names: [String]) -> Bool { names.contains { values[$0]?.contains { !$0.isEmpty } ?? false } }

    mutating func int(_ name: String, default d: Int, range: ClosedRange<Int>) throws -> Int {
        guard let s = try string(name, maxLength: 12) else { return d }
        guard let v = Int(s), range.contains(v) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    mutating func double(_ name: String, default d: Double, range: ClosedRange<Double>) throws -> Double {
        guard let s = try string(name, maxLength: 24) else { return d }
        guard let v = Double(s), v.isFinite, range.contains(v) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return v
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default d: T) throws -> T where T.RawValue == String {
        guard let s = try string(name) else { return d }
        guard let v = T(rawValue: s.lowercased()) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }

    mutating func paging() throws -> Paging {
        Paging(page: try int("page", default: 1, range: 1...ServerLimits.maxPage),
               limit: try int("limit", default: ServerLimits.defaultLimit, range: 1...ServerLimits.maxLimit))
    }

    /// `asc` / `desc`.
    mutating func descending(default d: Bool) throws -> Bool {
        guard let s = try string("order") else { return d }
        switch s.lowercased() {
        case "asc": return false
        case "desc": return true
        default: throw APIError.invalidParameter(name: "order", value: s, allowed: "asc or desc")
        }
    }

    /// A `YYYY-MM-DD` date as the start of that UTC day.
    mutating func date(_ name: String) throws -> Timestamp? {
        guard let s = try string(name, maxLength: 10) else { return nil }
        guard let t = Self.parseDate(s) else { throw APIError.invalidParameter(name: name, value: s, allowed: "a date YYYY-MM-DD") }
        return t
    }

    /// `start_date` / `end_date` (inclusive: the end covers its whole day), checked to be in order.
    mutating func timeRange() throws -> (from: Timestamp?, to: Timestamp?) {
        let from = try date("start_date")
        let end = try date("end_date")
        let to = end.map { $0 + 86_400_000 - 1 }
        if let from, let to, from > to {
            throw APIError.invalidParameter(name: "end_date", value: to.dateString, allowed: "a date on or after start_date")
        }
        return (from, to)
    }

    mutating func timeframe(_ name: String = "timeframe") throws -> Timeframe? {
        guard let s = try string(name, maxLength: 4) else { return nil }
        guard let tf = Timeframe(rawValue: s.lowercased()) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "one of " + Timeframe.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return tf
    }

    /// A comma-separated list of symbols (upper-cased), each checked with `Symbols.validate`.
    mutating func symbols(_ name: String = "symbol") throws -> Set<String>? {
        guard let s = try string(name, maxLength: 1100) else { return nil }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 100 else { throw APIError.invalidParameter(name: name, value: s, allowed: "at most 100 symbols") }
        return Set(try parts.map { try Symbols.validate($0, parameter: name) })
    }

    /// A plain word (ASCII letters, digits, spaces and the `punctuation` marks) such as a sector name.
    mutating func word(_ name: String, punctuation: String = "-_") throws -> String? {
        guard let s = try string(name) else { return nil }
        guard s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " \(punctuation)".unicodeScalars.contains($0)) }) else {
            let marks = punctuation.map { "'\($0)'" }.joined(separator: ", ")
            throw APIError.invalidParameter(name: name, value: s, allowed: "letters, digits, \(marks) and spaces")
        }
        return s
    }

    /// Every parameter not read by the endpoint, for endpoints that take free-form parameters (indicators).
    func unread() -> [(String, String)] {
        values.filter { !used.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value.last ?? "") }
    }

    mutating func markRead(_ name: String) { used.insert(name) }

    /// Refuses parameters the endpoint does not take.
    func finish() throws {
        if let (name, value) = unread().first {
            throw APIError.invalidParameter(name: name, value: value, allowed: "no such parameter on this \(place)")
        }
    }

    static func parseDate(_ s: String) -> Timestamp? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard (48...57).contains(b[i]) else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1970...2200).contains(y), (1...12).contains(m) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        return Timestamp.utc(year: y, month: m, day: d)
    }
}

/// Token symbols as the API accepts them.
enum Symbols {
    /// 1–20 ASCII letters or digits, upper-cased; anything else (quotes, spaces, SQL) is a 400 naming the parameter.
    static func validate(_ raw: String, parameter: String) throws -> String {
        let ok = (1...20).contains(raw.utf8.count) && raw.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
        guard ok else { throw APIError.invalidParameter(name: parameter, value: raw, allowed: "1 to 20 letters or digits, such as BTC") }
        return raw.uppercased()
    }
}
