import Foundation
import Testing
import TestSupport
@testable import Risk

@Suite struct LiquidationTests {
    let calculator: LiquidationCalculator

    init() throws { calculator = try LiquidationCalculator.bundled() }

    func btcLong(quantity: Double = 1, entry: Double = 60_000, leverage: Double? = 10) -> LiquidationRequest {
        LiquidationRequest(exchange: .binance, symbol: "BTCUSDT", side: .long, entryPrice: entry, quantity: quantity,
                           leverage: leverage)
    }

    @Test("the worked example reports tier, margins, bankruptcy price and margin ratio")
    func workedExampleFields() throws {
        let r = try calculator.compute(btcLong())
        // Tier 2 of BTCUSDT: MMR 0.5%, cum 50 (the shipped table).
        let tier = try #require(calculator.tiers.table(exchange: .binance, symbol: "BTCUSDT")?.tiers[1])
        #expect(r.tier == tier.tier && r.entryTier == 2 && r.tierPath == [2])
        #expect(r.maintenanceMarginRate == tier.maintenanceMarginRate && r.maintenanceAmount == tier.maintenanceAmount)
        #expect(r.initialMargin == 6_000)
        #expect(r.positionMargin == 6_000)
        let bankruptcy: Double = 60_000 - 6_000
        #expect(r.bankruptcyPrice == bankruptcy)
        let maintenance: Double = 60_000 * 0.005 - 50
        #expect(r.maintenanceMargin == maintenance)
        #expect(r.marginRatio == maintenance / 6_000)
        #expect(r.maxLeverage == 100)
        // At the liquidation price the margin left equals the maintenance margin: the margin ratio is 100%.
        let lp = try #require(r.liquidationPrice)
        let ratio = try calculator.marginRatio(btcLong(), markPrice: lp)
        #expect(abs(ratio - 1) < 1e-12)
    }

    @Test("at every Binance and Bybit isolated case's price the equity equals the maintenance margin")
    func equityEqualsMaintenanceAtLiquidation() throws {
        let file = try LiquidationCaseFile.load()
        var checked = 0
        for c in file.cases where c.margin_mode != "cross" && c.exchange != "okx" {
            let request = try c.request()
            let r = try calculator.compute(request)
            guard let lp = r.liquidationPrice else { continue }
            let table = try #require(calculator.tiers.table(exchange: request.exchange, symbol: request.symbol))
            let q = request.quantity, side = request.side.sign
            let equity = r.positionMargin + side * q * (lp - request.entryPrice)
            // Binance: maintenance margin of the notional at LP; Bybit: at the entry value.
            let mm = request.exchange == .binance
                ? table.tier(forNotional: q * lp).maintenanceMargin(notional: q * lp)
                : table.tier(forNotional: request.notional).maintenanceMargin(notional: request.notional)
            #expect(abs(equity - mm) <= 1e-9 * max(1, request.notional), "\(c.id)")
            checked += 1
        }
        // 31 Binance isolated cases with a price (one is null) and 9 Bybit cases.
        #expect(checked == 40)
    }

    @Test("a tier switch is re-solved and recorded in the tier path")
    func tierSwitchPath() throws {
        // 0.9 BTC at 60,000: entry notional 54,000 (tier 2); at the liquidation price it is below 50,000 (tier 1).
        let r = try calculator.compute(btcLong(quantity: 0.9))
        #expect(r.entryTier == 2 && r.tier == 1 && r.tierPath == [2, 1])
        let lp = try #require(r.liquidationPrice)
        #expect(0.9 * lp < 50_000)
    }

    @Test("a long at 1x has no liquidation price and encodes it as null")
    func nullLiquidationPrice() throws {
        let r = try calculator.compute(btcLong(quantity: 0.5, leverage: 1))
        #expect(r.liquidationPrice == nil)
        #expect(r.bankruptcyPrice == nil)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(json.contains("\"liquidation_price\":null"))
        for key in ["bankruptcy_price", "maintenance_margin_rate", "tier", "initial_margin", "maintenance_margin"] {
            #expect(json.contains("\"\(key)\":"), "\(key)")
        }
    }

