/// A single-pass reader for the common case of an OHLCV file: a header, unquoted fields, one bar per line,
/// every row valid. Each line is scanned once and each field parsed where it stands, into columns reserved
/// up front: no per-row records or allocations.
///
/// It returns nil at the first thing it does not handle (a quote, a short row, a bad value, an invalid bar,
/// a time out of order); the caller then reads the file with the general reader, which gives the exact
/// error or skips the row. Both produce the same series for a file this path accepts.
enum FastOHLCV {
    /// What each column of the file feeds.
    enum Role { case time, open, high, low, close, volume, marketCap, skip }

    struct Columns {
        var time: [Timestamp] = []
        var open: [Double] = [], high: [Double] = [], low: [Double] = [], close: [Double] = [], volume: [Double] = []
        var capTime: [Timestamp] = [], cap: [Double] = []
    }

    /// - Parameters:
    ///   - dataStart: byte offset of the first data line (after the header).
    ///   - roles: one role per header column.
    static func read(_ bytes: [UInt8], dataStart: Int, roles: [Role]) -> Columns? {
        let fieldCount = roles.count
        return bytes.withUnsafeBufferPointer { p -> Columns? in
            let n = p.count
            // Market-data lines are at least ~30 bytes: reserving n / 24 rows covers them without a counting pass.
            let lines = (n - dataStart) / 24
            var c = Columns()
            c.time.reserveCapacity(lines + 1)
            c.open.reserveCapacity(lines + 1); c.high.reserveCapacity(lines + 1); c.low.reserveCapacity(lines + 1)
            c.close.reserveCapacity(lines + 1); c.volume.reserveCapacity(lines + 1)
            let comma = UInt8(ascii: ","), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, quote = UInt8(ascii: "\"")
            var i = dataStart
            var last = Int64.min
            while i < n {
                if p[i] == lf || p[i] == cr { i += 1; continue }          // blank line or CR of CRLF
                var t = Timestamp(milliseconds: 0)
                var o = 0.0, h = 0.0, l = 0.0, cl = 0.0, v = 0.0
                var cap: Double?
                var field = 0
                while true {
                    let start = i
                    while i < n {
                        let b = p[i]
                        if b == comma || b == lf || b == cr { break }
                        if b == quote { return nil }
                        i += 1
                    }
                    guard field < fieldCount else { return nil }
                    switch roles[field] {
                    case .time:
                        guard let x = FieldParser.timestamp(p, start, i) else { return nil }
                        t = x
                    case .open: guard let x = FieldParser.double(p, start, i) else { return nil }; o = x
                    case .high: guard let x = FieldParser.double(p, start, i) else { return nil }; h = x
                    case .low: guard let x = FieldParser.double(p, start, i) else { return nil }; l = x
                    case .close: guard let x = FieldParser.double(p, start, i) else { return nil }; cl = x
                    case .volume:
                        if i > start { guard let x = FieldParser.double(p, start, i) else { return nil }; v = x }
                    case .marketCap:
                        if i > start { guard let x = FieldParser.double(p, start, i), x >= 0, x.isFinite else { return nil }; cap = x }
                    case .skip: break
                    }
                    field += 1
                    if i < n && p[i] == comma { i += 1; continue }
                    break
                }
                guard field == fieldCount else { return nil }
                // The same checks as the general reader; any failure defers to it for the exact message.
                guard o > 0, h > 0, l > 0, cl > 0, o.isFinite, h.isFinite, l.isFinite, cl.isFinite,
                      h >= max(o, cl), h >= l, l <= min(o, cl), v >= 0, v.isFinite, t.milliseconds > last else { return nil }
                last = t.milliseconds
                c.time.append(t); c.open.append(o); c.high.append(h); c.low.append(l); c.close.append(cl); c.volume.append(v)
                if let cap { c.capTime.append(t); c.cap.append(cap) }
            }
            return c
        }
    }
}
