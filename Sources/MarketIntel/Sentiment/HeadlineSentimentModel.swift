import Foundation

/// The sentiment label of a headline.
public enum SentimentLabel: String, Sendable, Codable, CaseIterable {
    /// Bullish (score >= threshold), bearish (<= -threshold) or neutral.
    case bullish, bearish, neutral
}

/// The sentiment of one text.
public struct SentimentScore: Sendable, Equatable, Codable {
    /// Score in [-1, 1]: negative bearish, positive bullish.
    public var score: Double
    /// bullish when score >= threshold, bearish when <= -threshold, else neutral.
    public var label: SentimentLabel
    /// Whether the text's encoding was clean, repaired or still broken (still scored).
    public var encoding: TextNormalizer.EncodingStatus
    /// Number of lexicon terms that matched.
    public var matchedTerms: Int
}

/// A lexicon-and-rules headline sentiment model for crypto language.
///
/// Scoring, per headline:
/// 1. Normalise the text (`TextNormalizer`: mojibake repaired, broken text flagged) and split it into word tokens.
/// 2. Match lexicon terms left to right, longest first (phrases such as `all-time high`, `rug pull`, then single
///    words, then prefix entries such as `surg*`). Each term has a valence in [-4, 4].
/// 3. Modifiers on each term: a negation within the 3 previous tokens multiplies it by -0.74 (VADER's factor);
///    boosters / dampeners within the 2 previous tokens, or right after the term, multiply it by their factor
///    (`sharply` 1.3, `could` 0.8).
/// 4. Clause rules: after a contrast word (`but`, `however`) terms count × f and before it × (2 − f); after a
///    concession word (`despite`, `amid`) terms count × f (the concession clause matters less).
/// 5. Sum s of the valences, squashed into (-1, 1) as s / sqrt(s² + α) with α = 15 (VADER's normalisation).
///
/// The lexicon (`Resources/crypto_lexicon.tsv`) and rules (`Resources/sentiment_rules.tsv`) are data files written for
/// this project from general market and crypto vocabulary; nothing in them was fitted to an evaluation set.
///
/// ```swift
/// let model = try HeadlineSentimentModel.bundled()
/// model.score("Bitcoin plunges 10% as exchange is hacked").label   // .bearish
/// ```
public struct HeadlineSentimentModel: Sendable {
    /// One lexicon entry: word patterns (a trailing `*` matches any ending) and a valence.
    public struct Term: Sendable, Equatable {
        /// Lower-case word patterns; a trailing `*` matches any ending.
        public var words: [String]
        /// Valence in [-4, 4].
        public var valence: Double
    }

    /// Single-word exact terms.
    public private(set) var exact: [String: Double] = [:]
    /// Single-word prefix terms, longest prefix first.
    public private(set) var prefixes: [(prefix: String, valence: Double)] = []
    /// Multi-word terms, longest first.
    public private(set) var phrases: [Term] = []
    /// Multi-word terms by their exact first word (longest first), for fast matching.
    private var phrasesByFirstWord: [String: [Term]] = [:]
    /// Multi-word terms whose first word is a prefix pattern.
    private var prefixPhrases: [Term] = []
    /// Negation words (single or two-word) with their factor.
    public private(set) var negations: [String: Double] = [:]
    /// Boosters and dampeners with their factor.
    public private(set) var modifiers: [String: Double] = [:]
    /// Contrast words with their factor f (after × f, before × (2 − f)).
    public private(set) var contrasts: [String: Double] = [:]
    /// Concession words with their factor (the clause after them × f).
    public private(set) var concessions: [String: Double] = [:]
    /// VADER's normalisation constant α in s / sqrt(s² + α).
    public var alpha: Double = 15
    /// |score| at or above which a label is bullish / bearish (VADER's 0.05).
    public var labelThreshold: Double = 0.05

