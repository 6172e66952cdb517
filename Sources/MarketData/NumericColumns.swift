/// Reads named numeric columns from a CSV with a header (for inputs beyond OHLCV, such as MAVP's `periods`).
public enum NumericColumns {
    /// The columns named in `names` (case-insensitive), one value per data row; an empty cell is NaN.
    /// - Throws: `DataError` for a missing column or a non-numeric cell, with its line.
    public static func read(_ path: String, names: [String]) throws(DataError) -> [String: [Double]] {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw DataError.whole(path, error.description.dropPrefix(path + ": ")) }
        let tok = CSVTokenizer(bytes: bytes)
        var header: [String]?
        var index: [Int] = []
        var out = [[Double]](repeating: [], count: names.count)
        do {
            try bytes.withUnsafeBufferPointer { buf in
                try tok.forEachRecord { rec in
                    if header == nil {
                        let h = (0..<rec.count).map { tok.string(rec, $0).trimmingCharacters(in: " \t").lowercased() }
                        header = h
                        for n in names {
                            guard let k = h.firstIndex(of: n.lowercased()) else {
                                throw DataError(file: path, line: rec.line, message: "missing column \(n)")
                            }
                            index.append(k)
                        }
                        return
                    }
                    for (j, k) in index.enumerated() {
                        guard k < rec.count else { throw DataError(file: path, line: rec.line, column: names[j], message: "truncated row") }
                        if rec.starts[k] == rec.ends[k] { out[j].append(.nan); continue }
                        guard let v = FieldParser.double(buf, rec.starts[k], rec.ends[k]) else {
                            throw DataError(file: path, line: rec.line, column: names[j], message: "expected a number, found '\(tok.string(rec, k))'")
                        }
                        out[j].append(v)
                    }
                }
            }
        } catch let e as DataError {
            throw e
        } catch let e as CSVTokenizer.SyntaxError {
            throw DataError(file: path, line: e.line, message: e.message)
        } catch {
            throw DataError.whole(path, "\(error)")
        }
        return Dictionary(uniqueKeysWithValues: zip(names, out))
    }
}
