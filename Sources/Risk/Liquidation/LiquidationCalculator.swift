/// Liquidation and bankruptcy prices of USDT-margined linear perpetuals, with the exchanges' own formulas.
///
/// - Binance USDⓈ-M, one-way mode (https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93):
///   `LP = (WB − TMM1 + UPNL1 + cum − side·Q·EP) / (Q·MMR − side·Q)`; isolated: `WB = Q·EP/L + extra`,
///   `TMM1 = UPNL1 = 0`; cross: `WB` = wallet balance, other positions give `TMM1` and `UPNL1`.
///   The tier is the one of the position **notional**, re-solved while `Q·LP` falls in another tier.
/// - Bybit linear isolated: `LP = EP ∓ (IM − MM)/Q ∓ extra/Q`, `MM = Q·EP·MMR − deduction` at the entry value's tier.
/// - OKX isolated (freqtrade's base formula): `LP = (EP ∓ M/Q) / (1 ∓ (MMR + takerFee))`, `M = Q·EP/L + extra`.
///
/// ```swift
/// let result = try LiquidationCalculator.compute(
///     LiquidationRequest(exchange: .binance, symbol: "BTCUSDT", side: .long, entryPrice: 60_000, quantity: 1, leverage: 10))
/// result.liquidationPrice   // 54_221.10552763819 (tier 2: MMR 0.5%, cum 50)
/// ```
public struct LiquidationCalculator: Sendable {
    /// The tier tables used for look-ups.
    public var tiers: TierTables

    /// A calculator over the given tier tables.
    public init(tiers: TierTables) { self.tiers = tiers }

    /// A calculator over the tier tables shipped with the engine.
    public static func bundled() throws -> LiquidationCalculator {
        LiquidationCalculator(tiers: try TierTables.loadBundled())
    }

    /// Computes with the bundled tier tables.
    public static func compute(_ request: LiquidationRequest) throws -> LiquidationResult {
        try bundled().compute(request)
    }

    /// Liquidation price, bankruptcy price, tier and margins of one position.
    /// Throws `RiskError` for non-positive inputs, a leverage above the tier's maximum, an unknown symbol,
    /// or an unsupported mode (cross is modelled for Binance only).
    public func compute(_ request: LiquidationRequest) throws -> LiquidationResult {
        try validate(request)
        switch request.exchange {
        case .binance: return try binance(request)
        case .bybit: return try bybit(request)
        case .okx: return try okx(request)
        }
    }

    /// The largest position `leverage` allows on a symbol: the upper bound of the highest tier whose maximum
    /// leverage is at least `leverage`, and that notional in base units at `price`.
    public func largestPosition(exchange: Exchange, symbol: String, leverage: Double, price: Double) throws -> PositionLimit {
        try requirePositive(leverage, "leverage")
        try requirePositive(price, "price")
        let table = try tierTable(exchange: exchange, symbol: symbol)
        guard let tier = table.tiers.last(where: { $0.maxLeverage >= leverage }) else {
            let first = table.tiers[0]
            throw RiskError.leverageAboveTierMaximum(symbol: table.symbol, leverage: leverage, tier: first.tier,
                                                     maxLeverage: first.maxLeverage, notional: 0)
        }
        return PositionLimit(exchange: exchange, symbol: table.symbol, leverage: leverage, tier: tier.tier,
                             maxNotional: tier.maxNotional, maxQuantity: tier.maxNotional / price)
    }

    /// The tier table of a symbol, or `RiskError.unknownSymbol` / `.missingMaintenanceMarginRate` (OKX).
    public func tierTable(exchange: Exchange, symbol: String) throws -> TierTable {
        if let table = tiers.table(exchange: exchange, symbol: symbol) { return table }
        if exchange == .okx { throw RiskError.missingMaintenanceMarginRate(exchange: exchange.rawValue) }
        throw RiskError.unknownSymbol(exchange: exchange.rawValue, symbol: symbol.uppercased(),
                                      known: tiers.symbols(exchange: exchange))
    }

