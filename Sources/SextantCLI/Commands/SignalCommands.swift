import ArgumentParser
import Foundation
import MarketCore
import MarketData
import SextantServices
import Signals

/// Where the shipped models live: `Models/` in the working directory, else in the checkout this binary was built from.
enum ModelLocation {
    static func folder(_ option: String?) throws -> String {
        if let option { return option }
        if let found = SignalQueryService.defaultModelsFolder() { return found }
        throw CommandFailure("cannot find the models folder: run from the repository root or pass --models DIR")
    }

    /// The models of the folder `option` (or the default one).
    /// - Throws: `CommandFailure` when the folder does not exist, holds no model file, or a model cannot be read.
    static func load(_ option: String?) throws -> [Timeframe: SignalModel] {
        let folder = try folder(option)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("models folder '\(folder)' does not exist")
        }
        let models: [Timeframe: SignalModel]
        do { models = try SignalService.loadModels(folder: folder) } catch let e as SignalsError { throw CommandFailure("\(e)") }
        guard !models.isEmpty else {
            throw CommandFailure("no signal models in '\(folder)': expected files like \(SignalService.modelFileName(.d1)) ('sextant train' makes them)")
        }
        return models
    }
}

/// `--asof`: a date means the end of that UTC day (its daily bar is known); an instant is taken as is.
func parseAsOf(_ text: String?) throws -> Timestamp {
    guard let text else { return wallClock() }
    guard let t = Timestamp.parse(text) else { throw ValidationError("--asof '\(text)' is not a date: use YYYY-MM-DD or ISO-8601") }
    return text.count == 10 ? t + 86_400_000 : t
}

/// Output layouts of `sextant signals --input`.
enum SignalFileFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

