import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketCore
import SextantHTTP
import SextantServices
import SextantSQLite
import Testing

/// `/`: the signal table, its filters and its sorting, against `SignalQueryService` rows.
@Suite struct TokenListPageTests {
    /// The rows of the page, in order, as symbols.
    static func symbols(_ html: String) -> [String] {
        html.components(separatedBy: "<th scope=\"row\" class=\"tok\"><a href=\"/tokens/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// Rows ordered by `value` (missing values last, ties by symbol).
    static func ordered(_ rows: [TradingSignalRow], descending: Bool, _ value: (TradingSignalRow) -> Double?) -> [String] {
        rows.sorted { a, b in
            switch (value(a), value(b)) {
            case let (x?, y?): return x != y ? (descending ? x > y : x < y) : a.symbol < b.symbol
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.symbol < b.symbol
            }
        }.map(\.symbol)
    }

    static func rows(_ s: TestServer, _ q: SignalListQuery = SignalListQuery()) throws -> [TradingSignalRow] {
        try SignalQueryService(repository: s.repository, models: try PageText.models()).currentSignals(q, asOf: systemClock())
    }

    @Test("by default every token is listed by ROI since its signal, high first, with entry, returns and both grades")
    func defaultOrder() async throws {
        let s = try TestServer()
        let rows = try Self.rows(s)
        #expect(rows.contains { $0.roiSinceSignal != nil })
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Self.symbols(r.text) == Self.ordered(rows, descending: true) { $0.roiSinceSignal })
                #expect(r.text.contains("<th scope=\"col\" aria-sort=\"descending\" class=\"num\"><a href=\"/?sort=roi&amp;order=asc\">ROI since signal ▼</a></th>"))
                for row in rows {
                    let line = PageText.between(r.text, "<a href=\"/tokens/\(row.symbol)\">", "</tr>")
                    if let roi = row.roiSinceSignal { #expect(line.contains(String(format: "%+.2f%%", roi * 100))) }
                    if let d7 = row.roi7d { #expect(line.contains(String(format: "%+.2f%%", d7 * 100))) }
                    if let g = row.traderGrade { #expect(line.contains("<td class=\"num\">\(String(format: "%.0f", g))</td>")) }
                    if let g = row.investorGrade { #expect(line.hasSuffix("<td class=\"num\">\(String(format: "%.0f", g))</td>")) }
                    if let e = row.entryTime { #expect(line.contains(String(e.prefix(10)))) }
                    if let sector = row.sector { #expect(line.contains("<td class=\"hide-phone\">\(sector)</td>")) }
                }
            }
        }
    }

    @Test("every column sorts both ways from its header link")
    func sorting() async throws {
        let s = try TestServer()
        let rows = try Self.rows(s)
        let numeric: [(String, @Sendable (TradingSignalRow) -> Double?)] = [
            ("roi", { $0.roiSinceSignal }), ("24h", { $0.roi24h }), ("7d", { $0.roi7d }), ("30d", { $0.roi30d }),
            ("trader", { $0.traderGrade }), ("investor", { $0.investorGrade }), ("entry", { $0.entryPrice }),
        ]
        try await s.app.test(.router) { client in
            for (column, value) in numeric {
                for descending in [true, false] {
                    try await client.execute(uri: "/?sort=\(column)&order=\(descending ? "desc" : "asc")", method: .get) { r in
                        #expect(r.status == .ok)
                        #expect(Self.symbols(r.text) == Self.ordered(rows, descending: descending, value), "\(column) \(descending)")
                    }
                }
            }
            try await client.execute(uri: "/?sort=token&order=asc", method: .get) { r in
                #expect(Self.symbols(r.text) == rows.map(\.symbol).sorted())
            }
            try await client.execute(uri: "/?sort=token&order=desc", method: .get) { r in
                #expect(Self.symbols(r.text) == rows.map(\.symbol).sorted(by: >))
            }
            try await client.execute(uri: "/?sort=since&order=desc", method: .get) { r in
                let expected = rows.sorted { a, b in
                    switch (a.entryTime, b.entryTime) {
                    case let (x?, y?): return x != y ? x > y : a.symbol < b.symbol
                    case (_?, nil): return true
                    case (nil, _?): return false
                    case (nil, nil): return a.symbol < b.symbol
                    }
                }.map(\.symbol)
                #expect(Self.symbols(r.text) == expected)
            }
            try await client.execute(uri: "/?sort=sector&order=asc", method: .get) { r in
                let sectors = Self.symbols(r.text).map { sym in rows.first { $0.symbol == sym }?.sector }
                let present = sectors.compactMap { $0 }
                #expect(present == present.sorted())
                #expect(sectors.firstIndex(of: nil).map { i in sectors[i...].allSatisfy { $0 == nil } } ?? true)
            }
        }
    }

    @Test("filters for signal type, minimum grade, sector, return window and timeframe select the rows the services give")
    func filters() async throws {
        let s = try TestServer()
        let rows = try Self.rows(s)
        let byROI: @Sendable ([TradingSignalRow]) -> [String] = { rs in Self.ordered(rs, descending: true) { $0.roiSinceSignal } }
        try await s.app.test(.router) { client in
            for direction in SignalDirection.allCases {
                try await client.execute(uri: "/?signal=\(direction.rawValue)", method: .get) { r in
                    #expect(Self.symbols(r.text) == byROI(rows.filter { SignalDirection(signal: $0.signal) == direction }))
                    #expect(r.text.contains("<option value=\"\(direction.rawValue)\" selected>"))
                }
            }
            try await client.execute(uri: "/?min_grade=50&grade=investor", method: .get) { r in
                #expect(Self.symbols(r.text) == byROI(rows.filter { ($0.investorGrade ?? -1) >= 50 }))
                #expect(r.text.contains("name=\"min_grade\" inputmode=\"decimal\" placeholder=\"0–100\" value=\"50\""))
            }
            try await client.execute(uri: "/?min_grade=45", method: .get) { r in
                #expect(Self.symbols(r.text) == byROI(rows.filter { ($0.traderGrade ?? -1) >= 45 }))
            }
            try await client.execute(uri: "/?sector=L1", method: .get) { r in
                let l1 = rows.filter { $0.sector == "L1" }
                #expect(!l1.isEmpty && l1.count < rows.count)
                #expect(Self.symbols(r.text) == byROI(l1))
            }
            try await client.execute(uri: "/?window=30d&min_return=0", method: .get) { r in
                #expect(Self.symbols(r.text) == byROI(rows.filter { ($0.roi30d ?? -.infinity) >= 0 }))
            }
            try await client.execute(uri: "/?window=24h&min_return=-1.5", method: .get) { r in
                #expect(Self.symbols(r.text) == byROI(rows.filter { ($0.roi24h ?? -.infinity) * 100 >= -1.5 }))
            }
            let daily = try Self.rows(s, SignalListQuery(timeframe: .d1))
            try await client.execute(uri: "/?timeframe=1d", method: .get) { r in
                #expect(Self.symbols(r.text) == byROI(daily))
            }
            try await client.execute(uri: "/?timeframe=1h", method: .get) { r in
                #expect(Self.symbols(r.text).isEmpty)
                #expect(r.text.contains("No token matches these filters."))
            }
            // Sort links keep the filters; the form keeps the sort.
            try await client.execute(uri: "/?signal=bearish&sort=trader&order=asc", method: .get) { r in
                #expect(r.text.contains("href=\"/?signal=bearish&amp;sort=investor&amp;order=desc\""))
                #expect(r.text.contains("<input type=\"hidden\" name=\"sort\" value=\"trader\"><input type=\"hidden\" name=\"order\" value=\"asc\">"))
            }
        }
    }

    @Test("the narrative filter keeps the tokens the narrative names")
    func narrativeFilter() async throws {
        let s = try TestServer()
        let narratives = try IntelService(repository: s.repository).narratives(since: nil)
        let rows = try Self.rows(s)
        let held = Set(rows.map(\.symbol))
        let narrative = try #require(narratives.first { !Set($0.linkedTokens).isDisjoint(with: held) })
        let linked = Set(narratives.filter { $0.term.lowercased() == narrative.term.lowercased() }.flatMap(\.linkedTokens).map { $0.uppercased() })
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/?narrative=" + HTMLTestURL.encode(narrative.term), method: .get) { r in
                #expect(r.status == .ok)
                #expect(Self.symbols(r.text) == Self.ordered(rows.filter { linked.contains($0.symbol) }, descending: true) { $0.roiSinceSignal })
            }
        }
    }

    @Test("a bad filter value is a 400 page naming the parameter, with the value escaped")
    func badFilters() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            let cases = [("min_grade=abc", "min_grade"), ("min_grade=101", "min_grade"), ("signal=up", "signal"), ("sector=Moon", "sector"),
                         ("narrative=nothing-like-this", "narrative"), ("timeframe=1w", "timeframe"), ("sort=price", "sort"),
                         ("order=up", "order"), ("window=2d", "window"), ("min_return=x", "min_return"), ("grade=hodler", "grade"),
                         ("foo=1", "foo"), ("signal=bullish&signal=bearish", "signal")]
            for (query, parameter) in cases {
                try await client.execute(uri: "/?" + query, method: .get) { r in
                    #expect(r.status == .badRequest, "\(query)")
                    #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(r.text.contains("The parameter <code>\(parameter)</code> is not valid."), "\(query)")
                }
            }
            try await client.execute(uri: "/?narrative=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(!r.text.contains("<script>"))
                #expect(r.text.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            try await client.execute(uri: "/?sector=%3Cb%3E", method: .get) { r in
                #expect(r.status == .badRequest)
                #expect(!r.text.contains("<b>"))
            }
            // An empty field from the form means "any".
            try await client.execute(uri: "/?signal=&timeframe=&sector=&narrative=&grade=trader&min_grade=&window=7d&min_return=", method: .get) { r in
                #expect(r.status == .ok)
            }
        }
    }
}

/// Percent-encoding for test URLs.
enum HTMLTestURL {
    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}
