import MarketCore

/// Runs strategies over a `CandleSeries`, bar by bar.
///
/// Each bar `i` is processed in this order:
/// 1. **Funding**: every funding time in `(time[i-1], time[i]]` is settled at `open[i]` on the position held
///    coming into the bar: `direction * quantity * open[i] * rate` is paid (a long pays a positive rate) out of
///    the isolated margin, which moves the liquidation price. Funding inside a bar that a position leaves in the
///    same bar is not charged.
/// 2. **Orders** decided at the close of bar `i-1` fill at `open[i]` (slippage against the trader, commission on
///    the fill's notional). A reversal closes and reopens at the same price.
/// 3. **Inside the bar**: liquidation and stop-loss are checked against the low (long) or high (short), the
///    take-profit against the other extreme. When an adverse exit and the take-profit could both trigger in one
///    bar, **the adverse exit is assumed first** (counted in `ambiguousIntrabarBars`). A stop fills at its price
///    or at the open when the bar gaps through it; a liquidation fills at the liquidation price, without
///    slippage, even when the bar gaps through it.
/// 4. **End of data** (last bar): an open position is closed by `EndOfDataPolicy`.
/// 5. **Decision** at the close of bar `i` (not on the last bar): queued for `open[i+1]`, or filled at
///    `close[i]` with `FillTiming.sameClose`.
/// 6. **Equity** is marked to `close[i]`: cash + margin + unrealised PnL.
///
/// Sizing: each entry commits `positionFraction` of the cash, commission included: notional
/// `N = cash * f * L / (1 + commission * L)`, margin `N / L`, quantity `N / price`. With `f = 1`, `L = 1` this is
/// "all equity, fractional units", the reference rule. Isolated margin: a position never gives back less than zero.
///
/// Complexity: O(n) per run, no allocation per bar (the equity curve is allocated once and written in place).
public enum Backtester {
    /// Runs `strategy` over `series`.
    /// - Parameters:
    ///   - funding: funding payments of the instrument (any order; the symbol is not checked).
    /// - Throws: `BacktestError` for an invalid configuration, an invalid series or a strategy that cannot
    ///   prepare (bad parameters, a missing indicator).
    public static func run<S: Strategy>(_ strategy: S, on series: CandleSeries,
                                        configuration: BacktestConfiguration = BacktestConfiguration(),
                                        funding: [FundingRate] = []) throws(BacktestError) -> BacktestResult {
        try configuration.validate()
        try validate(series)
        var prepared = strategy
        try prepared.prepare(for: series)
        return simulate(&prepared, on: series, configuration: configuration, funding: funding, gaps: series.gaps())
    }

    /// Runs a strategy from `StrategyCatalog` by name.
    /// - Throws: `BacktestError.unknownStrategy`, `.unknownParameter`, `.invalidParameter`, and those of `run`.
    public static func run(strategyNamed name: String, parameters: [String: Double] = [:], signals: [SignalRow] = [],
                           on series: CandleSeries, configuration: BacktestConfiguration = BacktestConfiguration(),
                           funding: [FundingRate] = []) throws(BacktestError) -> BacktestResult {
        let strategy = try StrategyCatalog.make(name, parameters: parameters, signals: signals)
        return try run(strategy, on: series, configuration: configuration, funding: funding)
    }

    /// Checks that the series can be traded: equal column lengths, finite positive prices, low <= high.
    /// - Throws: `BacktestError.invalidSeries` naming the first bad row (0-based).
    public static func validate(_ series: CandleSeries) throws(BacktestError) {
        let n = series.count
        guard series.open.count == n, series.high.count == n, series.low.count == n, series.close.count == n else {
            throw .invalidSeries("the time, open, high, low and close columns have different lengths")
        }
        for i in 0..<n {
            let o = series.open[i], h = series.high[i], l = series.low[i], c = series.close[i]
            guard o.isFinite, h.isFinite, l.isFinite, c.isFinite, o > 0, h > 0, l > 0, c > 0 else {
                throw .invalidSeries("row \(i) has a missing, zero or negative price (prices must be positive)")
            }
            guard l <= h else { throw .invalidSeries("row \(i) has low \(l) above high \(h)") }
            if i > 0 && series.time[i] <= series.time[i - 1] {
                throw .invalidSeries("row \(i) is not later than row \(i - 1) (times must increase)")
            }
        }
    }

