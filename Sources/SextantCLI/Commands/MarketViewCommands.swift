import ArgumentParser
import Foundation
import MarketIntel
import SextantServices

/// `sextant sectors`: which sectors capital rotates into, from cap-weighted sector indices of the stored daily universe.
struct SectorsCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sectors",
        abstract: "Sector indices (cap-weighted) and their relative performance: which sectors capital rotates into.",
        discussion: """
            Default: one row per sector over the --days before --end (default the last stored day), largest cap-share \
            gain first: sector,cap_share_now,cap_share_before,share_change,sector_return,market_return,relative_return \
            (cap shares of all classified coins except stablecoins and wrapped tokens; relative_return = sector return \
            minus market return). With --series: every sector's daily index, \
            date,sector,level,members,market_cap,cap_share,relative_to_market (level 100 on the sector's first day; \
            relative_to_market = sector level over the market level, 1 on the sector's first day). Sectors come from the \
            bundled taxonomy; coins it does not know are left out.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Look-back in days for the rotation table.") var days = 30
    @Option(help: "Last day of the look-back (YYYY-MM-DD; default the last stored day).") var end: String?
    @Flag(help: "Print every sector's daily index series instead of the rotation table.") var series = false
    @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

    func validate() throws {
        guard days >= 1 && days <= 3650 else { throw ValidationError("--days \(days): allowed 1...3650") }
        if let end, DayFormat.day(end) == nil { throw ValidationError("--end '\(end)' is not a date: use YYYY-MM-DD") }
    }

    func run() throws {
        let service = IntelService(repository: try global.openRepository())
        if series {
            let all = try service.sectorIndices()
            if all.isEmpty { throw CommandFailure("no stored daily bars with market caps of a coin in the sector taxonomy") }
            if format == .json { print(try IntelJSON.encode(all), terminator: ""); return }
            var s = "date,sector,level,members,market_cap,cap_share,relative_to_market\n"
            for x in all { for p in x.points { s += "\(p.date),\(x.sector),\(p.level),\(p.members),\(p.marketCap),\(p.capShare),\(p.relativeToMarket)\n" } }
            print(s, terminator: "")
            return
        }
        let rows = try service.sectorRotation(days: days, end: end)
        if format == .json { print(try IntelJSON.encode(rows), terminator: ""); return }
        var s = "sector,cap_share_now,cap_share_before,share_change,sector_return,market_return,relative_return\n"
        for r in rows {
            s += "\(r.sector),\(r.capShareNow),\(r.capShareBefore),\(r.shareChange),\(r.sectorReturn),\(r.marketReturn),\(r.sectorReturn - r.marketReturn)\n"
        }
        print(s, terminator: "")
    }
}

/// `sextant rotation`: volume rotation between BTC and the alts, and BTC dominance.
struct RotationCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotation",
        abstract: "Volume rotation (alt vs BTC volume share and its trend) and BTC dominance, per day.",
        discussion: """
            Columns: date,btc_volume_share,alt_volume_share,alt_to_btc_ratio,alt_share_trend,btc_dominance_universe_pct,\
            btc_dominance_market_pct. Shares are of the stored daily universe's volume (stablecoins and wrapped tokens \
            left out); alt_share_trend = mean alt share over --short days minus over --long days (positive: volume rotating \
            into alts; empty during warm-up). btc_dominance_universe_pct = BTC cap / the stored universe's cap x 100; \
            btc_dominance_market_pct = the stored whole-market series (btc_dominance_pct), empty where not stored.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Short window of the alt-share trend, days.") var short = 7
    @Option(help: "Long window of the alt-share trend, days.") var long = 30
    @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

    func validate() throws {
        guard short >= 1 && long > short && long <= 3650 else { throw ValidationError("--short \(short) --long \(long): need 1 <= short < long <= 3650") }
    }

    func run() throws {
        let rows = try IntelService(repository: try global.openRepository()).rotation(short: short, long: long)
        if format == .json { print(try IntelJSON.encode(rows), terminator: ""); return }
        func cell(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        var s = "date,btc_volume_share,alt_volume_share,alt_to_btc_ratio,alt_share_trend,btc_dominance_universe_pct,btc_dominance_market_pct\n"
        for r in rows {
            s += "\(r.date),\(r.btcVolumeShare),\(r.altVolumeShare),\(cell(r.altToBtcRatio)),\(cell(r.altShareTrend)),\(cell(r.btcDominanceUniversePct)),\(cell(r.btcDominanceMarketPct))\n"
        }
        print(s, terminator: "")
    }
}
