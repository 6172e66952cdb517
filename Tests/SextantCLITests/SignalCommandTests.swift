import Foundation
import MarketData
import Signals
import Testing
import TestSupport
@testable import SextantCLI

@Suite struct SignalCommandTests {
    @Test("signals --input prints exactly i,timestamp,signal,score per input row, empty score while warming up")
    func inputCSV() throws {
        let path = Fixtures.root + "/../../SampleData/daily/BTC.csv.gz"
        let file = try MarketFileReader.read(path)
        guard case .candles(let bars, _) = file.content else { Issue.record("not candles"); return }
        let model = try SignalModel.load(path: Fixtures.root + "/../../Models/signals-1d.json")
        let f = FeatureBuilder.build(bars)
        let s = SignalEngine.run(symbol: "BTC", features: f, model: model, timeframe: .d1, asOf: bars.time.last! + 86_400_000)
        let lines = SignalsCommand.csv(s).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.first == "i,timestamp,signal,score")
        #expect(lines.count == bars.count + 1)
        #expect(lines[1] == "0,2013-04-29T00:00:00Z,0,")
        for (k, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 4)
            #expect(Int(cells[0]) == k)
            if k < f.firstComplete { #expect(cells[3].isEmpty) } else {
                let score = try #require(Double(cells[3]))
                #expect(score >= -1 && score <= 1)
                #expect(["-1", "0", "1"].contains(String(cells[2])))
            }
        }
    }

    @Test("--asof with a date means the end of that UTC day")
    func asOfDate() throws {
        #expect(try parseAsOf("2021-01-01").milliseconds == Timestamp.utc(year: 2021, month: 1, day: 2).milliseconds)
        #expect(try parseAsOf("2021-01-01T06:00:00Z").milliseconds == Timestamp.utc(year: 2021, month: 1, day: 1, hour: 6).milliseconds)
        #expect(throws: (any Error).self) { try parseAsOf("yesterday") }
    }
}
