/// Reads market-data files (plain or gzip) into typed series, validating every row.
///
/// ```swift
/// let file = try MarketFileReader.read("BTCUSDT_1h.csv.gz")
/// if case .candles(let bars, _) = file.content { print(bars.count, bars.gaps().count) }
/// ```
/// A bad row throws a `DataError` with file, line and column, unless `skipInvalid` is set, in which case
/// it is left out and listed in `ParsedFile.skipped`. Nothing is ever filled in or repaired.
public enum MarketFileReader {
    /// Reads and validates the file at `path`.
    public static func read(_ path: String, options: ReadOptions = ReadOptions()) throws(DataError) -> ParsedFile {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw DataError.whole(path, error.description.dropPrefix(path + ": ")) }
        return try parse(bytes: bytes, path: path, options: options)
    }

    /// Parses bytes already in memory; `path` is used in messages and for name hints.
    public static func parse(bytes: [UInt8], path: String, options: ReadOptions = ReadOptions()) throws(DataError) -> ParsedFile {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw DataError.whole(path, "the file is empty: expected a CSV with a header row and data rows")
        }
        let hash = fnv1a64(bytes)
        let tok = CSVTokenizer(bytes: bytes)
        var header: [String]?
        var firstRecordLine = 1
        var firstFields: [String] = []
        do {
            // Peek at the first record to tell header from data and check the delimiter.
            struct Stop: Error {}
            do {
                try tok.forEachRecord { rec in
                    firstFields = (0..<rec.count).map { tok.string(rec, $0) }
                    firstRecordLine = rec.line
                    throw Stop()
                }
            } catch is Stop {}
        } catch let e as CSVTokenizer.SyntaxError {
            throw DataError(file: path, line: e.line, message: e.message)
        } catch {
            throw DataError.whole(path, "\(error)")
        }
        if firstFields.count == 1 {
            let only = firstFields[0]
            for (d, name) in [(";", "semicolons"), ("\t", "tabs"), ("|", "pipes")] where only.contains(d) {
                throw DataError(file: path, line: firstRecordLine,
                                message: "fields are separated by \(name), expected commas (a comma-separated file)")
            }
        }
        let looksLikeData = firstFields.first.map { f -> Bool in
            let b = Array(f.utf8)
            return b.withUnsafeBufferPointer { FieldParser.timestamp($0, 0, $0.count) != nil }
        } ?? false
        if !looksLikeData { header = firstFields.map { $0.trimmingCharacters(in: " \t").lowercased() } }

        var format = options.format
        if format == .auto { format = detect(header: header, fieldCount: firstFields.count, path: path) }
        guard format != .auto else {
            throw DataError(file: path, line: firstRecordLine,
                            message: "cannot tell the file's format from its header (\(firstFields.joined(separator: ","))): expected a time column and open/high/low/close, price, funding_rate, title, or a metric column; or pass --format")
        }
        var ctx = RowContext(path: path, tok: tok, header: header, skipInvalid: options.skipInvalid)
        let hints = FileNameHints(path: path)
        let content: ParsedContent
        switch format {
        case .ohlcv, .marketcap, .binance, .coingecko:
            content = try readCandles(&ctx, format: format, options: options, hints: hints)
        case .funding:
            content = try readFunding(&ctx, options: options, hints: hints)
        case .headlines:
            content = try readHeadlines(&ctx)
        case .metric:
            content = try readMetrics(&ctx)
        case .auto:
            fatalError("unreachable: auto was resolved above")
        }
        if ctx.rowsRead == 0 {
            throw DataError.whole(path, header == nil ? "the file has no data rows" : "the file has a header but no data rows")
        }
        return ParsedFile(path: path, format: format, rowsRead: ctx.rowsRead, content: content, skipped: ctx.skipped,
                          contentHash: String(hash, radix: 16))
    }

    /// The format a header implies.
    static func detect(header: [String]?, fieldCount: Int, path: String) -> FileFormat {
        guard let h = header else { return fieldCount >= 6 ? .binance : .auto }
        let set = Set(h)
        if set.contains("funding_rate") || set.contains("fundingrate") || set.contains("last_funding_rate") { return .funding }
        if set.contains("title") { return .headlines }
        if set.intersection(["open", "high", "low", "close"]).count >= 2 { return set.contains("market_cap") || set.contains("marketcap") ? .marketcap : .ohlcv }
        if set.contains("price") { return .coingecko }
        if timeColumn(h) != nil && h.count >= 2 { return .metric }
        return .auto
    }

    static let timeNames = ["timestamp", "open_time", "date", "time", "datetime", "snapped_at", "funding_time",
                            "fundingtime", "published_at", "calc_time"]

    static func timeColumn(_ header: [String]) -> Int? {
        for name in timeNames { if let k = header.firstIndex(of: name) { return k } }
        return nil
    }
}

/// Row-level state shared by the format readers: where we are, what was skipped.
struct RowContext {
    let path: String
    let tok: CSVTokenizer
    let header: [String]?
    let skipInvalid: Bool
    var rowsRead = 0
    var skipped: [DataError] = []

    func columnName(_ k: Int) -> String {
        if let header, k < header.count { return header[k] }
        return "#\(k + 1)"
    }

    /// Index of a required column, by any of its accepted names.
    func require(_ names: [String], what: String) throws(DataError) -> Int {
        if let header {
            for n in names { if let k = header.firstIndex(of: n) { return k } }
            throw DataError(file: path, line: 1, message: "missing column \(what): expected a header naming one of \(names.joined(separator: ", ")) (found: \(header.joined(separator: ", ")))")
        }
        throw DataError(file: path, line: 1, message: "missing header row")
    }

    func optional(_ names: [String]) -> Int? {
        guard let header else { return nil }
        for n in names { if let k = header.firstIndex(of: n) { return k } }
        return nil
    }

    /// Records `error` as skipped when skipping, else throws it.
    mutating func reject(_ error: DataError) throws(DataError) {
        if skipInvalid { skipped.append(error) } else { throw error }
    }

    /// Runs `body` on each data record (header skipped), translating tokenizer errors.
    mutating func forEachDataRecord(_ body: (CSVTokenizer.Record, UnsafeBufferPointer<UInt8>, inout RowContext) throws(DataError) -> Void) throws(DataError) {
        var first = header != nil
        var ctx = self
        do {
            try tok.bytes.withUnsafeBufferPointer { buf in
                try tok.forEachRecord { rec in
                    if first { first = false; return }
                    ctx.rowsRead += 1
                    try body(rec, buf, &ctx)
                }
            }
        } catch let e as DataError {
            self = ctx
            throw e
        } catch let e as CSVTokenizer.SyntaxError {
            self = ctx
            throw DataError(file: path, line: e.line, message: e.message)
        } catch {
            self = ctx
            throw DataError.whole(path, "\(error)")
        }
        self = ctx
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}

/// A fast 64-bit fingerprint of file contents for the ingest log (not a security hash): FNV-1a's constants
/// applied to 8-byte words, then the remaining bytes, with a final avalanche. About 8x faster than byte-wise FNV.
public func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    let prime: UInt64 = 0x100_0000_01b3
    bytes.withUnsafeBytes { raw in
        let words = raw.count / 8
        for k in 0..<words {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)) &* prime
            h ^= h >> 29
        }
        for k in (words * 8)..<raw.count { h = (h ^ UInt64(raw[k])) &* prime }
    }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    return h ^ (h >> 33)
}
