import Foundation
import Hummingbird
import MarketCore
import SextantServices

/// The building blocks of the server-rendered pages: escaping, number formats, the page frame, error pages.
enum HTML {
    /// Escapes text for element content and quoted attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Percent-encodes a query value (everything but unreserved characters).
    static func queryValue(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// `path?k=v&...` with the pairs percent-encoded, HTML-escaped for an `href`.
    static func href(_ path: String, _ pairs: [(String, String)]) -> String {
        let q = pairs.map { "\(queryValue($0.0))=\(queryValue($0.1))" }.joined(separator: "&")
        return escape(q.isEmpty ? path : path + "?" + q)
    }

    /// A price with digits that suit its size: 2 decimals from 1,000, 4 from 1, else 6 significant.
    static func price(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: abs(x) >= 1000 ? "%.2f" : abs(x) >= 1 ? "%.4f" : "%.6g", x)
    }

    /// A fraction as a signed percentage: 0.0123 → `+1.23%`.
    static func signedPercent(fraction x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%+.2f%%", x * 100)
    }

    /// A fraction as an unsigned percentage: 0.0123 → `1.23%`.
    static func percent(fraction x: Double?, digits: Int = 1) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f%%", x * 100)
    }

    /// A table cell with a signed percentage coloured by sign (the sign is also in the text).
    static func percentCell(fraction x: Double?, extraClass: String? = nil) -> String {
        let extra = extraClass.map { " " + $0 } ?? ""
        guard let x, x.isFinite else { return "<td class=\"num\(extra)\">–</td>" }
        return "<td class=\"num \(x >= 0 ? "up" : "down")\(extra)\">\(signedPercent(fraction: x))</td>"
    }

    /// 1.2e9 → `1.20B`.
    static func compact(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        for (d, s) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where abs(x) >= d { return String(format: "%.2f%@", x / d, s) }
        return String(format: "%.0f", x)
    }

    static func fixed(_ x: Double?, _ digits: Int) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f", x)
    }

    /// The site's sections, for the navigation.
    enum Section: String { case tokens, market }

    /// The frame of every page: skip link, header and navigation, main landmark, footer.
    static func page(_ title: String, section: Section?, _ body: String) -> String {
        func nav(_ href: String, _ label: String, _ s: Section?) -> String {
            "<a href=\"\(href)\"\(s != nil && s == section ? " aria-current=\"page\"" : "")>\(label)</a>"
        }
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Sextant</title><link rel="stylesheet" href="/assets/site.css"></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header><a class="brand" href="/">Sextant</a><nav aria-label="Main">\(nav("/", "Signals", .tokens))\(nav("/market", "Market", .market))\(nav("/openapi.json", "API", nil))</nav></header>
            <main id="main" tabindex="-1">\(body)</main>
            <footer>Data from the local store · open, self-hosted market intelligence · not investment advice</footer></body></html>
            """
    }

    /// An error page: the status, what was wrong (naming the parameter for a 400) and a way back.
    static func errorPage(status: HTTPResponse.Status, message: String, parameter: String?) -> String {
        var body = "<h1>\(status.code) \(escape(status.reasonPhrase))</h1><div class=\"alert\" role=\"alert\">"
        if let parameter { body += "<p>The parameter <code>\(escape(parameter))</code> is not valid.</p>" }
        body += "<p>\(escape(message))</p></div><p><a href=\"/\">Back to the signals</a> · <a href=\"/market\">Market</a></p>"
        return page("\(status.code) \(status.reasonPhrase)", section: nil, body)
    }
}

/// A rendered page and its status (pages that are not 200 are never cached).
struct RenderedPage {
    var status: HTTPResponse.Status = .ok
    var html: String
}

/// Query parameters of the pages' GET forms: a `QueryReader` where an empty value means "not given" (a form sends
/// `sector=` for an untouched "any" choice), with the optional accessors the forms need. Every accessor names the
/// parameter in its error and `finish()` refuses unknown parameters.
struct PageQuery {
    private var reader: QueryReader

    init(_ request: Request) throws { reader = try QueryReader(request, emptyIsAbsent: true, place: "page") }

    /// Whether any of the parameters was given a non-empty value.
    func has(_ names: [String]) -> Bool { reader.has(names) }

    /// The single value of a parameter, nil when absent or empty.
    mutating func string(_ name: String, maxLength: Int = 64) throws -> String? { try reader.string(name, maxLength: maxLength) }

    mutating func double(_ name: String, range: ClosedRange<Double>, what: String = "a number") throws -> Double? {
        guard let s = try string(name, maxLength: 24) else { return nil }
        guard let v = Double(s), v.isFinite, range.contains(v) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "\(what) from \(HTML.fixed(range.lowerBound, 0)) to \(range.upperBound >= 1e12 ? "any size" : HTML.fixed(range.upperBound, 0))")
        }
        return v
    }

    /// A strictly positive finite number.
    mutating func positive(_ name: String) throws -> Double? {
        guard let s = try string(name, maxLength: 24) else { return nil }
        guard let v = Double(s), v.isFinite, v > 0, v < 1e15 else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "a number greater than 0")
        }
        return v
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let s = try string(name) else { return nil }
        guard let v = T(rawValue: s.lowercased()) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }

    /// A plain word (ASCII letters, digits, '-', '_', '.', spaces) such as a sector or narrative.
    mutating func word(_ name: String) throws -> String? { try reader.word(name, punctuation: "-_.") }

    /// Refuses parameters the page does not take.
    func finish() throws { try reader.finish() }
}
