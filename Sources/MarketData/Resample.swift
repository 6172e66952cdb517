/// Aggregation of bars to a coarser timeframe on UTC boundaries.
public enum Resampler {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notCoarser(from: Timeframe, to: Timeframe)
        public var description: String {
            switch self {
            case let .notCoarser(f, t): "cannot resample \(f.rawValue) bars to \(t.rawValue): the target must be a coarser timeframe that \(f.rawValue) divides"
            }
        }
    }

    /// Groups bars by the target bar that contains their open time: open of the first, max of highs, min of lows,
    /// close of the last, sum of volumes. A target bar is emitted when any source bar falls in it (gaps stay
    /// gaps: nothing is filled), and it is stamped with the target bar's open time.
    /// Complexity: O(n).
    public static func resample(_ s: CandleSeries, to target: Timeframe) throws(Failure) -> CandleSeries {
        guard target > s.timeframe, target.milliseconds % s.timeframe.milliseconds == 0 else {
            throw .notCoarser(from: s.timeframe, to: target)
        }
        var out = CandleSeries(symbol: s.symbol, timeframe: target)
        var i = 0
        while i < s.count {
            let bucket = target.barStart(s.time[i])
            var h = s.high[i], l = s.low[i], v = s.volume[i]
            let o = s.open[i]
            var c = s.close[i]
            var j = i + 1
            while j < s.count && target.barStart(s.time[j]) == bucket {
                h = max(h, s.high[j]); l = min(l, s.low[j]); v += s.volume[j]; c = s.close[j]
                j += 1
            }
            out.append(Candle(time: bucket, open: o, high: h, low: l, close: c, volume: v))
            i = j
        }
        return out
    }
}
