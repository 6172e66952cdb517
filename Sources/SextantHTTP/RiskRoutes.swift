import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import Risk
import SextantServices

extension APIRoutes {
    /// `/v1/liquidation` and `/v1/leverage`.
    func registerRiskRoutes(on v1: RouterGroup<SextantRequestContext>) {
        v1.get("liquidation") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                let exchange = try q.choice("exchange", default: Exchange.binance)
                guard let rawSymbol = try q.string("symbol", maxLength: 20) else {
                    throw APIError.invalidParameter(name: "symbol", value: "", allowed: "an exchange symbol such as BTCUSDT (required)")
                }
                let symbol = try Symbols.validate(rawSymbol, parameter: "symbol")
                guard let side = try Self.optionalChoice(&q, "side", PositionSide.self) else {
                    throw APIError.invalidParameter(name: "side", value: "", allowed: "long or short (required)")
                }
                let entry = try Self.required(&q, "entry")
                let quantity = try Self.required(&q, "quantity")
                let leverage = try Self.optionalDouble(&q, "leverage", range: 1...1000)
                let mode = try q.choice("margin_mode", default: MarginMode.isolated)
                let wallet = try Self.optionalDouble(&q, "wallet_balance", range: Double.leastNonzeroMagnitude...1e15)
                let extra = try q.double("extra_margin", default: 0, range: 0...1e15)
                let margin = try Self.optionalDouble(&q, "margin", range: Double.leastNonzeroMagnitude...1e15)
                let mmr = try Self.optionalDouble(&q, "maintenance_margin_rate", range: 0...0.99)
                let fee = try Self.optionalDouble(&q, "taker_fee", range: 0...0.99)
                try q.finish()
                let r = LiquidationRequest(exchange: exchange, symbol: symbol, side: side, entryPrice: entry, quantity: quantity,
                                           leverage: leverage, marginMode: mode, walletBalance: wallet, extraMargin: extra,
                                           isolatedMargin: margin, fixedMaintenance: mmr.map { FixedMaintenance(maintenanceMarginRate: $0) },
                                           takerFee: fee)
                return ItemEnvelope(try services.risk.liquidation(r))
            }
        }
        v1.get("leverage") { request, _ in
            try await cached(request) {
                var q = try QueryReader(request)
                guard let raw = try q.string("symbol", maxLength: 20) else {
                    throw APIError.invalidParameter(name: "symbol", value: "", allowed: "a stored token such as BTC (required)")
                }
                let symbol = try Symbols.validate(raw, parameter: "symbol")
                let side = try q.choice("side", default: PositionSide.long)
                let horizon = try q.string("horizon", maxLength: 12) ?? "7d"
                guard horizon.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") || "mhdwMHDW".utf8.contains($0) }) else {
                    throw APIError.invalidParameter(name: "horizon", value: horizon, allowed: "a bar count or a duration such as 36h, 7d, 2w")
                }
                let stop = try Self.optionalFraction(&q, "stop")
                let exchange = try q.choice("exchange", default: Exchange.binance)
                let threshold = try Self.optionalFraction(&q, "threshold") ?? 0.01
                let paths = try q.int("paths", default: 2000, range: 0...20_000)
                let seed = try q.int("seed", default: 1, range: 0...Int(Int32.max))
                try q.finish()
                return ItemEnvelope(try services.risk.leverage(symbol: symbol, side: side, horizon: horizon, stop: stop, exchange: exchange,
                                                               threshold: threshold, paths: paths, seed: UInt64(seed)))
            }
        }
    }

    /// A required positive number.
    static func required(_ q: inout QueryReader, _ name: String) throws -> Double {
        guard let v = try optionalDouble(&q, name, range: Double.leastNonzeroMagnitude...1e15) else {
            throw APIError.invalidParameter(name: name, value: "", allowed: "a positive number (required)")
        }
        return v
    }

    /// A fraction given as `0.05` or `5%`, strictly between 0 and 1.
    static func optionalFraction(_ q: inout QueryReader, _ name: String) throws -> Double? {
        guard let s = try q.string(name, maxLength: 24) else { return nil }
        let v = s.hasSuffix("%") ? Double(s.dropLast()).map { $0 / 100 } : Double(s)
        guard let v, v.isFinite, v > 0, v < 1 else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "a fraction in (0, 1) such as 0.05 or 5%")
        }
        return v
    }
}
