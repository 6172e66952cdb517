/// Finds the tokens a headline mentions: `$TICKER`, tickers of three letters or more, token names and aliases,
/// all as whole words. Tickers or names that are everyday English words (`NEAR`, `ONE`, `GAS`, `Story`) only match
/// in their `$TICKER` form or through an explicit alias.
///
/// ```swift
/// let m = try TokenMatcher(taxonomy: .bundled())
/// m.tokens(in: "Ethereum and $SOL rally as Cardano lags")   // ["ETH", "SOL", "ADA"]
/// ```
public struct TokenMatcher: Sendable {
    /// Phrase (lower-case words joined by one space) → ticker.
    public private(set) var phrases: [String: String] = [:]
    /// Longest phrase length in words.
    private var maxWords = 1

    /// Words never treated as token names or tickers on their own.
    public static let commonWords: Set<String> = [
        "the", "one", "near", "gas", "sun", "bio", "ai", "ape", "move", "core", "beam", "prime", "flow", "story", "sonic",
        "hype", "trump", "pengu", "virtual", "deep", "grass", "render", "theta", "maker", "usual", "dai", "gala", "sand",
        "mana", "axie", "dexe", "nexo", "ont", "zero", "meme", "fun", "pump", "magic", "ray", "sei", "super", "jupiter",
        "bitcoin bep2", "insurance", "lido", "aave", "amp", "ena", "ondo", "ethena", "pyth", "mask", "floki", "brett",
        "for", "and", "all", "new", "now", "top", "big", "win", "key", "ever", "just", "can", "get", "max", "uni",
        "link", "dot", "op", "arb", "ip", "s", "w", "nft", "etf", "usd", "ath", "ceo", "sec", "fed", "ftx", "dex", "cex",
        "defi", "web3", "dao", "wld", "kas", "eth", "btc", "not", "hot", "pol", "god", "cat", "dog", "sun", "act", "ace",
        "ark", "api",
    ]

    /// A matcher over the taxonomy's tokens plus `aliases` (ticker → names).
    public init(taxonomy: SectorTaxonomy, aliases: [String: [String]] = TokenMatcher.bundledAliases()) {
        for e in taxonomy.entries.reversed() where e.sector != "Wrapped" {   // reversed: higher ranks overwrite lower
            let sym = e.symbol.lowercased()
            phrases["$" + sym] = e.symbol
            if sym.count >= 3 && !Self.commonWords.contains(sym) && sym.allSatisfy({ $0.isLetter || $0.isNumber }) {
                phrases[sym] = e.symbol
            }
            let name = TextNormalizer.tokens(e.name).joined(separator: " ")
            if name.count >= 3 && !Self.commonWords.contains(name) { phrases[name] = e.symbol }
        }
        for (sym, names) in aliases { for n in names { phrases[n.lowercased()] = sym.uppercased() } }
        maxWords = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// A matcher from explicit phrases (lower-case, words separated by one space) → ticker.
    public init(phrases: [String: String]) {
        self.phrases = phrases
        maxWords = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// The aliases shipped in `Resources/token_aliases.tsv` (ticker → names).
    public static func bundledAliases() -> [String: [String]] {
        guard let text = IntelResources.text("token_aliases.tsv") else { return [:] }
        var d: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let c = line.split(separator: "\t").map(String.init)
            if c.count == 2 { d[c[0], default: []].append(c[1]) }
        }
        return d
    }

    /// Tickers mentioned in a text, in order of first mention, each once.
    public func tokens(in text: String) -> [String] {
        tokens(inTokens: Self.words(text))
    }

    /// Tickers mentioned in already tokenised words (see `words(_:)`).
    public func tokens(inTokens words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for n in stride(from: min(maxWords, words.count - i), through: 1, by: -1) {
                let phrase = words[i..<(i + n)].joined(separator: " ")
                if let sym = phrases[phrase] {
                    if !out.contains(sym) { out.append(sym) }
                    matched = n
                    break
                }
            }
            i += max(1, matched)
        }
        return out
    }

    /// Word tokens for matching: `TextNormalizer.tokens` of the repaired text.
    public static func words(_ text: String) -> [String] { TextNormalizer.tokens(TextNormalizer.normalize(text).text) }
}
