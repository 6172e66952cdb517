import ArgumentParser
import MarketData
import SextantServices

/// Output layouts for tabular commands.
enum TabularFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// `sextant bars SYMBOL`: bars from the database.
struct BarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bars", abstract: "Print an asset's bars.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Asset symbol, e.g. BTC.")
    var symbol: String

    @Option(help: "Timeframe (default: the asset's only timeframe, else 1d, else the finest).")
    var timeframe: Timeframe?

    @Option(help: "First bar time (ISO-8601, YYYY-MM-DD or epoch).")
    var from: String?

    @Option(help: "Last bar time.")
    var to: String?

    @Option(help: "table, csv or json.")
    var format: TabularFormat = .table

    func run() throws {
        let repo = try global.openRepository()
        let fromT = try from.map { s in try Timestamp.parse(s).orThrow("--from '\(s)' is not a time: use ISO-8601, YYYY-MM-DD or epoch seconds") }
        let toT = try to.map { s in try Timestamp.parse(s).orThrow("--to '\(s)' is not a time: use ISO-8601, YYYY-MM-DD or epoch seconds") }
        let sym = Asset.baseSymbol(of: symbol)
        guard let asset = try repo.assets().first(where: { $0.symbol == sym }) else {
            throw CommandFailure("unknown symbol '\(symbol)': 'sextant assets' lists what is stored")
        }
        let available = asset.series.map(\.timeframe)
        let tf: Timeframe
        if let timeframe {
            guard available.contains(timeframe) else {
                throw CommandFailure("\(sym) has no \(timeframe.rawValue) bars; it has \(available.map(\.rawValue).joined(separator: ", "))")
            }
            tf = timeframe
        } else if available.count == 1 || !available.contains(.d1) {
            guard let first = available.first else { throw CommandFailure("\(sym) has no bars") }
            tf = first
        } else {
            tf = .d1
        }
        let s = try repo.candles(symbol: sym, timeframe: tf, from: fromT, to: toT)
        switch format {
        case .json:
            print(try Output.json((0..<s.count).map { s[$0] }))
        case .csv:
            var out = "timestamp,open,high,low,close,volume\n"
            for i in 0..<s.count {
                out += "\(s.time[i].iso8601),\(s.open[i]),\(s.high[i]),\(s.low[i]),\(s.close[i]),\(s.volume[i])\n"
            }
            print(out, terminator: "")
        case .table:
            print(Output.table(["time", "open", "high", "low", "close", "volume"], (0..<s.count).map { i in
                [s.time[i].iso8601, Output.price(s.open[i]), Output.price(s.high[i]), Output.price(s.low[i]),
                 Output.price(s.close[i]), Output.fixed(s.volume[i], 2)]
            }))
        }
    }
}

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let v = self else { throw ValidationError(message) }
        return v
    }
}
