import ArgumentParser
import Foundation
import MarketData
import MarketIntel
import SextantServices

extension IntelOutputFormat: ExpressibleByArgument {}
extension IndexMethod: ExpressibleByArgument {}
extension RebalanceFrequency: ExpressibleByArgument {}
extension MarketGate: ExpressibleByArgument {}

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

/// `sextant sentiment --input FILE`: headline sentiment, one row per input row; `sextant sentiment index`: the
/// sentiment index of the stored headlines.
struct SentimentCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment", abstract: "Score headlines: prints i,score,label (score in [-1, 1]).",
        discussion: "With --input FILE: one row per input row. 'sextant sentiment index': the stored headlines' sentiment per hour or day.",
        subcommands: [IndexSubcommand.self])

    // Optional here so that `sentiment index` does not need it; `run` requires it.
    @Option(help: "CSV with a header (plain or .gz).") var input: String?
    @Option(help: "Column holding the text.") var textColumn = "title"
    @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

    func run() throws {
        guard let input else { throw ValidationError("missing --input FILE (or use 'sextant sentiment index' for the stored headlines)") }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(input) } catch { throw CommandFailure(error.description) }
        let rows = try SentimentCommand.run(csvText: String(decoding: bytes, as: UTF8.self), textColumn: textColumn)
        print(try SentimentCommand.render(rows, format: format), terminator: "")
    }

    /// Bucket size of `sentiment index`.
    enum Interval: String, ExpressibleByArgument, CaseIterable { case hour, day }

    /// `sextant sentiment index [--token S] [--interval hour|day] [--format csv|json]`.
    struct IndexSubcommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Sentiment index of the stored headlines, market-wide or of one token, per UTC hour or day, with counts.",
            discussion: """
                Columns: start (bucket start, UTC), count (headlines), mean_score (mean score in [-1, 1]), bullish, bearish, \
                neutral (headlines per label), net_bullish_ratio ((bullish - bearish) / count). Only buckets with headlines \
                are printed. --token keeps the headlines that name the token (ticker, name or alias).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only headlines naming this token (e.g. BTC).") var token: String?
        @Option(help: "hour or day.") var interval: Interval = .day
        @Option(help: "csv or json.") var format: IntelOutputFormat = .csv

        func run() throws {
            let points = try IntelService(repository: global.openRepository())
                .sentimentIndex(token: token.map { Asset.baseSymbol(of: $0) }, bucket: interval == .hour ? .hourly : .daily)
            if format == .json { print(try IntelJSON.encode(points), terminator: ""); return }
            var s = "start,count,mean_score,bullish,bearish,neutral,net_bullish_ratio\n"
            for p in points { s += "\(p.start),\(p.count),\(p.meanScore),\(p.bullish),\(p.bearish),\(p.neutral),\(p.netBullishRatio)\n" }
            print(s, terminator: "")
        }
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
                signal (cap-weighted, moved to stablecoins while the market signal is bearish; --gate says which signal), \
                grade (weighted by each token's Investor Grade as known on the rebalance day).
                Gates of the signal method: model (default: the signal model's daily call for BTC, out of sample from the \
                walk-forward; bearish below P(up) 0.45, bullish again above 0.55), model-market (the same rule on the \
                market-cap-weighted mean of the model's calls over the --top largest coins), btc-trend (baseline: BTC's \
                close below its 50-day average).
                """)
        @OptionGroup var global: GlobalOptions
        @Option var method: IndexMethod = .cap
        @Option var top = 10
        @Option var rebalance: RebalanceFrequency = .monthly
        @Option(help: "Fee per unit of turnover (0.001 = 10 bp).") var fee = 0.001
        @Option(help: "First date (YYYY-MM-DD).") var start: String?
        @Option(help: "Last date (YYYY-MM-DD).") var end: String?
        @Option(help: "Write an SVG chart of the index against BTC and the plain cap-weighted index.") var chart: String?
        @Option(help: "Market signal of --method signal: model, model-market or btc-trend.") var gate: MarketGate = .model
        @Flag var json = false

        func run() throws {
            let r = try IntelService(repository: global.openRepository())
                .indexBacktest(method: method, top: top, rebalance: rebalance, feeRate: fee, start: start, end: end, gate: gate)
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
        @Option(help: "Market signal of --method signal: model, model-market or btc-trend.") var gate: MarketGate = .model
        @Flag var json = false

        func run() throws {
            let h = try IntelService(repository: global.openRepository()).indexHoldings(asOf: asof, method: method, top: top,
                                                                                        rebalance: rebalance, gate: gate)
            print(try IndexCommand.render(h, json: json), terminator: "")
        }
    }
}
