/// A small RFC 4180 CSV reader (quoted fields, doubled quotes, embedded commas and newlines) for headline files and the
/// shipped data files. Invalid UTF-8 bytes are replaced (U+FFFD) rather than rejected, so broken rows are still read.
///
/// ```swift
/// let table = CSVTable(text: "title,score\n\"Up, up\",1\n")
/// table.column("title")   // ["Up, up"]
/// ```
public struct CSVTable: Sendable {
    /// Header cells.
    public let header: [String]
    /// Data rows (each padded or cut to the header's width).
    public let rows: [[String]]
    /// The 1-based file line on which each row starts (the header is line 1).
    public let lines: [Int]

    /// Parses CSV text; the first record is the header.
    public init(text: String) {
        var records: [[String]] = []
        var starts: [Int] = []
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        let bytes = Array(text.utf8)
        var i = 0
        func endField() { record.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { inQuotes = false }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") && field.isEmpty {
                inQuotes = true
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endField()
                if !(record.count == 1 && record[0].isEmpty) { records.append(record); starts.append(recordLine) }
                record.removeAll()
                line += 1
                recordLine = line
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty { endField(); records.append(record); starts.append(recordLine) }
        header = records.first ?? []
        let width = header.count
        rows = records.dropFirst().map { r in
            r.count == width ? r : (r.count > width ? Array(r.prefix(width)) : r + Array(repeating: "", count: width - r.count))
        }
        lines = Array(starts.dropFirst())
    }

    /// The index of a column by name.
    public func columnIndex(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// A column's cells by name, or nil when absent.
    public func column(_ name: String) -> [String]? {
        guard let k = columnIndex(name) else { return nil }
        return rows.map { $0[k] }
    }

    /// A column's cells by name.
    /// - Throws: `IntelError.missingColumn` listing the columns that exist.
    public func requireColumn(_ name: String) throws(IntelError) -> [String] {
        guard let c = column(name) else { throw .missingColumn(name, available: header) }
        return c
    }
}
