import ArgumentParser
import Risk

extension Exchange: ExpressibleByArgument {}
extension PositionSide: ExpressibleByArgument {}
extension MarginMode: ExpressibleByArgument {}

/// `sextant liquidation`: liquidation price as Binance, Bybit or OKX compute it.
struct LiquidationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liquidation",
        abstract: "Liquidation and bankruptcy price, margins and tier of a USDT-margined perpetual position.")

    @Option var exchange: Exchange = .binance
    @Option(help: "Exchange symbol, e.g. BTCUSDT.") var symbol: String
    @Option var side: PositionSide
    @Option(help: "Entry price.") var entry: Double
    @Option(help: "Position size in base units.") var quantity: Double
    @Option(help: "Leverage (checked against the tier's maximum).") var leverage: Double?
    @Option var marginMode: MarginMode = .isolated
    @Option(help: "Wallet balance (cross margin).") var walletBalance: Double?
    @Option(name: .customLong("other-position"), help: "Another open position (cross): SYMBOL,long|short,QUANTITY,ENTRY,MARK.")
    var otherPositions: [String] = []
    @Option(help: "Margin added to an isolated position.") var extraMargin: Double = 0
    @Option(help: "Fixed maintenance margin rate instead of the tier table (required for OKX).") var maintenanceMarginRate: Double?
    @Option(help: "Taker fee rate (Bybit/OKX formulas).") var takerFee: Double?
    @Flag var json = false

    func run() throws {
        let others = try otherPositions.map(Self.parseOther)
        let request = LiquidationRequest(
            exchange: exchange, symbol: symbol.uppercased(), side: side, entryPrice: entry, quantity: quantity, leverage: leverage,
            marginMode: marginMode, walletBalance: walletBalance, otherPositions: others, extraMargin: extraMargin,
            fixedMaintenance: maintenanceMarginRate.map { FixedMaintenance(maintenanceMarginRate: $0) }, takerFee: takerFee)
        let r = try LiquidationCalculator.compute(request)
        if json { print(try Output.json(r)); return }
        print(Output.table(["field", "value"], [
            ["liquidation price", r.liquidationPrice.map(Output.price) ?? "none (the position cannot be liquidated)"],
            ["bankruptcy price", r.bankruptcyPrice.map(Output.price) ?? "-"],
            ["tier", r.tier.map(String.init) ?? "-"],
            ["maintenance margin rate", Output.fixed(r.maintenanceMarginRate, 6)],
            ["initial margin", Output.fixed(r.initialMargin, 4)],
            ["maintenance margin", Output.fixed(r.maintenanceMargin, 4)],
        ]))
    }

    static func parseOther(_ text: String) throws -> OtherPosition {
        let p = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard p.count == 5, let side = PositionSide(rawValue: p[1].lowercased()), let q = Double(p[2]), let e = Double(p[3]),
              let m = Double(p[4]) else {
            throw ValidationError("--other-position '\(text)': expected SYMBOL,long|short,QUANTITY,ENTRY,MARK")
        }
        return OtherPosition(symbol: p[0].uppercased(), side: side, quantity: q, entryPrice: e, markPrice: m)
    }
}

/// `sextant size`: position size from the risk per trade and the stop.
struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size", abstract: "Position size, leverage and liquidation price for a risk budget and a stop.")

    @Option(help: "Account equity (USDT).") var equity: Double
    @Option(help: "Risk per trade in percent of equity (1 = 1%).") var risk: Double
    @Option var side: PositionSide
    @Option var entry: Double
    @Option var stop: Double
    @Option var exchange: Exchange = .binance
    @Option(help: "Exchange symbol for the tier table, e.g. BTCUSDT.") var symbol = "BTCUSDT"
    @Option(help: "Leverage to use (default: the lowest whole leverage that fits the equity).") var leverage: Double?
    @Option var takerFee: Double = 0
    @Option var maintenanceMarginRate: Double?
    @Flag var json = false

    func run() throws {
        let r = try PositionSizer.size(PositionSizeRequest(
            equity: equity, riskPercent: risk, side: side, entryPrice: entry, stopPrice: stop, exchange: exchange,
            symbol: symbol.uppercased(), leverage: leverage, takerFee: takerFee,
            fixedMaintenance: maintenanceMarginRate.map { FixedMaintenance(maintenanceMarginRate: $0) }))
        if json { print(try Output.json(r)); return }
        print(Output.table(["field", "value"], [
            ["quantity", Output.fixed(r.quantity, 6)], ["notional", Output.fixed(r.notional, 2)],
            ["risk amount", Output.fixed(r.riskAmount, 2)], ["required leverage", Output.fixed(r.requiredLeverage, 2)],
            ["leverage", Output.fixed(r.leverage, 0)], ["initial margin", Output.fixed(r.initialMargin, 2)],
            ["liquidation price", r.liquidationPrice.map(Output.price) ?? "none"],
            ["stop triggers before liquidation", r.stopTriggersBeforeLiquidation ? "yes" : "NO"],
        ]))
        for w in r.warnings { Output.stderr("warning: \(w)") }
    }
}
