import ArgumentParser
import MarketData
import Risk
import SextantServices

/// `sextant risk SYMBOL`: volatility, VaR/CVaR, drawdown, beta to BTC, Sharpe and Sortino from the database.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk", abstract: "Risk metrics of a stored asset (daily returns; beta and correlation to BTC).")

    @OptionGroup var global: GlobalOptions
    @Argument var symbol: String
    @Flag var json = false

    func run() throws {
        let repo = try global.openRepository()
        let series = try RiskService(repository: repo).dailySeries(symbol: symbol)
        let btc = Asset.baseSymbol(of: symbol) == "BTC" ? nil : try? RiskService(repository: repo).dailySeries(symbol: "BTC")
        let report = try RiskMetrics.report(series: series, benchmark: btc)
        print(try Output.json(report))   // the report is a flat record of named figures: JSON reads as well as a table
    }
}

/// `sextant garch --input FILE`: GARCH(1,1) fit on daily closes (returns in percent, as the `arch` package).
struct GarchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "garch", abstract: "GARCH(1,1) maximum-likelihood fit and 5-day variance forecast of a price file.")

    @Option(help: "OHLCV or price file (close column used).") var input: String
    @Flag var json = false

    func run() throws {
        let file = try MarketFileReader.read(input)
        guard case let .candles(s, _) = file.content else { throw CommandFailure("\(input): holds \(file.format.rawValue) data, not prices") }
        let fit = try GARCH11.fit(closes: s.close)
        if json { print(try Output.json(fit)); return }
        print(Output.table(["parameter", "value"], [
            ["mu", "\(fit.mu)"], ["omega", "\(fit.omega)"], ["alpha", "\(fit.alpha)"], ["beta", "\(fit.beta)"],
            ["loglikelihood", "\(fit.loglikelihood)"],
            ["forecast variance h1..h5 (%^2)", fit.forecastVariance.map { String(format: "%.4f", $0) }.joined(separator: " ")],
        ]))
    }
}

/// `sextant leverage SYMBOL --side long --horizon 7d --stop 5%`: should I use leverage, and how much?
struct LeverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leverage",
        abstract: "Probability of liquidation at each leverage from real price paths, and the highest safe leverage.")

    @OptionGroup var global: GlobalOptions
    @Argument var symbol: String
    @Option var side: PositionSide = .long
    @Option(help: "Holding horizon, e.g. 24h, 7d, 30d.") var horizon = "7d"
    @Option(help: "Stop distance, e.g. 5% or 0.05 (none: hold to the horizon).") var stop: String?
    @Option var exchange: Exchange = .binance
    @Option(help: "Highest acceptable liquidation probability, e.g. 1%.") var threshold = "1%"
    @Option(help: "Bootstrap paths (0: historical windows only).") var paths = 2000
    @Option var seed: UInt64 = 1
    @Flag var json = false

    func run() throws {
        let repo = try global.openRepository()
        let service = RiskService(repository: repo)
        let series = try service.finestSeries(symbol: symbol)
        let bars = try LeverageAdvisor.horizonBars(parsing: horizon, timeframe: series.timeframe)
        let request = LeverageAdvisorRequest(
            side: side, horizonBars: bars, stopDistance: try stop.map { try Self.fraction($0, "--stop") }, exchange: exchange,
            symbol: series.symbol + "USDT", liquidationThreshold: try Self.fraction(threshold, "--threshold"),
            bootstrapPaths: paths, seed: seed, fundingRates: try repo.fundingRates(symbol: series.symbol))
        let advice = try LeverageAdvisor.advise(series: series, request: request)
        if json { print(try Output.json(advice)); return }
        print(Output.table(["leverage", "liq. distance", "P(liquidation)", "RoM p5", "RoM p50", "RoM p95"],
                           advice.rows.filter { [1, 2, 3, 5, 10, 15, 20, 25, 50, 75, 100, 125].contains($0.leverage) || $0.leverage == advice.recommendedLeverage }.map {
            ["\($0.leverage)x", $0.liquidationDistance.map { String(format: "%.1f%%", $0 * 100) } ?? "-",
             String(format: "%.2f%%", $0.liquidationProbability * 100), String(format: "%+.1f%%", $0.returnOnMarginP5 * 100),
             String(format: "%+.1f%%", $0.returnOnMarginP50 * 100), String(format: "%+.1f%%", $0.returnOnMarginP95 * 100)]
        }))
        print("\n" + advice.recommendation)
    }

    /// "5%" or "0.05" as a fraction.
    static func fraction(_ text: String, _ name: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        let v = t.hasSuffix("%") ? Double(t.dropLast()).map { $0 / 100 } : Double(t)
        guard let v, v > 0, v < 1 else { throw ValidationError("\(name) '\(text)': expected a fraction such as 5% or 0.05") }
        return v
    }
}
