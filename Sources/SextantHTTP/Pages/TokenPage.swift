import Foundation
import MarketCore
import Risk
import SextantServices
import Signals

/// The chart windows of the token page.
enum ChartRange: String, CaseIterable {
    case d30 = "30d", d90 = "90d", y1 = "1y", all

    var days: Int? {
        switch self {
        case .d30: 30
        case .d90: 90
        case .y1: 365
        case .all: nil
        }
    }
}

/// `/tokens/{symbol}`: price chart with signal markers, the current signal, grades with sub-grades, risk figures
/// and the liquidation / position-size calculator.
enum TokenPage {
    static func render(row: TokenRow, data: TokenPageData, range: ChartRange, calculator: Calculator,
                       calculation: Result<PositionSize, CalculatorRefusal>?, modelProblem: String?) -> String {
        let r = data.report
        let sym = HTML.escape(row.symbol)
        var s = "<div class=\"title\"><h1>\(sym) <small>\(HTML.escape(row.name ?? ""))</small></h1>"
        s += "<p class=\"price\"><span class=\"big\">\(HTML.price(row.lastPrice))</span> <span class=\"\((row.return24h ?? 0) >= 0 ? "up" : "down")\">\(HTML.signedPercent(fraction: row.return24h.map { $0 / 100 })) 24h</span></p></div>"
        s += "<p class=\"meta\">Sector \(HTML.escape(row.sector ?? "unclassified")) · \(HTML.escape(r.timeframe.rawValue)) bars to \(HTML.escape(r.lastBar?.iso8601 ?? row.lastTime))\(r.isStale ? " · <strong>stale</strong>: no newer bars stored" : "")</p>"
        s += signalSummary(r)
        s += chart(data, range: range, symbol: row.symbol)
        s += grades(r)
        s += risk(data)
        s += calculator.html(symbol: row.symbol, result: calculation)
        if let modelProblem { s += "<p class=\"hint\">Signals unavailable: \(HTML.escape(modelProblem)).</p>" }
        if !r.notes.isEmpty { s += "<p class=\"hint\">" + r.notes.map(HTML.escape).joined(separator: "<br>") + "</p>" }
        return HTML.page(row.symbol, section: .tokens, s)
    }

    /// Axis labels: whole numbers from 1,000, two decimals from 1, else four significant digits.
    static func axisPrice(_ x: Double) -> String {
        String(format: abs(x) >= 1000 ? "%.0f" : abs(x) >= 1 ? "%.2f" : "%.4g", x)
    }

    static func signalName(_ v: Int?) -> String {
        guard let v else { return "–" }
        return v > 0 ? "Bullish" : v < 0 ? "Bearish" : "Neutral"
    }

    static func signalBadge(_ v: Int?) -> String {
        let cls = v == 1 ? "bull" : v == -1 ? "bear" : "neutral"
        let mark = v == 1 ? "▲ " : v == -1 ? "▼ " : ""
        return "<span class=\"badge \(cls)\">\(mark)\(signalName(v))</span>"
    }

