/// Parameters of the Altcoin Season Index (blockchaincenter's definition).
public struct AltcoinSeasonParameters: Sendable, Equatable, Codable {
    /// How many of the largest eligible coins (by market cap on the day, BTC included) are kept. Default 50.
    public var top: Int
    /// Look-back window in calendar days for the price performance. Default 90.
    public var windowDays: Int
    /// Symbols never counted (stablecoins and wrapped tokens); they still count in `btc_dominance_pct`.
    public var excluded: Set<String>
    /// The benchmark coin. Default `BTC`.
    public var benchmark: String

    /// The exclusion list of the reference definition.
    public static let defaultExcluded: Set<String> = ["USDT", "USDC", "BUSD", "DAI", "TUSD", "USDP", "WBTC", "WETH"]

    /// Parameters with blockchaincenter's defaults (top 50, 90 days, stablecoins and wrapped tokens excluded).
    public init(top: Int = 50, windowDays: Int = 90, excluded: Set<String> = AltcoinSeasonParameters.defaultExcluded,
                benchmark: String = "BTC") {
        self.top = top
        self.windowDays = windowDays
        self.excluded = Set(excluded.map { $0.uppercased() })
        self.benchmark = benchmark.uppercased()
    }

    /// Checks the ranges.
    /// - Throws: `IntelError.invalidParameter` for a top size below 2 or a window below 1 day.
    public func validate() throws(IntelError) {
        guard top >= 2 else { throw .invalidParameter(name: "top", value: "\(top)", allowed: "an integer >= 2 (the benchmark plus at least one altcoin)") }
        guard windowDays >= 1 else { throw .invalidParameter(name: "window", value: "\(windowDays)", allowed: "a number of days >= 1") }
    }
}

/// The market regime read from the Altcoin Season Index.
public enum SeasonLabel: String, Sendable, Codable, CaseIterable {
    /// Index >= 75: most altcoins beat BTC over the window.
    case altcoinSeason = "altcoin season"
    /// Index <= 25: BTC beats most altcoins.
    case bitcoinSeason = "bitcoin season"
    /// Between the two thresholds.
    case neutral

    /// The label of an index value: >= 75 altcoin season, <= 25 bitcoin season, otherwise neutral.
    public init(index: Double) {
        self = index >= 75 ? .altcoinSeason : (index <= 25 ? .bitcoinSeason : .neutral)
    }
}

/// One day of the Altcoin Season Index; the fields are the columns of `sextant altseason`.
public struct AltcoinSeasonPoint: Sendable, Equatable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// 100 × alts beating the benchmark / alts counted.
    public var altseasonIndex: Double
    /// Altcoins among the kept top coins.
    public var altsCounted: Int
    /// Of those, how many had a higher close_t / close_(t−W) than the benchmark.
    public var altsOutperforming: Int
    /// 100 × benchmark market cap / the sum of every coin's market cap on the day (excluded coins included).
    public var btcDominancePct: Double
    /// Season label of `altseasonIndex`.
    public var season: SeasonLabel

    enum CodingKeys: String, CodingKey {
        case date, altseasonIndex = "altseason_index", altsCounted = "alts_counted",
             altsOutperforming = "alts_outperforming", btcDominancePct = "btc_dominance_pct", season
    }
}

/// The Altcoin Season Index over a coin universe.
///
/// For each date t with the benchmark present at t and at t − W days: candidates are the coins with a row at t and at
/// t − W, minus the excluded symbols; the `top` largest by market cap at t are kept; the alts are the kept coins other
/// than the benchmark, and the index is 100 × (alts whose close_t / close_(t−W) is strictly greater than the
/// benchmark's) / (number of alts). `btc_dominance_pct` is the benchmark's share of the summed market cap of every coin
/// with a row at t (stablecoins included), i.e. dominance within the given universe.
///
/// ```swift
/// let rows = try AltcoinSeasonIndex.compute(coins: series, parameters: .init(top: 50, windowDays: 90))
/// print(AltcoinSeasonIndex.csv(rows))
/// ```
/// Complexity: O(D · C log C) for D dates and C coins.
public enum AltcoinSeasonIndex {
    /// The index for every date where it is defined, oldest first.
    ///
    /// Dates where no altcoin qualifies (only the benchmark is eligible) are left out, like dates without the
    /// benchmark: the index is undefined there (0 / 0).
    /// - Throws: `IntelError.invalidParameter` for bad parameters, `.missingCoin` when the benchmark is absent.
    public static func compute(coins: [DailyCoinSeries], parameters: AltcoinSeasonParameters = .init()) throws(IntelError) -> [AltcoinSeasonPoint] {
        try parameters.validate()
        guard let btc = coins.first(where: { $0.symbol == parameters.benchmark }) else {
            throw .missingCoin(symbol: parameters.benchmark)
        }
        let window = Int64(parameters.windowDays)
        var out: [AltcoinSeasonPoint] = []
        out.reserveCapacity(btc.count)
        // Dates where the benchmark is present at t and t - W: the only dates the index is defined on.
        for bi in 0..<btc.count {
            let t = btc.day[bi]
            guard let bp = btc.index(ofDay: t - window) else { continue }
            let btcRatio = btc.close[bi] / btc.close[bp]
            var totalCap = 0.0
            var candidates: [(cap: Double, ratio: Double, isBenchmark: Bool)] = []
            for coin in coins {
                guard let i = coin.index(ofDay: t) else { continue }
                totalCap += coin.marketCap[i]
                guard !parameters.excluded.contains(coin.symbol), let p = coin.index(ofDay: t - window) else { continue }
                candidates.append((coin.marketCap[i], coin.close[i] / coin.close[p], coin.symbol == parameters.benchmark))
            }
            // Largest market cap first; the benchmark wins a tie so that it is never cut by one.
            candidates.sort { $0.cap != $1.cap ? $0.cap > $1.cap : ($0.isBenchmark && !$1.isBenchmark) }
            var counted = 0, beating = 0
            for c in candidates.prefix(parameters.top) where !c.isBenchmark {
                counted += 1
                if c.ratio > btcRatio { beating += 1 }
            }
            guard counted > 0 else { continue }
            let index = 100 * Double(beating) / Double(counted)
            out.append(AltcoinSeasonPoint(date: DayFormat.string(t), altseasonIndex: index, altsCounted: counted,
                                          altsOutperforming: beating,
                                          btcDominancePct: 100 * btc.marketCap[bi] / totalCap,
                                          season: SeasonLabel(index: index)))
        }
        return out
    }

    /// The CLI's CSV: `date,altseason_index,alts_counted,alts_outperforming,btc_dominance_pct`, one line per point,
    /// numbers in shortest round-trip form (`0.0`, `95.09079804261029`) as in the reference files.
    ///
    /// Compatibility: the reference files end lines with CRLF (Python's `csv` module default, RFC 4180), so that is the
    /// default `lineEnding`; the output is then byte-identical to them. Pass `"\n"` for plain newlines.
    public static func csv(_ points: [AltcoinSeasonPoint], lineEnding: String = "\r\n") -> String {
        var s = "date,altseason_index,alts_counted,alts_outperforming,btc_dominance_pct" + lineEnding
        for p in points {
            s += "\(p.date),\(p.altseasonIndex),\(p.altsCounted),\(p.altsOutperforming),\(p.btcDominancePct)" + lineEnding
        }
        return s
    }
}
