/// Fast parsers for the numbers and times found in market-data files, working on bytes.
public enum FieldParser {
    /// Exact powers of ten representable in a Double (Clinger's fast path).
    @usableFromInline static let pow10: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Parses a decimal number such as `-12.5`, `1e-3`, `3.0E+10`, `nan`, `inf`. Surrounding spaces are allowed.
    /// Returns nil when the text is not a number.
    ///
    /// Digits up to 2^53 with a decimal exponent within ±22 are converted exactly (correctly rounded) by one
    /// multiplication or division; anything else falls back to the standard library's correctly rounded parser.
    @inlinable
    public static func double(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start, e = end
        while i < e && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
        while e > i && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
        if i >= e { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if p[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exp10 = 0
        var sawDigit = false
        while i < e, p[i] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 } } else { exp10 += 1 }
            sawDigit = true
            i += 1
        }
        if i < e && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < e, p[i] &- 48 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 }; exp10 -= 1 }
                sawDigit = true
                i += 1
            }
        }
        if !sawDigit { return slowDouble(p, start, end) }
        if i < e && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var expNeg = false
            if i < e && p[i] == UInt8(ascii: "-") { expNeg = true; i += 1 } else if i < e && p[i] == UInt8(ascii: "+") { i += 1 }
            var ev = 0
            var sawExp = false
            while i < e, p[i] &- 48 < 10 { if ev < 100_000 { ev = ev * 10 + Int(p[i] &- 48) }; sawExp = true; i += 1 }
            if !sawExp { return nil }
            exp10 += expNeg ? -ev : ev
        }
        if i != e { return nil }
        if digits >= 19 || mantissa > (1 << 53) || exp10 < -22 || exp10 > 22 {
            return slowDouble(p, start, end)
        }
        var v = Double(mantissa)
        if exp10 < 0 { v /= pow10[-exp10] } else if exp10 > 0 { v *= pow10[exp10] }
        return negative ? -v : v
    }

    @usableFromInline
    static func slowDouble(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let s = String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
            .trimmingCharacters(in: " \t")
        return Double(s)
    }

    /// Parses a time: ISO-8601 (`2018-01-01T00:00:00Z`, with optional fraction, `Z`, `+00:00`, or a space
    /// instead of `T`, optionally followed by ` UTC`), a bare date `YYYY-MM-DD`, or an integer epoch in
    /// seconds, milliseconds or microseconds (told apart by magnitude). Returns nil when it is none of these.
    public static func timestamp(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Timestamp? {
        var i = start, e = end
        while i < e && p[i] == 0x20 { i += 1 }
        while e > i && p[e - 1] == 0x20 { e -= 1 }
        if i >= e { return nil }
        // Epoch number?
        if e - i < 5 || p[i + 4] != UInt8(ascii: "-") {
            guard let v = double(p, i, e), v.isFinite, v == v.rounded(), v >= 0 else { return nil }
            let n = Int64(v)
            return epoch(n)
        }
        func num(_ a: Int, _ len: Int) -> Int? {
            guard a + len <= e else { return nil }
            var v = 0
            for k in a..<(a + len) {
                let d = p[k] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = num(i, 4), p[i + 4] == UInt8(ascii: "-"), let mo = num(i + 5, 2), i + 7 < e,
              p[i + 7] == UInt8(ascii: "-"), let d = num(i + 8, 2) else { return nil }
        guard (1...12).contains(mo), (1...daysInMonth(y, mo)).contains(d) else { return nil }
        var k = i + 10
        var h = 0, mi = 0, s = 0, ms = 0
        var offsetMinutes = 0
        if k < e && (p[k] == UInt8(ascii: "T") || p[k] == UInt8(ascii: " ")) {
            guard let hh = num(k + 1, 2), k + 3 < e, p[k + 3] == UInt8(ascii: ":"), let mm = num(k + 4, 2) else { return nil }
            h = hh; mi = mm
            k += 6
            if k < e && p[k] == UInt8(ascii: ":") {
                guard let ss = num(k + 1, 2) else { return nil }
                s = ss
                k += 3
                if k < e && p[k] == UInt8(ascii: ".") {
                    k += 1
                    var scale = 100
                    while k < e, p[k] &- 48 < 10 { ms += Int(p[k] &- 48) * scale; scale /= 10; k += 1 }
                }
            }
            guard h < 24, mi < 60, s < 61 else { return nil }
            // Zone: Z, +HH:MM, -HH:MM, +HHMM, " UTC".
            while k < e && p[k] == 0x20 { k += 1 }
            if k < e {
                if p[k] == UInt8(ascii: "Z") { k += 1 }
                else if p[k] == UInt8(ascii: "+") || p[k] == UInt8(ascii: "-") {
                    let sign = p[k] == UInt8(ascii: "-") ? -1 : 1
                    guard let oh = num(k + 1, 2) else { return nil }
                    k += 3
                    if k < e && p[k] == UInt8(ascii: ":") { k += 1 }
                    let om = num(k, 2) ?? 0
                    if num(k, 2) != nil { k += 2 }
                    offsetMinutes = sign * (oh * 60 + om)
                } else if e - k == 3 && p[k] == UInt8(ascii: "U") && p[k + 1] == UInt8(ascii: "T") && p[k + 2] == UInt8(ascii: "C") {
                    k = e
                }
            }
            while k < e && p[k] == 0x20 { k += 1 }
            if k != e { return nil }
        } else if k != e {
            return nil
        }
        let t = Timestamp.utc(year: y, month: mo, day: d, hour: h, minute: mi, second: s, millisecond: ms)
        return t - Int64(offsetMinutes) * 60_000
    }

    /// An integer epoch as seconds (< 1e11), milliseconds (< 1e14) or microseconds (< 1e17), else nanoseconds.
    /// 1e11 s is the year 5138 and 1e11 ms is 1973, so the magnitudes do not overlap for market data.
    public static func epoch(_ n: Int64) -> Timestamp {
        if n < 100_000_000_000 { return Timestamp(seconds: n) }
        if n < 100_000_000_000_000 { return Timestamp(milliseconds: n) }
        if n < 100_000_000_000_000_000 { return Timestamp(milliseconds: n / 1000) }
        return Timestamp(milliseconds: n / 1_000_000)
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
