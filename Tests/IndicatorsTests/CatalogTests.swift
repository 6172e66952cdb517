import Indicators
import Testing

@Suite struct CatalogTests {
    @Test("an unknown function name suggests the nearest names")
    func unknownFunction() {
        #expect(throws: IndicatorError.self) { try IndicatorCatalog.function(named: "SMAA") }
        do {
            _ = try IndicatorCatalog.function(named: "SMAA")
        } catch {
            #expect(error.description.contains("SMA"))
        }
    }

    @Test("a parameter out of range names the parameter, its value and TA-Lib's range")
    func outOfRange() throws {
        let sma = try IndicatorCatalog.function(named: "SMA")
        do {
            _ = try sma.parameters(["timeperiod": 0])
            Issue.record("timeperiod=0 was accepted")
        } catch {
            #expect(error.description == "SMA parameter timeperiod=0 is out of range: allowed integer values are 1...100000")
        }
        #expect(throws: IndicatorError.self) { try sma.parameters(["timeperiod": 2.5]) }
        do {
            _ = try sma.parameters(["timeperiod": 1e30])
            Issue.record("timeperiod=1e30 was accepted")
        } catch {
            #expect(error.description == "SMA parameter timeperiod=1e+30 is out of range: allowed integer values are 1...100000")
        }
        #expect(throws: IndicatorError.self) { try sma.parameters(["period": 5]) }
        #expect(throws: IndicatorError.self) { try sma.parameters(["timeperiod": .nan]) }
    }

    @Test("fewer bars than the lookback give no values (NaN, or 0 for integer outputs), not an error")
    func shortInput() throws {
        for def in IndicatorCatalog.all {
            let p = try def.parameters()
            let n = min(3, def.lookback(p))
            let x = (0..<n).map { 100.0 + Double($0) }
            let out = def.run(BarColumns(open: x, high: x.map { $0 + 1 }, low: x.map { $0 - 1 }, close: x, volume: x,
                                         periods: x.map { _ in 5 }), p)
            #expect(out.count == def.outputs.count)
            if def.lookback(p) >= n {
                for (k, column) in out.enumerated() {
                    let blank = def.outputs[k].isInteger
                    #expect(column.allSatisfy { blank ? $0 == 0 : $0.isNaN }, "\(def.id).\(def.outputs[k].name)")
                }
            }
        }
    }

    @Test("every function runs on an empty series")
    func emptyInput() throws {
        for def in IndicatorCatalog.all {
            let out = def.run(BarColumns(close: []), try def.parameters())
            #expect(out.allSatisfy { $0.isEmpty })
        }
    }
}