    /// Margin ratio (maintenance margin / margin balance) of an isolated position at `markPrice`, with the
    /// tier of the notional at that mark; 1 (100%) or more means liquidation.
    public func marginRatio(_ request: LiquidationRequest, markPrice: Double) throws -> Double {
        try validate(request)
        try requirePositive(markPrice, "mark price")
        guard request.marginMode == .isolated else {
            throw RiskError.unsupported("margin ratio at a mark price is modelled for isolated positions")
        }
        let q = request.quantity
        let notional = q * markPrice
        let maintenance: Double
        switch request.exchange {
        case .okx:
            let rate = request.fixedMaintenance?.maintenanceMarginRate ?? 0
            maintenance = notional * rate
        case .bybit:
            // Bybit takes the maintenance margin at the entry value's tier.
            let tier = try maintenanceTier(request, notional: request.notional)
            maintenance = tier.maintenanceMargin(notional: notional)
        case .binance:
            let tier = try maintenanceTier(request, notional: notional)
            maintenance = tier.maintenanceMargin(notional: notional)
        }
        let balance = try isolatedMargin(request) + request.side.sign * q * (markPrice - request.entryPrice)
        return balance > 0 ? maintenance / balance : .infinity
    }

    // MARK: - Validation

    private func validate(_ r: LiquidationRequest) throws {
        try requirePositive(r.entryPrice, "entry price")
        try requirePositive(r.quantity, "quantity")
        if let leverage = r.leverage {
            guard leverage.isFinite, leverage >= 1 else {
                throw RiskError.outOfRange(name: "leverage", value: leverage, allowed: "at least 1")
            }
        }
        guard r.extraMargin.isFinite, r.extraMargin >= 0 else {
            throw RiskError.outOfRange(name: "extra margin", value: r.extraMargin, allowed: "0 or more")
        }
        if let m = r.isolatedMargin { try requirePositive(m, "isolated margin") }
        if let f = r.fixedMaintenance {
            guard f.maintenanceMarginRate.isFinite, f.maintenanceMarginRate >= 0, f.maintenanceMarginRate < 1 else {
                throw RiskError.outOfRange(name: "maintenance margin rate", value: f.maintenanceMarginRate,
                                           allowed: "0 ≤ rate < 1 (a fraction: 0.005 = 0.5%)")
            }
            guard f.maintenanceAmount.isFinite else {
                throw RiskError.outOfRange(name: "maintenance amount", value: f.maintenanceAmount, allowed: "finite")
            }
        }
        if let fee = r.takerFee {
            guard fee.isFinite, fee >= 0, fee < 1 else {
                throw RiskError.outOfRange(name: "taker fee", value: fee, allowed: "0 ≤ fee < 1 (a fraction)")
            }
        }
        switch r.marginMode {
        case .isolated:
            guard r.leverage != nil || r.isolatedMargin != nil else {
                throw RiskError.missingInput(name: "leverage", reason: "isolated margin is notional / leverage")
            }
        case .cross:
            guard r.exchange == .binance else {
                throw RiskError.unsupported("cross margin on \(r.exchange.rawValue) (modelled for Binance only)")
            }
            guard let wallet = r.walletBalance else {
                throw RiskError.missingInput(name: "wallet balance", reason: "cross margin uses the whole wallet")
            }
            try requirePositive(wallet, "wallet balance")
            for p in r.otherPositions {
                try requirePositive(p.quantity, "quantity of other position \(p.symbol)")
                try requirePositive(p.entryPrice, "entry price of other position \(p.symbol)")
                try requirePositive(p.markPrice, "mark price of other position \(p.symbol)")
            }
        }
    }

    /// Isolated margin: the given one, else `notional / leverage`, plus the extra margin.
    private func isolatedMargin(_ r: LiquidationRequest) throws -> Double {
        if let m = r.isolatedMargin { return m + r.extraMargin }
        guard let leverage = r.leverage else {
            throw RiskError.missingInput(name: "leverage", reason: "isolated margin is notional / leverage")
        }
        return r.notional / leverage + r.extraMargin
    }

    private func initialMargin(_ r: LiquidationRequest) -> Double? {
        if let leverage = r.leverage { return r.notional / leverage }
        return r.marginMode == .isolated ? r.isolatedMargin : nil
    }

