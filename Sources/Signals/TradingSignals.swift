import Foundation
import MarketCore

/// The model's call at one bar: +1 bullish, -1 bearish, 0 neutral, with its probability.
public struct BarSignal: Sendable, Codable, Equatable {
    /// Bar open time (the call is made at the bar's close).
    public var time: Timestamp
    /// +1, -1 or 0; nil while the features warm up.
    public var signal: Int?
    /// Probability of a move up beyond the label threshold; nil while warming up.
    public var probability: Double?
    /// `2 * probability - 1`, in [-1, 1]; nil while warming up.
    public var score: Double?
}

/// A change of signal: entered at the close of the bar at `time`.
public struct SignalEvent: Sendable, Codable, Equatable {
    /// Open time of the bar at whose close the signal changed.
    public var time: Timestamp
    /// The new signal.
    public var signal: Int
    /// Its probability.
    public var probability: Double
    /// The close of that bar.
    public var entryPrice: Double
    /// Price change from entry to the next change (or the last close): `exit / entry - 1`.
    public var priceChange: Double
    /// What following the signal earned: `signal * priceChange` (0 for neutral).
    public var signalReturn: Double
    /// Open time of the bar that ended it (nil: still active).
    public var endedAt: Timestamp?
}

/// A feature's pull on the call: its contribution to the log-odds.
public struct SignalDriver: Sendable, Codable, Equatable {
    /// Feature name (`FeatureSet.names`).
    public var feature: String
    /// The feature's value at the bar.
    public var value: Double
    /// Contribution to the log-odds (> 0 pushes bullish).
    public var contribution: Double
}

/// Following the signals against holding, from the first call to the last bar.
public struct StrategyComparison: Sendable, Codable, Equatable {
    /// Compounded return of holding `signal` (long, short, flat) from each close to the next, minus fees.
    public var signalReturn: Double
    /// Compounded return of holding the token over the same bars.
    public var buyAndHoldReturn: Double
    /// Fee per unit of position change (0.001 = 0.1%).
    public var feeRate: Double
    /// Position changes.
    public var trades: Int
}

/// A token's signals: per bar, the events, the current call and what drove it.
public struct TokenSignals: Sendable, Codable, Equatable {
    /// Token symbol.
    public var symbol: String
    /// Per-bar calls (one per input bar).
    public var bars: [BarSignal]
    /// Signal changes, oldest first.
    public var events: [SignalEvent]
    /// The last bar's call (nil when the series never warms up).
    public var current: BarSignal?
    /// The active event (entry price, date and ROI since then).
    public var active: SignalEvent?
    /// The features that pulled the current call most, largest first.
    public var drivers: [SignalDriver]
    /// Signals against buy-and-hold over the bars after the model's training data (nil when there are none).
    public var strategy: StrategyComparison?
    /// The last bar is older than expected at `asOf` (see `Staleness`).
    public var isStale: Bool
}

/// Whether data is stale: the last bar closed more than two bars (at least one hour) before `asOf`.
public enum Staleness {
    /// True when `asOf - (lastOpen + tf) > max(2 * tf, 1h)`.
    public static func isStale(lastOpen: Timestamp, timeframe tf: Timeframe, asOf: Timestamp) -> Bool {
        asOf.milliseconds - (lastOpen.milliseconds + tf.milliseconds) > max(2 * tf.milliseconds, 3_600_000)
    }
}

/// Turns model probabilities into signals, events, strategy returns and explanations.
public enum SignalEngine {
    /// The signal of a probability: +1 above `0.5 + band`, -1 below `0.5 - band`, else 0.
    public static func signal(probability p: Double, band: Double) -> Int {
        p > 0.5 + band ? 1 : (p < 0.5 - band ? -1 : 0)
    }