    @Test("a leverage above the tier's maximum is an error naming the tier and its maximum")
    func leverageAboveTier() throws {
        // 20 BTC at 60,000 = 1.2M notional: BTCUSDT tier 3, max 75x.
        let request = btcLong(quantity: 20, leverage: 100)
        #expect(throws: RiskError.leverageAboveTierMaximum(symbol: "BTCUSDT", leverage: 100, tier: 3, maxLeverage: 75,
                                                          notional: 1_200_000)) {
            try calculator.compute(request)
        }
        do { _ = try calculator.compute(request) } catch {
            #expect("\(error)".contains("tier 3") && "\(error)".contains("max 75x"))
        }
        var bybit = request
        bybit.exchange = .bybit
        bybit.quantity = 100
        bybit.leverage = 60   // 6M value: Bybit risk-limit tier 8, max 50x
        #expect(throws: RiskError.self) { try calculator.compute(bybit) }
    }

    @Test("zero or negative prices, quantities and balances are rejected")
    func nonPositiveInputs() {
        #expect(throws: RiskError.notPositive(name: "entry price", value: 0)) { try calculator.compute(btcLong(entry: 0)) }
        #expect(throws: RiskError.notPositive(name: "quantity", value: -1)) { try calculator.compute(btcLong(quantity: -1)) }
        #expect(throws: RiskError.self) { try calculator.compute(btcLong(leverage: 0)) }
        var cross = btcLong()
        cross.marginMode = .cross
        cross.walletBalance = 0
        #expect(throws: RiskError.notPositive(name: "wallet balance", value: 0)) { try calculator.compute(cross) }
        cross.walletBalance = nil
        #expect(throws: RiskError.self) { try calculator.compute(cross) }
        cross.walletBalance = 10_000
        cross.otherPositions = [OtherPosition(symbol: "ETHUSDT", side: .long, quantity: 1, entryPrice: 2_000, markPrice: -5)]
        #expect(throws: RiskError.self) { try calculator.compute(cross) }
        var extra = btcLong()
        extra.extraMargin = -1
        #expect(throws: RiskError.self) { try calculator.compute(extra) }
    }

    @Test("an unknown symbol needs a maintenance rate; OKX always does")
    func unknownSymbol() throws {
        var request = btcLong()
        request.symbol = "FOOUSDT"
        #expect(throws: RiskError.self) { try calculator.compute(request) }
        request.fixedMaintenance = FixedMaintenance(maintenanceMarginRate: 0.01)
        let r = try calculator.compute(request)
        // (6,000 − 60,000) / (0.01 − 1), no tier.
        #expect(try #require(r.liquidationPrice) == (6_000 - 60_000) / (0.01 - 1))
        #expect(r.tier == nil)
        var okx = btcLong()
        okx.exchange = .okx
        #expect(throws: RiskError.missingMaintenanceMarginRate(exchange: "okx")) { try calculator.compute(okx) }
        var bybitCross = btcLong()
        bybitCross.exchange = .bybit
        bybitCross.marginMode = .cross
        bybitCross.walletBalance = 1_000
        #expect(throws: RiskError.self) { try calculator.compute(bybitCross) }
    }

    @Test("the largest position a leverage allows is the top of the last tier allowing it")
    func largestPosition() throws {
        let at100 = try calculator.largestPosition(exchange: .binance, symbol: "BTCUSDT", leverage: 100, price: 60_000)
        #expect(at100.tier == 2 && at100.maxNotional == 600_000 && at100.maxQuantity == 10)
        let at125 = try calculator.largestPosition(exchange: .binance, symbol: "BTCUSDT", leverage: 125, price: 50_000)
        #expect(at125.tier == 1 && at125.maxNotional == 50_000 && at125.maxQuantity == 1)
        #expect(throws: RiskError.self) {
            try calculator.largestPosition(exchange: .binance, symbol: "BTCUSDT", leverage: 126, price: 60_000)
        }
        // A position at that limit is accepted, one just above is not.
        let table = try #require(calculator.tiers.table(exchange: .binance, symbol: "BTCUSDT"))
        #expect(table.maxLeverage(forNotional: 599_999) == 100)
        #expect(table.maxLeverage(forNotional: 600_000) == 75)
    }

    @Test("malformed or empty tier files are clear errors, and newer tier files can be passed in")
    func tierFiles() throws {
        #expect(throws: RiskError.self) { try TierTables(binanceJSON: Data("{".utf8), bybitJSON: nil) }
        #expect(throws: RiskError.self) { try TierTables(binanceJSON: Data(#"{"symbols":{"XUSDT":[]}}"#.utf8), bybitJSON: nil) }
        let custom = #"{"symbols":{"XUSDT":[{"tier":1,"min_notional":0,"max_notional":1000,"maintenance_margin_rate":0.01,"max_leverage":20,"cum":0}]}}"#
        let tables = try TierTables(binanceJSON: Data(custom.utf8), bybitJSON: nil)
        let r = try LiquidationCalculator(tiers: tables).compute(
            LiquidationRequest(exchange: .binance, symbol: "xusdt", side: .short, entryPrice: 10, quantity: 50, leverage: 10))
        // (50 + 0 + 500) / (0.5 + 50) per Binance's formula with MMR 1%.
        let expected: Double = 550.0 / 50.5
        #expect(r.liquidationPrice == expected)
        #expect(throws: RiskError.self) {
            try LiquidationCalculator(tiers: tables).compute(
                LiquidationRequest(exchange: .binance, symbol: "XUSDT", side: .short, entryPrice: 10, quantity: 100, leverage: 10))
        }
    }

    @Test("the shipped tier tables satisfy the exchanges' maintenance-amount recurrences")
    func tierRecurrences() throws {
        for exchange in [Exchange.binance, .bybit] {
            for symbol in calculator.tiers.symbols(exchange: exchange) {
                let tiers = try #require(calculator.tiers.table(exchange: exchange, symbol: symbol)).tiers
                for k in 1..<tiers.count {
                    let step: Double = tiers[k].maintenanceMarginRate - tiers[k - 1].maintenanceMarginRate
                    let expected: Double = tiers[k].minNotional * step + tiers[k - 1].maintenanceAmount
                    #expect(abs(tiers[k].maintenanceAmount - expected) <= 1e-6 * max(1, expected), "\(exchange) \(symbol) tier \(k + 1)")
                    #expect(tiers[k].minNotional == tiers[k - 1].maxNotional)
                }
            }
        }
        #expect(calculator.tiers.symbols(exchange: .binance).count == 21)
    }
}
