import Foundation
import Risk

/// The token page's liquidation and position-size calculator: a GET form that posts back to the page, and the
/// answer of `PositionSizer` (which uses `LiquidationCalculator` and the bundled tier tables).
struct Calculator {
    var exchange: Exchange = .binance
    var side: PositionSide = .long
    var entry: Double
    var stop: Double
    /// nil: the lowest whole leverage whose margin fits in the balance.
    var leverage: Double?
    var balance: Double = 1000
    /// Percent of the balance lost if the stop fills.
    var riskPercent: Double = 1
    /// Maintenance margin rate in percent instead of the tier table (required for OKX).
    var maintenanceRatePercent: Double?
    /// Whether the form was submitted (then the result is shown).
    var submitted = false

    /// The form's parameter names (the token page refuses any other parameter except its own).
    static let parameters = ["exchange", "side", "entry", "stop", "leverage", "balance", "risk", "mmr"]

    /// Reads the form; without any of its fields, defaults around the last price (stop 5% away, nothing computed).
    /// A submitted form must carry entry, stop, balance and risk; each bad value is a 400 naming its field.
    static func read(_ q: inout PageQuery, lastPrice: Double) throws -> Calculator {
        let submitted = q.has(parameters)
        let side = try q.choice("side", PositionSide.self) ?? .long
        var c = Calculator(side: side, entry: lastPrice, stop: lastPrice * (side == .long ? 0.95 : 1.05))
        c.submitted = submitted
        c.exchange = try q.choice("exchange", Exchange.self) ?? .binance
        let entry = try q.positive("entry"), stop = try q.positive("stop"), balance = try q.positive("balance")
        let risk = try q.string("risk", maxLength: 24)
        let leverage = try q.string("leverage", maxLength: 24)
        let mmr = try q.string("mmr", maxLength: 24)
        guard submitted else { return c }
        func required<T>(_ v: T?, _ name: String) throws -> T {
            guard let v else { throw APIError.invalidParameter(name: name, value: "", allowed: "a value (the field is required)") }
            return v
        }
        c.entry = try required(entry, "entry")
        c.stop = try required(stop, "stop")
        c.balance = try required(balance, "balance")
        let riskText = try required(risk, "risk")
        guard let r = Double(riskText), r.isFinite, r > 0, r <= 100 else {
            throw APIError.invalidParameter(name: "risk", value: riskText, allowed: "a percentage greater than 0 and at most 100")
        }
        c.riskPercent = r
        if let leverage {
            guard let l = Double(leverage), l.isFinite, l >= 1, l <= 125 else {
                throw APIError.invalidParameter(name: "leverage", value: leverage, allowed: "a number from 1 to 125, or empty for the lowest that fits")
            }
            c.leverage = l
        }
        if let mmr {
            guard let m = Double(mmr), m.isFinite, m > 0, m < 100 else {
                throw APIError.invalidParameter(name: "mmr", value: mmr, allowed: "a percentage greater than 0 and below 100, or empty for the tier table")
            }
            c.maintenanceRatePercent = m
        }
        return c
    }

    /// The sized position, or why the calculator refused (stop on the wrong side, no tier table, leverage above
    /// the tier's maximum...).
    func compute(symbol: String) -> Result<PositionSize, CalculatorRefusal> {
        let pair = symbol.uppercased() + "USDT"
        let request = PositionSizeRequest(equity: balance, riskPercent: riskPercent, side: side, entryPrice: entry, stopPrice: stop,
                                          exchange: exchange, symbol: pair, leverage: leverage,
                                          fixedMaintenance: maintenanceRatePercent.map { FixedMaintenance(maintenanceMarginRate: $0 / 100) })
        do {
            return .success(try PositionSizer.size(request))
        } catch let e as RiskError {
            switch e {
            case .unknownSymbol, .missingMaintenanceMarginRate:
                return .failure(CalculatorRefusal(message: "There is no \(exchange.rawValue) tier table for \(pair) here: enter a maintenance margin rate to use a fixed rate."))
            default:
                return .failure(CalculatorRefusal(message: e.description))
            }
        } catch {
            return .failure(CalculatorRefusal(message: "\(error)"))
        }
    }

