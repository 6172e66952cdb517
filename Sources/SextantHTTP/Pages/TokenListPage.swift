import Foundation
import MarketCore
import MarketIntel
import SextantServices

/// The columns of the signal table, each sortable.
enum SignalColumn: String, CaseIterable {
    case token, sector, signal, entry, since, roi, r24h = "24h", r7d = "7d", r30d = "30d", trader, investor

    var title: String {
        switch self {
        case .token: "Token"
        case .sector: "Sector"
        case .signal: "Signal"
        case .entry: "Entry"
        case .since: "Since"
        case .roi: "ROI since signal"
        case .r24h: "24h"
        case .r7d: "7d"
        case .r30d: "30d"
        case .trader: "Trader Grade"
        case .investor: "Investor Grade"
        }
    }

    /// Numeric columns are right-aligned and sort high-first on the first click.
    var numeric: Bool { ![.token, .sector, .since].contains(self) }

    /// Columns left out on phones (the table still sorts by them from a wider screen's link).
    var hiddenOnPhone: Bool { [.sector, .entry, .since, .r30d].contains(self) }

    /// The header cell's classes.
    var headerClass: String {
        let classes = (numeric ? ["num"] : []) + (hiddenOnPhone ? ["hide-phone"] : [])
        return classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
    }
}

/// The return windows the return filter applies to.
enum ReturnWindow: String, CaseIterable {
    case r24h = "24h", r7d = "7d", r30d = "30d"
}

/// The filters and order of `/`, read from the URL (a GET form writes them), and written back into links.
struct SignalListFilters {
    var window: ReturnWindow = .r7d
    /// Minimum return over `window`, in percent.
    var minReturn: Double?
    var minGrade: Double?
    var grade: GradeKind = .trader
    var timeframe: Timeframe?
    var signal: SignalDirection?
    var sector: String?
    var narrative: String?
    var sort: SignalColumn = .roi
    var descending = true

    /// Reads and checks every parameter (a 400 names the first bad one). `sectors` and `narratives` are the
    /// values the form offers; anything else is refused.
    static func read(_ q: inout PageQuery, sectors: [String], narratives: [String]) throws -> SignalListFilters {
        var f = SignalListFilters()
        f.window = try q.choice("window", ReturnWindow.self) ?? .r7d
        if let s = try q.string("min_return", maxLength: 24) {
            guard let v = Double(s), v.isFinite, v >= -100, v <= 100_000 else {
                throw APIError.invalidParameter(name: "min_return", value: s, allowed: "a percentage from -100 upwards")
            }
            f.minReturn = v
        }
        if let s = try q.string("min_grade", maxLength: 24) {
            guard let v = Double(s), v.isFinite, v >= 0, v <= 100 else {
                throw APIError.invalidParameter(name: "min_grade", value: s, allowed: "a grade from 0 to 100")
            }
            f.minGrade = v
        }
        f.grade = try q.choice("grade", GradeKind.self) ?? .trader
        f.timeframe = try timeframe(&q)
        f.signal = try q.choice("signal", SignalDirection.self)
        if let s = try q.word("sector") {
            guard let known = sectors.first(where: { $0.lowercased() == s.lowercased() }) else {
                throw APIError.invalidParameter(name: "sector", value: s, allowed: "one of " + sectors.joined(separator: ", "))
            }
            f.sector = known
        }
        if let s = try q.string("narrative") {
            guard let known = narratives.first(where: { $0.lowercased() == s.lowercased() }) else {
                throw APIError.invalidParameter(name: "narrative", value: s, allowed: "a narrative the market page lists")
            }
            f.narrative = known
        }
        f.sort = try q.choice("sort", SignalColumn.self) ?? .roi
        if let s = try q.string("order", maxLength: 4) {
            switch s.lowercased() {
            case "asc": f.descending = false
            case "desc": f.descending = true
            default: throw APIError.invalidParameter(name: "order", value: s, allowed: "asc or desc")
            }
        } else {
            f.descending = f.sort.numeric || f.sort == .since
        }
        return f
    }

    /// The `timeframe` filter: 1d or finer (the signal models' timeframes), nil for each token's latest series.
    static func timeframe(_ q: inout PageQuery) throws -> Timeframe? {
        guard let s = try q.string("timeframe", maxLength: 4) else { return nil }
        guard let tf = Timeframe(rawValue: s.lowercased()), tf <= .d1 else {
            throw APIError.invalidParameter(name: "timeframe", value: s, allowed: "one of " + Timeframe.allCases.filter { $0 <= .d1 }.map(\.rawValue).joined(separator: ", "))
        }
        return tf
    }

