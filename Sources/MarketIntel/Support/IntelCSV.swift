import Foundation
import MarketCore

/// Parsers from CSV text to the MarketIntel input types, for the CLI and tests (text in, typed values out; no file I/O).
public enum IntelCSV {
    /// A `daily_marketcap` file (`date,symbol,...,close,volume,market_cap`) as a `DailyCoinSeries`.
    ///
    /// The symbol is taken from the `symbol` column when present, else from `fallbackSymbol`. CoinGecko exports
    /// (`date,price,market_cap,total_volume`) are read too. Empty numeric cells become NaN.
    /// - Throws: `IntelError.missingColumn`, or `.badRow` with the line of a row without a valid date or number.
    public static func dailyCoinSeries(text: String, fallbackSymbol: String = "") throws(IntelError) -> DailyCoinSeries {
        let table = CSVTable(text: text)
        let dates = try table.requireColumn("date")
        let closeCol = table.columnIndex("close") ?? table.columnIndex("price")
        guard let closeK = closeCol else { throw .missingColumn("close", available: table.header) }
        guard let volK = table.columnIndex("volume") ?? table.columnIndex("total_volume") else { throw .missingColumn("volume", available: table.header) }
        guard let capK = table.columnIndex("market_cap") else { throw .missingColumn("market_cap", available: table.header) }
        let symK = table.columnIndex("symbol")
        var d: [Int64] = [], c: [Double] = [], v: [Double] = [], m: [Double] = []
        d.reserveCapacity(dates.count)
        for (r, row) in table.rows.enumerated() {
            let line = table.lines[r]
            guard let day = DayFormat.day(dates[r]) else {
                throw .badRow(line: line, reason: "no valid date (YYYY-MM-DD) in column date: \"\(dates[r])\"")
            }
            func number(_ k: Int, _ name: String) throws(IntelError) -> Double {
                // An empty cell (a value the source does not have) is NaN, not an error; text that is not a number is.
                if row[k].isEmpty { return .nan }
                guard let x = Double(row[k]) else { throw .badRow(line: line, reason: "\(name) \"\(row[k])\" is not a number") }
                return x
            }
            d.append(day); c.append(try number(closeK, "close")); v.append(try number(volK, "volume")); m.append(try number(capK, "market_cap"))
        }
        let symbol = symK.flatMap { k in table.rows.first.map { $0[k] } } ?? fallbackSymbol
        return try DailyCoinSeries(symbol: symbol.isEmpty ? fallbackSymbol : symbol, day: d, close: c, volume: v, marketCap: m)
    }

    /// A file holding several coins (`date,symbol,close,volume,market_cap`, rows of one symbol in date order) as one
    /// series per symbol.
    /// - Throws: `IntelError.missingColumn` / `.badRow` as `dailyCoinSeries(text:)`.
    public static func dailyCoinSeriesBySymbol(text: String) throws(IntelError) -> [String: DailyCoinSeries] {
        let table = CSVTable(text: text)
        guard let symK = table.columnIndex("symbol") else { throw .missingColumn("symbol", available: table.header) }
        var order: [String] = []
        var lines: [String: [String]] = [:]
        let header = table.header.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        for row in table.rows {
            let sym = row[symK].uppercased()
            if lines[sym] == nil { order.append(sym); lines[sym] = [header] }
            lines[sym]?.append(row.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: ","))
        }
        var out: [String: DailyCoinSeries] = [:]
        for sym in order { out[sym] = try dailyCoinSeries(text: (lines[sym] ?? []).joined(separator: "\n"), fallbackSymbol: sym) }
        return out
    }

    /// A two-column `date,<value>` file (market-structure series) as a `MarketMetricSeries`.
    /// - Throws: `IntelError.badRow` with the line of a row without a valid date or number.
    public static func metricSeries(text: String, valueColumn: String? = nil) throws(IntelError) -> MarketMetricSeries {
        let table = CSVTable(text: text)
        guard let dk = table.columnIndex("date") else { throw .missingColumn("date", available: table.header) }
        let name = valueColumn ?? table.header.first(where: { $0 != "date" }) ?? ""
        guard let vk = table.columnIndex(name) else { throw .missingColumn(name, available: table.header) }
        var s = MarketMetricSeries(name: name)
        for (r, row) in table.rows.enumerated() {
            guard let day = DayFormat.day(row[dk]) else { throw .badRow(line: table.lines[r], reason: "no valid date (YYYY-MM-DD): \"\(row[dk])\"") }
            guard let x = Double(row[vk]) else { throw .badRow(line: table.lines[r], reason: "\(name) \"\(row[vk])\" is not a number") }
            s.time.append(Timestamp(milliseconds: day * 86_400_000)); s.value.append(x)
        }
        return s
    }

    /// Headlines from a CSV with a text column (default `title`) and, optionally, a `published_at` column.
    ///
    /// When `requireDate` is true a row without a parsable `published_at` is an error naming its line; otherwise its
    /// time is 0 (1970-01-01) and only its text is used.
    /// - Throws: `IntelError.missingColumn` or `.badRow`.
    public static func headlines(text: String, textColumn: String = "title", dateColumn: String = "published_at",
                                 requireDate: Bool = false) throws(IntelError) -> [Headline] {
        let table = CSVTable(text: text)
        guard let tk = table.columnIndex(textColumn) else { throw .missingColumn(textColumn, available: table.header) }
        let dk = table.columnIndex(dateColumn)
        if requireDate && dk == nil { throw .missingColumn(dateColumn, available: table.header) }
        var out: [Headline] = []
        out.reserveCapacity(table.rows.count)
        for (r, row) in table.rows.enumerated() {
            var time = Timestamp(milliseconds: 0)
            if let dk {
                if let t = parseTimestamp(row[dk]) { time = t } else if requireDate {
                    throw .badRow(line: table.lines[r], reason: "no valid \(dateColumn) (ISO-8601 such as 2024-08-28T08:09:37Z): \"\(row[dk])\"")
                }
            }
            var extra: [String: String] = [:]
            for (k, h) in table.header.enumerated() where k != tk && k != dk { extra[h] = row[k] }
            out.append(Headline(time: time, title: row[tk], source: extra["source"] ?? extra["source_domain"], url: extra["url"], extra: extra))
        }
        return out
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS[.fff][Z]` (no zone = UTC) as a timestamp.
    public static func parseTimestamp(_ text: String) -> Timestamp? {
        let s = Array(text.utf8)
        guard let day = DayFormat.day(text) else { return nil }
        var ms = day * 86_400_000
        if s.count > 10 {
            guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ") else { return nil }
            func two(_ k: Int) -> Int64? {
                guard k + 1 < s.count, (48...57).contains(s[k]), (48...57).contains(s[k + 1]) else { return nil }
                return Int64(s[k] - 48) * 10 + Int64(s[k + 1] - 48)
            }
            guard let h = two(11), let mi = two(14), h < 24, mi < 60 else { return nil }
            ms += h * 3_600_000 + mi * 60_000
            if let sec = two(17), sec < 61 { ms += sec * 1000 }
        }
        return Timestamp(milliseconds: ms)
    }
}
