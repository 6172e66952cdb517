import MarketData
import Signals

/// One token's current signal, as `sextant signals --format json` prints it (the CLI's row; the API's richer row
/// is `TradingSignalRow`).
public struct CurrentSignalRow: Encodable, Sendable, Equatable {
    public var symbol: String
    public var timeframe: String
    /// ISO-8601 open time of the last bar used.
    public var time: String?
    /// +1 bullish, -1 bearish, 0 neutral; nil while warming up or without a model.
    public var signal: Int?
    /// P(up) of the last bar's call.
    public var probability: Double?
    /// Open time of the bar whose close entered the active signal.
    public var since: String?
    public var entryPrice: Double?
    /// `entry · (1 + roiSinceSignal)`: the last close.
    public var lastPrice: Double?
    /// `last / entry - 1` (a fraction).
    public var roiSinceSignal: Double?
    /// `signal · roiSinceSignal`.
    public var signalReturn: Double?
    /// Following the signals vs holding, over the bars after the model's training data.
    public var strategyReturn: Double?
    public var buyAndHoldReturn: Double?
    /// The features that pulled the call most, as `name+` / `name-`.
    public var drivers: [String]
    public var stale: Bool
    /// Why there is no signal ("warming up", "no 1d model ...").
    public var note: String?

    /// The row of one report.
    public init(_ r: TokenReport) {
        symbol = r.symbol
        timeframe = r.timeframe.rawValue
        time = r.lastBar?.iso8601
        stale = r.isStale
        let s = r.signals
        signal = s?.current?.signal
        probability = s?.current?.probability
        since = s?.active?.time.iso8601
        entryPrice = s?.active?.entryPrice
        lastPrice = s?.active.map { $0.entryPrice * (1 + $0.priceChange) }
        roiSinceSignal = s?.active?.priceChange
        signalReturn = s?.active?.signalReturn
        strategyReturn = s?.strategy?.signalReturn
        buyAndHoldReturn = s?.strategy?.buyAndHoldReturn
        drivers = s?.drivers.map { "\($0.feature)\($0.contribution >= 0 ? "+" : "-")" } ?? []
        note = s == nil ? (r.notes.first ?? "no model") : (s?.current == nil ? "warming up" : nil)
    }
}

/// One token's grades, as `sextant grades --format json` prints them.
public struct GradeRow: Encodable, Sendable, Equatable {
    public var symbol: String
    public var timeframe: String
    public var lastBar: String?
    public var traderGrade: Double?
    public var investorGrade: Double?
    /// Sub-grade scores (0-100) of both grades by name.
    public var subGrades: [String: Double]
    public var subGradeDetails: [String: String]
    public var traderExplanation: String
    public var investorExplanation: String
    /// Performance figures (fractions; risk score 0-100).
    public var riskScore, predictedVolatility, roi24h, roi7d, roi30d, roi90d, roiYtd, roiSinceListing, maxDrawdown: Double?
    public var roiRank, riskRank: Int?
    public var stale: Bool
    public var notes: [String]

    /// The row of one report.
    public init(_ r: TokenReport) {
        symbol = r.symbol
        timeframe = r.timeframe.rawValue
        lastBar = r.lastBar?.iso8601
        stale = r.isStale
        subGrades = [:]
        subGradeDetails = [:]
        for g in [r.trader.grade, r.investor.grade].compactMap({ $0 }) {
            for s in g.subGrades { subGrades[s.name] = s.score; subGradeDetails[s.name] = s.detail }
        }
        traderGrade = r.trader.grade?.value
        investorGrade = r.investor.grade?.value
        traderExplanation = GradeKind.explanation(r.trader)
        investorExplanation = GradeKind.explanation(r.investor)
        notes = [traderExplanation, investorExplanation] + r.notes
        let p = r.performance
        riskScore = p?.riskScore; predictedVolatility = p?.predictedVolatility; maxDrawdown = p?.maxDrawdown
        roi24h = p?.roi24h; roi7d = p?.roi7d; roi30d = p?.roi30d; roi90d = p?.roi90d; roiYtd = p?.roiYearToDate
        roiSinceListing = p?.roiSinceListing
        roiRank = r.roiRank; riskRank = r.riskRank
    }
}

/// The direction of a signal, as the API names it.
public enum SignalDirection: String, Sendable, Codable, CaseIterable {
    case bullish, bearish, neutral

    /// +1 bullish, -1 bearish, 0 neutral; nil for no signal.
    public init?(signal: Int?) {
        guard let signal else { return nil }
        self = signal > 0 ? .bullish : (signal < 0 ? .bearish : .neutral)
    }
}

/// Which of the two grades.
public enum GradeKind: String, Sendable, Codable, CaseIterable {
    case trader, investor

    /// The grade of this kind in a report.
    public func outcome(_ r: TokenReport) -> GradeOutcome { self == .trader ? r.trader : r.investor }

    /// The grade's explanation, or why there is none.
    public static func explanation(_ o: GradeOutcome) -> String {
        switch o { case .graded(let g): g.explanation; case .unavailable(let why): why }
    }
}

