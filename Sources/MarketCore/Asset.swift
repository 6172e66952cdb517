/// A tradable token, identified by its ticker symbol (`BTC`, `ETH`).
///
/// Exchange pair names such as `BTCUSDT` are normalised to the base asset by `Asset.baseSymbol(of:)`.
public struct Asset: Hashable, Sendable, Codable {
    public var symbol: String
    public var name: String?
    /// Sector tags such as `L1`, `DeFi`, `AI`.
    public var sectors: [String]

    public init(symbol: String, name: String? = nil, sectors: [String] = []) {
        self.symbol = symbol.uppercased()
        self.name = name
        self.sectors = sectors
    }

    /// Quote currencies stripped from pair names, longest first.
    public static let quoteCurrencies = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "BTC"]

    /// `BTCUSDT` → `BTC`, `ETH` → `ETH`, `BTC-USD` → `BTC`. A bare quote currency stays itself.
    public static func baseSymbol(of pair: String) -> String {
        let up = String(pair.uppercased().filter { $0 != "-" && $0 != "/" && $0 != "_" })
        for q in quoteCurrencies where up.count > q.count && up.hasSuffix(q) {
            return String(up.dropLast(q.count))
        }
        return up
    }
}
