import MarketCore
import MarketIntel
import TestSupport

/// Loads the MarketIntel fixtures (copied from /work/shared; see Tests/Fixtures/intel/README.md).
enum IntelFixtures {
    static let universeSymbols = ["ADA", "BNB", "BTC", "CRO", "DOGE", "DOT", "ETH", "LINK", "LTC", "SOL", "UNI", "USDC",
                                  "USDT", "XLM", "XMR", "XRP"]

    /// The 16-coin CoinMarketCap universe.
    static func universe() throws -> [DailyCoinSeries] {
        try universeSymbols.map { s in
            try IntelCSV.dailyCoinSeries(text: try Fixtures.text("intel/daily_marketcap/\(s).csv.gz"), fallbackSymbol: s)
        }
    }
}
