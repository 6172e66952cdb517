import Foundation

/// One maintenance-margin tier (Binance "bracket", Bybit "risk limit").
///
/// Maintenance margin of a position of notional `N` in this tier = `N · maintenanceMarginRate − maintenanceAmount`.
public struct MarginTier: Sendable, Equatable, Codable {
    /// 1-based tier number as the exchange numbers it.
    public var tier: Int
    /// Lower notional bound of the tier (USDT).
    public var minNotional: Double
    /// Upper notional bound of the tier (USDT).
    public var maxNotional: Double
    /// Maintenance margin rate (MMR), a fraction.
    public var maintenanceMarginRate: Double
    /// Maintenance amount: Binance's `cum` (`maintAmt`), Bybit's `mm_deduction`.
    public var maintenanceAmount: Double
    /// Largest leverage allowed for a position in this tier.
    public var maxLeverage: Double

    /// Creates a value from its fields.
    public init(tier: Int, minNotional: Double, maxNotional: Double, maintenanceMarginRate: Double,
                maintenanceAmount: Double, maxLeverage: Double) {
        self.tier = tier
        self.minNotional = minNotional
        self.maxNotional = maxNotional
        self.maintenanceMarginRate = maintenanceMarginRate
        self.maintenanceAmount = maintenanceAmount
        self.maxLeverage = maxLeverage
    }

    /// `notional · MMR − maintenanceAmount`.
    public func maintenanceMargin(notional: Double) -> Double {
        notional * maintenanceMarginRate - maintenanceAmount
    }
}

/// The tiers of one symbol on one exchange, in increasing notional order.
public struct TierTable: Sendable, Equatable, Encodable {
    /// Which side of a tier boundary belongs to the tier.
    public enum Boundary: String, Sendable, Codable {
        /// Binance: a tier covers `min ≤ notional < max`.
        case lowerInclusive
        /// Bybit: a tier covers `min < value ≤ max` (`min` is the previous risk limit).
        case upperInclusive
    }

    /// The exchange whose arithmetic applies.
    public var exchange: Exchange
    /// Exchange symbol such as `BTCUSDT`.
    public var symbol: String
    /// Which side of a boundary belongs to a tier.
    public var boundary: Boundary
    /// The tiers, in increasing notional order.
    public var tiers: [MarginTier]

    /// Creates a value from its fields.
    /// Throws `RiskError.badTierFile` unless there is at least one tier and the tiers are in increasing notional order.
    public init(exchange: Exchange, symbol: String, boundary: Boundary, tiers: [MarginTier]) throws {
        guard !tiers.isEmpty else { throw RiskError.badTierFile("\(exchange.rawValue) \(symbol) has no tiers") }
        for k in tiers.indices.dropFirst() where !(tiers[k].minNotional >= tiers[k - 1].minNotional
                                                   && tiers[k].maxNotional > tiers[k - 1].maxNotional) {
            throw RiskError.badTierFile("\(exchange.rawValue) \(symbol): tier \(tiers[k].tier) is not above tier \(tiers[k - 1].tier)")
        }
        self.exchange = exchange
        self.symbol = symbol
        self.boundary = boundary
        self.tiers = tiers
    }

    /// The largest notional the table covers.
    public var largestNotional: Double { tiers.last?.maxNotional ?? 0 }

    /// The tier whose range holds `notional`.
    ///
    /// Binance: the last tier with `notional ≥ minNotional`, as freqtrade's `get_maintenance_ratio_and_amt`
    /// does, so a notional beyond the table stays in the last tier and a negative one falls in tier 1.
    /// Bybit: the first tier whose risk limit is `≥ notional` (the last tier beyond the table).
    public func tier(forNotional notional: Double) -> MarginTier {
        switch boundary {
        case .lowerInclusive:
            var found = tiers[0]
            for t in tiers where notional >= t.minNotional { found = t }
            return found
        case .upperInclusive:
            return tiers.first { notional <= $0.maxNotional } ?? tiers[tiers.count - 1]
        }
    }

    /// The largest notional a position may have at `leverage`: the upper bound of the last tier whose
    /// maximum leverage is at least `leverage`; nil when even tier 1 does not allow it.
    public func largestNotional(atLeverage leverage: Double) -> Double? {
        tiers.last { $0.maxLeverage >= leverage }?.maxNotional
    }

    /// The highest leverage allowed for a position of this notional (the maximum of its tier).
    public func maxLeverage(forNotional notional: Double) -> Double {
        tier(forNotional: notional).maxLeverage
    }
}

/// The tier tables of every exchange and symbol known to the engine.
///
/// `TierTables.bundled` reads the JSON files shipped in `Sources/Risk/Resources` (through `Bundle.module`):
/// `binance_usdm_tiers.json` (Binance USDⓈ-M, 21 USDT perpetuals, snapshot of October 2024 taken from freqtrade) and
/// `bybit_linear_risk_limits.json` (Bybit BTCUSDT published table; ETHUSDT a single **assumed** tier).
/// Exchanges change tiers often, so tables are data: `init(binanceJSON:bybitJSON:)` reads newer copies.
public struct TierTables: Sendable {
    /// Tables by exchange, then by upper-case symbol.
    public var tables: [Exchange: [String: TierTable]]

    /// Creates a value from its fields.
    public init(tables: [Exchange: [String: TierTable]] = [:]) { self.tables = tables }

