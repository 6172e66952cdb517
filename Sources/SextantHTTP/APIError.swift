import Foundation
import HTTPTypes
import Hummingbird
import Indicators
import MarketIntel
import SextantServices

/// Errors the HTTP layer raises itself. Every error, from here or from the services, becomes a status and a JSON
/// body in exactly one place: `ErrorMapping.map`.
public enum APIError: Error, Sendable, Equatable {
    /// A query, path or body parameter is malformed or out of range.
    case invalidParameter(name: String, value: String, allowed: String)
    case notFound(String)
    case unauthorized(String)
    case forbidden(String)
    /// Over the per-minute limit or the monthly quota.
    case rateLimited(message: String, retryAfter: Int)
    case payloadTooLarge(limit: Int)
    case unsupportedMediaType(String)
}

/// The JSON error body: `{"error": {"status": 400, "code": "invalid_parameter", "message": "...", "parameter": "limit"}}`.
public struct ErrorBody: Codable, Sendable, Equatable {
    public struct Detail: Codable, Sendable, Equatable {
        public var status: Int
        public var code: String
        public var message: String
        /// The offending parameter, for 400 answers.
        public var parameter: String?
    }
    public var error: Detail
}

/// Maps every error to an HTTP status and an `ErrorBody`.
public enum ErrorMapping {
    /// Status, machine code, message and parameter name for any error.
    public static func map(_ error: any Error) -> (status: HTTPResponse.Status, code: String, message: String, parameter: String?) {
        switch error {
        case let e as APIError:
            switch e {
            case let .invalidParameter(name, value, allowed):
                return (.badRequest, "invalid_parameter", "invalid \(name) '\(clip(value))': allowed \(allowed)", name)
            case .notFound(let m): return (.notFound, "not_found", m, nil)
            case .unauthorized(let m): return (.unauthorized, "unauthorized", m, nil)
            case .forbidden(let m): return (.forbidden, "forbidden", m, nil)
            case .rateLimited(let m, _): return (.tooManyRequests, "rate_limited", m, nil)
            case .payloadTooLarge(let limit): return (.contentTooLarge, "payload_too_large", "request body over \(limit) bytes", nil)
            case .unsupportedMediaType(let m): return (.unsupportedMediaType, "unsupported_media_type", m, nil)
            }
        case let e as QueryError:
            switch e {
            case .notFound: return (.notFound, "not_found", e.description, nil)
            case let .invalidParameter(name, _, _): return (.badRequest, "invalid_parameter", e.description, name)
            }
        case let e as IndicatorError:
            switch e {
            case .unknownFunction: return (.notFound, "not_found", e.description, "function")
            case let .unknownParameter(_, name, _): return (.badRequest, "invalid_parameter", e.description, name)
            case let .invalidParameter(_, spec, _, _): return (.badRequest, "invalid_parameter", e.description, spec.name)
            }
        case let e as IntelError:
            switch e {
            case let .invalidParameter(name, _, _): return (.badRequest, "invalid_parameter", e.description, name)
            case .universeTooSmall, .insufficientHistory, .noData, .missingCoin:
                return (.unprocessableContent, "not_computable", e.description, nil)
            case .invalidSeries, .badRow, .missingColumn: return (.internalServerError, "internal", e.description, nil)
            }
        case let e as DecodingError:
            return (.badRequest, "invalid_body", "request body is not the expected JSON: \(decodingSummary(e))", "body")
        case let e as HTTPError:
            let code = e.status == .contentTooLarge ? "payload_too_large" : e.status == .notFound ? "not_found" : "http_error"
            return (e.status, code, e.body ?? e.status.reasonPhrase, nil)
        default:
            return (.internalServerError, "internal", "internal error", nil)
        }
    }

    /// The response for an error, with `Retry-After` on 429.
    public static func response(for error: any Error) -> Response {
        let m = map(error)
        let body = ErrorBody(error: .init(status: Int(m.status.code), code: m.code, message: m.message, parameter: m.parameter))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if case let APIError.rateLimited(_, retry) = error { headers[.retryAfter] = String(retry) }
        let bytes = (try? JSONCoding.encoder.encode(body)) ?? Data("{}".utf8)
        return Response(status: m.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func clip(_ s: String) -> String { s.count > 80 ? String(s.prefix(80)) + "…" : s }

    static func decodingSummary(_ e: DecodingError) -> String {
        switch e {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        case let .keyNotFound(k, _): return "missing field \(k.stringValue)"
        @unknown default: return "\(e)"
        }
    }
}

/// Turns every thrown error into the mapped JSON response (and logs 5xx).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = SextantRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let response = ErrorMapping.response(for: error)
            if response.status.code >= 500 {
                context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            return response
        }
    }
}