    /// The service query: the filters the service applies (the return filter and the order are the page's).
    var listQuery: SignalListQuery {
        SignalListQuery(sector: sector, narrative: narrative, timeframe: timeframe, minGrade: minGrade, gradeKind: grade, signal: signal)
    }

    /// The URL parameters that reproduce these filters (defaults left out), with the sort overridden when given.
    func pairs(sort: SignalColumn? = nil, descending: Bool? = nil) -> [(String, String)] {
        var p: [(String, String)] = []
        if window != .r7d || minReturn != nil { p.append(("window", window.rawValue)) }
        if let minReturn { p.append(("min_return", Calculator.plain(minReturn))) }
        if let minGrade { p.append(("min_grade", Calculator.plain(minGrade))); p.append(("grade", grade.rawValue)) }
        if let timeframe { p.append(("timeframe", timeframe.rawValue)) }
        if let signal { p.append(("signal", signal.rawValue)) }
        if let sector { p.append(("sector", sector)) }
        if let narrative { p.append(("narrative", narrative)) }
        let s = sort ?? self.sort, d = descending ?? self.descending
        if s != .roi || !d { p.append(("sort", s.rawValue)); p.append(("order", d ? "desc" : "asc")) }
        return p
    }

    /// The value of a return window in a row.
    func windowReturn(_ r: TradingSignalRow) -> Double? {
        switch window {
        case .r24h: r.roi24h
        case .r7d: r.roi7d
        case .r30d: r.roi30d
        }
    }

    /// Rows passing the return filter, in the chosen order (rows without a value go last, ties by symbol).
    func apply(_ rows: [TradingSignalRow]) -> [TradingSignalRow] {
        var rows = rows
        if let minReturn { rows = rows.filter { windowReturn($0).map { $0 * 100 >= minReturn } ?? false } }
        return Self.sorted(rows, by: sort, descending: descending)
    }

    static func sorted(_ rows: [TradingSignalRow], by column: SignalColumn, descending: Bool) -> [TradingSignalRow] {
        enum Key: Comparable { case number(Double), text(String) }
        func key(_ r: TradingSignalRow) -> Key? {
            switch column {
            case .token: .text(r.symbol)
            case .sector: r.sector.map { .text($0) }
            case .signal: r.signal.map { s in .number(Double(s) * 10 + (r.probability ?? 0.5)) }
            case .entry: r.entryPrice.map { .number($0) }
            case .since: r.entryTime.map { .text($0) }
            case .roi: r.roiSinceSignal.map { .number($0) }
            case .r24h: r.roi24h.map { .number($0) }
            case .r7d: r.roi7d.map { .number($0) }
            case .r30d: r.roi30d.map { .number($0) }
            case .trader: r.traderGrade.map { .number($0) }
            case .investor: r.investorGrade.map { .number($0) }
            }
        }
        return SignalQueryService.sortedMissingLast(rows, descending: descending, symbol: \.symbol, key: key)
    }
}