    /// The bar loop, for a validated configuration and series and a prepared strategy.
    static func simulate<S: Strategy>(_ strategy: inout S, on series: CandleSeries, configuration: BacktestConfiguration,
                                      funding: [FundingRate], gaps: [Gap]) -> BacktestResult {
        var engine = Engine(configuration: configuration)
        let schedule = funding.sorted { $0.time < $1.time }
        var nextFunding = 0
        let n = series.count
        let lastBar = n - 1
        var pending = StrategyAction.hold
        let sameClose = configuration.fill == .sameClose
        let closeAtLastOpen = configuration.endOfData == .closeAtLastOpen
        // The curve is written in place, one value per bar: no allocation or uniqueness check inside the loop.
        let equity = [Double](unsafeUninitializedCapacity: n) { curve, initialized in
            series.open.withUnsafeBufferPointer { opens in
                series.close.withUnsafeBufferPointer { closes in
                    for i in 0..<n {
                        let open = opens[i]
                        engine.barTouched = engine.isHolding

                        // 1. Funding settled at this bar's open.
                        while nextFunding < schedule.count && schedule[nextFunding].time <= series.time[i] {
                            if i > 0 && schedule[nextFunding].time > series.time[i - 1] {
                                engine.settleFunding(rate: schedule[nextFunding].rate, markPrice: open)
                            }
                            nextFunding += 1
                        }
                        // 2. Orders from the previous close.
                        if pending != .hold {
                            engine.execute(pending, price: open, bar: i, time: series.time[i])
                            pending = .hold
                        }
                        // 3. Stops, take-profits and liquidation inside the bar.
                        if engine.hasIntrabarExits {
                            engine.checkInsideBar(open: open, high: series.high[i], low: series.low[i], bar: i,
                                                  time: series.time[i])
                        }
                        // 4 and 5. End of data, or the decision at this close.
                        if i == lastBar {
                            if engine.isHolding {
                                let price = closeAtLastOpen ? open : closes[i]
                                engine.close(at: price, bar: i, time: series.time[i], reason: .endOfData, slippage: true)
                            }
                        } else {
                            let action = engine.allowed(strategy.action(at: i, series: series, position: engine.side))
                            if sameClose {
                                engine.execute(action, price: closes[i], bar: i, time: series.time[i])
                            } else {
                                pending = action
                            }
                        }
                        // 6. Mark to the close.
                        curve[i] = engine.markToClose(closes[i])
                        initialized = i + 1
                    }
                }
            }
        }
        let metrics = BacktestMetrics(initialCash: configuration.initialCash, equity: equity,
                                      trades: engine.trades, barsInMarket: engine.barsInMarket, series: series)
        return BacktestResult(strategy: strategy.name, parameters: strategy.parameters, configuration: configuration,
                              metrics: metrics, trades: engine.trades, equity: equity,
                              barsInMarket: engine.barsInMarket, gaps: gaps,
                              ambiguousIntrabarBars: engine.ambiguousBars)
    }
}

/// The mutable account of one run: cash, the open position, closed trades and the equity curve.
struct Engine {
    let configuration: BacktestConfiguration
    let commission: Double
    let leverage: Double
    var cash: Double
    var position: OpenPosition?
    var trades: [Trade] = []
    var barsInMarket = 0
    var barTouched = false
    var ambiguousBars = 0
    /// The open position's marking terms, kept as scalars for the per-bar mark (direction 0 when flat).
    var markDirection = 0.0
    var markQuantity = 0.0
    var markEntry = 0.0
    var markMargin = 0.0
    /// Whether the open position has a liquidation, stop or take-profit price to check inside each bar.
    var hasIntrabarExits = false

    init(configuration: BacktestConfiguration) {
        self.configuration = configuration
        commission = configuration.commission
        leverage = configuration.leverage
        cash = configuration.initialCash
    }

    /// Whether a position is open.
    @inline(__always) var isHolding: Bool { markDirection != 0 }

    /// The open position's side, nil when flat.
    @inline(__always) var side: PositionSide? { markDirection > 0 ? .long : markDirection < 0 ? .short : nil }

    /// Maps an action onto the sides this run may trade.
    @inline(__always)
    func allowed(_ action: StrategyAction) -> StrategyAction {
        switch (configuration.side, action) {
        case (.long, .enterShort), (.short, .enterLong): return .exit
        default: return action
        }
    }

    mutating func execute(_ action: StrategyAction, price: Double, bar: Int, time: Timestamp) {
        switch action {
        case .hold:
            return
        case .exit:
            if position != nil { close(at: price, bar: bar, time: time, reason: .signal, slippage: true) }
        case .enterLong, .enterShort:
            let side: PositionSide = action == .enterLong ? .long : .short
            if let p = position {
                if p.side == side { return }
                close(at: price, bar: bar, time: time, reason: .signal, slippage: true)
            }
            open(side, at: price, bar: bar, time: time)
        }
    }

