import Foundation
import MarketCore
import SextantSQLite
import Testing
import TestSupport

/// The market-intelligence commands end to end: sectors, sentiment index, rotation, signal-gated indices, and the
/// bad inputs of issue 6, through the `sextant` executable.
@Suite(.serialized) struct IntelCLITests {
    let cli = CLITests()

    /// A database with the whole bundled sample (`sextant demo`), made once per test.
    func demoDB() throws -> String {
        let db = try cli.temporaryDB()
        let r = try cli.sextant(["demo", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    /// CSV rows of a command's stdout as dictionaries by header name (no quoted fields in these outputs).
    func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    @Test("sectors: the rotation table agrees with the sector index series it is computed from")
    func sectors() throws {
        let db = try demoDB()
        let table = try cli.sextant(["sectors", "--db", db, "--days", "30", "--end", "2021-02-27"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("sector,cap_share_now,cap_share_before,share_change,sector_return,market_return,relative_return\n"))
        let rotation = rows(table.stdout)
        #expect(rotation.count >= 3)
        let series = try cli.sextant(["sectors", "--db", db, "--series"])
        #expect(series.stdout.hasPrefix("date,sector,level,members,market_cap,cap_share,relative_to_market\n"))
        let points = rows(series.stdout)
        func point(_ sector: String, _ date: String) throws -> [String: String] {
            try #require(points.first { $0["sector"] == sector && $0["date"] == date })
        }
        var previousChange = Double.infinity
        for r in rotation {
            let sector = try #require(r["sector"])
            let now = try point(sector, "2021-02-27"), before = try point(sector, "2021-01-28")
            let shareNow = try #require(Double(r["cap_share_now"] ?? "")), shareBefore = try #require(Double(r["cap_share_before"] ?? ""))
            #expect(shareNow == Double(now["cap_share"] ?? "") && shareBefore == Double(before["cap_share"] ?? ""))
            let ret = try #require(Double(now["level"] ?? "")) / (try #require(Double(before["level"] ?? ""))) - 1
            #expect(abs(ret - (try #require(Double(r["sector_return"] ?? "")))) < 1e-12)
            let change = try #require(Double(r["share_change"] ?? ""))
            #expect(abs(change - (shareNow - shareBefore)) < 1e-15)
            #expect(change <= previousChange, "largest share gain first")
            previousChange = change
        }
        // Cap shares of the sectors in the table add up to one (stablecoins are outside the market).
        #expect(abs(rotation.compactMap { Double($0["cap_share_now"] ?? "") }.reduce(0, +) - 1) < 1e-9)
        let json = try cli.sextant(["sectors", "--db", db, "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.count == rotation.count)
        let tooLong = try cli.sextant(["sectors", "--db", db, "--days", "4000"])
        #expect(tooLong.status != 0 && tooLong.stderr.contains("--days 4000: allowed 1...3650"))
    }

    @Test("sentiment index counts every stored headline once per bucket, with the means of 'sentiment --input'")
    func sentimentIndex() throws {
        let db = try demoDB()
        let headlines = try SQLiteMarketRepository(path: db).headlines(from: nil, to: nil, limit: nil)
        #expect(headlines.count > 1000)
        // Score the same titles with `sentiment --input`.
        let file = (db as NSString).deletingLastPathComponent + "/titles.csv"
        let quoted = headlines.map { "\"" + $0.title.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try (["title"] + quoted).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let scored = try cli.sextant(["sentiment", "--input", file])
        let scores = rows(scored.stdout).compactMap { Double($0["score"] ?? "") }
        #expect(scores.count == headlines.count)
        var byDay: [String: [Double]] = [:]
        for (h, s) in zip(headlines, scores) { byDay[h.time.dateString, default: []].append(s) }

        let daily = try cli.sextant(["sentiment", "index", "--db", db, "--interval", "day"])
        #expect(daily.status == 0, "\(daily.stderr)")
        #expect(daily.stdout.hasPrefix("start,count,mean_score,bullish,bearish,neutral,net_bullish_ratio\n"))
        let days = rows(daily.stdout)
        #expect(days.count == byDay.count)
        for d in days {
            let date = try #require(d["start"]), mine = try #require(byDay[date])
            #expect(Int(d["count"] ?? "") == mine.count)
            let mean = try #require(Double(d["mean_score"] ?? ""))
            #expect(abs(mean - mine.reduce(0, +) / Double(mine.count)) < 1e-12, "\(date)")
            let labels = ["bullish", "bearish", "neutral"].compactMap { Int(d[$0] ?? "") }.reduce(0, +)
            #expect(labels == mine.count)
        }
        let hourly = rows(try cli.sextant(["sentiment", "index", "--db", db, "--interval", "hour"]).stdout)
        #expect(hourly.compactMap { Int($0["count"] ?? "") }.reduce(0, +) == headlines.count)
        #expect(hourly.allSatisfy { ($0["start"] ?? "").hasSuffix(":00:00Z") })
        let btc = rows(try cli.sextant(["sentiment", "index", "--db", db, "--token", "BTCUSDT"]).stdout)
        let btcCount = btc.compactMap { Int($0["count"] ?? "") }.reduce(0, +)
        #expect(btcCount > 50 && btcCount < headlines.count)
        let none = try cli.sextant(["sentiment", "index", "--db", db, "--token", "NOPECOIN"])
        #expect(none.status != 0 && none.stderr.contains("no stored headline names NOPECOIN"))
        let missing = try cli.sextant(["sentiment"])
        #expect(missing.status != 0 && missing.stderr.contains("missing --input FILE"))
    }

    @Test("rotation: volume shares add up to one and dominance matches altseason and the stored market series")
    func rotation() throws {
        let db = try demoDB()
        let r = try cli.sextant(["rotation", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let days = rows(r.stdout)
        #expect(days.count > 2000)
        for d in days {
            let b = try #require(Double(d["btc_volume_share"] ?? "")), a = try #require(Double(d["alt_volume_share"] ?? ""))
            #expect(abs(a + b - 1) < 1e-12)
        }
        #expect(days.filter { ($0["alt_share_trend"] ?? "").isEmpty }.count == 29, "the 30-day trend starts on the 30th day")
        // Universe dominance = altseason's btc_dominance_pct (top 50 holds the whole 16-coin universe).
        let alt = rows(try cli.sextant(["altseason", "--db", db]).stdout.replacingOccurrences(of: "\r", with: ""))
        var checked = 0
        for a in alt.suffix(300) {
            guard let date = a["date"], let d = days.first(where: { $0["date"] == date }) else { continue }
            let ours = try #require(Double(d["btc_dominance_universe_pct"] ?? "")), ref = try #require(Double(a["btc_dominance_pct"] ?? ""))
            #expect(abs(ours - ref) < 1e-9 * max(1, ref), "\(date)")
            checked += 1
        }
        #expect(checked > 250)
        // Whole-market dominance is the stored series, where it exists (from 2018).
        let market = try String(contentsOfFile: CLITests.repo + "/SampleData/market/btc_dominance.csv", encoding: .utf8)
        let stored = Dictionary(uniqueKeysWithValues: rows(market.replacingOccurrences(of: "\r", with: "")).compactMap { r in
            r["date"].flatMap { d in r["btc_dominance_pct"].flatMap(Double.init).map { (d, $0) } }
        })
        for d in days where d["date"]! >= "2018-01-01" {
            #expect(Double(d["btc_dominance_market_pct"] ?? "") == stored[d["date"]!], "\(d["date"]!)")
        }
        #expect(days.filter { $0["date"]! < "2018-01-01" }.allSatisfy { ($0["btc_dominance_market_pct"] ?? "x").isEmpty })
    }

    @Test("signal-gated index: the BTC trend baseline and the AI gates trade into stablecoins and back")
    func signalGated() throws {
        // Five coins keep the daily walk-forward behind the AI gate quick in debug builds.
        let db = try cli.temporaryDB()
        let files = ["BTC", "ETH", "LTC", "XRP", "DOGE"].map { CLITests.repo + "/SampleData/daily/\($0).csv.gz" }
        #expect(try cli.sextant(["ingest", "--db", db] + files).status == 0)
        for gate in ["btc-trend", "model", "model-market"] {
            let r = try cli.sextant(["index", "backtest", "--db", db, "--method", "signal", "--top", "3", "--gate", gate, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let trades = try #require(json["rebalances"] as? [[String: Any]])
            #expect(trades.contains { $0["reason"] as? String == "signal bearish" && $0["stablecoinWeight"] as? Double == 1 })
            #expect(trades.contains { $0["reason"] as? String == "signal bullish" })
            let notes = try #require(json["notes"] as? [String])
            #expect(notes.contains { $0.hasPrefix("gate \(gate): bearish on ") })
        }
    }

    @Test("bad input: a universe too small, a start before enough history, a headline row without a date, broken encodings")
    func badInput() throws {
        let db = try cli.temporaryDB()
        let files = try FileManager.default.contentsOfDirectory(atPath: CLITests.repo + "/SampleData/daily").sorted()
            .map { CLITests.repo + "/SampleData/daily/" + $0 }
        #expect(try cli.sextant(["ingest", "--db", db] + files).status == 0)
        let tooBig = try cli.sextant(["index", "backtest", "--db", db, "--top", "20"])
        #expect(tooBig.status != 0 && tooBig.stderr.contains("universe too small: top 20 requested but only 14 eligible coins"), "\(tooBig.stderr)")
        let early = try cli.sextant(["index", "backtest", "--db", db, "--top", "10", "--start", "2015-01-01"])
        #expect(early.status != 0 && early.stderr.contains("the earliest possible start is 20"), "\(early.stderr)")
        let holdings = try cli.sextant(["index", "holdings", "--db", db, "--top", "10", "--asof", "2014-01-01"])
        #expect(holdings.status != 0 && holdings.stderr.contains("earliest possible start is"), "\(holdings.stderr)")

        let dir = (db as NSString).deletingLastPathComponent
        let news = dir + "/news.csv"
        try "published_at,title\n2024-09-01T10:00:00Z,Bitcoin rallies\n,Ether slumps\n".write(toFile: news, atomically: true, encoding: .utf8)
        let noDate = try cli.sextant(["ingest", "--db", db, news])
        #expect(noDate.status != 0 && noDate.stderr.contains("\(news):3:"), "\(noDate.stderr)")

        // Broken encodings: mojibake is repaired, invalid UTF-8 bytes are flagged; both are scored.
        let headlines = dir + "/broken.csv"
        let bytes = Array("title\n".utf8) + Array("Bitcoinâ€™s price crashes\n".utf8) + Array("Ether ".utf8) + [0xff, 0xfe] + Array(" surges\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: headlines))
        let scored = try cli.sextant(["sentiment", "--input", headlines, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [[String: Any]])
        #expect(out.count == 2)
        #expect(out.first?["encoding"] as? String == "repaired" && out.first?["label"] as? String == "bearish")
        #expect(out.last?["encoding"] as? String == "broken" && out.last?["label"] as? String == "bullish")
    }
}
