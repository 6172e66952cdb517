/// Daily market capitalisation (USD) of one asset.
public struct MarketCapSeries: Sendable, Equatable {
    public var symbol: String
    public var time: [Timestamp]
    public var marketCap: [Double]

    public init(symbol: String, time: [Timestamp] = [], marketCap: [Double] = []) {
        self.symbol = symbol
        self.time = time
        self.marketCap = marketCap
    }
}

/// One perpetual-futures funding payment: the rate is a fraction of the position notional per funding interval.
public struct FundingRate: Sendable, Equatable, Codable {
    public var symbol: String
    public var time: Timestamp
    public var rate: Double

    public init(symbol: String, time: Timestamp, rate: Double) {
        self.symbol = symbol
        self.time = time
        self.rate = rate
    }
}

/// A news headline.
public struct Headline: Sendable, Equatable, Codable {
    public var time: Timestamp
    public var title: String
    public var source: String?
    public var url: String?
    /// Free-form extra fields kept from the source (votes, labels, summary), by column name.
    public var extra: [String: String]

    public init(time: Timestamp, title: String, source: String? = nil, url: String? = nil, extra: [String: String] = [:]) {
        self.time = time
        self.title = title
        self.source = source
        self.url = url
        self.extra = extra
    }
}

/// A daily market-wide series such as BTC dominance, total market cap or the Fear & Greed index.
public struct MarketMetricSeries: Sendable, Equatable {
    public var name: String
    public var time: [Timestamp]
    public var value: [Double]

    public init(name: String, time: [Timestamp] = [], value: [Double] = []) {
        self.name = name
        self.time = time
        self.value = value
    }
}

/// A hole in a bar series: bars expected between `after` and `before` that are absent.
public struct Gap: Sendable, Equatable, Codable {
    /// Open time of the last bar before the gap.
    public var after: Timestamp
    /// Open time of the first bar after the gap.
    public var before: Timestamp
    /// Number of missing bars.
    public var missingBars: Int

    public init(after: Timestamp, before: Timestamp, missingBars: Int) {
        self.after = after
        self.before = before
        self.missingBars = missingBars
    }
}

extension CandleSeries {
    /// Holes where consecutive bars are more than one timeframe apart. Nothing is filled.
    /// Complexity: O(n).
    public func gaps() -> [Gap] {
        let step = timeframe.milliseconds
        var out: [Gap] = []
        guard count > 1 else { return out }
        for i in 1..<count {
            let d = time[i].milliseconds - time[i - 1].milliseconds
            if d > step {
                out.append(Gap(after: time[i - 1], before: time[i], missingBars: Int(d / step) - 1))
            }
        }
        return out
    }
}
