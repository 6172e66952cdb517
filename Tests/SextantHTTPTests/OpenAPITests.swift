import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SextantHTTP
import SextantServices
import Testing

/// The OpenAPI document against the router and the answers.
@Suite struct OpenAPITests {
    func spec() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
    }

    @Test("every route is in the spec and every spec path and method is routed")
    func routesMatch() throws {
        let s = try TestServer()
        let routed = Set(s.router.routes.map { "\($0.method.rawValue.lowercased()) \(Self.normalise("\($0.path)"))" })
        let paths = try #require(try spec()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0) \(path)" } })
        #expect(routed == documented, "routed only: \(routed.subtracting(documented)); documented only: \(documented.subtracting(routed))")
        #expect(routed.count >= 18)
    }

    static func normalise(_ p: String) -> String {
        let path = p.hasPrefix("/") ? p : "/" + p
        return path.split(separator: "/", omittingEmptySubsequences: false).map { seg in
            seg.hasPrefix(":") ? "{\(seg.dropFirst())}" : String(seg)
        }.joined(separator: "/")
    }

    @Test("answers validate against their schemas", arguments: [
        ("/v1/tokens", "/v1/tokens"), ("/v1/tokens/BTC", "/v1/tokens/{symbol}"), ("/v1/tokens/BTC/bars?limit=3", "/v1/tokens/{symbol}/bars"),
        ("/v1/tokens/BTC/indicators/MACD?limit=3", "/v1/tokens/{symbol}/indicators/{function}"), ("/v1/indicators", "/v1/indicators"),
        ("/v1/market-metrics?top=5&window=30", "/v1/market-metrics"), ("/v1/sentiment", "/v1/sentiment"), ("/v1/narratives", "/v1/narratives"),
        ("/v1/indices/holdings?date=2021-01-15&top=3", "/v1/indices/holdings"), ("/v1/indices/backtest?top=3&start_date=2020-06-01", "/v1/indices/backtest"),
        ("/v1/usage", "/v1/usage"), ("/health", "/health"), ("/v1/tokens?limit=500", "/v1/tokens"), ("/v1/tokens/ZZZ", "/v1/tokens/{symbol}"),
    ])
    func validates(uri: String, path: String) async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: s.headers()) { r in
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
                let op = try #require(((doc["paths"] as? [String: Any])?[path] as? [String: Any])?["get"] as? [String: Any])
                let status = String(r.status.code)
                let response = try #require((op["responses"] as? [String: Any])?[status] as? [String: Any], "\(uri): status \(status) undocumented")
                let schema = try #require(((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
                let problems = SchemaCheck(document: doc).check(try r.json(), against: schema, at: "$")
                #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
            }
        }
    }
}

/// A small JSON-schema check: types (including ["number", "null"]), enums, required properties, array items, $ref.
struct SchemaCheck {
    let document: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    func check(_ value: Any, against raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        var problems: [String] = []
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            return ["\(path): expected \(types), got \(type(of: value))"]
        }
        if let allowed = schema["enum"] as? [Any] {
            let found = allowed.contains { a in
                (a is NSNull && value is NSNull) || ((a as? String).map { $0 == value as? String } ?? false)
                    || ((a as? NSNumber).map { n in (value as? NSNumber).map { $0 == n } ?? false } ?? false)
            }
            if !found { return ["\(path): \(value) is not one of \(allowed)"] }
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { problems.append("\(path).\(name): missing") }
            let props = schema["properties"] as? [String: Any] ?? [:]
            for (name, sub) in props { if let v = object[name], let sub = sub as? [String: Any] { problems += check(v, against: sub, at: "\(path).\(name)") } }
            if let extra = schema["additionalProperties"] as? [String: Any] {
                for (name, v) in object where props[name] == nil { problems += check(v, against: extra, at: "\(path).\(name)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { problems += check(v, against: items, at: "\(path)[\(i)]") }
        }
        return problems
    }

    func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "object": return v is [String: Any]
        case "array": return v is [Any]
        case "string": return v is String
        case "boolean": return v is Bool
        case "integer": return (v as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return v is NSNumber
        default: return true
        }
    }
}
