import ArgumentParser
import Foundation
import MarketData
import MarketIntel
import SextantServices

extension IntelOutputFormat: ExpressibleByArgument {}
extension IndexMethod: ExpressibleByArgument {}
extension RebalanceFrequency: ExpressibleByArgument {}

/// `sextant altseason`: the Altcoin Season Index over the stored daily universe.
struct AltseasonCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "altseason",
        abstract: "Altcoin Season Index: share of the top alts beating BTC over a window (daily data with market caps).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many of the largest coins (by market cap) form the universe.") var top = 50
    @Option(help: "Window in days.") var window = 90
    @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

    func validate() throws {
        guard top >= 2 else { throw ValidationError("--top \(top): needs at least 2 coins (BTC and one alt)") }
        guard window >= 1 && window <= 3650 else { throw ValidationError("--window \(window): allowed 1...3650 days") }
    }

    func run() throws {
        let points = try IntelService(repository: global.openRepository()).altcoinSeason(top: top, window: window)
        print(try AltseasonCommand.render(points, format: format), terminator: "")
    }
}

/// `sextant sentiment --input FILE`: headline sentiment, one row per input row.
struct SentimentCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment", abstract: "Score headlines: prints i,score,label (score in [-1, 1]).")

    @Option(help: "CSV with a header (plain or .gz).") var input: String
    @Option(help: "Column holding the text.") var textColumn = "title"
    @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(input) } catch { throw CommandFailure(error.description) }
        let rows = try SentimentCommand.run(csvText: String(decoding: bytes, as: UTF8.self), textColumn: textColumn)
        print(try SentimentCommand.render(rows, format: format), terminator: "")
    }
}

/// `sextant narratives`: bursting narratives in the stored headlines.
struct NarrativesCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narratives", abstract: "Narratives whose mentions burst in the stored headlines, with linked tokens.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only narratives first seen on or after this date (YYYY-MM-DD).") var since: String?
    @Flag var json = false

    func run() throws {
        let found = try IntelService(repository: global.openRepository()).narratives(since: since)
        print(try NarrativesCommand.render(found, json: json), terminator: "")
    }
}

/// `sextant index backtest|holdings`.
struct IndexCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Rule-based token indices: backtests and holdings.",
        subcommands: [Backtest.self, Holdings.self])

    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Backtest an index against BTC and the plain cap-weighted index.",
            discussion: """
                Methods: cap (cap-weighted, 30% cap on the largest and 20% on the others, as CoinDesk 20), equal, \
                signal (cap-weighted, moved to stablecoins while the market signal is bearish: for now BTC's close below \
                its 50-day average), grade (weighted by each token's Investor Grade as known on the rebalance day).
                """)
        @OptionGroup var global: GlobalOptions
        @Option var method: IndexMethod = .cap
        @Option var top = 10
        @Option var rebalance: RebalanceFrequency = .monthly
        @Option(help: "Fee per unit of turnover (0.001 = 10 bp).") var fee = 0.001
        @Option(help: "First date (YYYY-MM-DD).") var start: String?
        @Option(help: "Last date (YYYY-MM-DD).") var end: String?
        @Option(help: "Write an SVG chart of the index against BTC and the plain cap-weighted index.") var chart: String?
        @Flag var json = false

        func run() throws {
            let r = try IntelService(repository: global.openRepository())
                .indexBacktest(method: method, top: top, rebalance: rebalance, feeRate: fee, start: start, end: end)
            if let chart { try r.svgChart.write(toFile: chart, atomically: true, encoding: .utf8) }
            print(try IndexCommand.render(r, json: json), terminator: "")
        }
    }

    struct Holdings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The index's constituents and weights on a date.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Date (YYYY-MM-DD).") var asof: String
        @Option var method: IndexMethod = .cap
        @Option var top = 10
        @Option var rebalance: RebalanceFrequency = .monthly
        @Flag var json = false

        func run() throws {
            let h = try IntelService(repository: global.openRepository()).indexHoldings(asOf: asof, method: method, top: top, rebalance: rebalance)
            print(try IndexCommand.render(h, json: json), terminator: "")
        }
    }
}
