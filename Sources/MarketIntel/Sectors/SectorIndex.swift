/// One day of one sector's cap-weighted index.
public struct SectorIndexPoint: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Index level, 100 on the sector's first day.
    public var level: Double
    /// Members with a price on this day and the previous one (the ones whose returns were used).
    public var members: Int
    /// Summed market cap of the sector's coins on the day (USD).
    public var marketCap: Double
    /// Sector cap / cap of all classified coins (stablecoins and wrapped tokens excluded), in [0, 1].
    public var capShare: Double
    /// Sector level / market level, rebased to 1 on the sector's first day: above 1 = outperforming the market.
    public var relativeToMarket: Double
}

/// A sector's index series.
public struct SectorIndexSeries: Sendable, Equatable, Codable {
    /// The sector name.
    public var sector: String
    /// Tickers of the sector's coins in the input.
    public var symbols: [String]
    /// Daily points, oldest first.
    public var points: [SectorIndexPoint]
}

/// A sector's change in cap share over a look-back: where capital rotated to.
public struct SectorRotation: Sendable, Equatable, Codable {
    /// The sector name.
    public var sector: String
    /// Cap share at the end date and `days` earlier.
    public var capShareNow: Double
    /// Cap share `days` before the end date.
    public var capShareBefore: Double
    /// capShareNow − capShareBefore.
    public var shareChange: Double
    /// The sector index's return over the look-back, and the market's.
    public var sectorReturn: Double
    /// The market index's return over the same look-back.
    public var marketReturn: Double
}

/// Cap-weighted sector indices and relative performance.
///
/// Daily return of a sector on day t = Σ_i w_i r_i over its coins with a close on t and t − 1, with weights
/// w_i = cap_i(t − 1) / Σ cap(t − 1) (yesterday's caps: the portfolio held overnight). The level starts at 100 and
/// compounds; a day where no member has both closes keeps the level. The market index is the same over every
/// classified coin except stablecoins and wrapped tokens (their prices are pegs, not the market's).
public enum SectorIndex {
    /// Sectors excluded from the market benchmark and the cap shares.
    public static let nonMarketSectors: Set<String> = ["Stablecoin", "Wrapped"]

    /// One series per sector with at least one coin; coins whose sector `sectorOf` does not know are left out.
    public static func compute(coins: [DailyCoinSeries], sectorOf: (String) -> String?) -> [SectorIndexSeries] {
        var groups: [String: [DailyCoinSeries]] = [:]
        for c in coins { if let s = sectorOf(c.symbol) { groups[s, default: []].append(c) } }
        // Sectors in name order, so that sums (and so every printed digit) do not depend on dictionary order.
        let marketCoins = groups.keys.sorted().filter { !nonMarketSectors.contains($0) }.flatMap { groups[$0] ?? [] }
        let days = Set(coins.flatMap(\.day)).sorted()
        let market = levels(marketCoins, days: days)
        return groups.keys.sorted().map { sector in
            let members = groups[sector] ?? []
            let own = levels(members, days: days)
            var pts: [SectorIndexPoint] = []
            var baseRel: Double?
            for (k, d) in days.enumerated() {
                guard let lv = own[k] else { continue }
                let sectorCap = cap(members, day: d), total = cap(marketCoins, day: d)
                let rel = market[k].map { lv.level / $0.level } ?? .nan
                if baseRel == nil { baseRel = rel }
                pts.append(SectorIndexPoint(date: DayFormat.string(d), level: lv.level, members: lv.members, marketCap: sectorCap,
                                            capShare: total > 0 ? sectorCap / total : .nan, relativeToMarket: rel / (baseRel ?? rel)))
            }
            return SectorIndexSeries(sector: sector, symbols: members.map(\.symbol), points: pts)
        }
    }

    /// The change of every sector's cap share and return over the `days` days before `endDate` (`YYYY-MM-DD`;
    /// default: the last day), largest share gain first.
    /// - Throws: `IntelError.insufficientHistory` when the look-back starts before the data.
    public static func rotation(_ series: [SectorIndexSeries], days: Int = 30, endDate: String? = nil) throws(IntelError) -> [SectorRotation] {
        guard days >= 1 else { throw .invalidParameter(name: "days", value: "\(days)", allowed: ">= 1") }
        var out: [SectorRotation] = []
        for s in series where !nonMarketSectors.contains(s.sector) {
            guard let end = endDate.flatMap({ e in s.points.lastIndex { $0.date <= e } }) ?? (s.points.isEmpty ? nil : s.points.count - 1) else { continue }
            guard let endDay = DayFormat.day(s.points[end].date) else { continue }
            let startDate = DayFormat.string(endDay - Int64(days))
            // Sectors whose history starts after the look-back's first day are left out.
            guard let start = s.points.firstIndex(where: { $0.date == startDate }) else { continue }
            let a = s.points[start], b = s.points[end]
            let mA = a.level / (a.relativeToMarket), mB = b.level / (b.relativeToMarket)
            out.append(SectorRotation(sector: s.sector, capShareNow: b.capShare, capShareBefore: a.capShare,
                                      shareChange: b.capShare - a.capShare, sectorReturn: b.level / a.level - 1,
                                      marketReturn: mB / mA - 1))
        }
        guard !out.isEmpty else {
            throw .insufficientHistory(requested: "a \(days)-day rotation", earliestStart: series.compactMap { $0.points.first?.date }.min().flatMap { DayFormat.day($0) }.map { DayFormat.string($0 + Int64(days)) } ?? "unknown")
        }
        return out.sorted { $0.shareChange > $1.shareChange }
    }

    static func cap(_ coins: [DailyCoinSeries], day: Int64) -> Double {
        coins.reduce(0) { acc, c in c.index(ofDay: day).map { acc + c.marketCap[$0] } ?? acc }
    }

    /// Level per day (nil before the first day any member exists).
    static func levels(_ coins: [DailyCoinSeries], days: [Int64]) -> [(level: Double, members: Int)?] {
        var out: [(level: Double, members: Int)?] = []
        var level: Double?
        for d in days {
            var wsum = 0.0, rsum = 0.0, n = 0, present = false
            for c in coins {
                guard let i = c.index(ofDay: d) else { continue }
                present = true
                guard i > 0, c.day[i - 1] == d - 1, c.close[i - 1] > 0, c.marketCap[i - 1] > 0 else { continue }
                let w = c.marketCap[i - 1]
                wsum += w; rsum += w * (c.close[i] / c.close[i - 1] - 1); n += 1
            }
            if level == nil && present { level = 100 }
            if let lv = level, wsum > 0 { level = lv * (1 + rsum / wsum) }
            out.append(level.map { ($0, n) })
        }
        return out
    }
}
