/// A bar length. Bars are aligned on UTC boundaries; weeks start on Monday 00:00 UTC (as Binance's 1w klines).
///
/// ```swift
/// Timeframe(parsing: "1h")?.milliseconds   // 3_600_000
/// ```
public enum Timeframe: String, CaseIterable, Sendable, Codable, Comparable {
    case m1 = "1m", m5 = "5m", m15 = "15m", h1 = "1h", h4 = "4h", d1 = "1d", w1 = "1w"

    /// Parses `1m 5m 15m 1h 4h 1d 1w` (also `1D`, `daily`, `hourly`, `1H`).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "1m", "1min": self = .m1
        case "5m", "5min": self = .m5
        case "15m", "15min": self = .m15
        case "1h", "60m", "hourly": self = .h1
        case "4h": self = .h4
        case "1d", "d", "daily", "day": self = .d1
        case "1w", "w", "weekly", "week": self = .w1
        default: return nil
        }
    }

    /// Length of one bar in milliseconds.
    public var milliseconds: Int64 {
        switch self {
        case .m1: 60_000
        case .m5: 300_000
        case .m15: 900_000
        case .h1: 3_600_000
        case .h4: 14_400_000
        case .d1: 86_400_000
        case .w1: 604_800_000
        }
    }

    /// Bars per 24 hours (fractional for weekly bars).
    public var barsPerDay: Double { 86_400_000 / Double(milliseconds) }

    /// The open time of the bar that contains `t`.
    public func barStart(_ t: Timestamp) -> Timestamp {
        // 1970-01-01 was a Thursday; weekly bars start on Monday, 4 days later.
        let offset: Int64 = self == .w1 ? 4 * 86_400_000 : 0
        let ms = t.milliseconds - offset
        return Timestamp(milliseconds: floorDiv(ms, milliseconds) * milliseconds + offset)
    }

    public static func < (a: Timeframe, b: Timeframe) -> Bool { a.milliseconds < b.milliseconds }
}