/// One token's current signal in API listings and the market page: the call, its entry and ROI since then,
/// what drove it, and the token's grades and returns (every ratio is a fraction: 0.05 = 5%).
public struct TradingSignalRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    /// Primary sector from the bundled taxonomy.
    public var sector: String?
    /// Timeframe of the signal bars.
    public var timeframe: String
    /// ISO-8601 open time of the last bar used.
    public var lastBar: String?
    /// +1 bullish, -1 bearish, 0 neutral; nil while warming up or without a model.
    public var signal: Int?
    /// `bullish`, `bearish` or `neutral` (nil with `signal`).
    public var signalType: String?
    /// P(up) of the last bar's call.
    public var probability: Double?
    /// `2 · probability − 1`, in [-1, 1].
    public var score: Double?
    /// ISO-8601 open time of the bar at whose close the active signal began, and that bar's close.
    public var entryTime: String?
    public var entryPrice: Double?
    /// The last close.
    public var lastPrice: Double?
    /// `last / entry − 1`.
    public var roiSinceSignal: Double?
    /// `signal · roiSinceSignal`: what following the active signal earned.
    public var signalReturn: Double?
    /// Following every signal vs holding, over the bars after the model's training data (after fees).
    public var strategyReturn: Double?
    public var buyAndHoldReturn: Double?
    /// The features that pulled the call most, largest first (contribution to the log-odds; > 0 bullish).
    public var drivers: [SignalDriver]
    /// Trader and Investor Grade (0-100).
    public var traderGrade: Double?
    public var investorGrade: Double?
    /// Returns of the signal bars over 24 hours, 7 and 30 days.
    public var roi24h: Double?
    public var roi7d: Double?
    public var roi30d: Double?
    /// The last bar is older than expected at the as-of time.
    public var stale: Bool
    /// Why there is no signal.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case symbol, name, sector, timeframe, lastBar, signal, signalType, probability, score, entryTime, entryPrice, lastPrice
        case roiSinceSignal, signalReturn, strategyReturn, buyAndHoldReturn, drivers, traderGrade, investorGrade, stale, note
        case roi24h = "roi_24h", roi7d = "roi_7d", roi30d = "roi_30d"
    }

    /// The row of one report, with the token's name and sector.
    public init(_ r: TokenReport, name: String?, sector: String?) {
        let cli = CurrentSignalRow(r)
        symbol = r.symbol
        self.name = name
        self.sector = sector
        timeframe = cli.timeframe
        lastBar = cli.time
        signal = cli.signal
        signalType = SignalDirection(signal: cli.signal)?.rawValue
        probability = finiteOrNil(cli.probability)
        score = r.signals?.current?.score
        entryTime = cli.since
        entryPrice = cli.entryPrice
        lastPrice = cli.lastPrice
        roiSinceSignal = finiteOrNil(cli.roiSinceSignal)
        signalReturn = finiteOrNil(cli.signalReturn)
        strategyReturn = finiteOrNil(cli.strategyReturn)
        buyAndHoldReturn = finiteOrNil(cli.buyAndHoldReturn)
        drivers = (r.signals?.drivers ?? []).filter { $0.value.isFinite && $0.contribution.isFinite }
        traderGrade = r.trader.grade?.value
        investorGrade = r.investor.grade?.value
        roi24h = finiteOrNil(r.performance?.roi24h)
        roi7d = finiteOrNil(r.performance?.roi7d)
        roi30d = finiteOrNil(r.performance?.roi30d)
        stale = r.isStale
        note = cli.note
    }
}

/// A signal change with what followed it (every ratio a fraction).
public struct SignalHistoryRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var timeframe: String
    /// ISO-8601 open time of the bar at whose close the signal changed, and that close.
    public var entryTime: String
    public var entryPrice: Double
    /// +1, -1 or 0, and its name.
    public var signal: Int
    public var signalType: String
    public var probability: Double
    /// `2 · probability − 1`.
    public var score: Double
    /// Open time of the bar of the next change (nil while active).
    public var endTime: String?
    /// Price change from entry to the next change, or to the last close while active.
    public var roiSinceSignal: Double
    /// `signal · roiSinceSignal`.
    public var signalReturn: Double
    public var active: Bool
    /// The call falls inside the model's training data (so it is not an out-of-sample result).
    public var inSample: Bool
}

/// One token's Trader or Investor Grade with its sub-grades and explanation.
public struct GradeListRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    public var sector: String?
    /// Timeframe of the bars graded (the Investor Grade always uses daily bars).
    public var timeframe: String
    public var lastBar: String?
    /// `trader` or `investor`.
    public var kind: String
    /// 0-100; nil when the token cannot be graded (see `explanation`).
    public var grade: Double?
    /// The other grade, for comparison.
    public var otherGrade: Double?
    /// Each sub-grade: name, score (0-100), weight and what it measured.
    public var subGrades: [SubGrade]
    /// Which sub-grades pulled the grade up or down most.
    public var pulledUp: [String]
    public var pulledDown: [String]
    /// The grade in words, or why there is none.
    public var explanation: String
    public var stale: Bool

    /// The row of one report.
    public init(_ r: TokenReport, kind: GradeKind, name: String?, sector: String?) {
        symbol = r.symbol
        self.name = name
        self.sector = sector
        timeframe = kind == .investor ? Timeframe.d1.rawValue : r.timeframe.rawValue
        lastBar = r.lastBar?.iso8601
        self.kind = kind.rawValue
        let g = kind.outcome(r).grade
        grade = g?.value
        otherGrade = (kind == .trader ? r.investor : r.trader).grade?.value
        subGrades = g?.subGrades ?? []
        pulledUp = g?.pulledUp ?? []
        pulledDown = g?.pulledDown ?? []
        explanation = GradeKind.explanation(kind.outcome(r))
        stale = r.isStale
    }
}

