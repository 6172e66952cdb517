import MarketCore

/// What kind of term a narrative is about.
public enum NarrativeKind: String, Sendable, Codable {
    /// A token (ticker, name or alias).
    case token
    /// A sector keyword (`ai agents`, `memecoin`, `restaking`).
    case sector
    /// Any other word or two-word phrase.
    case term
}

/// A headline shown as evidence for a narrative.
public struct NarrativeHeadline: Sendable, Equatable, Codable {
    /// Publication time, ISO-8601 UTC.
    public var time: String
    /// The headline.
    public var title: String
}

/// How a linked token's price moved after the narrative was first seen.
public struct NarrativePerformance: Sendable, Equatable, Codable {
    /// Ticker.
    public var symbol: String
    /// close(first seen + 7 days) / close(first seen) − 1, nil when either close is missing.
    public var return7d: Double?
    /// Same over 30 days.
    public var return30d: Double?
}

/// An emerging narrative: a term whose mention rate burst against its own baseline.
public struct Narrative: Sendable, Equatable, Codable {
    /// The term (a ticker for tokens, a sector name for sector keywords, the word(s) otherwise).
    public var term: String
    /// Token, sector keyword or general term.
    public var kind: NarrativeKind
    /// First burst day (`YYYY-MM-DD`).
    public var firstSeen: String
    /// Last burst day of the episode.
    public var lastSeen: String
    /// Day of the highest z-score.
    public var peakDate: String
    /// Highest z-score of the mention rate in the episode.
    public var strength: Double
    /// Mentions in the 7 days from `firstSeen` / (mentions in the 7 days before + 1): how fast the rate grew.
    public var momentum: Double
    /// Headlines mentioning the term during the episode.
    public var mentions: Int
    /// Up to `topHeadlines` earliest headlines of the episode.
    public var topHeadlines: [NarrativeHeadline]
    /// Tokens named in the episode's headlines, most mentioned first (the token itself first for token narratives).
    public var linkedTokens: [String]
    /// Sectors of the linked tokens (and the sector itself for sector narratives).
    public var linkedSectors: [String]
    /// Linked tokens' returns after `firstSeen` (only for tokens whose prices were given).
    public var performanceAfter: [NarrativePerformance]
}

/// Burst detection over headline mention rates (a documented rolling z-score).
///
/// For every term, per UTC day t with headlines: rate r_t = headlines mentioning the term / all headlines that day.
/// The baseline is the previous `baselineDays` days that have headlines (at least `minBaselineDays` of them): mean μ
/// and standard deviation σ of r. The burst score is z_t = (r_t − μ) / σ_eff with
/// σ_eff = max(σ, sqrt(p (1 − p) / N_t)) and p = max(μ, 1 / (headlines in the baseline)): the binomial sampling noise of
/// a rate measured on N_t headlines, so that one mention of a never-seen term on a thin day is not an infinite burst.
/// A day bursts when z_t >= `zThreshold` and the day has at least `minMentions` mentions. Burst days of one term at most
/// `mergeGapDays` apart form one episode, reported as a `Narrative`.
public struct NarrativeDetector: Sendable {
    /// Detection parameters.
    public struct Parameters: Sendable, Equatable, Codable {
        /// Days with headlines in the rolling baseline.
        public var baselineDays = 28
        /// Fewest baseline days before a day can burst.
        public var minBaselineDays = 7
        /// z-score at or above which a day bursts.
        public var zThreshold = 3.0
        /// Fewest mentions on a burst day.
        public var minMentions = 3
        /// Burst days at most this many days apart form one episode.
        public var mergeGapDays = 3
        /// Minimum total mentions over the whole input for a general term to be tracked.
        public var minTermTotal = 5
        /// Headlines kept as evidence per narrative.
        public var topHeadlines = 3
        /// Linked tokens kept per narrative.
        public var maxLinkedTokens = 5
        /// The defaults listed above.
        public init() {}
    }

    /// Sector keyword phrases (lower-case words) → sector.
    public static let sectorKeywords: [String: String] = [
        "ai": "AI", "artificial intelligence": "AI", "ai agent": "AI", "ai agents": "AI", "ai tokens": "AI",
        "defi": "DeFi", "dex": "DeFi", "lending": "DeFi", "restaking": "DeFi", "liquid staking": "DeFi", "yield": "DeFi",
        "gamefi": "Gaming", "gaming": "Gaming", "metaverse": "Gaming", "nft": "Gaming", "nfts": "Gaming", "play-to-earn": "Gaming",
        "meme": "Meme", "memecoin": "Meme", "memecoins": "Meme", "meme coin": "Meme", "meme coins": "Meme",
        "rwa": "RWA", "tokenization": "RWA", "tokenized": "RWA", "real world assets": "RWA", "real-world assets": "RWA",
        "layer 2": "L2", "layer-2": "L2", "l2": "L2", "rollup": "L2", "rollups": "L2",
        "layer 1": "L1", "layer-1": "L1", "stablecoin": "Stablecoin", "stablecoins": "Stablecoin",
        "privacy": "Privacy", "privacy coins": "Privacy", "oracle": "Oracle", "oracles": "Oracle",
        "payments": "Payments", "cross-border": "Payments", "depin": "Infrastructure", "interoperability": "Infrastructure",
    ]

