import Foundation
import Indicators
import Testing
import TestSupport

/// The edge-case reference vectors in `Tests/Fixtures/talib_edge` (made by its `generate.py` with TA-Lib 0.8.1):
/// heavy ties, outliers, flat stretches, zeros, math-domain errors and a drifting cycle.
struct EdgeReference: Sendable {
    struct Call: Decodable, Sendable, CustomTestStringConvertible {
        let scenario: String
        let function: String
        let parameters: [String: Double]
        let outputs: [String]
        let columns: [String]
        var testDescription: String { "\(function) \(parameters.sorted { $0.key < $1.key }) on \(scenario)" }
    }
    struct Manifest: Decodable { let calls: [Call] }

    static let calls: [Call] = {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path("talib_edge/manifest.json"))),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return [] }
        return manifest.calls
    }()

    static func calls(_ functions: Set<String>) -> [Call] { calls.filter { functions.contains($0.function) } }

    static func table(_ scenario: String) throws -> NumericTable {
        NumericTable(csv: try Fixtures.text("talib_edge/\(scenario).csv.gz"))
    }

    /// Runs `call` through the catalog, batch and streaming bar by bar, and returns the first difference from
    /// TA-Lib, if any. Equal values (including equal infinities) match; otherwise integers must be exact and
    /// reals within 1e-9 relative, as in the parity test.
    static func firstDifference(_ call: Call) throws -> String? {
        let table = try table(call.scenario)
        let close = try #require(table["close"])
        let input = BarColumns(high: table["high"] ?? close, low: table["low"] ?? close, close: close)
        let def = try IndicatorCatalog.function(named: call.function)
        let p = try def.parameters(call.parameters)
        let batch = def.run(input, p)
        var stream = def.stream(p)
        let streamed = stream.update(chunks: input, size: 1)
        for (k, column) in call.columns.enumerated() {
            let expected = try #require(table[column])
            let tolerance: Tolerance = def.outputs[k].isInteger ? .exact : .relative(1e-9)
            for (form, ours) in [("batch", batch[k]), ("streaming", streamed[k])] {
                for i in expected.indices where !(ours[i] == expected[i] || tolerance.accepts(ours[i], expected[i])) {
                    return "\(form) \(column)[\(i)]: ours \(ours[i]), TA-Lib \(expected[i])"
                }
            }
        }
        return nil
    }
}

private let mathTransformIDs: Set<String> = Set(MathTransformFunction.allCases.map(\.rawValue))
private let mathOperatorIDs: Set<String> = ["MAX", "MAXINDEX", "MIN", "MININDEX", "MINMAX", "MINMAXINDEX", "SUM", "CUMSUM",
                                            "DIV"]

@Suite struct MathTests {

    @Test("math transforms give TA-Lib's NaN, infinities and values across and beyond their domains",
          arguments: EdgeReference.calls(mathTransformIDs))
    func transformDomains(call: EdgeReference.Call) throws {
        let difference = try EdgeReference.firstDifference(call)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("window extremes, their indices and sums match TA-Lib on tie-heavy and adversarial data",
          arguments: EdgeReference.calls(mathOperatorIDs))
    func operatorEdges(call: EdgeReference.Call) throws {
        let difference = try EdgeReference.firstDifference(call)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("the edge reference holds every function it is meant to cover")
    func edgeReferenceLoaded() {
        #expect(EdgeReference.calls.count == 48)
    }

    @Test("a new equal value takes the index, but a rescan after the extreme leaves picks the earliest tie")
    func tieRule() {
        // Worked by hand from TA-Lib's rule: x = 3 1 3 2 3 3 1 1 2, period 3.
        var state = WindowExtremesState(.minMaxIndex, period: 3)
        var minIndices: [Int] = []
        var maxIndices: [Int] = []
        for x in [3.0, 1, 3, 2, 3, 3, 1, 1, 2] {
            if let r = state.update(x) {
                minIndices.append(r.minIndex)
                maxIndices.append(r.maxIndex)
            }
        }
        #expect(maxIndices == [0, 2, 4, 5, 5, 5, 8])   // bar 2: window 3 1 3 rescans to the earlier 3
        #expect(minIndices == [1, 1, 3, 3, 6, 7, 7])   // bar 7: the new 1 takes over from bar 6's
    }

    @Test("index outputs read 0 while warming up, as TA-Lib's integer arrays do")
    func indexWarmUp() throws {
        let def = try IndicatorCatalog.function(named: "MAXINDEX")
        let out = def.run(BarColumns(real: [1, 5, 2, 4]), try def.parameters(["timeperiod": 3]))
        #expect(out[0] == [0, 0, 1, 1])
        #expect(def.outputs[0].isInteger)
    }

    @Test("two-series operators read high as price0 and low as price1")
    func arithmetic() throws {
        let input = BarColumns(real0: [6, 1, 0], real1: [3, 0, 0])
        let run = { (id: String) throws -> [Double] in
            let def = try IndicatorCatalog.function(named: id)
            return def.run(input, try def.parameters())[0]
        }
        #expect(try run("ADD") == [9, 1, 0])
        #expect(try run("SUB") == [3, 1, 0])
        #expect(try run("MULT") == [18, 0, 0])
        let div = try run("DIV")
        #expect(div[0] == 2 && div[1] == .infinity && div[2].isNaN)
        #expect(ArithmeticState(.sub).update(1, 4) == -3)
    }

    @Test("SUM and CUMSUM keep running totals")
    func sums() {
        var sum = MovingSumState(period: 3)
        #expect([1.0, 2, 3, 4, 10].map { sum.update($0) } == [nil, nil, 6, 9, 17])
        var cumulative = CumulativeSumState()
        #expect([1.0, 2, 3].map { cumulative.update($0) } == [1, 3, 6])
    }

    @Test("math transforms apply the C library function")
    func transforms() {
        #expect(MathTransformState(.sqrt).update(9) == 3)
        #expect(MathTransformState(.ln).update(1) == 0)
        #expect(MathTransformState(.ceil).update(-1.5) == -1)
        #expect(MathTransformState(.floor).update(-1.5) == -2)
        #expect(MathTransformState(.log10).update(1000) == 3)
        #expect(MathTransformState(.acos).update(2).isNaN)
    }

    @Test("NaN and infinite inputs run through every math and price function without crashing")
    func badInput() throws {
        let ids = mathTransformIDs.union(mathOperatorIDs).union(["ADD", "SUB", "MULT", "AVGPRICE", "MEDPRICE",
                                                                  "TYPPRICE", "WCLPRICE", "AVGDEV", "HA"])
        let x: [Double] = [1, .nan, 3, .infinity, 5, -.infinity, 7, 8, 9, 10, .nan, 12]
        let input = BarColumns(open: x, high: x, low: x.reversed(), close: x, volume: x)
        for id in ids.sorted() {
            let def = try IndicatorCatalog.function(named: id)
            let p = def.parameters.isEmpty ? try def.parameters() : try def.parameters(["timeperiod": 3])
            let out = def.run(input, p)
            #expect(out.allSatisfy { $0.count == x.count }, "\(id)")
        }
    }
}
