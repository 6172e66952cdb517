import Hummingbird

/// The per-request context: Hummingbird's core storage plus the API key that authenticated the request.
public struct SextantRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The key of an authenticated `/v1` request (nil on public routes).
    public var apiKey: AuthenticatedKey?

    public init(source: Source) {
        coreContext = .init(source: source)
        apiKey = nil
    }

    /// Request bodies larger than this are refused with 413 (the API's only bodies are small JSON objects).
    public var maxUploadSize: Int { ServerLimits.maxBodyBytes }
}

/// Fixed bounds on the work one request may ask for.
public enum ServerLimits {
    /// Largest accepted request body, in bytes.
    public static let maxBodyBytes = 16 * 1024
    /// Default and largest page sizes of list endpoints.
    public static let defaultLimit = 50
    public static let maxLimit = 100
    /// Largest page number (beyond any real listing; keeps offsets far from overflow).
    public static let maxPage = 1_000_000
}
