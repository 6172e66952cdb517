/// A point in time: milliseconds since the Unix epoch, UTC.
///
/// ```swift
/// let t = Timestamp(milliseconds: 1_514_764_800_000)   // 2018-01-01T00:00:00Z
/// t.iso8601                                             // "2018-01-01T00:00:00Z"
/// ```
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(milliseconds)
    }

    public var description: String { iso8601 }

    /// Days since the epoch (floor), for calendar arithmetic.
    public var dayNumber: Int64 { floorDiv(milliseconds, 86_400_000) }

    /// The UTC calendar date and time of this instant.
    public var components: DateComponentsUTC { DateComponentsUTC(self) }

    /// `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` milliseconds only when they are not zero.
    public var iso8601: String {
        let c = components
        var s = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        if c.millisecond != 0 { s += "." + pad(c.millisecond, 3) }
        return s + "Z"
    }

    /// `YYYY-MM-DD`.
    public var dateString: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// The instant at the start of the given UTC calendar day.
    public static func utc(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                           millisecond: Int = 0) -> Timestamp {
        let days = daysFromCivil(year: year, month: month, day: day)
        let secs = days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
        return Timestamp(milliseconds: secs * 1000 + Int64(millisecond))
    }

    public static func + (t: Timestamp, ms: Int64) -> Timestamp { Timestamp(milliseconds: t.milliseconds + ms) }
    public static func - (t: Timestamp, ms: Int64) -> Timestamp { Timestamp(milliseconds: t.milliseconds - ms) }
}

/// A UTC calendar breakdown of a `Timestamp` (proleptic Gregorian calendar).
public struct DateComponentsUTC: Equatable, Sendable {
    public var year, month, day, hour, minute, second, millisecond: Int

    public init(_ t: Timestamp) {
        let ms = t.milliseconds
        let days = floorDiv(ms, 86_400_000)
        let rem = ms - days * 86_400_000
        (year, month, day) = civilFromDays(days)
        hour = Int(rem / 3_600_000)
        minute = Int((rem / 60_000) % 60)
        second = Int((rem / 1000) % 60)
        millisecond = Int(rem % 1000)
    }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

private func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
public func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// The civil date of a day number since 1970-01-01.
public func civilFromDays(_ z0: Int64) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
}