/// One token's returns over the standard windows, predicted volatility and ranks (fractions).
public struct PerformanceRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    public var sector: String?
    public var timeframe: String
    public var lastBar: String?
    public var roi24h, roi7d, roi30d, roi90d: Double?
    /// Since the last close of the previous calendar year (UTC).
    public var roiYtd: Double?
    /// Since the first stored bar.
    public var roiSinceListing: Double?
    /// Predicted annualised volatility over the next 30 days: the GARCH(1,1) forecast, or the EWMA fallback
    /// (see `volatilityModel`).
    public var predictedVolatility: Double?
    /// Which model gave `predictedVolatility`: `garch11`, or `ewma` when GARCH could not be used.
    public var volatilityModel: String?
    /// Why the EWMA fallback was used (nil with GARCH).
    public var volatilityNote: String?
    /// Maximum drawdown over the last 365 days (a positive fraction).
    public var maxDrawdown: Double?
    /// Rank by 30-day ROI (1 = best) among the stored tokens.
    public var roiRank: Int?
    public var stale: Bool

    enum CodingKeys: String, CodingKey {
        case symbol, name, sector, timeframe, lastBar, roiYtd, roiSinceListing, predictedVolatility, maxDrawdown, roiRank, stale
        case volatilityModel, volatilityNote
        case roi24h = "roi_24h", roi7d = "roi_7d", roi30d = "roi_30d", roi90d = "roi_90d"
    }

    /// The row of one report.
    public init(_ r: TokenReport, name: String?, sector: String?) {
        symbol = r.symbol
        self.name = name
        self.sector = sector
        timeframe = r.timeframe.rawValue
        lastBar = r.lastBar?.iso8601
        let p = r.performance
        roi24h = finiteOrNil(p?.roi24h); roi7d = finiteOrNil(p?.roi7d); roi30d = finiteOrNil(p?.roi30d); roi90d = finiteOrNil(p?.roi90d)
        roiYtd = finiteOrNil(p?.roiYearToDate); roiSinceListing = finiteOrNil(p?.roiSinceListing)
        predictedVolatility = finiteOrNil(p?.predictedVolatility); maxDrawdown = finiteOrNil(p?.maxDrawdown)
        volatilityModel = p?.volatilityModel.rawValue; volatilityNote = p?.volatilityNote
        roiRank = r.roiRank
        stale = r.isStale
    }
}

/// One token's risk score (0-100, higher is riskier) and the figures behind it.
public struct RiskScoreRow: Sendable, Codable, Equatable {
    public var symbol: String
    public var name: String?
    public var sector: String?
    public var timeframe: String
    public var lastBar: String?
    /// `0.35 ramp(vol) + 0.25 maxDD + 0.20 (100 − liquidity) + 0.20 ramp(tail loss)` (see `Performance`).
    public var riskScore: Double?
    /// Rank by risk score (1 = least risky).
    public var riskRank: Int?
    /// Predicted annualised volatility over the next 30 days (GARCH(1,1), or the EWMA fallback).
    public var predictedVolatility: Double?
    /// `garch11`, or `ewma` when GARCH could not be used.
    public var volatilityModel: String?
    /// Why the EWMA fallback was used (nil with GARCH).
    public var volatilityNote: String?
    public var maxDrawdown: Double?
    /// Expected shortfall of daily log returns at 5%, last 365 days (a positive loss).
    public var tailLoss: Double?
    public var stale: Bool

    /// The row of one report.
    public init(_ r: TokenReport, name: String?, sector: String?) {
        symbol = r.symbol
        self.name = name
        self.sector = sector
        timeframe = r.timeframe.rawValue
        lastBar = r.lastBar?.iso8601
        let p = r.performance
        riskScore = finiteOrNil(p?.riskScore)
        riskRank = r.riskRank
        predictedVolatility = finiteOrNil(p?.predictedVolatility)
        volatilityModel = p?.volatilityModel.rawValue
        volatilityNote = p?.volatilityNote
        maxDrawdown = finiteOrNil(p?.maxDrawdown)
        tailLoss = finiteOrNil(p?.tailLoss)
        stale = r.isStale
    }
}

/// nil for nil, NaN and infinities, so JSON carries null rather than an invalid number.
@inline(__always) func finiteOrNil(_ x: Double?) -> Double? {
    guard let x, x.isFinite else { return nil }
    return x
}