/// `/`: every token's current signal with entry, ROI since the signal, returns and grades; filters in the URL.
enum TokenListPage {
    static func render(_ rows: [TradingSignalRow], total: Int, filters f: SignalListFilters, sectors: [String], narratives: [String],
                       asOf: Timestamp) -> String {
        var s = "<h1>Signals</h1><p class=\"meta\">\(rows.count) of \(total) tokens · signals and grades from data known at \(asOf.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ")) UTC · sorted by \(f.sort.title), \(f.descending ? "high to low" : "low to high")</p>"
        s += form(f, sectors: sectors, narratives: narratives)
        s += "<div class=\"scroll\"><table><caption>Tokens with their current signal. Column headers sort the table.</caption><thead><tr>"
        for c in SignalColumn.allCases {
            let active = c == f.sort
            let next = active ? !f.descending : (c.numeric || c == .since)
            let mark = active ? (f.descending ? " ▼" : " ▲") : ""
            let aria = active ? " aria-sort=\"\(f.descending ? "descending" : "ascending")\"" : ""
            s += "<th scope=\"col\"\(aria)\(c.headerClass)><a href=\"\(HTML.href("/", f.pairs(sort: c, descending: next)))\">\(c.title)\(mark)</a></th>"
        }
        s += "</tr></thead><tbody>"
        for r in rows {
            let sym = HTML.escape(r.symbol)
            s += "<tr><th scope=\"row\" class=\"tok\"><a href=\"/tokens/\(sym)\">\(sym)</a>\(r.name.map { " <small>\(HTML.escape($0))</small>" } ?? "")</th>"
            s += "<td class=\"hide-phone\">\(HTML.escape(r.sector ?? "–"))</td>"
            if r.signal != nil {
                s += "<td class=\"num sig\">\(TokenPage.signalBadge(r.signal)) <small class=\"hide-phone\">\(HTML.escape(r.timeframe)) · P \(HTML.fixed(r.probability, 2))</small></td>"
            } else {
                s += "<td class=\"num\"><small>\(HTML.escape(r.note ?? "no signal"))</small></td>"
            }
            s += "<td class=\"num hide-phone\">\(HTML.price(r.entryPrice))</td><td class=\"date hide-phone\">\(HTML.escape(r.entryTime.map { r.timeframe == "1d" ? String($0.prefix(10)) : String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "–"))</td>"
            s += HTML.percentCell(fraction: r.roiSinceSignal) + HTML.percentCell(fraction: r.roi24h) + HTML.percentCell(fraction: r.roi7d) + HTML.percentCell(fraction: r.roi30d, extraClass: "hide-phone")
            s += "<td class=\"num\">\(HTML.fixed(r.traderGrade, 0))</td><td class=\"num\">\(HTML.fixed(r.investorGrade, 0))</td></tr>"
        }
        if rows.isEmpty {
            s += "<tr><td colspan=\"\(SignalColumn.allCases.count)\">No token matches these filters. <a href=\"/\">Clear the filters</a>.</td></tr>"
        }
        s += "</tbody></table></div>"
        s += "<p class=\"hint\">ROI since signal: last close / close of the bar where the current signal began − 1. Returns are of the signal bars. Grades are 0–100; open a token for the sub-grades.</p>"
        return HTML.page("Signals", section: .tokens, s)
    }

    static func form(_ f: SignalListFilters, sectors: [String], narratives: [String]) -> String {
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String?, any: String?) -> String {
            var s = "<label>\(label) <select name=\"\(name)\">"
            if let any { s += "<option value=\"\"\(selected == nil ? " selected" : "")>\(any)</option>" }
            for (v, text) in options { s += "<option value=\"\(HTML.escape(v))\"\(v == selected ? " selected" : "")>\(HTML.escape(text))</option>" }
            return s + "</select></label>"
        }
        var s = "<form class=\"filters\" method=\"get\" action=\"/\" aria-label=\"Filters\">"
        s += select("signal", "Signal", SignalDirection.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }, f.signal?.rawValue, any: "Any")
        s += select("timeframe", "Timeframe", [("1h", "1 hour"), ("1d", "1 day")], f.timeframe?.rawValue, any: "Latest per token")
        s += select("sector", "Sector", sectors.map { ($0, $0) }, f.sector, any: "Any")
        s += select("narrative", "Narrative", narratives.map { ($0, $0) }, f.narrative, any: "Any")
        s += select("grade", "Grade", [("trader", "Trader"), ("investor", "Investor")], f.grade.rawValue, any: nil)
        s += "<label>Minimum grade <input name=\"min_grade\" inputmode=\"decimal\" placeholder=\"0–100\" value=\"\(f.minGrade.map(Calculator.plain) ?? "")\"></label>"
        s += select("window", "Return window", ReturnWindow.allCases.map { ($0.rawValue, $0.rawValue) }, f.window.rawValue, any: nil)
        s += "<label>Minimum return (%) <input name=\"min_return\" inputmode=\"decimal\" placeholder=\"e.g. -5\" value=\"\(f.minReturn.map(Calculator.plain) ?? "")\"></label>"
        if f.sort != .roi || !f.descending {
            s += "<input type=\"hidden\" name=\"sort\" value=\"\(f.sort.rawValue)\"><input type=\"hidden\" name=\"order\" value=\"\(f.descending ? "desc" : "asc")\">"
        }
        s += "<button type=\"submit\">Apply</button> <a class=\"reset\" href=\"/\">Reset</a></form>"
        return s
    }
}

extension TokenListPage {
    /// The narrative filter's choices: terms seen in the last 30 days of the stored headlines, most recent first,
    /// plus the chosen one.
    static func recentTerms(_ narratives: [Narrative], keeping chosen: String?) -> [String] {
        let latest = narratives.map(\.lastSeen).max() ?? ""
        let cutoff = QueryReader.parseDate(latest).map { ($0 - 30 * 86_400_000).dateString } ?? ""
        var terms: [String] = []
        for n in narratives.filter({ $0.lastSeen >= cutoff }).sorted(by: { ($0.lastSeen, $0.strength) > ($1.lastSeen, $1.strength) })
        where !terms.contains(n.term) { terms.append(n.term) }
        if let chosen, !terms.contains(chosen) { terms.insert(chosen, at: 0) }
        return terms
    }
}
