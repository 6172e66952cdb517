import Foundation
import Indicators
import Testing
import TestSupport

/// Every catalog function against TA-Lib 0.8.1 on both reference folders: values, lookback and streaming.
@Suite struct TALibParityTests {
    @Test("matches TA-Lib on every reference row, batch and streaming", arguments: TALibReference.selectedFunctions)
    func parity(function: String) throws {
        let def = try IndicatorCatalog.function(named: function)
        for folder in TALibReference.folders {
            let ref = try #require(TALibReference.cached[folder], "reference folder \(folder) did not load")
            let entry = try #require(ref.entries.first { $0.function == function })
            #expect(def.outputs.map(\.name) == entry.outputs, "\(function) outputs in \(folder)")
            let p = try def.parameters(entry.parameters)
            #expect(def.lookback(p) == entry.lookback, "\(function) lookback in \(folder)")

            let expected = try ref.expected(entry)
            let batch = def.run(ref.input, p)
            let mismatch = firstMismatch(batch, expected, outputs: def.outputs, names: entry.outputs)
            #expect(mismatch == nil, "\(function) batch in \(folder): \(mismatch?.description ?? "")")

            // Streaming, fed in chunks of several sizes, gives the batch values.
            for chunk in [1, 2, 3, 5, 7, 13, 100, ref.input.count] {
                var stream = def.stream(p)
                let streamed = stream.update(chunks: ref.input, size: chunk)
                let m = firstMismatch(streamed, expected, outputs: def.outputs, names: entry.outputs)
                #expect(m == nil, "\(function) streaming (chunks of \(chunk)) in \(folder): \(m?.description ?? "")")
                if m != nil { break }
            }
        }
    }

    @Test("the catalog holds exactly the functions of the reference manifests")
    func catalogCoversManifest() throws {
        for folder in TALibReference.folders {
            let ref = try #require(TALibReference.cached[folder])
            let manifestIDs = Set(ref.entries.map(\.function))
            let catalogIDs = Set(IndicatorCatalog.all.map(\.id))
            #expect(manifestIDs.subtracting(catalogIDs).sorted() == [], "functions without an implementation")
            #expect(catalogIDs.subtracting(manifestIDs).sorted() == [], "functions without reference vectors")
            var matched = 0
            for entry in ref.entries {
                guard let def = try? IndicatorCatalog.function(named: entry.function),
                      let p = try? def.parameters(entry.parameters),
                      let expected = try? ref.expected(entry) else { continue }
                if firstMismatch(def.run(ref.input, p), expected, outputs: def.outputs, names: entry.outputs) == nil,
                   def.lookback(p) == entry.lookback {
                    matched += 1
                }
            }
            print("TA-Lib parity \(folder): \(matched) of \(ref.entries.count) functions match")
            #expect(matched == ref.entries.count)
        }
    }
}
