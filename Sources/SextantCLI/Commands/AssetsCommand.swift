import ArgumentParser
import SextantServices

/// `sextant assets`: what the database holds.
struct AssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets", abstract: "List assets with timeframes, bar counts, first / last time and gaps.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        let assets = try global.openRepository().assets()
        if json { print(try Output.json(assets)); return }
        var rows: [[String]] = []
        for a in assets {
            if a.series.isEmpty {
                rows.append([a.symbol, "-", "0", "-", "-", "-", String(a.marketCapDays), String(a.fundingRates)])
            }
            for s in a.series {
                rows.append([a.symbol, s.timeframe.rawValue, String(s.bars), s.first.iso8601, s.last.iso8601,
                             s.gaps == 0 ? "0" : "\(s.gaps) (\(s.missingBars) bars)", String(a.marketCapDays), String(a.fundingRates)])
            }
        }
        print(Output.table(["symbol", "tf", "bars", "first", "last", "gaps", "mcap days", "funding"], rows))
    }
}