    /// A model from lexicon and rules text (tab-separated; `#` comments).
    /// - Throws: `IntelError.badRow` for a malformed line.
    public init(lexicon: String, rules: String) throws(IntelError) {
        var multi: [Term] = []
        for (n, raw) in lexicon.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = raw.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, let v = Double(cells[1]) else { throw .badRow(line: n + 1, reason: "lexicon line must be term<TAB>valence: \(line)") }
            let words = cells[0].lowercased().split(separator: " ").map(String.init)
            if words.count > 1 { multi.append(Term(words: words, valence: v)) }
            else if words[0].hasSuffix("*") { prefixes.append((String(words[0].dropLast()), v)) }
            else { exact[words[0]] = v }
        }
        phrases = multi.sorted { $0.words.count > $1.words.count }
        for p in phrases {
            if p.words[0].hasSuffix("*") { prefixPhrases.append(p) } else { phrasesByFirstWord[p.words[0], default: []].append(p) }
        }
        prefixes.sort { $0.prefix.count > $1.prefix.count }
        for (n, raw) in rules.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = raw.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, let f = Double(cells[2]) else { throw .badRow(line: n + 1, reason: "rules line must be kind<TAB>word<TAB>factor: \(line)") }
            switch cells[0] {
            case "negation": negations[cells[1]] = f
            case "booster", "dampener": modifiers[cells[1]] = f
            case "contrast": contrasts[cells[1]] = f
            case "concession": concessions[cells[1]] = f
            default: throw .badRow(line: n + 1, reason: "unknown rule kind \(cells[0]) (negation, booster, dampener, contrast, concession)")
            }
        }
    }

    /// The model with the lexicon and rules shipped in the target's resources.
    /// - Throws: `IntelError.noData` when the resources are missing.
    public static func bundled() throws(IntelError) -> HeadlineSentimentModel {
        guard let lex = IntelResources.text("crypto_lexicon.tsv"), let rules = IntelResources.text("sentiment_rules.tsv") else {
            throw .noData("sentiment lexicon resources are missing from the MarketIntel bundle")
        }
        return try HeadlineSentimentModel(lexicon: lex, rules: rules)
    }

    private func wordMatches(_ pattern: String, _ word: String) -> Bool {
        pattern.hasSuffix("*") ? word.hasPrefix(pattern.dropLast()) : word == pattern
    }

    /// The term starting at token i: (tokens consumed, valence), or nil.
    private func term(at i: Int, in tokens: [String]) -> (Int, Double)? {
        let candidates = (phrasesByFirstWord[tokens[i]] ?? []) + prefixPhrases
        for p in candidates.sorted(by: { $0.words.count > $1.words.count }) where i + p.words.count <= tokens.count {
            var ok = true
            for (k, w) in p.words.enumerated() where !wordMatches(w, tokens[i + k]) { ok = false; break }
            if ok { return (p.words.count, p.valence) }
        }
        let t = tokens[i]
        if let v = exact[t] { return (1, v) }
        for p in prefixes where t.hasPrefix(p.prefix) { return (1, p.valence) }
        return nil
    }

    /// The raw valence sum of a token list and the number of matched terms (before squashing).
    public func valenceSum(tokens: [String]) -> (sum: Double, terms: Int) {
        var found: [(pos: Int, value: Double)] = []
        var i = 0
        while i < tokens.count {
            guard let (n, base) = term(at: i, in: tokens) else { i += 1; continue }
            var v = base
            for j in max(0, i - 3)..<i {
                let two = j + 1 < i ? tokens[j] + " " + tokens[j + 1] : ""
                if let f = negations[tokens[j]] ?? negations[two] { v *= f; break }
            }
            for j in max(0, i - 2)..<i { if let f = modifiers[tokens[j]] { v *= f } }
            // Headlines often put the adverb after the verb ("plunges sharply", "dips slightly").
            if i + n < tokens.count, let f = modifiers[tokens[i + n]] { v *= f }
            found.append((i, v))
            i += n
        }
        for (j, w) in tokens.enumerated() {
            if let f = contrasts[w] {
                for k in found.indices { found[k].value *= found[k].pos > j ? f : 2 - f }
            }
            if let f = concessions[w] {
                for k in found.indices where found[k].pos > j { found[k].value *= f }
            }
        }
        return (found.reduce(0) { $0 + $1.value }, found.count)
    }

    /// Scores one text. Never fails: broken encodings are repaired when possible, scored anyway, and flagged.
    public func score(_ text: String) -> SentimentScore {
        let (clean, status) = TextNormalizer.normalize(text)
        let (s, n) = valenceSum(tokens: TextNormalizer.tokens(clean))
        let x = s / (s * s + alpha).squareRoot()
        let label: SentimentLabel = x >= labelThreshold ? .bullish : (x <= -labelThreshold ? .bearish : .neutral)
        return SentimentScore(score: x, label: label, encoding: status, matchedTerms: n)
    }

    /// Scores many texts, in order.
    public func score(_ texts: [String]) -> [SentimentScore] { texts.map { score($0) } }
}

/// Access to the files in `Sources/MarketIntel/Resources`.
enum IntelResources {
    /// A resource file's UTF-8 text, or nil when absent.
    static func text(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: "Resources/" + name, withExtension: nil)
                ?? Bundle.module.url(forResource: name, withExtension: nil),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
