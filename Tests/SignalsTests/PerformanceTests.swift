import Foundation
import MarketCore
import MarketData
import Testing
import TestSupport
@testable import Signals

@Suite struct PerformanceTests {
    static func btcDaily() throws -> CandleSeries {
        let f = try MarketFileReader.read(Fixtures.root + "/../../SampleData/daily/BTC.csv.gz")
        guard case let .candles(s, _) = f.content else { throw SignalsError.invalidParameter("not candles") }
        return s
    }

    @Test("predicted volatility is the 30-day GARCH(1,1) forecast, annualised, equal to arch's fit on BTC's daily returns")
    func garchAgainstArch() throws {
        let btc = try Self.btcDaily()
        // The `arch` 8.0.0 reference fits all 2,862 closes of this file (Tests/Fixtures/risk/README.md).
        let ref = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("risk/garch_btc_daily.json")))) as? [String: Any])
        #expect(ref["closes_used"] as? Int == btc.count)
        let omega = try #require(ref["omega"] as? Double), alpha = try #require(ref["alpha"] as? Double), beta = try #require(ref["beta"] as? Double)
        var h = try #require(ref["forecast_variance_h1_to_h5"] as? [Double])
        while h.count < 30 { h.append(omega + (alpha + beta) * h[h.count - 1]) }
        let expected = (h.reduce(0, +) * 365 / 30).squareRoot() / 100
        let ours = try Performance.garchVolatility(dailyCloses: btc.close, window: btc.count).get()
        // arch's forecasts are matched within 1% (the Risk GARCH tests' criterion).
        #expect(abs(ours / expected - 1) < 0.01, "ours \(ours), arch \(expected)")
    }

    @Test("performance uses the GARCH forecast of the last 1000 daily returns, and its risk score uses that volatility")
    func performanceUsesGarch() throws {
        let btc = try Self.btcDaily()
        let p = try Performance.compute(btc, volumeIsQuote: true)
        #expect(p.volatilityModel == .garch11 && p.volatilityNote == nil)
        let direct = try Performance.garchVolatility(dailyCloses: Array(btc.close.suffix(1001)), window: 1000).get()
        #expect(p.predictedVolatility == direct)
        #expect(p.predictedVolatility > 0.2 && p.predictedVolatility < 2)
    }

    @Test("short history or a failing fit falls back to the EWMA forecast, flagged with the reason")
    func fallback() throws {
        let btc = try Self.btcDaily()
        let short = btc.slice(to: btc.time[60])
        let p = try Performance.compute(short, volumeIsQuote: true)
        #expect(p.volatilityModel == .ewma)
        #expect(p.volatilityNote?.contains("insufficient history: needs 100 bars, has 60") == true, "\(p.volatilityNote ?? "")")
        #expect(p.predictedVolatility > 0 && p.predictedVolatility.isFinite)
        // Constant closes: no variance to fit.
        var flat = CandleSeries(symbol: "FLAT", timeframe: .d1)
        for i in 0..<200 {
            flat.append(Candle(time: Timestamp.utc(year: 2024, month: 1, day: 1) + Int64(i) * 86_400_000, open: 1, high: 1, low: 1, close: 1, volume: 10))
        }
        let q = try Performance.compute(flat, volumeIsQuote: true)
        #expect(q.volatilityModel == .ewma)
        #expect(q.volatilityNote?.contains("GARCH(1,1) fit failed") == true, "\(q.volatilityNote ?? "")")
        #expect(q.predictedVolatility == 0)
    }
}
