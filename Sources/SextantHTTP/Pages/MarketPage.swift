import Foundation
import MarketCore
import MarketIntel
import SextantServices

/// Look-backs of the sector rotation table.
enum RotationWindow: String, CaseIterable {
    case d7 = "7", d30 = "30", d90 = "90"
    var days: Int { Int(rawValue) ?? 30 }
}

/// Which narratives the market page lists.
enum NarrativeScope: String, CaseIterable {
    /// Those seen in the last 30 days of the stored headlines.
    case current
    case all
}

/// Everything the market page shows, gathered by the route.
struct MarketPageData {
    var metrics: [MarketMetricsRow]
    var metricsProblem: String?
    var dominance: [DominancePoint]
    var rotation: SectorRotationView?
    var rotationProblem: String?
    var narratives: [Narrative]
    var narrativesProblem: String?
}

/// `/market`: dominance, the altcoin season gauge, sector rotation and the current narratives.
enum MarketPage {
    static func render(_ d: MarketPageData, window: RotationWindow, scope: NarrativeScope) -> String {
        var s = "<h1>Market</h1><div class=\"cards\">"
        s += dominanceCard(d)
        s += altseasonCard(d)
        s += "</div>"
        s += rotation(d, window: window, scope: scope)
        s += narratives(d, window: window, scope: scope)
        return HTML.page("Market", section: .market, s)
    }

    static func dominanceCard(_ d: MarketPageData) -> String {
        var s = "<section class=\"card\" aria-labelledby=\"dom-h\"><h2 id=\"dom-h\">BTC dominance</h2>"
        if let last = d.dominance.last {
            let monthAgo = d.dominance.dropLast(30).last
            s += "<p class=\"big\">\(HTML.fixed(last.dominancePct, 1))%</p><p>of the whole crypto market cap on \(last.date)"
            if let m = monthAgo { s += String(format: " (%+.1f points in 30 days)", last.dominancePct - m.dominancePct) }
            s += ".</p>"
            let pts = d.dominance.compactMap { p in QueryReader.parseDate(p.date).map { Charts.Point(time: $0, value: p.dominancePct) } }
            s += "<figure class=\"chart small\">" + Charts.line(pts, title: "BTC dominance from \(d.dominance.first?.date ?? "") to \(last.date)", format: { String(format: "%.0f%%", $0) }) + "</figure>"
        } else {
            s += "<p>No whole-market dominance series stored (ingest market/btc_dominance.csv).</p>"
        }
        if let m = d.metrics.last {
            s += "<p>Within the stored tokens: \(HTML.fixed(m.btcDominanceUniversePct, 1))% on \(m.date).</p>"
        }
        return s + "</section>"
    }

    static func altseasonCard(_ d: MarketPageData) -> String {
        var s = "<section class=\"card\" aria-labelledby=\"alt-h\"><h2 id=\"alt-h\">Altcoin season</h2>"
        guard let m = d.metrics.last else {
            return s + "<p>No altcoin season index: \(HTML.escape(d.metricsProblem ?? "ingest daily bars with market caps")).</p></section>"
        }
        let v = Int(m.altseasonIndex.rounded())
        s += Charts.gauge(value: m.altseasonIndex, low: 25, high: 75, title: "Altcoin season index \(v) of 100: \(m.season)",
                          lowLabel: "BTC season", highLabel: "Alt season")
        s += "<p><strong>\(HTML.escape(m.season.prefix(1).uppercased() + m.season.dropFirst()))</strong>: \(m.altsOutperforming) of \(m.altsCounted) altcoins beat BTC over 90 days (\(m.date)). 75 or more is altcoin season, 25 or less bitcoin season.</p>"
        let year = d.metrics.suffix(365).compactMap { p in QueryReader.parseDate(p.date).map { Charts.Point(time: $0, value: p.altseasonIndex) } }
        if year.count >= 2 {
            s += "<figure class=\"chart small\">" + Charts.line(year, title: "Altcoin season index over the last year to \(m.date)", format: { String(format: "%.0f", $0) }, baseline: 50) + "</figure>"
        }
        return s + "</section>"
    }

