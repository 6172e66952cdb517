/// Cleans headline text before scoring: repairs UTF-8 that was decoded as Latin-1 / Windows-1252 ("mojibake",
/// `Itâ€™s` → `It’s`) and reports text that stays broken (replacement characters, stray C1 control codes).
public enum TextNormalizer {
    /// What was found in a text's encoding.
    public enum EncodingStatus: String, Sendable, Codable {
        /// Clean text.
        case clean
        /// Mojibake was found and repaired.
        case repaired
        /// Replacement characters (U+FFFD) or control codes remain; the text is scored as it is.
        case broken
    }

    /// Windows-1252 characters at 0x80–0x9F (where they differ from Latin-1), for undoing double decoding.
    private static let cp1252: [Unicode.Scalar: UInt8] = {
        let map: [(UInt32, UInt8)] = [(0x20AC, 0x80), (0x201A, 0x82), (0x0192, 0x83), (0x201E, 0x84), (0x2026, 0x85),
            (0x2020, 0x86), (0x2021, 0x87), (0x02C6, 0x88), (0x2030, 0x89), (0x0160, 0x8A), (0x2039, 0x8B), (0x0152, 0x8C),
            (0x017D, 0x8E), (0x2018, 0x91), (0x2019, 0x92), (0x201C, 0x93), (0x201D, 0x94), (0x2022, 0x95), (0x2013, 0x96),
            (0x2014, 0x97), (0x02DC, 0x98), (0x2122, 0x99), (0x0161, 0x9A), (0x203A, 0x9B), (0x0153, 0x9C), (0x017E, 0x9E),
            (0x0178, 0x9F)]
        var d: [Unicode.Scalar: UInt8] = [:]
        for (u, b) in map { if let s = Unicode.Scalar(u) { d[s] = b } }
        return d
    }()

    /// The text with mojibake repaired where possible, and its status.
    ///
    /// Repair: when the text has the lead characters of double-decoded UTF-8 (`Ã`, `Â`, `â`), each scalar is mapped back
    /// to its Windows-1252 / Latin-1 byte and the bytes are decoded as UTF-8; the repair is kept only when that
    /// succeeds without errors. Replacement characters and C1 controls (U+0080–U+009F) mark the text as broken.
    public static func normalize(_ text: String) -> (text: String, status: EncodingStatus) {
        let scalars = text.unicodeScalars
        let suspicious = scalars.contains { $0 == "Ã" || $0 == "Â" || $0 == "â" }
        if suspicious {
            var bytes: [UInt8] = []
            var mappable = true
            for s in scalars {
                if s.value < 0x100 { bytes.append(UInt8(s.value)) } else if let b = cp1252[s] { bytes.append(b) } else { mappable = false; break }
            }
            if mappable, let repaired = String(validating: bytes, as: UTF8.self), repaired != text {
                return (repaired, isBroken(repaired) ? .broken : .repaired)
            }
        }
        return (text, isBroken(text) ? .broken : .clean)
    }

    /// True when the text holds replacement characters, C1 control codes or leftover mojibake leads (`Ã`, `Â`).
    public static func isBroken(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            s == "\u{FFFD}" || (0x80...0x9F).contains(s.value) || s == "Â" || s == "Ã"
        }
    }

    /// Lower-cased word tokens: letters, digits, `$`, `%`, inner `-` and `'`; curly apostrophes are straightened and a
    /// possessive `'s` is dropped (`Cardano’s` → `cardano`).
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Character] = []
        func flush() {
            while let f = current.first, f == "-" || f == "'" { current.removeFirst() }
            while let l = current.last, l == "-" || l == "'" { current.removeLast() }
            if current.count >= 2, current[current.count - 2] == "'", current[current.count - 1] == "s" { current.removeLast(2) }
            if !current.isEmpty { out.append(String(current)) }
            current.removeAll(keepingCapacity: true)
        }
        for ch in text.lowercased() {
            let c: Character = (ch == "\u{2019}" || ch == "\u{2018}") ? "'" : ch
            if (c.isLetter && c.isASCII) || c.isNumber && c.isASCII || c == "$" || c == "%" || c == "-" || c == "'" {
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