/// `sextant signals`: per-bar signals of a file, or the current signals of the stored tokens.
struct SignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Model signals: +1 bullish, -1 bearish, 0 neutral, with probability, entry and ROI since the signal.",
        discussion: """
        With --input FILE: one row per input bar, `i,timestamp,signal,score` (score = 2 P(up) - 1 in [-1, 1]; \
        empty score and signal 0 while the features warm up). Without: the stored tokens' current signals.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "An OHLCV file (CSV, plain or gzip) to score bar by bar.")
    var input: String?

    @Option(help: "Only this symbol (database mode).")
    var symbol: String?

    @Option(help: "Only this timeframe (database mode; default: each token's most recent series).")
    var timeframe: Timeframe?

    @Option(help: "Data known at this date (YYYY-MM-DD = end of that day, or ISO-8601); default now.")
    var asof: String?

    @Option(help: "Models folder (default: Models/ of this checkout).")
    var models: String?

    @Option(help: "With --input: csv or json. Otherwise: table, csv or json.")
    var format: String?

    @Flag(help: "Store the signal changes in the database (table signal_event) for later ROI tracking.")
    var record = false

    @Flag(help: "List the stored signal changes with their ROI since entry, recomputed from the stored bars.")
    var history = false

    func run() throws {
        let asOf = try parseAsOf(asof)
        let models = try ModelLocation.load(self.models)
        if let input { try runFile(input, models: models, asOf: asOf); return }
        guard let fmt = TabularFormat(rawValue: format ?? "table") else { throw ValidationError("--format must be table, csv or json") }
        let repo = try global.openRepository()
        if history {
            let entries = try SignalService(repository: repo).history(from: repo, symbol: symbol.map { Asset.baseSymbol(of: $0) },
                                                                      timeframe: timeframe, asOf: asOf)
            if fmt == .json { print(try Output.json(entries)); return }
            let rows: [[String]] = entries.map { h in
                let e = h.event
                return [e.symbol, e.timeframe.rawValue, e.time.iso8601, String(e.signal), String(format: "%.3f", e.probability),
                        Output.price(e.entryPrice), h.exitTime?.iso8601 ?? "", h.exitPrice.map(Output.price) ?? "",
                        Output.percent(h.roiSinceSignal.map { $0 * 100 }), Output.percent(h.signalReturn.map { $0 * 100 }),
                        h.ended ? "ended" : "active", e.model]
            }
            let header = ["symbol", "tf", "since", "signal", "P(up)", "entry", "to", "price", "ROI", "signal return", "state", "model"]
            if fmt == .csv {
                print(header.joined(separator: ","))
                for r in rows { print(r.joined(separator: ",")) }
            } else {
                print(Output.table(header, rows))
            }
            return
        }
        let reports = try SignalService(repository: repo).reports(asOf: asOf, models: models,
                                                                  symbols: symbol.map { [Asset.baseSymbol(of: $0)] }, timeframe: timeframe)
        if reports.isEmpty { throw CommandFailure("no stored bars\(symbol.map { " for \($0)" } ?? "") known at \(asOf.iso8601)") }
        if record {
            let stored = try repo.recordSignalEvents(SignalService.storable(reports, models: models, at: wallClock()))
            global.log.info("stored \(stored) signal events")
        }
        let rows = reports.map(CurrentSignalRow.init)
        switch fmt {
        case .json: print(try Output.json(rows))
        case .csv:
            print("symbol,timeframe,time,signal,probability,since,entry_price,last_price,roi_since_signal,signal_return,strategy_return,buy_and_hold_return,drivers,stale")
            for r in rows { print(Self.csvRow(r)) }
        case .table:
            print(Output.table(["symbol", "tf", "last bar", "signal", "P(up)", "since", "entry", "ROI since", "follow vs hold", "drivers", ""],
                               rows.map(Self.tableRow)))
        }
    }

    /// The `--input` CSV: `i,timestamp,signal,score`, one row per bar; while warming up signal 0 and an empty score.
    static func csv(_ s: TokenSignals) -> String {
        var out = "i,timestamp,signal,score\n"
        for (i, b) in s.bars.enumerated() {
            out += "\(i),\(b.time.iso8601),\(b.signal ?? 0),\(b.score.map { String(format: "%.6f", $0) } ?? "")\n"
        }
        return out
    }

    static func csvRow(_ r: CurrentSignalRow) -> String {
        func f(_ x: Double?, _ digits: Int) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "" }
        let cells: [String] = [r.symbol, r.timeframe, r.time ?? "", r.signal.map(String.init) ?? "", f(r.probability, 4),
                               r.since ?? "", r.entryPrice.map { "\($0)" } ?? "", r.lastPrice.map { "\($0)" } ?? "",
                               f(r.roiSinceSignal, 6), f(r.signalReturn, 6), f(r.strategyReturn, 6), f(r.buyAndHoldReturn, 6),
                               r.drivers.joined(separator: " "), r.stale ? "stale" : ""]
        return cells.joined(separator: ",")
    }

    static func tableRow(_ r: CurrentSignalRow) -> [String] {
        var signalText = r.note ?? "-"
        if let s = r.signal { signalText = s > 0 ? "+1 bull" : (s < 0 ? "-1 bear" : "0 neutral") }
        var follow = "-"
        if let sr = r.strategyReturn {
            let hold: Double = (r.buyAndHoldReturn ?? .nan) * 100
            follow = Output.percent(sr * 100) + " vs " + Output.percent(hold)
        }
        let time: String = r.time.map { String($0.prefix(16)) } ?? "-"
        let since: String = r.since.map { String($0.prefix(16)) } ?? "-"
        let entry: String = r.entryPrice.map(Output.price) ?? "-"
        let roi: String = Output.percent(r.roiSinceSignal.map { $0 * 100 })
        return [r.symbol, r.timeframe, time, signalText, Output.fixed(r.probability, 3), since, entry, roi, follow,
                r.drivers.joined(separator: " "), r.stale ? "STALE" : ""]
    }

    func runFile(_ path: String, models: [Timeframe: SignalModel], asOf: Timestamp) throws {
        if record { throw ValidationError("--record stores database signals; it does not apply to --input") }
        if symbol != nil || timeframe != nil { throw ValidationError("--symbol and --timeframe apply to the database; with --input the file says both") }
        guard let fmt = SignalFileFormat(rawValue: format ?? "csv") else { throw ValidationError("with --input, --format must be csv or json") }
        let file: ParsedFile
        do { file = try MarketFileReader.read(path) } catch { throw CommandFailure("\(error)") }
        guard case .candles(let bars, _) = file.content else { throw CommandFailure("\(path) holds no OHLCV bars") }
        guard let model = models[bars.timeframe] else {
            throw CommandFailure("no model for \(bars.timeframe.rawValue) bars; models exist for \(models.keys.sorted().map(\.rawValue).joined(separator: ", ")) ('sextant train' makes one)")
        }
        let s = SignalEngine.run(symbol: bars.symbol, features: FeatureBuilder.build(bars), model: model, timeframe: bars.timeframe, asOf: asOf)
        if s.isStale, let last = bars.time.last { global.log.warning("stale data: the last bar of \(path) opened \(last.iso8601)") }
        global.log.info("no funding, BTC or dominance context with --input: those features are 0")
        switch fmt {
        case .csv:
            print(Self.csv(s), terminator: "")
        case .json:
            struct Row: Encodable {
                var i: Int; var timestamp: String; var signal: Int; var score: Double?
                enum CodingKeys: String, CodingKey { case i, timestamp, signal, score }
                // `score` is written as null while warming up (not left out), so every row has the same keys.
                func encode(to encoder: any Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(i, forKey: .i); try c.encode(timestamp, forKey: .timestamp)
                    try c.encode(signal, forKey: .signal); try c.encode(score, forKey: .score)
                }
            }
            print(try Output.json(s.bars.enumerated().map { Row(i: $0, timestamp: $1.time.iso8601, signal: $1.signal ?? 0, score: $1.score) }))
        }
    }
}

/// `sextant grades`: Trader and Investor Grades with their sub-grades, performance and risk score.
struct GradesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "Trader and Investor Grades (0-100) per token, from data known at --asof only.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Data known at this date (YYYY-MM-DD = end of that day, or ISO-8601); default now.")
    var asof: String?

    @Option(help: "table, csv or json.")
    var format: TabularFormat = .table

    @Option(help: "Models folder (default: Models/ of this checkout).")
    var models: String?

    static let subGradeNames = ["technical", "quant", "model", "market_cap_trend", "risk_adjusted_90d", "risk_adjusted_365d",
                                "drawdown_resilience", "liquidity", "age"]

    func run() throws {
        let asOf = try parseAsOf(asof)
        let repo = try global.openRepository()
        let loaded = try ModelLocation.load(models)
        let service = SignalService(repository: repo)
        let started = Date()
        let tokens = try service.tokens(asOf: asOf)
        let loaded_ = Date()
        let reports = try service.reports(tokens: tokens, asOf: asOf, models: loaded)
        let load = loaded_.timeIntervalSince(started), compute = Date().timeIntervalSince(loaded_)
        let bars = tokens.reduce(0) { $0 + $1.bars.slice(to: asOf - $1.bars.timeframe.milliseconds).count }
        global.log.info(String(format: "%d tokens, %d bars: loaded in %.3f s, signals, grades and performance computed in %.3f s (%.2f µs per token-bar)",
                               reports.count, bars, load, compute, bars > 0 ? compute * 1e6 / Double(bars) : .nan))
        let rows = reports.map(GradeRow.init)
        switch format {
        case .json: print(try Output.json(rows))
        case .csv:
            print((["symbol", "trader_grade", "investor_grade"] + Self.subGradeNames
                   + ["risk_score", "predicted_volatility", "roi_24h", "roi_7d", "roi_30d", "roi_90d", "roi_ytd", "roi_since_listing", "roi_rank", "risk_rank", "stale", "note"]).joined(separator: ","))
            for r in rows {
                let f = { (x: Double?) in x.map { String(format: "%.4f", $0) } ?? "" }
                print(([r.symbol, f(r.traderGrade), f(r.investorGrade)] + Self.subGradeNames.map { f(r.subGrades[$0]) }
                       + [f(r.riskScore), f(r.predictedVolatility), f(r.roi24h), f(r.roi7d), f(r.roi30d), f(r.roi90d), f(r.roiYtd),
                          f(r.roiSinceListing), r.roiRank.map(String.init) ?? "", r.riskRank.map(String.init) ?? "", r.stale ? "stale" : "",
                          r.notes.joined(separator: "; ").replacingOccurrences(of: ",", with: ";")]).joined(separator: ","))
            }
        case .table:
            print("as of \(asOf.iso8601)")
            print(Output.table(["symbol", "tf", "trader", "technical", "quant", "model", "investor", "risk", "30d", "why (trader | investor)", ""], rows.map { r in
                [r.symbol, r.timeframe, Output.fixed(r.traderGrade, 0), Output.fixed(r.subGrades["technical"], 0), Output.fixed(r.subGrades["quant"], 0),
                 Output.fixed(r.subGrades["model"], 0), Output.fixed(r.investorGrade, 0), Output.fixed(r.riskScore, 0),
                 Output.percent(r.roi30d.map { $0 * 100 }), r.notes.joined(separator: " | "), r.stale ? "STALE" : ""]
            }))
        }
    }
}

/// Which timeframes `train` / `evaluate` work on.
func timeframesToRun(_ option: Timeframe?, _ service: SignalService) throws -> [Timeframe] {
    if let option { return [option] }
    let all = try service.trainableTimeframes()
    if all.isEmpty { throw CommandFailure("no bars stored: run 'sextant demo' or 'sextant ingest' first") }
    return all
}

/// `sextant train`: walk-forward model choice, then the chosen model fitted on all stored bars of a timeframe.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the signal models (gradient-boosted trees vs logistic regression, chosen out of sample) and write Models/signals-<tf>.json.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Timeframe (default: every stored timeframe of 1d or finer).")
    var timeframe: Timeframe?

    @Option(help: "Bars ahead to predict (default 24 on 1h, 7 on 1d).")
    var horizon: Int?

    @Option(help: "Smallest absolute forward log return that counts as a move (default 0.005).")
    var threshold: Double?

    @Option(help: "Folder for the model files (default: Models/ of this checkout).")
    var output: String?

    func run() throws {
        let service = SignalService(repository: try global.openRepository())
        let folder = try output ?? ModelLocation.folder(nil)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for tf in try timeframesToRun(timeframe, service) {
            var label = LabelSpec.standard(for: tf)
            if let horizon { label.horizon = horizon }
            if let threshold { label.threshold = threshold }
            let started = Date()
            let (model, record) = try service.train(timeframe: tf, label: label)
            let path = folder + "/" + SignalService.modelFileName(tf)
            try model.encoded().write(to: URL(fileURLWithPath: path))
            let sel = model.selection!
            print(String(format: "%@: %@ chosen (selection log loss %.4f lower, AUC %+.3f) on %d rows of %@; reported-period IC %.3f; %.1f s -> %@",
                         tf.rawValue, sel.chosen.rawValue, sel.logLossMargin, sel.aucMargin, model.trainingRows,
                         model.trainedSymbols.joined(separator: " "), record.pooled.first?.rankIC ?? .nan, Date().timeIntervalSince(started), path))
        }
    }
}

/// `sextant evaluate`: the honest track record, markdown and JSON.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Walk-forward track record: hit rates, rank IC, strategy vs buy-and-hold after fees, grade deciles, baselines.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Timeframe (default: every stored timeframe of 1d or finer).")
    var timeframe: Timeframe?

    @Option(help: "Fee per unit of position change (default 0.001 = 0.1%).")
    var fee: Double = 0.001

    @Option(help: "Folder for track-record-<tf>.md and .json (default: the current folder).")
    var output: String = "."

    func validate() throws {
        guard fee >= 0 && fee < 0.1 else { throw ValidationError("--fee must be in [0, 0.1), got \(fee)") }
    }

    func run() throws {
        let service = SignalService(repository: try global.openRepository())
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for tf in try timeframesToRun(timeframe, service) {
            let record = try service.evaluate(timeframe: tf, feeRate: fee)
            let base = output + "/track-record-\(tf.rawValue)"
            try record.markdown.write(toFile: base + ".md", atomically: true, encoding: .utf8)
            try Output.json(record).write(toFile: base + ".json", atomically: true, encoding: .utf8)
            print(record.markdown)
            global.log.info("wrote \(base).md and \(base).json")
        }
    }
}
