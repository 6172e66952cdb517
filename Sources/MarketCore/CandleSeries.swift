/// OHLCV bars of one asset and timeframe as a struct of arrays: contiguous `[Double]` columns,
/// the layout indicators and backtests read fastest.
///
/// Invariant: all columns have the same count; `time` is strictly increasing (checked by `MarketData`).
public struct CandleSeries: Sendable, Equatable {
    public var symbol: String
    public var timeframe: Timeframe
    /// Bar open times.
    public var time: [Timestamp]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var volume: [Double]

    public init(symbol: String, timeframe: Timeframe, time: [Timestamp] = [], open: [Double] = [],
                high: [Double] = [], low: [Double] = [], close: [Double] = [], volume: [Double] = []) {
        self.symbol = symbol
        self.timeframe = timeframe
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    public var count: Int { time.count }
    public var isEmpty: Bool { time.isEmpty }

    public mutating func reserveCapacity(_ n: Int) {
        time.reserveCapacity(n); open.reserveCapacity(n); high.reserveCapacity(n)
        low.reserveCapacity(n); close.reserveCapacity(n); volume.reserveCapacity(n)
    }

    public mutating func append(_ c: Candle) {
        time.append(c.time); open.append(c.open); high.append(c.high)
        low.append(c.low); close.append(c.close); volume.append(c.volume)
    }

    public subscript(i: Int) -> Candle {
        Candle(time: time[i], open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i])
    }

    /// The bars with `from <= time <= to`.
    public func slice(from: Timestamp? = nil, to: Timestamp? = nil) -> CandleSeries {
        let lo = from.map { f in time.partitioningIndex { $0 >= f } } ?? 0
        let hi = to.map { t in time.partitioningIndex { $0 > t } } ?? count
        return CandleSeries(symbol: symbol, timeframe: timeframe, time: Array(time[lo..<max(lo, hi)]),
                            open: Array(open[lo..<max(lo, hi)]), high: Array(high[lo..<max(lo, hi)]),
                            low: Array(low[lo..<max(lo, hi)]), close: Array(close[lo..<max(lo, hi)]),
                            volume: Array(volume[lo..<max(lo, hi)]))
    }
}

/// One OHLCV bar.
public struct Candle: Sendable, Equatable, Codable {
    public var time: Timestamp
    public var open, high, low, close, volume: Double

    public init(time: Timestamp, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}

extension RandomAccessCollection {
    /// The first index whose element satisfies `belongs` (which must be false then true along the collection).
    /// Complexity: O(log n).
    public func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var lo = startIndex
        var n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if belongs(self[mid]) { n = half } else { lo = index(after: mid); n -= half + 1 }
        }
        return lo
    }
}
