import Foundation
import Indicators
import Testing
import TestSupport

/// Edge-case reference vectors for the Momentum functions AC ... PLUS_DM (`Tests/Fixtures/talib-momentum-edge`,
/// generated with TA-Lib 0.8.1 by the `generate.py` beside them): flat stretches, ties, zero ranges, tiny
/// volumes, a zero close, the extreme parameters (period 1, swapped fast/slow, signal 1), and every function
/// once more on the same series with NaN and infinite values.
struct MomentumEdgeReference: Sendable {
    struct Case: Decodable, Sendable {
        let function: String
        /// `input.csv` or `input_gaps.csv` (the same series with NaN and infinite values).
        let input: String
        let parameters: [String: Double]
        let outputs: [String]
        let lookback: Int
        let file: String
    }
    struct Manifest: Decodable { let functions: [Case] }

    let cases: [Case]
    let inputs: [String: BarColumns]

    static let folder = "talib-momentum-edge"

    static func load() throws -> MomentumEdgeReference {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(folder)/manifest.json")))
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        var inputs: [String: BarColumns] = [:]
        for name in Set(manifest.functions.map(\.input)) {
            let table = NumericTable(csv: try Fixtures.text("\(folder)/\(name).gz"))
            inputs[name] = BarColumns(open: table["open"]!, high: table["high"]!, low: table["low"]!, close: table["close"]!,
                                      volume: table["volume"]!)
        }
        return MomentumEdgeReference(cases: manifest.functions, inputs: inputs)
    }

    static let cached: MomentumEdgeReference? = try? load()

    static var caseIndices: [Int] { Array(0..<((try? load())?.cases.count ?? 0)) }

    func expected(_ c: Case) throws -> NumericTable {
        NumericTable(csv: try Fixtures.text("\(Self.folder)/\(c.file).gz"))
    }
}

/// `firstMismatch`, except that an identical value (an infinity included) always matches.
func firstDifference(_ ours: [[Double]], _ reference: NumericTable, outputs: [OutputSpec], names: [String]) -> Mismatch? {
    for (k, name) in names.enumerated() {
        guard k < ours.count, let ref = reference[name], ours[k].count == ref.count else {
            return Mismatch(output: name, row: -1, ours: .nan, reference: .nan)
        }
        let tol: Tolerance = outputs[k].isInteger ? .exact : .relative(1e-9)
        for i in 0..<ref.count where ours[k][i] != ref[i] && !tol.accepts(ours[k][i], ref[i]) {
            return Mismatch(output: name, row: i, ours: ours[k][i], reference: ref[i])
        }
    }
    return nil
}

@Suite struct MomentumTests {
    @Test("matches TA-Lib on the edge-case series, batch and streaming", arguments: MomentumEdgeReference.caseIndices)
    func edgeCase(index: Int) throws {
        let ref = try #require(MomentumEdgeReference.cached)
        let c = ref.cases[index]
        let def = try IndicatorCatalog.function(named: c.function)
        let p = try def.parameters(c.parameters)
        let input = try #require(ref.inputs[c.input])
        let label = "\(c.function) \(c.parameters.sorted { $0.key < $1.key }) on \(c.input)"
        #expect(def.lookback(p) == c.lookback, "lookback of \(label)")
        let expected = try ref.expected(c)
        let batch = def.run(input, p)
        let m = firstDifference(batch, expected, outputs: def.outputs, names: c.outputs)
        #expect(m == nil, "\(label) batch: \(m?.description ?? "")")
        for chunk in [1, 7] {
            var stream = def.stream(p)
            let streamed = stream.update(chunks: input, size: chunk)
            let s = firstDifference(streamed, expected, outputs: def.outputs, names: c.outputs)
            #expect(s == nil, "\(label) streaming in chunks of \(chunk): \(s?.description ?? "")")
        }
    }

    @Test("MACD's typed update gives the catalog's three columns")
    func macdTypedAPI() throws {
        var closes: [Double] = []
        for i in 0..<120 {
            let t = Double(i)
            closes.append(100.0 + 10.0 * sin(t / 7.0) + t * 0.1)
        }
        let def = try IndicatorCatalog.function(named: "MACD")
        let columns = def.run(BarColumns(real: closes), try def.parameters())
        var state = MACDState()
        for (i, x) in closes.enumerated() {
            if let v = state.update(x) {
                #expect(i >= MACDState.lookback())
                let same = v.macd == columns[0][i] && v.signal == columns[1][i] && v.hist == columns[2][i]
                #expect(same)
            } else {
                #expect(i < MACDState.lookback())
                #expect(columns[0][i].isNaN)
            }
        }
    }

    @Test("BOP is (close - open) / (high - low), and 0 on a bar with no range")
    func balanceOfPowerByHand() {
        var bop = BOPState()
        #expect(bop.update(open: 10, high: 14, low: 9, close: 12) == 0.4)
        #expect(bop.update(open: 10, high: 10, low: 10, close: 10) == 0)
    }

    @Test("PLUS_DM seeds with the sum of the first period - 1 moves, then smooths as Wilder")
    func plusDMByHand() {
        var dm = DirectionalMovementState(.plus, period: 3)
        // +DM1 of each bar after the first: 2, 0 (the low fell further), 1.
        let bars: [(Double, Double)] = [(10, 9), (12, 10), (12.5, 7), (13.5, 12)]
        var values: [Double?] = []
        for (h, l) in bars { values.append(dm.update(high: h, low: l)) }
        #expect(values[0] == nil && values[1] == nil)
        #expect(values[2] == 2.0)                       // 2 + 0
        #expect(values[3] == 2.0 - 2.0 / 3.0 + 1.0)     // Wilder step
    }

    @Test("an out-of-range period is a typed error naming the allowed range")
    func rejectsBadPeriods() throws {
        let adx = try IndicatorCatalog.function(named: "ADX")
        #expect(throws: IndicatorError.self) { try adx.parameters(["timeperiod": 1]) }
        let di = try IndicatorCatalog.function(named: "PLUS_DI")
        #expect((try? di.parameters(["timeperiod": 1])) != nil)
        let macd = try IndicatorCatalog.function(named: "MACD")
        do {
            _ = try macd.parameters(["fastperiod": 0])
            Issue.record("fastperiod 0 was accepted")
        } catch {
            #expect(error.description.contains("2...100000"))
        }
    }

    @Test("NaN and infinite inputs propagate without crashing")
    func nonFiniteInputs() throws {
        var closes = (0..<80).map { 50 + Double($0 % 9) }
        closes[30] = .nan
        closes[31] = .infinity
        let input = BarColumns(open: closes, high: closes.map { $0 + 1 }, low: closes.map { $0 - 1 }, close: closes,
                               volume: closes.map { _ in 10 })
        for def in IndicatorCatalog.all where def.group == .momentum {
            guard let p = try? def.parameters() else { continue }
            let columns = def.run(input, p)
            #expect(columns.count == def.outputs.count)
            #expect(columns.allSatisfy { $0.count == input.count })
        }
    }
}