    /// The table for a symbol, or nil.
    public func table(exchange: Exchange, symbol: String) -> TierTable? {
        tables[exchange]?[symbol.uppercased()]
    }

    /// Symbols that have a table on an exchange, sorted.
    public func symbols(exchange: Exchange) -> [String] {
        (tables[exchange].map { Array($0.keys) } ?? []).sorted()
    }

    /// Reads tier files in the formats of the shipped ones (either may be nil).
    public init(binanceJSON: Data?, bybitJSON: Data?) throws {
        var tables: [Exchange: [String: TierTable]] = [:]
        let decoder = JSONDecoder()
        if let data = binanceJSON {
            let file: BinanceFile
            do { file = try decoder.decode(BinanceFile.self, from: data) } catch {
                throw RiskError.badTierFile("Binance tiers: \(error)")
            }
            var bySymbol: [String: TierTable] = [:]
            for (symbol, rows) in file.symbols {
                let tiers = rows.sorted { $0.tier < $1.tier }.map {
                    MarginTier(tier: $0.tier, minNotional: $0.min_notional, maxNotional: $0.max_notional,
                               maintenanceMarginRate: $0.maintenance_margin_rate, maintenanceAmount: $0.cum,
                               maxLeverage: $0.max_leverage)
                }
                bySymbol[symbol.uppercased()] = try TierTable(exchange: .binance, symbol: symbol.uppercased(),
                                                          boundary: .lowerInclusive, tiers: tiers)
            }
            tables[.binance] = bySymbol
        }
        if let data = bybitJSON {
            let file: BybitFile
            do { file = try decoder.decode(BybitFile.self, from: data) } catch {
                throw RiskError.badTierFile("Bybit risk limits: \(error)")
            }
            var bySymbol: [String: TierTable] = [:]
            for (symbol, rows) in file.symbols {
                var previous = 0.0
                var tiers: [MarginTier] = []
                for row in rows.sorted(by: { $0.tier < $1.tier }) {
                    tiers.append(MarginTier(tier: row.tier, minNotional: previous, maxNotional: row.risk_limit_value,
                                            maintenanceMarginRate: row.maintenance_margin_rate,
                                            maintenanceAmount: row.mm_deduction, maxLeverage: row.max_leverage))
                    previous = row.risk_limit_value
                }
                bySymbol[symbol.uppercased()] = try TierTable(exchange: .bybit, symbol: symbol.uppercased(),
                                                          boundary: .upperInclusive, tiers: tiers)
            }
            tables[.bybit] = bySymbol
        }
        self.tables = tables
    }

    /// The tables shipped with the engine (`Sources/Risk/Resources`).
    ///
    /// Read from the resource bundle SwiftPM builds for this target (`Sextant_Risk.resources` next to the
    /// executable: the bundle `Bundle.module` points to), else from the source tree of this checkout. The files
    /// are located by hand rather than through `Bundle.module`, whose generated accessor calls `fatalError`
    /// when the bundle is missing (an installed binary without its resources); here that is a `RiskError`.
    public static let bundled: Result<TierTables, RiskError> = {
        guard let directory = resourceDirectory() else {
            return .failure(.badTierFile("the tier files were not found: expected Sextant_Risk.resources/Resources "
                + "next to the executable (pass tier files explicitly with TierTables(binanceJSON:bybitJSON:))"))
        }
        do {
            let binance = try Data(contentsOf: directory.appendingPathComponent("binance_usdm_tiers.json"))
            let bybit = try Data(contentsOf: directory.appendingPathComponent("bybit_linear_risk_limits.json"))
            return .success(try TierTables(binanceJSON: binance, bybitJSON: bybit))
        } catch let e as RiskError {
            return .failure(e)
        } catch {
            return .failure(.badTierFile("\(error)"))
        }
    }()

    /// The first directory holding `binance_usdm_tiers.json`: the SwiftPM resource bundle beside the executable
    /// (Linux `.resources`, Apple `.bundle`), then `Sources/Risk/Resources` of the checkout this file was built from.
    static func resourceDirectory() -> URL? {
        let main = Bundle.main.bundleURL
        var candidates = [
            main.appendingPathComponent("Sextant_Risk.resources/Resources"),
            main.appendingPathComponent("Sextant_Risk.bundle/Resources"),
            main.appendingPathComponent("Sextant_Risk.bundle/Contents/Resources/Resources"),
        ]
        if let resources = Bundle.main.resourceURL {
            candidates.append(resources.appendingPathComponent("Sextant_Risk.bundle/Resources"))
        }
        // Sources/Risk/Liquidation/TierTable.swift → Sources/Risk/Resources.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Resources"))
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("binance_usdm_tiers.json").path)
        }
    }

    /// The bundled tables, or the error that kept them from loading.
    public static func loadBundled() throws -> TierTables { try bundled.get() }

    private struct BinanceFile: Decodable {
        struct Row: Decodable {
            let tier: Int
            let min_notional, max_notional, maintenance_margin_rate, max_leverage, cum: Double
        }
        let symbols: [String: [Row]]
    }

    private struct BybitFile: Decodable {
        struct Row: Decodable {
            let tier: Int
            let risk_limit_value, maintenance_margin_rate, mm_deduction, max_leverage: Double
        }
        let symbols: [String: [Row]]
    }
}