    static func rotation(_ d: MarketPageData, window: RotationWindow, scope: NarrativeScope) -> String {
        var s = "<section aria-labelledby=\"rot-h\"><h2 id=\"rot-h\">Sector rotation</h2>"
        s += "<nav class=\"ranges\" aria-label=\"Rotation window\">" + RotationWindow.allCases.map { w in
            "<a href=\"\(HTML.href("/market", [("window", w.rawValue)] + (scope == .all ? [("narratives", "all")] : [])))#rot-h\"\(w == window ? " aria-current=\"true\"" : "")>\(w.rawValue) days</a>"
        }.joined() + "</nav>"
        guard let r = d.rotation, !r.sectors.isEmpty else {
            return s + "<p>No sector rotation: \(HTML.escape(d.rotationProblem ?? "no classified tokens with market caps")).</p></section>"
        }
        s += "<p>Cap-weighted sector indices over the \(r.days) days to \(r.endDate), against the market (every classified token except stablecoins). Positive: the sector beat the market.</p>"
        s += "<figure class=\"chart bars\">" + Charts.bars(r.sectors.map { ($0.sector, $0.relativeReturn) },
                                                     title: "Sector return relative to the market over \(r.days) days", format: { HTML.signedPercent(fraction: $0) }) + "</figure>"
        s += "<div class=\"scroll\"><table><caption>Sectors, best relative performance first</caption><thead><tr><th scope=\"col\">Sector</th><th scope=\"col\" class=\"num\">Relative</th><th scope=\"col\" class=\"num\">Sector return</th><th scope=\"col\" class=\"num hide-phone\">Market return</th><th scope=\"col\" class=\"num\">Cap share</th><th scope=\"col\" class=\"num hide-phone\">Share change</th><th scope=\"col\" class=\"hide-phone\">Tokens</th></tr></thead><tbody>"
        for x in r.sectors {
            s += "<tr><th scope=\"row\"><a href=\"\(HTML.href("/", [("sector", x.sector)]))\">\(HTML.escape(x.sector))</a></th>\(HTML.percentCell(fraction: x.relativeReturn))\(HTML.percentCell(fraction: x.sectorReturn))\(HTML.percentCell(fraction: x.marketReturn, extraClass: "hide-phone"))"
            s += "<td class=\"num\">\(HTML.percent(fraction: x.capShareNow))</td><td class=\"num hide-phone\">\(String(format: "%+.2f pts", x.capShareChange * 100))</td><td class=\"hide-phone\">\(HTML.escape(x.symbols.sorted().joined(separator: ", ")))</td></tr>"
        }
        return s + "</tbody></table></div></section>"
    }

    /// Narratives seen in the last 30 days of the stored headlines (or all), most recent first.
    static func narratives(_ d: MarketPageData, window: RotationWindow, scope: NarrativeScope) -> String {
        var s = "<section aria-labelledby=\"nar-h\"><h2 id=\"nar-h\">\(scope == .current ? "Current narratives" : "All narratives")</h2>"
        guard !d.narratives.isEmpty else {
            return s + "<p>No narratives: \(HTML.escape(d.narrativesProblem ?? "no bursts in the stored headlines (ingest news files)")).</p></section>"
        }
        let latest = d.narratives.map(\.lastSeen).max() ?? ""
        let cutoff = QueryReader.parseDate(latest).map { ($0 - 30 * 86_400_000).dateString } ?? ""
        let shown = (scope == .all ? d.narratives : d.narratives.filter { $0.lastSeen >= cutoff })
            .sorted { ($0.lastSeen, $0.strength) > ($1.lastSeen, $1.strength) }
        let other = scope == .all ? [("window", window.rawValue)] : [("window", window.rawValue), ("narratives", "all")]
        s += "<p>Terms whose share of the headlines burst against their own 28-day baseline\(scope == .current ? ", seen in the 30 days to \(latest)" : ""). <a href=\"\(HTML.href("/market", other))#nar-h\">\(scope == .current ? "Show all \(d.narratives.count)" : "Show current only")</a></p>"
        s += "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Narrative</th><th scope=\"col\" class=\"hide-phone\">Kind</th><th scope=\"col\">Seen</th><th scope=\"col\" class=\"num\">Strength</th><th scope=\"col\" class=\"num hide-phone\">Momentum</th><th scope=\"col\" class=\"num\">Mentions</th><th scope=\"col\">Tokens and sectors</th><th scope=\"col\">Tokens after (7d / 30d)</th></tr></thead><tbody>"
        for n in shown.prefix(40) {
            let seen = n.firstSeen == n.lastSeen ? n.firstSeen : "\(n.firstSeen) – \(n.lastSeen)"
            let tokens = n.linkedTokens.prefix(6).map { "<a href=\"/tokens/\(HTML.escape($0))\">\(HTML.escape($0))</a>" }.joined(separator: ", ")
            let sectors = n.linkedSectors.prefix(4).map(HTML.escape).joined(separator: ", ")
            let after = n.performanceAfter.prefix(3).map { "\(HTML.escape($0.symbol)) \(HTML.signedPercent(fraction: $0.return7d)) / \(HTML.signedPercent(fraction: $0.return30d))" }.joined(separator: "<br>")
            s += "<tr><th scope=\"row\"><details><summary>\(HTML.escape(n.term))</summary><ul>"
            s += n.topHeadlines.map { "<li><time>\(HTML.escape(String($0.time.prefix(10))))</time> \(HTML.escape($0.title))</li>" }.joined()
            s += "</ul></details></th><td class=\"hide-phone\">\(HTML.escape(n.kind.rawValue))</td><td class=\"date\">\(seen.replacingOccurrences(of: " – ", with: "<br>– "))</td><td class=\"num\">\(HTML.fixed(n.strength, 1))</td><td class=\"num hide-phone\">\(HTML.fixed(n.momentum, 1))×</td><td class=\"num\">\(n.mentions)</td>"
            s += "<td>\(tokens)\(sectors.isEmpty ? "" : "<br><small>\(sectors)</small>")</td><td>\(after.isEmpty ? "–" : after)</td></tr>"
        }
        return s + "</tbody></table></div></section>"
    }
}