    /// The tier for a notional: the fixed rates when given, else the table's tier.
    private func maintenanceTier(_ r: LiquidationRequest, notional: Double) throws -> MarginTier {
        if let f = r.fixedMaintenance {
            return MarginTier(tier: 0, minNotional: 0, maxNotional: .infinity, maintenanceMarginRate: f.maintenanceMarginRate,
                              maintenanceAmount: f.maintenanceAmount, maxLeverage: .infinity)
        }
        return try tierTable(exchange: r.exchange, symbol: r.symbol).tier(forNotional: notional)
    }

    /// The entry tier from the table, checked: notional within the table and leverage within the tier's maximum.
    private func checkedEntryTier(_ r: LiquidationRequest, table: TierTable) throws -> MarginTier {
        let notional = r.notional
        let beyond = table.boundary == .lowerInclusive ? notional >= table.largestNotional : notional > table.largestNotional
        if beyond {
            throw RiskError.notionalAboveLargestTier(symbol: table.symbol, notional: notional,
                                                     largestNotional: table.largestNotional)
        }
        let tier = table.tier(forNotional: notional)
        if let leverage = r.leverage, leverage > tier.maxLeverage {
            throw RiskError.leverageAboveTierMaximum(symbol: table.symbol, leverage: leverage, tier: tier.tier,
                                                     maxLeverage: tier.maxLeverage, notional: notional)
        }
        return tier
    }

    private static func positive(_ x: Double) -> Double? { x.isFinite && x > 0 ? x : nil }

    // MARK: - Binance

    private func binance(_ r: LiquidationRequest) throws -> LiquidationResult {
        let q = r.quantity, ep = r.entryPrice, side = r.side.sign
        var walletBalance: Double
        var tmm1 = 0.0, upnl1 = 0.0
        var others: [OtherPositionMargin] = []
        switch r.marginMode {
        case .isolated:
            walletBalance = try isolatedMargin(r)
        case .cross:
            walletBalance = r.walletBalance ?? 0
            for p in r.otherPositions {
                let notional = p.quantity * p.markPrice
                let tier: MarginTier
                var tierNumber: Int? = nil
                if let f = p.fixedMaintenance {
                    tier = MarginTier(tier: 0, minNotional: 0, maxNotional: .infinity,
                                      maintenanceMarginRate: f.maintenanceMarginRate,
                                      maintenanceAmount: f.maintenanceAmount, maxLeverage: .infinity)
                } else {
                    tier = try tierTable(exchange: .binance, symbol: p.symbol).tier(forNotional: notional)
                    tierNumber = tier.tier
                }
                let mm = tier.maintenanceMargin(notional: notional)
                let upnl = p.side.sign * p.quantity * (p.markPrice - p.entryPrice)
                tmm1 += mm
                upnl1 += upnl
                others.append(OtherPositionMargin(symbol: p.symbol.uppercased(), tier: tierNumber,
                                                  maintenanceMargin: mm, unrealizedPnl: upnl))
            }
        }

        func solve(_ tier: MarginTier) -> Double {
            let numerator = walletBalance - tmm1 + upnl1 + tier.maintenanceAmount - side * q * ep
            let denominator = q * tier.maintenanceMarginRate - side * q
            return numerator / denominator
        }

        let entryTier: MarginTier
        var finalTier: MarginTier
        var path: [Int] = []
        var rawLP: Double
        var table: TierTable? = nil
        if r.fixedMaintenance != nil {
            entryTier = try maintenanceTier(r, notional: r.notional)
            finalTier = entryTier
            rawLP = solve(finalTier)
        } else {
            let t = try tierTable(exchange: .binance, symbol: r.symbol)
            table = t
            entryTier = try checkedEntryTier(r, table: t)
            finalTier = entryTier
            path.append(entryTier.tier)
            rawLP = solve(finalTier)
            // Re-solve while the notional at the liquidation price lies in another tier. MM(notional) is continuous
            // and convex, so one tier is self-consistent; the bound only guards against malformed tables.
            for _ in 0..<t.tiers.count {
                let next = t.tier(forNotional: q * rawLP)
                if next.tier == finalTier.tier { break }
                finalTier = next
                path.append(next.tier)
                rawLP = solve(finalTier)
            }
        }
        // A price ≤ 0 means the position cannot be liquidated (Binance shows "--").
        let liquidation = Self.positive(rawLP)
        let marginBalance = walletBalance + upnl1
        let bankruptcy = Self.positive(ep - side * marginBalance / q)
        let maintenance = entryTier.maintenanceMargin(notional: r.notional)
        let ratio = marginBalance > 0 ? (maintenance + tmm1) / marginBalance : nil
        return LiquidationResult(
            exchange: .binance, symbol: r.symbol.uppercased(), side: r.side, marginMode: r.marginMode,
            liquidationPrice: liquidation, bankruptcyPrice: bankruptcy,
            maintenanceMarginRate: finalTier.maintenanceMarginRate, maintenanceAmount: finalTier.maintenanceAmount,
            tier: table == nil ? nil : finalTier.tier, entryTier: table == nil ? nil : entryTier.tier, tierPath: path,
            maxLeverage: table == nil ? nil : entryTier.maxLeverage, notional: r.notional,
            initialMargin: initialMargin(r), positionMargin: walletBalance, maintenanceMargin: maintenance,
            marginRatio: ratio, otherMaintenanceMargin: tmm1, otherUnrealizedPnl: upnl1, otherPositions: others)
    }

