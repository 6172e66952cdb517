import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MarketData
import SextantHTTP
import SextantServices
import SextantSQLite
import TestSupport

/// A real SQLite store on a temporary file, seeded by ingesting files from SampleData/, shared by the suites
/// (they only read market data; each test makes its own keys).
enum Seeded {
    static let sample = Fixtures.root + "/../../SampleData"
    static let files = ["daily/BTC.csv.gz", "daily/ETH.csv.gz", "daily/XRP.csv.gz", "daily/ADA.csv.gz", "daily/LINK.csv.gz",
                        "daily/DOGE.csv.gz", "daily/USDT.csv.gz", "market/btc_dominance.csv", "news/cryptopanic_votes_2024.csv.gz"]

    static let store: Result<SQLiteMarketRepository, any Error> = Result {
        let dir = NSTemporaryDirectory() + "sextant-http-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let repo = try SQLiteMarketRepository(path: dir + "/db.sqlite")
        let reports = IngestService(repository: repo, clock: { Timestamp(milliseconds: 1_700_000_000_000) })
            .ingest(paths: files.map { sample + "/" + $0 }, options: ReadOptions())
        if let failed = reports.first(where: { $0.status == .failed }) { throw TestSetupError("\(failed.file): \(failed.errors)") }
        return repo
    }

    static func repository() throws -> SQLiteMarketRepository { try store.get() }

    /// A fresh temporary store with only the given files (for tests that write).
    static func freshRepository(_ files: [String]) throws -> SQLiteMarketRepository {
        let dir = NSTemporaryDirectory() + "sextant-http-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let repo = try SQLiteMarketRepository(path: dir + "/db.sqlite")
        _ = IngestService(repository: repo, clock: { Timestamp(milliseconds: 1_700_000_000_000) })
            .ingest(paths: files.map { sample + "/" + $0 }, options: ReadOptions())
        return repo
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// An application over a store, with one key per tier.
/// Test-only: the application is used by one test at a time.
struct TestServer: @unchecked Sendable {
    let app: Application<RouterResponder<SextantRequestContext>>
    let router: Router<SextantRequestContext>
    let keys: [APITier: String]
    let repository: SQLiteMarketRepository

    init(repository: SQLiteMarketRepository? = nil, policy: ServerPolicy? = nil,
         clock: @escaping @Sendable () -> Timestamp = systemClock) throws {
        let repo = try repository ?? Seeded.repository()
        let policy = try policy ?? ServerPolicy.load(path: nil)
        var keys: [APITier: String] = [:]
        let keyService = APIKeyService(store: repo, clock: clock)
        for tier in APITier.allCases { keys[tier] = try keyService.create(name: "test \(tier.rawValue)", tier: tier).key }
        let services = makeServices(repository: repo, policy: policy, clock: clock)
        self.router = buildRouter(services: services, policy: policy)
        self.app = Application(router: router)
        self.keys = keys
        self.repository = repo
    }

    func headers(_ tier: APITier = .enterprise) -> HTTPFields {
        [HTTPField.Name("x-api-key")!: keys[tier] ?? ""]
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    func object() throws -> [String: Any] { try json() as? [String: Any] ?? [:] }
    /// The body as a JSON object, empty when it is not one.
    var obj: [String: Any] { ((try? json()) as? [String: Any]) ?? [:] }
    /// The `error.parameter` of a JSON error body.
    var errorParameter: String? {
        ((try? object())?["error"] as? [String: Any])?["parameter"] as? String
    }
}
