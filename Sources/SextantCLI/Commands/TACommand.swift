import ArgumentParser
import Foundation
import Indicators
import MarketData

/// `sextant ta list` and `sextant ta FUNCTION --input FILE`: TA-Lib-compatible indicators on any OHLCV file.
struct TACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ta",
        abstract: "Compute any of the 201 TA-Lib functions on a file ('sextant ta list' shows them).",
        discussion: """
            Inputs are mapped as TA-Lib's abstract interface does: a single series is close; two-series functions \
            take price0 = high and price1 = low; MAVP reads its periods from a 'periods' column. Parameter names are \
            TA-Lib's (timeperiod, fastperiod, matype, ...). --format csv prints 'i,<outputs>' with one row per input \
            row, an empty cell where there is no value, numbers in shortest round-trip form.
            """)

    @Argument(help: "A TA-Lib function name (RSI, MACD, CDLENGULFING, ...), or 'list'.")
    var function: String

    @Option(help: "Input file (any format the readers understand).")
    var input: String?

    @Option(name: .customLong("param"), help: "A parameter as NAME=VALUE (repeatable), e.g. --param timeperiod=10.")
    var params: [String] = []

    @Option(help: "csv or json.")
    var format: TAFormat = .csv

    @Flag(help: "With 'list': machine-readable catalog.")
    var json = false

    enum TAFormat: String, ExpressibleByArgument { case csv, json }

    func run() throws {
        if function.lowercased() == "list" {
            print(json ? try Output.json(IndicatorCatalog.all.map(CatalogEntry.init)) : Self.listing())
            return
        }
        let def = try IndicatorCatalog.function(named: function)
        let parameters = try def.parameters(try Self.parseParams(params))
        guard let input else { throw ValidationError("--input FILE is required") }
        let columns = try Self.columns(for: def, path: input)
        let outputs = def.run(columns, parameters)
        switch format {
        case .csv:
            var text = "i," + def.outputs.map(\.name).joined(separator: ",") + "\n"
            text.reserveCapacity(columns.count * 24 * outputs.count)
            for i in 0..<columns.count {
                text += String(i)
                for column in outputs { text += ","; text += Output.shortest(column[i]) }
                text += "\n"
            }
            print(text, terminator: "")
        case .json:
            struct Result: Encodable {
                let function: String
                let parameters: [String: Double]
                let lookback: Int
                let outputs: [String: [Double?]]
            }
            let r = Result(function: def.id, parameters: parameters.values, lookback: def.lookback(parameters),
                           outputs: Dictionary(uniqueKeysWithValues: zip(def.outputs.map(\.name),
                                                                         outputs.map { $0.map { $0.isNaN ? nil : $0 } })))
            print(try Output.json(r))
        }
    }

    /// `NAME=VALUE` pairs as numbers.
    static func parseParams(_ raw: [String]) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for p in raw {
            let parts = p.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--param '\(p)': expected NAME=VALUE") }
            guard let v = Double(parts[1]) else { throw ValidationError("--param \(parts[0])='\(parts[1])': expected a number") }
            out[parts[0].lowercased()] = v
        }
        return out
    }

    /// The input columns a function reads, from any OHLCV file (and a `periods` column for MAVP).
    static func columns(for def: IndicatorDefinition, path: String) throws -> BarColumns {
        let file = try MarketFileReader.read(path)
        guard case let .candles(s, _) = file.content else {
            throw CommandFailure("\(path): holds \(file.format.rawValue) data, not price bars")
        }
        var periods: [Double]?
        if def.inputs.contains(where: { $0.field == .periods }) {
            periods = try NumericColumns.read(path, names: ["periods"])["periods"]
        }
        return BarColumns(open: s.open, high: s.high, low: s.low, close: s.close, volume: s.volume, periods: periods)
    }

    static func listing() -> String {
        Output.table(["function", "group", "inputs", "parameters (default)", "outputs", "streaming"], IndicatorCatalog.all.map { d in
            [d.id, d.group.rawValue, d.inputs.map(\.field.rawValue).joined(separator: ","),
             d.parameters.map { "\($0.name)=\($0.kind == .real ? String($0.defaultValue) : String(Int($0.defaultValue)))" }.joined(separator: " "),
             d.outputs.map(\.name).joined(separator: ","), d.streaming == .yes ? "yes" : "no"]
        })
    }
}

/// The catalog as data, for `ta list --json` (and later the API and the MCP server).
struct CatalogEntry: Encodable {
    let id: String
    let name: String
    let group: String
    let inputs: [InputSpec]
    let parameters: [ParameterSpec]
    let outputs: [OutputSpec]
    let streaming: Bool
    let defaultLookback: Int?

    init(_ d: IndicatorDefinition) {
        id = d.id
        name = d.name
        group = d.group.rawValue
        inputs = d.inputs
        parameters = d.parameters
        outputs = d.outputs
        streaming = d.streaming == .yes
        defaultLookback = (try? d.parameters()).map(d.lookback)
    }
}