    // MARK: - Bybit

    private func bybit(_ r: LiquidationRequest) throws -> LiquidationResult {
        let q = r.quantity, ep = r.entryPrice, side = r.side.sign
        let tier: MarginTier
        var table: TierTable? = nil
        if r.fixedMaintenance != nil {
            tier = try maintenanceTier(r, notional: r.notional)
        } else {
            let t = try tierTable(exchange: .bybit, symbol: r.symbol)
            table = t
            tier = try checkedEntryTier(r, table: t)
        }
        let initial = initialMargin(r) ?? 0
        let maintenance = tier.maintenanceMargin(notional: r.notional)
        // Bybit takes MM at the entry value, so there is no tier re-solve.
        let lp = ep - side * (initial - maintenance) / q - side * r.extraMargin / q
        let margin = initial + r.extraMargin
        return LiquidationResult(
            exchange: .bybit, symbol: r.symbol.uppercased(), side: r.side, marginMode: .isolated,
            liquidationPrice: Self.positive(lp), bankruptcyPrice: Self.positive(ep - side * margin / q),
            maintenanceMarginRate: tier.maintenanceMarginRate, maintenanceAmount: tier.maintenanceAmount,
            tier: table == nil ? nil : tier.tier, entryTier: table == nil ? nil : tier.tier,
            tierPath: table == nil ? [] : [tier.tier], maxLeverage: table == nil ? nil : tier.maxLeverage,
            notional: r.notional, initialMargin: initialMargin(r), positionMargin: margin,
            maintenanceMargin: maintenance, marginRatio: margin > 0 ? maintenance / margin : nil)
    }

    // MARK: - OKX

    private func okx(_ r: LiquidationRequest) throws -> LiquidationResult {
        guard let fixed = r.fixedMaintenance else { throw RiskError.missingMaintenanceMarginRate(exchange: "okx") }
        let q = r.quantity, ep = r.entryPrice, side = r.side.sign
        let margin = try isolatedMargin(r)
        let fee = r.takerFee ?? 0
        let lp = (ep - side * margin / q) / (1 - side * (fixed.maintenanceMarginRate + fee))
        let maintenance = r.notional * fixed.maintenanceMarginRate
        return LiquidationResult(
            exchange: .okx, symbol: r.symbol.uppercased(), side: r.side, marginMode: .isolated,
            liquidationPrice: Self.positive(lp), bankruptcyPrice: Self.positive(ep - side * margin / q),
            maintenanceMarginRate: fixed.maintenanceMarginRate, maintenanceAmount: 0, tier: nil, entryTier: nil,
            tierPath: [], maxLeverage: nil, notional: r.notional, initialMargin: initialMargin(r),
            positionMargin: margin, maintenanceMargin: maintenance, marginRatio: maintenance / margin)
    }
}
