import MarketData
import Testing
import TestSupport

/// The readers on real files of every format the project ships.
@Suite struct ReaderTests {
    static let sample = Fixtures.root + "/../../SampleData"

    @Test("reads CoinMarketCap daily OHLCV with market caps, gzip included")
    func dailyMarketCap() throws {
        let f = try MarketFileReader.read(Self.sample + "/daily/BTC.csv.gz")
        #expect(f.format == .marketcap)
        guard case let .candles(s, caps) = f.content else { Issue.record("not candles"); return }
        #expect(s.symbol == "BTC" && s.timeframe == .d1)
        #expect(s.count == 2862 && f.rowsRead == 2862)
        #expect(s.time.first == Timestamp.utc(year: 2013, month: 4, day: 29))
        #expect(s.open[0] == 134.44400024414062 && s.close[0] == 144.5399932861328)
        #expect(caps?.marketCap.first == 1603768864.5)
        #expect(s.gaps().isEmpty)
    }

    @Test("reads ISO-8601 hourly bars and infers symbol and timeframe from the name")
    func hourly() throws {
        let f = try MarketFileReader.read(Self.sample + "/hourly/ETHUSDT_1h.csv.gz")
        guard case let .candles(s, caps) = f.content else { Issue.record("not candles"); return }
        #expect(f.format == .ohlcv && caps == nil)
        #expect(s.symbol == "ETH" && s.timeframe == .h1 && s.count == 17544)
        #expect(s.time.first == Timestamp.utc(year: 2023, month: 7, day: 3))
        #expect(s.time.last == Timestamp.utc(year: 2025, month: 7, day: 2, hour: 23))
    }

    @Test("reads 1m and 5m bars")
    func intraday() throws {
        let m1 = try MarketFileReader.read(Fixtures.path("data/ETHUSDT_1m_first3000.csv.gz"))
        guard case let .candles(a, _) = m1.content else { Issue.record("not candles"); return }
        #expect(a.timeframe == .m1 && a.count == 3000 && a.gaps().isEmpty)
        let m5 = try MarketFileReader.read(Fixtures.path("data/BTCUSDT_5m_first2000.csv.gz"))
        guard case let .candles(b, _) = m5.content else { Issue.record("not candles"); return }
        #expect(b.timeframe == .m5 && b.count == 2000 && b.symbol == "BTC")
    }

    @Test("reads a Binance kline dump with microsecond open times")
    func binance() throws {
        let f = try MarketFileReader.read(Fixtures.path("data/BTCUSDT-1h-2018-01-01.csv"))
        #expect(f.format == .binance)
        guard case let .candles(s, _) = f.content else { Issue.record("not candles"); return }
        #expect(s.symbol == "BTC" && s.timeframe == .h1 && s.count == 48)
        #expect(s.time[0] == Timestamp.utc(year: 2018, month: 1, day: 1))
        #expect(s.open[0] == 13715.65 && s.low[0] == 13400.01 && s.volume[0] == 443.356199)
    }

    @Test("the same bars in milliseconds and in seconds give the same times")
    func epochMagnitudes() throws {
        for (scale, label) in [(1_000, "ms"), (1, "s"), (1_000_000, "us")] {
            let text = "open_time,open,high,low,close,volume\n\(1_514_764_800 * scale),1,2,0.5,1.5,10\n\(1_514_768_400 * scale),1.5,2,1,1.2,5\n"
            let f = try MarketFileReader.parse(bytes: Array(text.utf8), path: "X_\(label).csv", options: ReadOptions(symbol: "BTC"))
            guard case let .candles(s, _) = f.content else { Issue.record("not candles"); return }
            #expect(s.time == [Timestamp(seconds: 1_514_764_800), Timestamp(seconds: 1_514_768_400)], "\(label)")
            #expect(s.timeframe == .h1)
        }
    }

    @Test("reads CoinGecko exports as close-only daily bars with market caps")
    func coingecko() throws {
        let f = try MarketFileReader.read(Fixtures.path("data/BTC_usd.csv.gz"))
        #expect(f.format == .coingecko)
        guard case let .candles(s, caps) = f.content else { Issue.record("not candles"); return }
        #expect(s.symbol == "BTC" && s.timeframe == .d1 && s.count == 4264)
        #expect(s.open == s.close && s.high == s.close)
        #expect((caps?.time.count ?? 0) > 4000)
    }

    @Test("reads funding rates")
    func funding() throws {
        let f = try MarketFileReader.read(Self.sample + "/funding/BTCUSDT_funding.csv.gz")
        guard case let .funding(rates) = f.content else { Issue.record("not funding"); return }
        #expect(rates.count == 6368)
        #expect(rates[0].symbol == "BTC" && rates[0].time == Timestamp.utc(year: 2019, month: 9, day: 10, hour: 8))
    }

    @Test("reads market-structure series")
    func metrics() throws {
        let f = try MarketFileReader.read(Self.sample + "/market/btc_dominance.csv")
        guard case let .metrics(m) = f.content else { Issue.record("not metrics"); return }
        #expect(m.map(\.name) == ["btc_dominance_pct"] && m[0].time.count == 2557)
    }

    @Test("reads headlines with quoted commas and newlines")
    func headlines() throws {
        let f = try MarketFileReader.read(Self.sample + "/news/crypto_news_textblob_2021-2022_first400.csv.gz")
        guard case let .headlines(h) = f.content else { Issue.record("not headlines"); return }
        #expect(h.count == 400)
        #expect(h.contains { ($0.extra["text"] ?? "").contains(",") })
        let votes = try MarketFileReader.read(Self.sample + "/news/cryptopanic_votes_2024.csv.gz")
        guard case let .headlines(v) = votes.content else { Issue.record("not headlines"); return }
        #expect(v.count == 729 && v[0].extra["votes_positive"] != nil)
    }

    @Test("resampling 1h to 4h and 1d equals aggregation by hand")
    func resample() throws {
        let f = try MarketFileReader.read(Self.sample + "/hourly/BTCUSDT_1h.csv.gz")
        guard case let .candles(h, _) = f.content else { Issue.record("not candles"); return }
        let d = try Resampler.resample(h, to: .d1)
        #expect(d.count == 17544 / 24)
        // Day 3 by hand: bars 48..<72.
        let k = 2
        let rows = (24 * k)..<(24 * k + 24)
        #expect(d.time[k] == h.time[24 * k])
        #expect(d.open[k] == h.open[rows.lowerBound])
        #expect(d.close[k] == h.close[rows.upperBound - 1])
        #expect(d.high[k] == rows.map { h.high[$0] }.max())
        #expect(d.low[k] == rows.map { h.low[$0] }.min())
        #expect(abs(d.volume[k] - rows.map { h.volume[$0] }.reduce(0, +)) <= 1e-9 * d.volume[k])
        let four = try Resampler.resample(h, to: .h4)
        #expect(four.count == 17544 / 4 && four.high[1] == (4..<8).map { h.high[$0] }.max())
        #expect(throws: Resampler.Failure.self) { try Resampler.resample(d, to: .h4) }
    }

    @Test("a weekly bar starts on Monday 00:00 UTC")
    func weekly() {
        let wed = Timestamp.utc(year: 2024, month: 1, day: 3, hour: 13)
        #expect(Timeframe.w1.barStart(wed) == Timestamp.utc(year: 2024, month: 1, day: 1))
    }
}
