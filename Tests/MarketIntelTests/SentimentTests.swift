import Testing
import MarketCore
import MarketIntel
import TestSupport

@Suite struct SentimentTests {
    static func votes() throws -> (titles: [String], gold: [SentimentLabel], polarity: [Double]) {
        let table = CSVTable(text: try Fixtures.text("intel/cryptopanic_votes_2024.csv.gz"))
        let titles = try table.requireColumn("title")
        let pos = try table.requireColumn("votes_positive").map { Int($0) ?? 0 }
        let neg = try table.requireColumn("votes_negative").map { Int($0) ?? 0 }
        let gold = zip(pos, neg).map { p, n -> SentimentLabel in p > n ? .bullish : (n > p ? .bearish : .neutral) }
        let polarity = zip(pos, neg).map { SentimentEvaluation.votePolarity(positive: $0, negative: $1) }
        return (titles, gold, polarity)
    }

    @Test("the VADER baseline recomputed from the reference file gives its published figures")
    func vaderBaseline() throws {
        let v = try Self.votes()
        let ref = CSVTable(text: try Fixtures.text("intel/vader_cryptopanic_2024.csv.gz"))
        let compound = try ref.requireColumn("vader_compound").map { Double($0) ?? .nan }
        let labels = try ref.requireColumn("vader_label").map { SentimentLabel(rawValue: $0) ?? .neutral }
        #expect(try ref.requireColumn("title") == v.titles)
        let r = SentimentEvaluation.report(scores: compound, labels: labels, gold: v.gold, polarity: v.polarity)
        #expect(abs(r.balancedRecall - 0.33) < 0.005)
        #expect(abs(r.spearman - 0.048) < 0.0005)
        #expect(abs(r.accuracy - 0.344) < 0.0005)
    }

    @Test("the crypto model beats VADER on balanced recall and on rank correlation with the votes")
    func beatsVader() throws {
        let v = try Self.votes()
        let ref = CSVTable(text: try Fixtures.text("intel/vader_cryptopanic_2024.csv.gz"))
        let vader = SentimentEvaluation.report(
            scores: try ref.requireColumn("vader_compound").map { Double($0) ?? .nan },
            labels: try ref.requireColumn("vader_label").map { SentimentLabel(rawValue: $0) ?? .neutral },
            gold: v.gold, polarity: v.polarity)
        let model = try HeadlineSentimentModel.bundled()
        let scores = model.score(v.titles)
        let ours = SentimentEvaluation.report(scores: scores.map(\.score), labels: scores.map(\.label), gold: v.gold,
                                              polarity: v.polarity)
        print("sentiment on \(ours.rows) CryptoPanic headlines: ours balanced recall \(ours.balancedRecall), Spearman \(ours.spearman), accuracy \(ours.accuracy); VADER \(vader.balancedRecall), \(vader.spearman), \(vader.accuracy)")
        #expect(ours.balancedRecall > vader.balancedRecall)
        #expect(ours.spearman > vader.spearman)
    }

    @Test("within each outlet the crypto model ranks headlines by vote polarity better than VADER")
    func withinSource() throws {
        // The outlet alone explains about a third of the polarity's variance (coinpaprika.com +0.87, beincrypto.com
        // +0.01), which no headline model can see; removing each outlet's mean leaves the part a headline can explain.
        let v = try Self.votes()
        let table = CSVTable(text: try Fixtures.text("intel/cryptopanic_votes_2024.csv.gz"))
        let residual = SentimentEvaluation.withinGroupResiduals(v.polarity, groups: try table.requireColumn("source_domain"))
        let vader = try CSVTable(text: try Fixtures.text("intel/vader_cryptopanic_2024.csv.gz")).requireColumn("vader_compound").map { Double($0) ?? .nan }
        let ours = try HeadlineSentimentModel.bundled().score(v.titles).map(\.score)
        let o = SentimentEvaluation.spearman(ours, residual), b = SentimentEvaluation.spearman(vader, residual)
        print("within-outlet Spearman: ours \(o), VADER \(b)")
        #expect(o > b)
    }

    @Test("scores stay in [-1, 1] and labels follow the threshold on every headline of both files")
    func ranges() throws {
        let model = try HeadlineSentimentModel.bundled()
        let tb = try IntelCSV.headlines(text: try Fixtures.text("intel/crypto_news_textblob_2021-2022.csv.gz"))
        #expect(tb.count == 6065)
        let all = model.score(tb.map(\.title) + tb.map { $0.extra["text"] ?? "" })
        print("encodings in the 2021-2022 titles and summaries: \(Dictionary(grouping: all, by: \.encoding).mapValues(\.count))")
        #expect(all.contains { $0.encoding != .clean })
        for s in all {
            #expect(s.score >= -1 && s.score <= 1)
            #expect(s.label == (s.score >= 0.05 ? .bullish : s.score <= -0.05 ? .bearish : .neutral))
        }
    }

    @Test("negation, boosters, contrast and crypto phrases move the score the right way")
    func rules() throws {
        let m = try HeadlineSentimentModel.bundled()
        #expect(m.score("Bitcoin surges to new all-time high").label == .bullish)
        #expect(m.score("DeFi protocol drained in $40M exploit").label == .bearish)
        #expect(m.score("Founder accused of rug pull").label == .bearish)
        #expect(m.score("Bitcoin ETF not approved").score < 0)
        #expect(m.score("Ether plunges sharply").score < m.score("Ether plunges").score)
        #expect(m.score("Ether dips slightly").score > m.score("Ether dips").score)
        #expect(m.score("Solana rallies despite outage").score > 0)
        #expect(m.score("Exchange grows fast but gets hacked").score < 0)
        #expect(m.score("Blockchain conference in Lisbon").label == .neutral)
        #expect(m.score("").label == .neutral)
    }

    @Test("broken encodings are repaired or flagged and still scored")
    func encodings() throws {
        let m = try HeadlineSentimentModel.bundled()
        let moji = m.score("Bitcoinâ€™s price crashes")
        #expect(moji.encoding == .repaired)
        #expect(moji.label == .bearish)
        let broken = m.score("Ether \u{FFFD}\u{FFFD} surges \u{9c}")
        #expect(broken.encoding == .broken)
        #expect(broken.label == .bullish)
        #expect(m.score("Plain headline").encoding == .clean)
    }

    @Test("a malformed lexicon line is reported with its line number")
    func badLexicon() {
        #expect(throws: IntelError.badRow(line: 2, reason: "lexicon line must be term<TAB>valence: moon")) {
            try HeadlineSentimentModel(lexicon: "# c\nmoon\n", rules: "")
        }
    }

    @Test("Spearman averages tied ranks")
    func spearmanTies() {
        #expect(SentimentEvaluation.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(abs(SentimentEvaluation.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
    }
}
