import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import HummingbirdTesting
import SextantHTTP
import SextantServices
import SextantSQLite
import Testing

/// Keys, tiers, rate limits and usage metering.
@Suite struct AuthTests {
    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("only the digest of a key is stored, and a revoked key is refused")
    func storage() async throws {
        let repo = try Seeded.freshRepository([])
        let service = APIKeyService(store: repo, clock: systemClock)
        let (key, record) = try service.create(name: "bot", tier: .pro)
        #expect(key.hasPrefix("sxt_") && key.count == 52)
        #expect(record.hash == SHA256.hex(Array(key.utf8)))
        #expect(try repo.apiKeys().allSatisfy { !$0.hash.contains(key) && $0.prefix.count == 12 })
        #expect(throws: APIKeyError.self) { try service.create(name: "x'; DROP TABLE api_key;--", tier: .free) }
        let gate = KeyGate(store: repo, policy: try ServerPolicy.load(path: nil), clock: systemClock)
        _ = try await gate.admit(key: key, path: "/v1/tokens")
        _ = try service.revoke(record.prefix)
        let later = KeyGate(store: repo, policy: try ServerPolicy.load(path: nil), clock: systemClock)
        await #expect(throws: APIError.unauthorized("unknown or revoked API key")) { try await later.admit(key: key, path: "/v1/tokens") }
    }

    @Test("the free tier is limited to its endpoints (403 elsewhere)")
    func tiers() async throws {
        let s = try TestServer()
        try await s.app.test(.router) { client in
            try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers(.free)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/sentiment", method: .get, headers: s.headers(.free)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/tokens/BTC/indicators/RSI", method: .get, headers: s.headers(.free)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/sentiment", method: .get, headers: s.headers(.pro)) { #expect($0.status == .ok) }
        }
    }

    @Test("over the per-minute limit: 429 with Retry-After and X-RateLimit headers; usage is metered per day")
    func rateLimit() async throws {
        var policy = try ServerPolicy.load(path: nil)
        policy.tiers["free"]?.requestsPerMinute = 3
        let fixed = Timestamp.utc(year: 2026, month: 3, day: 10, hour: 12, second: 30)
        let s = try TestServer(repository: try Seeded.freshRepository(["daily/BTC.csv.gz"]), policy: policy, clock: { fixed })
        try await s.app.test(.router) { client in
            for k in 0..<3 {
                try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers(.free)) { r in
                    #expect(r.status == .ok)
                    #expect(r.headers[HTTPField.Name("X-RateLimit-Remaining")!] == String(2 - k))
                }
            }
            try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers(.free)) { r in
                #expect(r.status == .tooManyRequests)
                #expect(r.headers[.retryAfter] == "30")
                #expect(r.headers[HTTPField.Name("X-RateLimit-Limit")!] == "3")
                #expect(r.headers[HTTPField.Name("X-RateLimit-Remaining")!] == "0")
                #expect(r.headers[HTTPField.Name("X-RateLimit-Reset")!] == "30")
            }
            try await client.execute(uri: "/v1/usage", method: .get, headers: s.headers(.pro)) { r in
                #expect(r.status == .ok)
                let data = try #require(r.obj["data"] as? [String: Any])
                #expect(data["tier"] as? String == "pro")
                #expect(data["month_to_date"] as? Int == 1)
                #expect((data["days"] as? [[String: Any]])?.first?["day"] as? String == "2026-03-10")
            }
        }
    }

    @Test("the monthly quota answers 429 once used up")
    func quota() async throws {
        var policy = try ServerPolicy.load(path: nil)
        policy.tiers["free"]?.monthlyQuota = 2
        let s = try TestServer(repository: try Seeded.freshRepository(["daily/BTC.csv.gz"]), policy: policy)
        try await s.app.test(.router) { client in
            for expected in [HTTPResponse.Status.ok, .ok, .tooManyRequests] {
                try await client.execute(uri: "/v1/tokens", method: .get, headers: s.headers(.free)) { #expect($0.status == expected) }
            }
        }
    }
}

/// CORS is off by default and on only for the configured origins.
@Suite struct CORSTests {
    @Test("no CORS headers unless the tier file lists origins")
    func cors() async throws {
        let off = try TestServer()
        try await off.app.test(.router) { client in
            var h = off.headers()
            h[.origin] = "https://example.org"
            let headers = h
            try await client.execute(uri: "/v1/tokens?limit=1", method: .get, headers: headers) { r in
                #expect(r.headers[.accessControlAllowOrigin] == nil)
            }
        }
        var policy = try ServerPolicy.load(path: nil)
        policy.corsAllowedOrigins = ["https://example.org"]
        let on = try TestServer(policy: policy)
        try await on.app.test(.router) { client in
            var h = on.headers()
            h[.origin] = "https://example.org"
            let headers = h
            try await client.execute(uri: "/v1/tokens?limit=1", method: .get, headers: headers) { r in
                #expect(r.headers[.accessControlAllowOrigin] == "https://example.org")
            }
        }
    }
}