    mutating func open(_ side: PositionSide, at rawPrice: Double, bar: Int, time: Timestamp) {
        let price = configuration.slippage.fillPrice(rawPrice, isBuy: side == .long)
        let budget = cash * configuration.positionFraction
        guard budget > 0, price > 0, price.isFinite else { return }
        // Margin plus commission spend the budget: N / L + c * N = budget.
        let notional = budget * leverage / (1 + commission * leverage)
        let margin = notional / leverage
        let fee = commission * notional
        cash -= margin + fee
        var p = OpenPosition(side: side, quantity: notional / price, entryPrice: price, entryBar: bar, entryTime: time,
                             initialMargin: margin, margin: margin, entryFee: fee)
        p.updateLiquidationPrice(maintenanceMarginRate: configuration.maintenanceMarginRate)
        let d = side.direction
        if let s = configuration.stopLoss { p.stopPrice = price * (1 - d * s) }
        if let t = configuration.takeProfit { p.takeProfitPrice = price * (1 + d * t) }
        setPosition(p)
        barTouched = true
    }

    mutating func setPosition(_ p: OpenPosition?) {
        position = p
        markDirection = p?.side.direction ?? 0
        markQuantity = p?.quantity ?? 0
        markEntry = p?.entryPrice ?? 0
        markMargin = p?.margin ?? 0
        hasIntrabarExits = p.map { !($0.liquidationPrice.isNaN && $0.stopPrice.isNaN && $0.takeProfitPrice.isNaN) } ?? false
    }

    mutating func close(at rawPrice: Double, bar: Int, time: Timestamp, reason: ExitReason, slippage: Bool) {
        guard let p = position else { return }
        let price = slippage ? configuration.slippage.fillPrice(rawPrice, isBuy: p.side == .short) : rawPrice
        let d = p.side.direction
        let fee = commission * p.quantity * price
        let pricePnL = d * p.quantity * (price - p.entryPrice)
        // Isolated margin: the position's loss is capped at its margin.
        cash += max(0, p.margin + pricePnL - fee)
        let fees = p.entryFee + fee
        let pnl = max(-(p.initialMargin + p.entryFee), pricePnL - fees - p.funding)
        // The reference's per-trade return: on the entry notional, after commission on both fills.
        let returnPct = 100 * (d * (price - p.entryPrice) / p.entryPrice - commission * (p.entryPrice + price) / p.entryPrice)
        trades.append(Trade(entryBar: p.entryBar, exitBar: bar, side: p.side, entryTime: p.entryTime, exitTime: time,
                            entryPrice: p.entryPrice, exitPrice: price, quantity: p.quantity, margin: p.initialMargin,
                            fees: fees, funding: p.funding, pnl: pnl, returnPct: returnPct,
                            returnOnMarginPct: 100 * pnl / p.initialMargin, exitReason: reason))
        setPosition(nil)
    }

    mutating func settleFunding(rate: Double, markPrice: Double) {
        guard var p = position, rate.isFinite else { return }
        let paid = p.side.direction * p.quantity * markPrice * rate
        p.funding += paid
        p.margin -= paid
        p.updateLiquidationPrice(maintenanceMarginRate: configuration.maintenanceMarginRate)
        setPosition(p)
    }

    /// Liquidation, stop-loss and take-profit inside one bar; adverse exits first.
    mutating func checkInsideBar(open: Double, high: Double, low: Double, bar: Int, time: Timestamp) {
        guard let p = position else { return }
        let liq = p.liquidationPrice, stop = p.stopPrice, target = p.takeProfitPrice
        if p.side == .long {
            let liqHit = !liq.isNaN && low <= liq
            let stopHit = !stop.isNaN && low <= stop
            let targetHit = !target.isNaN && high >= target
            if liqHit || stopHit {
                if targetHit { ambiguousBars += 1 }
                // Falling from the open, the higher of the two trigger prices is met first.
                if stopHit && !(liqHit && (liq >= stop || open <= liq)) {
                    close(at: min(open, stop), bar: bar, time: time, reason: .stopLoss, slippage: true)
                } else {
                    close(at: liq, bar: bar, time: time, reason: .liquidation, slippage: false)
                }
            } else if targetHit {
                close(at: max(open, target), bar: bar, time: time, reason: .takeProfit, slippage: true)
            }
        } else {
            let liqHit = !liq.isNaN && high >= liq
            let stopHit = !stop.isNaN && high >= stop
            let targetHit = !target.isNaN && low <= target
            if liqHit || stopHit {
                if targetHit { ambiguousBars += 1 }
                // Rising from the open, the lower of the two trigger prices is met first.
                if stopHit && !(liqHit && (liq <= stop || open >= liq)) {
                    close(at: max(open, stop), bar: bar, time: time, reason: .stopLoss, slippage: true)
                } else {
                    close(at: liq, bar: bar, time: time, reason: .liquidation, slippage: false)
                }
            } else if targetHit {
                close(at: min(open, target), bar: bar, time: time, reason: .takeProfit, slippage: true)
            }
        }
    }

    /// The equity at `close`; counts the bar as in the market when a position was held at some moment.
    @inline(__always)
    mutating func markToClose(_ close: Double) -> Double {
        let held = markDirection != 0
        if barTouched || held { barsInMarket += 1 }
        return held ? cash + max(0, markMargin + markDirection * markQuantity * (close - markEntry)) : cash
    }
}
