/// A token's place in the sector taxonomy.
public struct SectorEntry: Sendable, Equatable, Codable {
    /// CoinGecko id (unique key).
    public var coingeckoId: String
    /// Upper-case ticker (not unique across ids).
    public var symbol: String
    /// CoinGecko display name.
    public var name: String
    /// CoinGecko market-cap rank on the snapshot date (2025-02-14).
    public var rank: Int
    /// Market cap in USD on the snapshot date.
    public var marketCapUSD: Double
    /// Primary sector (`L1`, `DeFi`, `AI`, ...).
    public var sector: String
    /// Other sectors the token's categories map to.
    public var secondarySectors: [String]
    /// CoinGecko categories that produced the sectors.
    public var matchedCategories: [String]
}

/// The curated token-to-sector taxonomy shipped in `Resources/sector_taxonomy.csv`.
///
/// Built by `scripts/build_sector_taxonomy.py` from CoinGecko's categories of the 300 largest tokens (2025-02-14,
/// `data/taxonomy/token_categories.csv`) with the priority mapping `Resources/sector_mapping.tsv` and the hand
/// overrides `Resources/sector_overrides.tsv`; see `Resources/README.md`.
///
/// ```swift
/// let tax = try SectorTaxonomy.bundled()
/// tax.sector(ofSymbol: "LINK")   // "Oracle"
/// ```
public struct SectorTaxonomy: Sendable {
    /// Entries by rank.
    public let entries: [SectorEntry]
    private let bySymbol: [String: SectorEntry]

    /// All sector names used by the taxonomy.
    public static let sectors = ["L1", "L2", "DeFi", "AI", "Gaming", "Meme", "Oracle", "Exchange", "Privacy", "Payments",
                                 "Stablecoin", "RWA", "Infrastructure", "Wrapped", "Other"]

    /// A taxonomy from the CSV text of `sector_taxonomy.csv`.
    /// - Throws: `IntelError.missingColumn` / `.badRow`.
    public init(csv text: String) throws(IntelError) {
        let t = CSVTable(text: text)
        let ids = try t.requireColumn("coingecko_id"), syms = try t.requireColumn("symbol"), names = try t.requireColumn("name")
        let ranks = try t.requireColumn("rank"), caps = try t.requireColumn("market_cap_usd"), sec = try t.requireColumn("sector")
        let sec2 = try t.requireColumn("secondary_sectors"), cats = try t.requireColumn("matched_categories")
        var e: [SectorEntry] = []
        for k in ids.indices {
            guard let r = Int(ranks[k]), let c = Double(caps[k]) else { throw .badRow(line: t.lines[k], reason: "rank / market cap must be numbers") }
            e.append(SectorEntry(coingeckoId: ids[k], symbol: syms[k].uppercased(), name: names[k], rank: r, marketCapUSD: c,
                                 sector: sec[k], secondarySectors: sec2[k].split(separator: ";").map(String.init),
                                 matchedCategories: cats[k].split(separator: ";").map(String.init)))
        }
        entries = e.sorted { $0.rank < $1.rank }
        var d: [String: SectorEntry] = [:]
        for x in entries where d[x.symbol] == nil { d[x.symbol] = x }   // the largest token keeps a shared ticker
        bySymbol = d
    }

    /// The taxonomy shipped with the target.
    public static func bundled() throws(IntelError) -> SectorTaxonomy {
        guard let text = IntelResources.text("sector_taxonomy.csv") else { throw .noData("sector_taxonomy.csv missing from the bundle") }
        return try SectorTaxonomy(csv: text)
    }

    /// The entry of a ticker (the highest-ranked token when several share it).
    public func entry(ofSymbol symbol: String) -> SectorEntry? { bySymbol[symbol.uppercased()] }

    /// The primary sector of a ticker, or nil when the taxonomy does not hold it.
    public func sector(ofSymbol symbol: String) -> String? { bySymbol[symbol.uppercased()]?.sector }
}
