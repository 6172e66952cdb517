import MarketCore

/// One day of BTC dominance.
public struct DominancePoint: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// 100 × BTC market cap / total market cap.
    public var dominancePct: Double
}

/// BTC dominance, for the whole market and within a stored universe.
public enum Dominance {
    /// Whole-market dominance: 100 × BTC market cap / total crypto market cap, on the days both series have.
    ///
    /// Use CoinGecko's BTC market cap with CoinGecko's `/global` total (as `data/market_structure`), so that both
    /// numerators and denominators come from one provider. Days with a non-positive total or a missing (NaN) BTC cap are skipped.
    public static func wholeMarket(btcMarketCap: MarketMetricSeries, totalMarketCap: MarketMetricSeries) -> [DominancePoint] {
        var total: [Int64: Double] = [:]
        for (t, v) in zip(totalMarketCap.time, totalMarketCap.value) { total[t.dayNumber] = v }
        var out: [DominancePoint] = []
        for (t, cap) in zip(btcMarketCap.time, btcMarketCap.value) {
            guard let tot = total[t.dayNumber], tot > 0, cap.isFinite else { continue }
            out.append(DominancePoint(date: t.dateString, dominancePct: 100 * cap / tot))
        }
        return out
    }

    /// Whole-market dominance read from a stored dominance series (such as `btc_dominance.csv`), with its season
    /// context left to the caller. Values are passed through unchanged.
    public static func wholeMarket(dominanceSeries: MarketMetricSeries) -> [DominancePoint] {
        zip(dominanceSeries.time, dominanceSeries.value).map { DominancePoint(date: $0.dateString, dominancePct: $1) }
    }

    /// Dominance within a universe: 100 × benchmark market cap / the sum of every coin's market cap on each day the
    /// benchmark has (all coins with a row that day count, stablecoins included).
    /// - Throws: `IntelError.missingCoin` when the benchmark is absent.
    public static func withinUniverse(coins: [DailyCoinSeries], benchmark: String = "BTC") throws(IntelError) -> [DominancePoint] {
        guard let btc = coins.first(where: { $0.symbol == benchmark.uppercased() }) else { throw .missingCoin(symbol: benchmark) }
        return (0..<btc.count).map { bi in
            let t = btc.day[bi]
            var total = 0.0
            for c in coins { if let i = c.index(ofDay: t) { total += c.marketCap[i] } }
            return DominancePoint(date: DayFormat.string(t), dominancePct: 100 * btc.marketCap[bi] / total)
        }
    }
}

/// One day of volume rotation between BTC and the altcoins.
public struct VolumeRotationPoint: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// BTC volume / (BTC + alt volume), in [0, 1].
    public var btcVolumeShare: Double
    /// Alt volume / (BTC + alt volume), in [0, 1].
    public var altVolumeShare: Double
    /// Alt volume / BTC volume (nil when BTC volume is 0).
    public var altToBtcRatio: Double?
    /// Trend of the alt share: its `short`-day mean minus its `long`-day mean (nil during warm-up).
    /// Positive = volume rotating into altcoins.
    public var altShareTrend: Double?
}

/// Volume rotation: how the traded volume splits between BTC and the altcoins, and where it is moving.
public enum VolumeRotation {
    /// Daily volume shares and their trend.
    ///
    /// Alts are every coin other than the benchmark not in `excluded` (stablecoin volume is mostly a quote-currency
    /// artefact, so it is left out). Days where the total is 0 (early rows without volume data) are skipped.
    /// The trend is SMA(short) − SMA(long) of `altVolumeShare` over the reported days, first defined on the `long`-th day.
    /// - Throws: `IntelError.invalidParameter` unless 1 <= short < long; `.missingCoin` without the benchmark.
    public static func compute(coins: [DailyCoinSeries], benchmark: String = "BTC",
                               excluded: Set<String> = AltcoinSeasonParameters.defaultExcluded,
                               short: Int = 7, long: Int = 30) throws(IntelError) -> [VolumeRotationPoint] {
        guard short >= 1, long > short else { throw .invalidParameter(name: "short/long", value: "\(short)/\(long)", allowed: "1 <= short < long") }
        guard let btc = coins.first(where: { $0.symbol == benchmark.uppercased() }) else { throw .missingCoin(symbol: benchmark) }
        var out: [VolumeRotationPoint] = []
        var shares: [Double] = []
        for bi in 0..<btc.count {
            let t = btc.day[bi]
            var alt = 0.0
            for c in coins where c.symbol != btc.symbol && !excluded.contains(c.symbol) {
                if let i = c.index(ofDay: t) { alt += c.volume[i] }
            }
            let b = btc.volume[bi]
            guard b + alt > 0 else { continue }
            let share = alt / (b + alt)
            shares.append(share)
            var trend: Double?
            if shares.count >= long {
                let s = shares.suffix(short).reduce(0, +) / Double(short)
                let l = shares.suffix(long).reduce(0, +) / Double(long)
                trend = s - l
            }
            out.append(VolumeRotationPoint(date: DayFormat.string(t), btcVolumeShare: b / (b + alt), altVolumeShare: share,
                                           altToBtcRatio: b > 0 ? alt / b : nil, altShareTrend: trend))
        }
        return out
    }
}
