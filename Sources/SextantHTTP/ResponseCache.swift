import Synchronization

/// Encoded responses keyed by request (path and raw query) and the store's data version: an ingest bumps the
/// version, so stale entries are never served and are dropped on the next store.
///
/// Only successful answers are cached, so a hit also means the request's parameters were valid.
/// Complexity: O(1) per lookup; holds at most `capacity` entries (cleared whole when full).
public final class ResponseCache: Sendable {
    public struct Entry: Sendable {
        public var bytes: [UInt8]
        public var etag: String
    }

    private struct State {
        var version: Int64 = .min
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    let capacity: Int

    public init(capacity: Int = 2048) { self.capacity = capacity }

    public func lookup(_ key: String, version: Int64) -> Entry? {
        state.withLock { s in s.version == version ? s.entries[key] : nil }
    }

    public func store(_ key: String, version: Int64, bytes: [UInt8]) -> Entry {
        let entry = Entry(bytes: bytes, etag: "\"\(version)-\(Self.fnv1a(bytes))\"")
        state.withLock { s in
            if s.version != version || s.entries.count >= capacity {
                s.entries.removeAll(keepingCapacity: true)
                s.version = version
            }
            s.entries[key] = entry
        }
        return entry
    }

    /// 64-bit FNV-1a of the body, hex: the ETag's content part.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}

/// The store's data version, re-read at most once per `interval` so that the hot path does not query the
/// database on every request. An ingest's new data is therefore served at most `interval` after its commit
/// (0 re-reads every time, as the tests do).
public final class DataVersionProbe: Sendable {
    private let read: @Sendable () throws -> Int64
    private let interval: Duration
    private let state = Mutex<(checked: ContinuousClock.Instant?, version: Int64)>((nil, 0))

    public init(interval: Duration, read: @escaping @Sendable () throws -> Int64) {
        self.interval = interval
        self.read = read
    }

    public func current() throws -> Int64 {
        let now = ContinuousClock.now
        if interval > .zero, let v = state.withLock({ s -> Int64? in
            guard let t = s.checked, now - t < interval else { return nil }
            return s.version
        }) { return v }
        let v = try read()
        state.withLock { $0 = (now, v) }
        return v
    }
}
