import Foundation
import Testing
import TestSupport
@testable import Risk

@Suite struct PositionSizerTests {
    let calculator: LiquidationCalculator

    init() throws { calculator = try LiquidationCalculator.bundled() }

    @Test("quantity is the money at risk divided by the distance to the stop")
    func quantityFromRisk() throws {
        let size = try PositionSizer.size(PositionSizeRequest(equity: 10_000, riskPercent: 1, side: .long,
                                                              entryPrice: 60_000, stopPrice: 57_000, symbol: "BTCUSDT"),
                                          calculator: calculator)
        #expect(size.riskAmount == 100)
        #expect(abs(size.quantity - 100.0 / 3_000) < 1e-15)
        #expect(abs(size.notional - 2_000) < 1e-9)
        #expect(abs(size.requiredLeverage - 0.2) < 1e-15)
        #expect(size.leverage == 1)
        #expect(size.liquidationPrice == nil)   // a 1x long cannot be liquidated
        #expect(size.stopTriggersBeforeLiquidation && size.warnings.isEmpty)
        #expect(abs(size.stopDistance - 0.05) < 1e-15)
    }

    @Test("the default leverage is the lowest whole one whose margin fits the equity")
    func defaultLeverage() throws {
        // 20 USDT at risk over a 1% stop: notional 2,000 on 1,000 equity needs 2x.
        let size = try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 2, side: .short,
                                                              entryPrice: 60_000, stopPrice: 60_600, symbol: "BTCUSDT"),
                                          calculator: calculator)
        #expect(abs(size.requiredLeverage - 2) < 1e-12)
        #expect(size.leverage == 2)
        let lp = try #require(size.liquidationPrice)
        let direct = try calculator.compute(LiquidationRequest(exchange: .binance, symbol: "BTCUSDT", side: .short,
                                                               entryPrice: 60_000, quantity: size.quantity, leverage: 2))
        #expect(lp == direct.liquidationPrice)
        #expect(size.stopTriggersBeforeLiquidation)
    }

    @Test("a stop beyond the liquidation price gives a warning and the highest leverage that keeps the stop")
    func stopBeyondLiquidation() throws {
        let request = PositionSizeRequest(equity: 10_000, riskPercent: 1, side: .long, entryPrice: 60_000,
                                          stopPrice: 57_000, symbol: "BTCUSDT", leverage: 50)
        let size = try PositionSizer.size(request, calculator: calculator)
        #expect(!size.stopTriggersBeforeLiquidation)
        #expect(size.warnings.count == 1)
        #expect(size.warnings.first?.contains("liquidated before the stop") == true)
        let json = String(decoding: try JSONEncoder().encode(size), as: UTF8.self)
        #expect(json.contains("\"stopTriggersBeforeLiquidation\":false"))
        let highest = try #require(size.highestLeverageKeepingStop)
        func lp(_ leverage: Int) throws -> Double {
            try #require(try calculator.compute(LiquidationRequest(exchange: .binance, symbol: "BTCUSDT", side: .long,
                                                                   entryPrice: 60_000, quantity: size.quantity,
                                                                   leverage: Double(leverage))).liquidationPrice)
        }
        #expect(try lp(highest) < 57_000)
        #expect(try lp(highest + 1) >= 57_000)
    }

    @Test("fees on both fills are part of the risk")
    func feesInRisk() throws {
        let size = try PositionSizer.size(PositionSizeRequest(equity: 10_000, riskPercent: 1, side: .long,
                                                              entryPrice: 100, stopPrice: 95, symbol: "BTCUSDT",
                                                              takerFee: 0.001), calculator: calculator)
        #expect(abs(size.quantity - 100 / (5 + 0.001 * 195)) < 1e-12)
    }

    @Test("a margin above the equity is warned about")
    func marginAboveEquity() throws {
        let size = try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 5, side: .long,
                                                              entryPrice: 100, stopPrice: 99, symbol: "BTCUSDT",
                                                              leverage: 2), calculator: calculator)
        // 50 at risk over 1 = 50 units, 5,000 notional, 2,500 margin at 2x on 1,000 equity.
        #expect(size.warnings.contains { $0.contains("exceeds the equity") })
    }

    @Test("a stop on the wrong side of the entry and bad amounts are errors")
    func errors() {
        #expect(throws: RiskError.stopOnWrongSide(side: .long, entry: 100, stop: 101)) {
            try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 1, side: .long, entryPrice: 100,
                                                       stopPrice: 101, symbol: "BTCUSDT"), calculator: calculator)
        }
        #expect(throws: RiskError.stopOnWrongSide(side: .short, entry: 100, stop: 99)) {
            try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 1, side: .short, entryPrice: 100,
                                                       stopPrice: 99, symbol: "BTCUSDT"), calculator: calculator)
        }
        #expect(throws: RiskError.self) {
            try PositionSizer.size(PositionSizeRequest(equity: 0, riskPercent: 1, side: .long, entryPrice: 100,
                                                       stopPrice: 99, symbol: "BTCUSDT"), calculator: calculator)
        }
        #expect(throws: RiskError.self) {
            try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 150, side: .long, entryPrice: 100,
                                                       stopPrice: 99, symbol: "BTCUSDT"), calculator: calculator)
        }
        #expect(throws: RiskError.self) {
            try PositionSizer.size(PositionSizeRequest(equity: 1_000, riskPercent: 1, side: .long, entryPrice: 100,
                                                       stopPrice: 99, symbol: "NOPEUSDT"), calculator: calculator)
        }
    }
}
