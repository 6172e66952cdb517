import Foundation
import Hummingbird

/// The API's JSON conventions: snake_case keys, sorted keys (stable bytes, so stable ETags), no escaped slashes.
public enum JSONCoding {
    /// Shared encoder (JSONEncoder is Sendable: safe to use from several threads once configured).
    public static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }()

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }
}

/// Paging figures of a list answer.
public struct PageMeta: Codable, Sendable, Equatable {
    /// 1-based page number.
    public var page: Int
    public var limit: Int
    /// Items across all pages.
    public var total: Int
    /// Number of pages (0 when there are no items).
    public var pages: Int
    public var hasMore: Bool
}

/// The one envelope of every list endpoint: `{"data": [...], "meta": {"page", "limit", "total", "pages", "has_more"}}`.
public struct ListEnvelope<Item: Encodable & Sendable>: Encodable, Sendable {
    public var data: [Item]
    public var meta: PageMeta

    /// The page of `all` that `paging` selects.
    public init(_ all: [Item], paging: Paging) {
        let start = min(all.count, (paging.page - 1) * paging.limit)
        let end = min(all.count, start + paging.limit)
        data = Array(all[start..<end])
        meta = PageMeta(page: paging.page, limit: paging.limit, total: all.count,
                        pages: (all.count + paging.limit - 1) / paging.limit, hasMore: end < all.count)
    }
}

/// The envelope of single-object endpoints: `{"data": {...}}`.
public struct ItemEnvelope<Item: Encodable & Sendable>: Encodable, Sendable {
    public var data: Item
    public init(_ data: Item) { self.data = data }
}

/// `limit` and `page` of a list request.
public struct Paging: Sendable, Equatable, Hashable {
    public var page: Int
    public var limit: Int
}