    /// The current call: signal, since when, entry, ROI since, P(up), what drove it, and following vs holding.
    static func signalSummary(_ r: TokenReport) -> String {
        guard let sig = r.signals else {
            return "<section aria-labelledby=\"sig-h\"><h2 id=\"sig-h\">Signal</h2><p>No signal: no \(HTML.escape(r.timeframe.rawValue)) model.</p></section>"
        }
        guard let active = sig.active else {
            return "<section aria-labelledby=\"sig-h\"><h2 id=\"sig-h\">Signal</h2><p>No signal yet: the features are still warming up.</p></section>"
        }
        var facts: [(String, String)] = [
            ("Signal", signalBadge(active.signal)),
            ("Since", HTML.escape(r.timeframe == .d1 ? active.time.dateString : String(active.time.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC")),
            ("Entry price", HTML.price(active.entryPrice)),
            ("ROI since signal", "<span class=\"\(active.priceChange >= 0 ? "up" : "down")\">\(HTML.signedPercent(fraction: active.priceChange))</span>"),
            ("P(up) now", HTML.fixed(sig.current?.probability, 3)),
        ]
        if let st = sig.strategy {
            facts.append(("Following vs holding", "\(HTML.signedPercent(fraction: st.signalReturn)) vs \(HTML.signedPercent(fraction: st.buyAndHoldReturn))"))
        }
        var s = "<section aria-labelledby=\"sig-h\"><h2 id=\"sig-h\">Signal</h2><dl class=\"facts\">"
        s += facts.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>"
        if !sig.drivers.isEmpty {
            s += "<p class=\"hint\">Drivers: " + sig.drivers.map { "\(HTML.escape($0.feature)) (\($0.contribution >= 0 ? "bullish" : "bearish") \(HTML.fixed(abs($0.contribution), 2)))" }.joined(separator: ", ") + "</p>"
        }
        return s + "</section>"
    }

    /// The price chart of the chosen window with the bullish and bearish markers, the window links, and the
    /// latest changes as a table (the chart's text alternative).
    static func chart(_ d: TokenPageData, range: ChartRange, symbol: String) -> String {
        let bars = d.bars
        guard let last = bars.time.last else { return "<p>No bars stored.</p>" }
        let start = range.days.map { last - Int64($0) * 86_400_000 } ?? bars.time[0]
        let window = bars.slice(from: start)
        let points = (0..<window.count).map { Charts.Point(time: window.time[$0], value: window.close[$0]) }
        let visible = d.markers.filter { $0.time >= start }
        let markers = visible.map { m in
            Charts.Marker(time: m.time, value: m.entryPrice, bullish: m.signal > 0,
                          label: "\(signalName(m.signal)) \(m.time.iso8601): entry \(HTML.price(m.entryPrice)), P(up) \(HTML.fixed(m.probability, 3)), ROI \(HTML.signedPercent(fraction: m.roiSinceSignal))")
        }
        let title = "\(symbol) \(bars.timeframe.rawValue) closing price from \(window.time.first?.dateString ?? "") to \(last.dateString) with \(markers.filter(\.bullish).count) bullish and \(markers.filter { !$0.bullish }.count) bearish signals"
        var s = "<section aria-labelledby=\"chart-h\"><h2 id=\"chart-h\">Price and signals</h2>"
        s += "<nav class=\"ranges\" aria-label=\"Chart window\">" + ChartRange.allCases.map { r in
            "<a href=\"/tokens/\(HTML.escape(symbol))?range=\(r.rawValue)\"\(r == range ? " aria-current=\"true\"" : "")>\(r == .all ? "All" : r.rawValue)</a>"
        }.joined() + "</nav>"
        s += "<figure class=\"chart\">" + Charts.line(points, markers: markers, title: title, format: axisPrice)
        let source = switch d.markerSource {
        case .recorded: "recorded signal changes (sextant signals --record)"
        case .computed: "signal changes computed by the shipped model"
        case .none: "no signal history"
        }
        s += "<figcaption>\(HTML.escape(title)). <span class=\"key bull\">▲ bullish</span> <span class=\"key bear\">▼ bearish</span> at the entry price; markers: \(source).</figcaption></figure>"
        let recent = visible.suffix(8).reversed()
        if !recent.isEmpty {
            s += "<div class=\"scroll\"><table><caption>Latest signal changes in the window</caption><thead><tr><th scope=\"col\">Since</th><th scope=\"col\">Signal</th><th scope=\"col\" class=\"num\">Entry</th><th scope=\"col\" class=\"num\">P(up)</th><th scope=\"col\" class=\"num\">ROI since</th></tr></thead><tbody>"
            for m in recent {
                s += "<tr><td class=\"date\">\(m.time.iso8601.prefix(16).replacingOccurrences(of: "T", with: " "))</td><td>\(signalBadge(m.signal))</td><td class=\"num\">\(HTML.price(m.entryPrice))</td><td class=\"num\">\(HTML.fixed(m.probability, 3))</td>\(HTML.percentCell(fraction: m.roiSinceSignal))</tr>"
            }
            s += "</tbody></table></div>"
        }
        return s + "</section>"
    }

    /// Both grades with each sub-grade's score, weight, pull and formula inputs, and the explanation.
    static func grades(_ r: TokenReport) -> String {
        func card(_ title: String, _ id: String, _ g: GradeOutcome, _ about: String) -> String {
            var s = "<div class=\"card\"><h3 id=\"\(id)\">\(title)</h3>"
            switch g {
            case .unavailable(let why):
                s += "<p class=\"big\">–</p><p>\(HTML.escape(why))</p>"
            case .graded(let grade):
                s += "<p class=\"big\">\(HTML.fixed(grade.value, 0))<small>/100</small></p><p>\(HTML.escape(grade.explanation.prefix(1).uppercased() + grade.explanation.dropFirst())).</p>"
                s += "<table class=\"subgrades\" aria-labelledby=\"\(id)\"><thead><tr><th scope=\"col\">Sub-grade</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\" class=\"num\">Weight</th><th scope=\"col\" class=\"num\">Pull</th></tr></thead><tbody>"
                for sub in grade.subGrades {
                    s += "<tr><th scope=\"row\">\(HTML.escape(sub.name.replacingOccurrences(of: "_", with: " ")))<div class=\"meter\" aria-hidden=\"true\"><span style=\"width:\(HTML.fixed(min(100, max(0, sub.score)), 0))%\"></span></div><small>\(HTML.escape(sub.detail))</small></th>"
                    s += "<td class=\"num\">\(HTML.fixed(sub.score, 0))</td><td class=\"num\">\(HTML.percent(fraction: sub.weight, digits: 0))</td><td class=\"num \(sub.pull >= 0 ? "up" : "down")\">\(String(format: "%+.1f", sub.pull))</td></tr>"
                }
                s += "</tbody></table>"
            }
            return s + "<p class=\"hint\">\(about)</p></div>"
        }
        return "<section aria-labelledby=\"grades-h\"><h2 id=\"grades-h\">Grades</h2><div class=\"cards\">"
            + card("Trader Grade", "tg-h", r.trader, "Short term: technicals, risk-adjusted momentum and the model's P(up), on \(HTML.escape(r.timeframe.rawValue)) bars.")
            + card("Investor Grade", "ig-h", r.investor, "Long term: market-cap trend, Sharpe over 90 and 365 days, drawdown resilience, liquidity and age, on daily bars.")
            + "</div><p class=\"hint\">Grades are absolute 0–100 scores from the token's own data; pull = weight × (score − 50).</p></section>"
    }

    /// Risk score, volatilities (realised, predicted by GARCH(1,1) or its EWMA fallback), drawdown, VaR, Sharpe and beta.
    static func risk(_ d: TokenPageData) -> String {
        var facts: [(String, String)] = []
        if let p = d.report.performance {
            facts += [
                ("Risk score", "\(HTML.fixed(p.riskScore, 0))/100" + (d.report.riskRank.map { " (rank \($0))" } ?? "")),
                ("Predicted volatility, 30 days (\(p.volatilityModel == .garch11 ? "GARCH(1,1)" : "EWMA fallback"))",
                 HTML.percent(fraction: p.predictedVolatility) + " a year" + (p.volatilityNote.map { " (\($0))" } ?? "")),
                ("Max drawdown, 365 days", HTML.percent(fraction: p.maxDrawdown)),
                ("Tail loss (ES 5%, daily)", HTML.percent(fraction: p.tailLoss, digits: 2)),
                ("ROI 7d / 30d / 90d", [p.roi7d, p.roi30d, p.roi90d].map { HTML.signedPercent(fraction: $0) }.joined(separator: " / ")),
            ]
        }
        if let k = d.risk {
            facts.append(("Realised volatility (\(k.bars) days)", HTML.percent(fraction: k.closeToCloseVolatility) + " a year"))
            if let g = k.garch, let h1 = g.forecastVariance.first, h1 > 0 {
                facts.append(("GARCH(1,1) next-day volatility", String(format: "%.2f%% (%.0f%% a year)", h1.squareRoot(), (h1 * 365).squareRoot())))
            }
            facts.append(("Value at risk 95%, 1 day", HTML.percent(fraction: k.historicalVar95.valueAtRisk, digits: 2)))
            facts.append(("Sharpe ratio", HTML.fixed(k.sharpeRatio, 2)))
            if let b = k.betaToBenchmark { facts.append(("Beta to BTC", HTML.fixed(b, 2))) }
        }
        var s = "<section aria-labelledby=\"risk-h\"><h2 id=\"risk-h\">Risk</h2>"
        if facts.isEmpty { s += "<p>No risk figures: \(HTML.escape(d.riskUnavailable ?? "not enough bars")).</p>" }
        else { s += "<dl class=\"facts\">" + facts.map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd></div>" }.joined() + "</dl>" }
        return s + "</section>"
    }
}