    /// Signals of one token from its feature matrix.
    ///
    /// - Parameters:
    ///   - feeRate: charged on every unit of position change in the strategy comparison.
    ///   - asOf: the clock for the staleness flag (injected).
    public static func run(symbol: String, features f: FeatureMatrix, model: SignalModel, timeframe: Timeframe,
                           feeRate: Double = 0.001, asOf: Timestamp, topDrivers: Int = 3) -> TokenSignals {
        var probs = [Double](repeating: .nan, count: f.rows)
        if f.firstComplete < f.rows { for t in f.firstComplete..<f.rows { probs[t] = model.probability(f.row(t)) } }
        // Following the signals is only scored on bars after the model's training data: in-sample returns
        // of a model fitted on those very bars would flatter it (the honest record is `sextant evaluate`).
        return assemble(symbol: symbol, features: f, probabilities: probs, band: model.neutralBand,
                        contributions: { model.contributions(f.row($0)) }, feeRate: feeRate, asOf: asOf,
                        timeframe: timeframe, topDrivers: topDrivers, strategyAfter: model.trainedTo)
    }

    /// Signals from given probabilities (NaN = no call); `contributions(t)` explains bar `t`.
    public static func assemble(symbol: String, features f: FeatureMatrix, probabilities probs: [Double], band: Double,
                                contributions: (Int) -> [Double], feeRate: Double, asOf: Timestamp,
                                timeframe: Timeframe, topDrivers: Int = 3, strategyAfter: Timestamp? = nil) -> TokenSignals {
        var bars: [BarSignal] = []
        bars.reserveCapacity(f.rows)
        var events: [SignalEvent] = []
        var previous: Int? = nil
        var growth = 1.0, position = 0, trades = 0, firstCall: Int? = nil
        for t in 0..<f.rows {
            let p = probs[t]
            guard p.isFinite else {
                bars.append(BarSignal(time: f.time[t], signal: nil, probability: nil, score: nil))
                continue
            }
            let s = signal(probability: p, band: band)
            bars.append(BarSignal(time: f.time[t], signal: s, probability: p, score: 2 * p - 1))
            let scored = strategyAfter.map { f.time[t] > $0 } ?? true
            if firstCall == nil && scored { firstCall = t }
            if s != previous {
                if !events.isEmpty { events[events.count - 1].endedAt = f.time[t] }
                events.append(SignalEvent(time: f.time[t], signal: s, probability: p, entryPrice: f.close[t],
                                          priceChange: 0, signalReturn: 0, endedAt: nil))
                previous = s
            }
            // Strategy: the position taken at this close earns the next bar's return.
            guard scored else { continue }
            if s != position { growth *= max(0, 1 - feeRate * Double(abs(s - position))); trades += 1; position = s }
            if t + 1 < f.rows { growth *= max(0, 1 + Double(position) * (f.close[t + 1] / f.close[t] - 1)) }
        }
        // Price change of each event to its end (or the last close).
        for k in events.indices {
            let end = events[k].endedAt.flatMap { e in f.time.firstIndex(of: e) } ?? (f.rows - 1)
            let change = f.close[end] / events[k].entryPrice - 1
            events[k].priceChange = change
            events[k].signalReturn = Double(events[k].signal) * change
        }
        var drivers: [SignalDriver] = []
        let last = f.rows - 1
        if last >= 0, probs[last].isFinite {
            let c = contributions(last)
            drivers = c.indices.sorted { abs(c[$0]) > abs(c[$1]) || (abs(c[$0]) == abs(c[$1]) && $0 < $1) }
                .prefix(topDrivers).map { SignalDriver(feature: f.names[$0], value: f.values[last * f.width + $0], contribution: c[$0]) }
        }
        let strategy = firstCall.map { start in
            StrategyComparison(signalReturn: growth - 1, buyAndHoldReturn: f.close[last] / f.close[start] - 1,
                               feeRate: feeRate, trades: trades)
        }
        let stale = f.rows > 0 ? Staleness.isStale(lastOpen: f.time[last], timeframe: timeframe, asOf: asOf) : true
        return TokenSignals(symbol: symbol, bars: bars, events: events, current: bars.last.flatMap { $0.signal == nil ? nil : $0 },
                            active: events.last, drivers: drivers, strategy: strategy, isStale: stale)
    }
}