    /// Words ignored as general terms.
    public static let stopwords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "its", "it", "this", "that", "these", "those", "into", "over", "after", "before", "amid",
        "why", "how", "what", "who", "when", "where", "which", "will", "can", "could", "may", "might", "should", "would",
        "has", "have", "had", "not", "no", "new", "more", "most", "than", "up", "down", "out", "about", "here", "now", "says",
        "say", "said", "report", "reports", "week", "weekly", "daily", "day", "today", "price", "prices", "crypto", "cryptocurrency",
        "market", "markets", "news", "analysis", "you", "your", "our", "their", "his", "her", "they", "we", "he", "she", "i",
        "all", "just", "still", "also", "via", "per", "vs", "amp", "s", "top", "first", "next", "year", "years", "month", "key",
        "2021", "2022", "2023", "2024", "2025", "if", "so", "do", "does", "get", "gets", "set", "sets", "big", "one", "two",
        "make", "makes", "see", "sees", "may", "against", "under", "while", "there", "then", "them", "other", "some", "any",
        "since", "ahead", "back", "time", "times", "last", "off", "near", "like", "why", "could", "behind", "within",
    ]

    /// Detection parameters.
    public var parameters: Parameters
    /// Finds token mentions.
    public var matcher: TokenMatcher
    /// Maps a ticker to its sector.
    public var sectorOf: @Sendable (String) -> String?

    /// A detector over a token matcher; `sectorOf` maps a ticker to its sector (for linked sectors).
    public init(parameters: Parameters = .init(), matcher: TokenMatcher, sectorOf: @escaping @Sendable (String) -> String?) {
        self.parameters = parameters
        self.matcher = matcher
        self.sectorOf = sectorOf
    }

    /// A detector with the bundled taxonomy, aliases and default parameters.
    public static func bundled(parameters: Parameters = .init()) throws(IntelError) -> NarrativeDetector {
        let tax = try SectorTaxonomy.bundled()
        return NarrativeDetector(parameters: parameters, matcher: TokenMatcher(taxonomy: tax), sectorOf: { tax.sector(ofSymbol: $0) })
    }

    private struct Key: Hashable { var kind: NarrativeKind; var term: String }

    /// Narratives in the headlines, strongest first; only episodes first seen on or after `since` (`YYYY-MM-DD`).
    /// `prices` (by ticker) give the performance after each narrative's first day.
    /// - Throws: `IntelError.invalidParameter` for a malformed `since`.
    public func detect(headlines: [Headline], since: String? = nil, prices: [String: DailyCoinSeries] = [:]) throws(IntelError) -> [Narrative] {
        var sinceDay: Int64?
        if let since {
            guard let d = DayFormat.day(since) else { throw .invalidParameter(name: "since", value: since, allowed: "a date YYYY-MM-DD") }
            sinceDay = d
        }
        let p = parameters
        // Terms per headline.
        var perHeadline: [(day: Int64, keys: Set<Key>, tokens: [String])] = []
        var totals: [Key: Int] = [:]
        for h in headlines {
            let words = TokenMatcher.words(h.title)
            let toks = matcher.tokens(inTokens: words)
            var keys = Set(toks.map { Key(kind: .token, term: $0) })
            for n in 1...3 where words.count >= n {
                for i in 0...(words.count - n) {
                    if let s = Self.sectorKeywords[words[i..<(i + n)].joined(separator: " ")] { keys.insert(Key(kind: .sector, term: s)) }
                }
            }
            let tokenWords = Set(toks.map { $0.lowercased() })
            for (i, w) in words.enumerated() where w.count >= 3 && !Self.stopwords.contains(w) && !tokenWords.contains(w) && !w.allSatisfy({ $0.isNumber || $0 == "$" || $0 == "%" || $0 == "." }) {
                keys.insert(Key(kind: .term, term: w))
                if i + 1 < words.count, !Self.stopwords.contains(words[i + 1]), words[i + 1].count >= 3 {
                    keys.insert(Key(kind: .term, term: w + " " + words[i + 1]))
                }
            }
            for k in keys { totals[k, default: 0] += 1 }
            perHeadline.append((h.time.dayNumber, keys, toks))
        }
        let days = Set(perHeadline.map(\.day)).sorted()
        guard !days.isEmpty else { return [] }
        let dayIndex = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        var dayTotal = [Int](repeating: 0, count: days.count)
        var counts: [Key: [Int]] = [:]
        var headlineIdx: [Key: [Int]] = [:]
        for (hi, h) in perHeadline.enumerated() {
            guard let d = dayIndex[h.day] else { continue }
            dayTotal[d] += 1
            for k in h.keys where k.kind != .term || (totals[k] ?? 0) >= p.minTermTotal {
                counts[k, default: [Int](repeating: 0, count: days.count)][d] += 1
                headlineIdx[k, default: []].append(hi)
            }
        }
        var out: [(narrative: Narrative, headlines: Set<Int>)] = []
        for (key, c) in counts {
            var bursts: [(d: Int, z: Double)] = []
            for d in days.indices where d >= p.minBaselineDays && c[d] >= p.minMentions {
                let lo = max(0, d - p.baselineDays)
                let rates = (lo..<d).map { Double(c[$0]) / Double(dayTotal[$0]) }
                let mu = rates.reduce(0, +) / Double(rates.count)
                let sd = (rates.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(rates.count)).squareRoot()
                let baseN = (lo..<d).reduce(0) { $0 + dayTotal[$1] }
                let pr = max(mu, 1 / Double(max(1, baseN)))
                let sigma = max(sd, (pr * (1 - pr) / Double(dayTotal[d])).squareRoot())
                let z = (Double(c[d]) / Double(dayTotal[d]) - mu) / sigma
                if z >= p.zThreshold { bursts.append((d, z)) }
            }
            // Merge burst days into episodes.
            var episodes: [[(d: Int, z: Double)]] = []
            for b in bursts {
                if let last = episodes.last?.last, days[b.d] - days[last.d] <= Int64(p.mergeGapDays) { episodes[episodes.count - 1].append(b) } else { episodes.append([b]) }
            }
            for ep in episodes {
                guard let first = ep.first, let lastB = ep.last, let peak = ep.max(by: { $0.z < $1.z }) else { continue }
                let firstDay = days[first.d], lastDay = days[lastB.d]
                if let s = sinceDay, firstDay < s { continue }
                let idx = (headlineIdx[key] ?? []).filter { perHeadline[$0].day >= firstDay && perHeadline[$0].day <= lastDay }
                func mentions(_ from: Int64, _ to: Int64) -> Int {
                    (headlineIdx[key] ?? []).filter { perHeadline[$0].day >= from && perHeadline[$0].day < to }.count
                }
                let momentum = Double(mentions(firstDay, firstDay + 7)) / Double(mentions(firstDay - 7, firstDay) + 1)
                var tokenCount: [String: Int] = [:]
                for i in idx { for t in perHeadline[i].tokens { tokenCount[t, default: 0] += 1 } }
                var linked = tokenCount.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
                if key.kind == .token { linked.removeAll { $0 == key.term }; linked.insert(key.term, at: 0) }
                linked = Array(linked.prefix(p.maxLinkedTokens))
                var sectors: [String] = key.kind == .sector ? [key.term] : []
                for t in linked { if let s = sectorOf(t), !sectors.contains(s) { sectors.append(s) } }
                let perf = linked.compactMap { t -> NarrativePerformance? in
                    guard let series = prices[t], let i0 = series.index(ofDay: firstDay) else { return nil }
                    func ret(_ h: Int64) -> Double? { series.index(ofDay: firstDay + h).map { series.close[$0] / series.close[i0] - 1 } }
                    return NarrativePerformance(symbol: t, return7d: ret(7), return30d: ret(30))
                }
                let top = idx.prefix(p.topHeadlines).map { i in
                    NarrativeHeadline(time: headlines[i].time.iso8601, title: headlines[i].title)
                }
                out.append((Narrative(term: key.term, kind: key.kind, firstSeen: DayFormat.string(firstDay),
                                     lastSeen: DayFormat.string(lastDay), peakDate: DayFormat.string(days[peak.d]),
                                     strength: peak.z, momentum: momentum, mentions: idx.count, topHeadlines: Array(top),
                                     linkedTokens: linked, linkedSectors: sectors, performanceAfter: perf), Set(idx)))
            }
        }
        // Strongest first; tokens and sector keywords before general terms on ties. A general-term episode whose
        // headlines all belong to an episode already kept (`andre` / `andre cronje` / `cronje`) is the same story: dropped.
        func rank(_ k: NarrativeKind) -> Int { k == .token ? 0 : (k == .sector ? 1 : 2) }
        let sorted = out.sorted {
            let a = $0.narrative, b = $1.narrative
            if a.strength != b.strength { return a.strength > b.strength }
            if rank(a.kind) != rank(b.kind) { return rank(a.kind) < rank(b.kind) }
            return (a.firstSeen, a.term) < (b.firstSeen, b.term)
        }
        var kept: [(narrative: Narrative, headlines: Set<Int>)] = []
        for n in sorted {
            if n.narrative.kind == .term, kept.contains(where: { n.headlines.isSubset(of: $0.headlines) }) { continue }
            kept.append(n)
        }
        return kept.map(\.narrative)
    }
}