    /// The form (values as submitted, or the defaults) and, when submitted, the result or the refusal.
    func html(symbol: String, result: Result<PositionSize, CalculatorRefusal>?) -> String {
        func num(_ x: Double?) -> String { x.map { HTML.escape(Self.plain($0)) } ?? "" }
        func option<T: RawRepresentable>(_ v: T, _ label: String, selected: Bool) -> String where T.RawValue == String {
            "<option value=\"\(v.rawValue)\"\(selected ? " selected" : "")>\(label)</option>"
        }
        let action = "/tokens/\(HTML.escape(symbol))#calculator"
        var s = """
            <section id="calculator" aria-labelledby="calc-h"><h2 id="calc-h">Liquidation and position size</h2>
            <p class="hint">How much to buy for a risk budget and a stop, and where a USDT-margined perpetual of \(HTML.escape(symbol))USDT is liquidated (isolated margin, the exchange's tier table).</p>
            <form class="calc" method="get" action="\(action)">
            <label>Exchange <select name="exchange">\(option(Exchange.binance, "Binance", selected: exchange == .binance))\(option(Exchange.bybit, "Bybit", selected: exchange == .bybit))\(option(Exchange.okx, "OKX", selected: exchange == .okx))</select></label>
            <fieldset><legend>Side</legend><label><input type="radio" name="side" value="long"\(side == .long ? " checked" : "")> Long</label><label><input type="radio" name="side" value="short"\(side == .short ? " checked" : "")> Short</label></fieldset>
            <label>Entry price <input name="entry" inputmode="decimal" required value="\(num(entry))"></label>
            <label>Stop price <input name="stop" inputmode="decimal" required value="\(num(stop))"></label>
            <label>Leverage <input name="leverage" inputmode="decimal" placeholder="lowest that fits" value="\(num(leverage))"></label>
            <label>Balance (USDT) <input name="balance" inputmode="decimal" required value="\(num(balance))"></label>
            <label>Risk per trade (%) <input name="risk" inputmode="decimal" required value="\(num(riskPercent))"></label>
            <label>Maintenance rate (%) <input name="mmr" inputmode="decimal" placeholder="tier table" value="\(num(maintenanceRatePercent))"></label>
            <button type="submit">Calculate</button></form>
            """
        switch result {
        case nil: break
        case .failure(let refusal)?:
            s += "<div class=\"alert\" role=\"alert\"><p>\(HTML.escape(refusal.message))</p></div>"
        case .success(let r)?:
            let facts: [(String, String)] = [
                ("Position size", "\(Self.plain(r.quantity)) \(symbol)"),
                ("Notional", "\(HTML.fixed(r.notional, 2)) USDT"),
                ("Loss at the stop", "\(HTML.fixed(r.riskAmount, 2)) USDT (\(HTML.percent(fraction: r.stopDistance, digits: 2)) away)"),
                ("Leverage", "\(HTML.fixed(r.leverage, 0))× (needs \(HTML.fixed(r.requiredLeverage, 2))×)"),
                ("Initial margin", "\(HTML.fixed(r.initialMargin, 2)) USDT"),
                ("Liquidation price", r.liquidationPrice.map { HTML.price($0) } ?? "none"),
                ("Bankruptcy price", HTML.price(r.liquidation.bankruptcyPrice)),
                ("Maintenance rate", HTML.percent(fraction: r.liquidation.maintenanceMarginRate, digits: 3) + (r.liquidation.tier.map { " (tier \($0))" } ?? "")),
                ("Stop before liquidation", r.stopTriggersBeforeLiquidation ? "yes" : "no"),
                ("Highest leverage keeping the stop", r.highestLeverageKeepingStop.map { "\($0)×" } ?? "none"),
            ]
            s += "<div class=\"result\" role=\"status\"><h3>Result</h3><dl class=\"facts\">"
            s += facts.map { "<div><dt>\($0.0)</dt><dd>\(HTML.escape($0.1))</dd></div>" }.joined()
            s += "</dl>"
            for w in r.warnings { s += "<p class=\"warn\">Warning: \(HTML.escape(w))</p>" }
            s += "</div>"
        }
        return s + "</section>"
    }

    /// A number as a form value: up to 8 significant digits, no exponent for everyday sizes.
    static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        let s = String(format: "%.8g", x)
        return s.contains("e") ? String(format: "%.10f", x) : s
    }
}

/// Why the calculator gave no result, in words.
struct CalculatorRefusal: Error {
    var message: String
}
