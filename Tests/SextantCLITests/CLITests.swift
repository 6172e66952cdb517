import Foundation
import Testing
import TestSupport

/// The `sextant` executable end to end, as a user runs it: arguments in, stdout / stderr / exit code out.
/// It needs the executable built (`swift build`, which `scripts/test` runs first); `$SEXTANT_BIN` overrides its path.
@Suite(.serialized) struct CLITests {
    static let repo = Fixtures.root + "/../.."
    static let binary = ProcessInfo.processInfo.environment["SEXTANT_BIN"] ?? repo + "/.build/debug/sextant"

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func sextant(_ args: [String]) throws -> Run {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build the executable first: swift build")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: Self.repo)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryDB() throws -> String {
        let dir = NSTemporaryDirectory() + "sextant-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/db.sqlite"
    }

    @Test("ta prints TA-Lib's layout and values", arguments: ["SMA", "RSI", "MACD", "BBANDS", "CDLENGULFING", "HT_SINE", "MAVP"])
    func ta(function: String) throws {
        let input = Fixtures.path("talib/eth_hourly_variant/input.csv.gz")
        // The eth_hourly_variant manifest's parameters for this function.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("talib/eth_hourly_variant/manifest.json")))) as? [String: Any]
        let entry = try #require((manifest?["functions"] as? [[String: Any]])?.first { $0["function"] as? String == function })
        let params = (entry["parameters"] as? [String: Any] ?? [:]).flatMap { k, v in ["--param", "\(k)=\(v)"] }
        var args = ["ta", function, "--input", input] + params
        if function == "MAVP" {
            // MAVP reads a periods column: write the input with 2 + (i mod 29) as the reference did.
            let table = try Fixtures.text("talib/eth_hourly_variant/input.csv.gz").split(separator: "\n").map(String.init)
            let path = NSTemporaryDirectory() + "mavp-\(UUID().uuidString).csv"
            let lines = [table[0] + ",periods"] + table.dropFirst().enumerated().map { "\($1),\(2 + $0 % 29)" }
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            args[3] = path
        }
        let r = try sextant(args)
        #expect(r.status == 0, "\(r.stderr)")
        let ours = NumericTable(csv: r.stdout)
        let ref = NumericTable(csv: try Fixtures.text("talib/eth_hourly_variant/\(function).csv.gz"))
        #expect(ours.header == ref.header)
        #expect(ours.rowCount == ref.rowCount)
        for name in ref.header {
            let a = try #require(ours[name]), b = try #require(ref[name])
            let bad = zip(a, b).enumerated().first { !Tolerance.relative(1e-9).accepts($1.0, $1.1) }
            #expect(bad == nil, "\(function).\(name) row \(bad?.offset ?? -1)")
        }
    }

    @Test("ta rejects unknown functions and out-of-range parameters with clear errors")
    func taErrors() throws {
        let input = Fixtures.path("talib/btc_daily_default/input.csv.gz")
        let unknown = try sextant(["ta", "RSII", "--input", input])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown function 'RSII'") && unknown.stderr.contains("RSI"))
        let range = try sextant(["ta", "RSI", "--input", input, "--param", "timeperiod=1"])
        #expect(range.status != 0 && range.stderr.contains("RSI parameter timeperiod=1 is out of range: allowed integer values are 2...100000"))
        let badParam = try sextant(["ta", "RSI", "--input", input, "--param", "period=3"])
        #expect(badParam.status != 0 && badParam.stderr.contains("has no parameter 'period'"))
        let list = try sextant(["ta", "list", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 201)
    }

    @Test("a bad file is rejected with file, line and column, and the database keeps what it had")
    func ingestBadFile() throws {
        let db = try temporaryDB()
        let good = try sextant(["ingest", "--db", db, Self.repo + "/SampleData/daily/SOL.csv.gz"])
        #expect(good.status == 0, "\(good.stderr)")
        let bad = (db as NSString).deletingLastPathComponent + "/SOL.csv"
        try "date,open,high,low,close,volume\n2021-03-01,10,12,9,11,5\n2021-03-02,11,abc,9,11,5\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try sextant(["bars", "SOL", "--db", db, "--format", "csv"])
        let r = try sextant(["ingest", "--db", db, bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad):3: column 'high': expected a number, found 'abc'"), "\(r.stderr)")
        let after = try sextant(["bars", "SOL", "--db", db, "--format", "csv"])
        #expect(after.stdout == before.stdout && before.stdout.split(separator: "\n").count == 324)
        let skip = try sextant(["ingest", "--db", db, "--skip-invalid", "--json", bad])
        #expect(skip.status == 0 && skip.stdout.contains("\"rows_stored\" : 1"))
    }

    @Test("altseason from ingested daily files equals the reference file byte for byte")
    func altseason() throws {
        let db = try temporaryDB()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.repo + "/SampleData/daily").sorted().map { Self.repo + "/SampleData/daily/" + $0 }
        #expect(try sextant(["ingest", "--db", db] + files).status == 0)
        for (top, window) in [(50, 90), (5, 30)] {
            let r = try sextant(["altseason", "--db", db, "--top", "\(top)", "--window", "\(window)"])
            #expect(r.stdout == (try Fixtures.text("intel/altseason_top\(top)_\(window)d.csv.gz")))
        }
    }

    @Test("liquidation prints the exchange's figures as JSON, and refuses leverage above the tier")
    func liquidation() throws {
        let r = try sextant(["liquidation", "--exchange", "binance", "--symbol", "BTCUSDT", "--side", "long", "--entry", "60000",
                             "--quantity", "1", "--leverage", "20", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let price = try #require(json?["liquidation_price"] as? Double)
        // Binance isolated long: (WB + cum - Q*E) / (Q*MMR - Q) with WB = 3000, cum = 50, MMR = 0.5%.
        #expect(abs(price - (3000 + 50 - 60000) / (0.005 - 1)) < 1e-6)
        let tooHigh = try sextant(["liquidation", "--symbol", "BTCUSDT", "--side", "long", "--entry", "60000", "--quantity", "100",
                                   "--leverage", "125"])
        #expect(tooHigh.status != 0 && tooHigh.stderr.contains("tier"))
    }

    @Test("the demo loads the sample data and prints the overview")
    func demo() throws {
        let db = try temporaryDB()
        let r = try sextant(["demo", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("16 tokens"))
        for token in ["BTC", "ETH", "SOL", "DOGE", "USDT"] { #expect(r.stdout.contains("\n\(token) ")) }
        let again = try sextant(["demo", "--db", db])
        #expect(again.stdout.contains("files already there"))
        let assets = try sextant(["assets", "--db", db, "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(assets.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 16)
    }

    @Test("serve refuses a models folder that is missing, empty or holds a corrupt model, and says which")
    func serveModels() throws {
        let db = try temporaryDB()
        let missing = try sextant(["serve", "--db", db, "--port", "18793", "--models", "/nonexistent/models"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("'/nonexistent/models' does not exist"), "\(missing.stderr)")

        let empty = NSTemporaryDirectory() + "sextant-models-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try sextant(["serve", "--db", db, "--port", "18793", "--models", empty])
        #expect(none.status != 0)
        #expect(none.stderr.contains("no signal models"), "\(none.stderr)")

        try "{\"formatVersion\": 2, \"trun".write(toFile: empty + "/signals-1d.json", atomically: true, encoding: .utf8)
        let corrupt = try sextant(["serve", "--db", db, "--port", "18793", "--models", empty])
        #expect(corrupt.status != 0)
        #expect(corrupt.stderr.contains("signals-1d.json"), "\(corrupt.stderr)")
    }
}
