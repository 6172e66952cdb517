import MarketData
import Testing
import TestSupport

/// Every kind of bad input gives an error naming file, line and column, or is skipped and reported.
@Suite struct BadInputTests {
    static let header = "timestamp,open,high,low,close,volume\n"
    static let good = "2024-01-01T00:00:00Z,100,110,90,105,3\n"

    func parse(_ text: String, skip: Bool = false, path: String = "BTCUSDT_1h.csv") throws(DataError) -> ParsedFile {
        try MarketFileReader.parse(bytes: Array(text.utf8), path: path, options: ReadOptions(skipInvalid: skip))
    }

    func expectError(_ text: String, line: Int, column: String?, contains fragment: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("no error for bad input", sourceLocation: sourceLocation)
        } catch {
            #expect(error.file == "BTCUSDT_1h.csv", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a truncated row")
    func truncated() { expectError(Self.header + Self.good + "2024-01-01T01:00:00Z,100,110\n", line: 3, column: "low", contains: "truncated row") }

    @Test("a non-numeric field")
    func nonNumeric() { expectError(Self.header + "2024-01-01T00:00:00Z,100,abc,90,105,3\n", line: 2, column: "high", contains: "expected a number, found 'abc'") }

    @Test("a negative price")
    func negativePrice() { expectError(Self.header + "2024-01-01T00:00:00Z,100,110,-90,105,3\n", line: 2, column: "low", contains: "positive price") }

    @Test("high below low")
    func highBelowLow() { expectError(Self.header + "2024-01-01T00:00:00Z,100,95,99,98,3\n", line: 2, column: "high", contains: "below") }

    @Test("a negative volume")
    func negativeVolume() { expectError(Self.header + "2024-01-01T00:00:00Z,100,110,90,105,-3\n", line: 2, column: "volume", contains: "volume >= 0") }

    @Test("a duplicate timestamp")
    func duplicate() { expectError(Self.header + Self.good + Self.good, line: 3, column: "timestamp", contains: "duplicate timestamp") }

    @Test("an out-of-order timestamp")
    func outOfOrder() {
        expectError(Self.header + Self.good + "2023-12-31T23:00:00Z,100,110,90,105,3\n", line: 3, column: "timestamp", contains: "earlier than")
    }

    @Test("an empty file")
    func empty() { expectError("", line: 0, column: nil, contains: "empty") }

    @Test("a header-only file")
    func headerOnly() { expectError(Self.header, line: 0, column: nil, contains: "no data rows") }

    @Test("a wrong delimiter")
    func wrongDelimiter() {
        expectError("timestamp;open;high;low;close;volume\n2024-01-01T00:00:00Z;1;2;0.5;1;3\n", line: 1, column: nil, contains: "semicolons")
    }

    @Test("a missing column")
    func missingColumn() {
        expectError("timestamp,open,high,close,volume\n2024-01-01T00:00:00Z,1,2,1,3\n", line: 1, column: nil, contains: "missing column low")
    }

    @Test("a UTF-8 byte-order mark and CRLF line ends are read")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + (Self.header + Self.good + "2024-01-01T01:00:00Z,105,120,100,110,4\n").split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let f = try parse(text)
        guard case let .candles(s, _) = f.content else { Issue.record("not candles"); return }
        #expect(s.count == 2 && s.close == [105, 110] && s.volume == [3, 4])
    }

    @Test("a missing path and an unreadable path")
    func missingPath() {
        #expect(throws: DataError.self) { try MarketFileReader.read("/nonexistent/BTC.csv") }
        do { _ = try MarketFileReader.read("/nonexistent/BTC.csv") } catch { #expect(error.description.contains("no such file")) }
        do { _ = try MarketFileReader.read("/tmp") } catch { #expect(error.description.contains("directory")) }
    }

    @Test("a corrupt gzip")
    func corruptGzip() throws {
        let good = try FileBytes.readRaw(Fixtures.path("data/BTCUSDT_5m_first2000.csv.gz"))
        let truncated = Array(good.prefix(good.count / 2))
        #expect(throws: FileReadError.self) { try Gzip.decompress(truncated) }
        var flipped = good
        flipped[40] ^= 0xFF
        flipped[41] ^= 0xFF
        #expect(throws: FileReadError.self) { try Gzip.decompress(flipped) }
        let path = "/tmp/sextant-corrupt-\(getpid()).csv.gz"
        let f = fopen(path, "wb")!
        _ = truncated.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        defer { unlink(path) }
        do {
            _ = try MarketFileReader.read(path)
            Issue.record("corrupt gzip was read")
        } catch {
            #expect(error.file == path && error.message.contains("gzip"))
        }
    }

    @Test("skip-invalid keeps the good rows and reports every bad one")
    func skipInvalid() throws {
        let text = Self.header + Self.good + "2024-01-01T01:00:00Z,100,abc,90,105,3\n" + "2024-01-01T02:00:00Z,100,110,90,105,3\n"
            + "2024-01-01T02:00:00Z,100,110,90,105,3\n" + "2024-01-01T03:00:00Z,100,110\n"
        let f = try parse(text, skip: true)
        #expect(f.rowsRead == 5)
        #expect(f.content.rowCount == 2)
        #expect(f.skipped.map(\.line) == [3, 5, 6])
    }

    @Test("an unterminated quote names its line")
    func unterminatedQuote() {
        expectError("published_at,title\n2024-01-01,\"never closed\n", line: 2, column: nil, contains: "unterminated")
    }

    @Test("garbage bytes never crash the reader")
    func garbage() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let n = Int(rng.next() % 300)
            let bytes = (0..<n).map { _ in [UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\""), UInt8(ascii: "1"),
                                            UInt8(ascii: "-"), UInt8(ascii: "T"), UInt8(ascii: ":"), UInt8(ascii: "a"), 0xFF][Int(rng.next() % 9)] }
            _ = try? MarketFileReader.parse(bytes: Self.header.utf8 + bytes, path: "fuzz.csv")
            _ = try? MarketFileReader.parse(bytes: bytes, path: "fuzz.csv")
        }
    }
}

/// A small seeded generator for test inputs.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
