import Foundation
import Testing
import TestSupport
@testable import Risk

/// The reference file `Tests/Fixtures/risk/liquidation_cases.json` (copied from shared/reference/liquidation).
struct LiquidationCaseFile: Decodable {
    struct Fixed: Decodable {
        let maintenance_margin_rate: Double
        let cum: Double
    }
    struct Other: Decodable {
        let symbol: String
        let side: String
        let quantity, entry_price, mark_price: Double
        let fixed_tier: Fixed?
    }
    struct Case: Decodable {
        let id, exchange, symbol, side: String
        let margin_mode: String?
        let entry_price, quantity: Double
        let leverage: Double?
        let extra_margin, wallet_balance, maintenance_margin_rate, taker_fee, isolated_margin: Double?
        let other_positions: [Other]?
        let fixed_tier: Fixed?
        let expected_liquidation_price: Double?
        let expected_tier: Int?

        func request() throws -> LiquidationRequest {
            let exchange = try #require(Exchange(rawValue: exchange))
            let side = try #require(PositionSide(rawValue: side))
            let mode = try #require(MarginMode(rawValue: margin_mode ?? "isolated"))
            var fixed: FixedMaintenance? = fixed_tier.map {
                FixedMaintenance(maintenanceMarginRate: $0.maintenance_margin_rate, maintenanceAmount: $0.cum)
            }
            if let rate = maintenance_margin_rate { fixed = FixedMaintenance(maintenanceMarginRate: rate) }
            let others = try (other_positions ?? []).map { o in
                OtherPosition(symbol: o.symbol, side: try #require(PositionSide(rawValue: o.side)),
                              quantity: o.quantity, entryPrice: o.entry_price, markPrice: o.mark_price,
                              fixedMaintenance: o.fixed_tier.map {
                                  FixedMaintenance(maintenanceMarginRate: $0.maintenance_margin_rate, maintenanceAmount: $0.cum)
                              })
            }
            return LiquidationRequest(exchange: exchange, symbol: symbol, side: side, entryPrice: entry_price,
                                      quantity: quantity, leverage: leverage, marginMode: mode,
                                      walletBalance: wallet_balance, otherPositions: others,
                                      extraMargin: extra_margin ?? 0, isolatedMargin: isolated_margin,
                                      fixedMaintenance: fixed, takerFee: taker_fee)
        }
    }
    let cases: [Case]
    let fixed_tier_examples: [Case]

    static func load() throws -> LiquidationCaseFile {
        let text = try Fixtures.text("risk/liquidation_cases.json")
        return try JSONDecoder().decode(LiquidationCaseFile.self, from: Data(text.utf8))
    }
}

@Suite struct LiquidationCasesTests {
    static let liquidationTolerance = Tolerance.relative(1e-9)

    @Test("every reference case and fixed-tier example matches to a relative 1e-9")
    func everyReferenceCaseMatches() throws {
        let file = try LiquidationCaseFile.load()
        let calculator = try LiquidationCalculator.bundled()
        let all = file.cases + file.fixed_tier_examples
        var matched = 0
        var failures: [String] = []
        for c in all {
            let result = try calculator.compute(try c.request())
            var ok: Bool
            switch (result.liquidationPrice, c.expected_liquidation_price) {
            case (nil, nil): ok = true
            case let (ours?, ref?): ok = abs(ours - ref) <= 1e-9 * abs(ref)
            default: ok = false
            }
            if let tier = c.expected_tier, c.exchange != "okx", result.tier != tier { ok = false }
            if ok { matched += 1 } else {
                failures.append("\(c.id): ours \(String(describing: result.liquidationPrice)) tier \(String(describing: result.tier)), "
                                + "reference \(String(describing: c.expected_liquidation_price)) tier \(String(describing: c.expected_tier))")
            }
        }
        print("liquidation parity: \(matched) of \(all.count) cases match (\(file.cases.count) cases + \(file.fixed_tier_examples.count) fixed-tier examples)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(file.cases.count == 63)
        #expect(file.fixed_tier_examples.count == 4)
        #expect(matched == all.count)
    }
}
