import Foundation
import HTTPTypes
import Hummingbird
import MarketCore
import SextantServices

extension APIRoutes {
    /// The universe snapshot this request is answered from (see `SignalQueryService.latestSnapshot`): the request's
    /// `timeframe` picks it, the server clock and the data version date it.
    func latestSnapshot(_ request: Request, version: Int64) throws -> SignalSnapshot {
        var q = try QueryReader(request)
        return try services.signals.latestSnapshot(now: services.clock(), timeframe: try Self.signalTimeframe(&q), dataVersion: version)
    }

    /// `/v1/trading-signals`, `/v1/trading-signals/history`, `/v1/trader-grades`, `/v1/investor-grades`,
    /// `/v1/performance` and `/v1/risk`.
    func registerSignalRoutes(on v1: RouterGroup<SextantRequestContext>) {
        v1.get("trading-signals") { request, _ in
            let version = try services.version.current()
            let snap = try latestSnapshot(request, version: version)
            return try await cached(request, keySuffix: "@\(snap.asOf.milliseconds)", version: version) {
                var q = try QueryReader(request)
                let list = try Self.signalListQuery(&q, defaultSort: .roiSinceSignal, gradeKind: nil)
                let paging = try q.paging()
                try q.finish()
                return ListEnvelope(try services.signals.currentSignals(list, in: snap),
                                    paging: paging)
            }
        }
        v1.get("trading-signals/history") { request, _ in
            let version = try services.version.current()
            let snap = try latestSnapshot(request, version: version)
            return try await cached(request, keySuffix: "@\(snap.asOf.milliseconds)", version: version) {
                var q = try QueryReader(request)
                let symbols = try Self.symbolFilter(&q)
                let tf = try Self.signalTimeframe(&q)
                let signal = try Self.optionalChoice(&q, "signal", SignalDirection.self)
                let range = try q.timeRange()
                let status = try q.string("status")
                let active: Bool?
                switch status?.lowercased() {
                case nil, "all": active = nil
                case "active": active = true
                case "ended": active = false
                default: throw APIError.invalidParameter(name: "status", value: status ?? "", allowed: "one of all, active, ended")
                }
                let sample = try q.string("sample")
                guard sample == nil || ["all", "out_of_sample"].contains(sample!.lowercased()) else {
                    throw APIError.invalidParameter(name: "sample", value: sample ?? "", allowed: "one of all, out_of_sample")
                }
                let sort = try q.choice("sort", default: SignalHistorySortKey.entryTime)
                let descending = try q.descending(default: true)
                let paging = try q.paging()
                try q.finish()
                let hq = SignalHistoryQuery(symbols: symbols, timeframe: tf, signal: signal, from: range.from, to: range.to, active: active,
                                            outOfSampleOnly: sample?.lowercased() == "out_of_sample", sort: sort, descending: descending)
                return ListEnvelope(try services.signals.signalHistory(hq, in: snap),
                                    paging: paging)
            }
        }
        for kind in GradeKind.allCases {
            v1.get("\(kind.rawValue)-grades") { request, _ in
                let version = try services.version.current()
                let snap = try latestSnapshot(request, version: version)
                return try await cached(request, keySuffix: "@\(snap.asOf.milliseconds)", version: version) {
                    var q = try QueryReader(request)
                    let list = try Self.signalListQuery(&q, defaultSort: kind == .trader ? .traderGrade : .investorGrade, gradeKind: kind)
                    let paging = try q.paging()
                    try q.finish()
                    return ListEnvelope(try services.signals.grades(kind, list, in: snap),
                                        paging: paging)
                }
            }
        }
        v1.get("performance") { request, _ in
            let version = try services.version.current()
            let snap = try latestSnapshot(request, version: version)
            return try await cached(request, keySuffix: "@\(snap.asOf.milliseconds)", version: version) {
                var q = try QueryReader(request)
                let list = try Self.signalListQuery(&q, defaultSort: .return30d, gradeKind: nil)
                let paging = try q.paging()
                try q.finish()
                return ListEnvelope(try services.signals.performance(list, in: snap),
                                    paging: paging)
            }
        }
        v1.get("risk") { request, _ in
            let version = try services.version.current()
            let snap = try latestSnapshot(request, version: version)
            return try await cached(request, keySuffix: "@\(snap.asOf.milliseconds)", version: version) {
                var q = try QueryReader(request)
                let list = try Self.signalListQuery(&q, defaultSort: .riskScore, gradeKind: nil, defaultDescending: false)
                let paging = try q.paging()
                try q.finish()
                return ListEnvelope(try services.signals.riskScores(list, in: snap),
                                    paging: paging)
            }
        }
    }

    /// The filters and order shared by the signal, grade, performance and risk listings: `symbols` (or `symbol`),
    /// `sector`, `narrative`, `timeframe`, `min_grade`/`max_grade` (on `grade`, unless the endpoint fixes the
    /// kind), `signal`, `sort`, `order`.
    static func signalListQuery(_ q: inout QueryReader, defaultSort: SignalSortKey, gradeKind fixed: GradeKind?,
                                defaultDescending: Bool = true) throws -> SignalListQuery {
        let symbols = try symbolFilter(&q)
        let sector = try q.word("sector")
        let narrative = try q.word("narrative")
        let tf = try signalTimeframe(&q)
        let minGrade = try optionalDouble(&q, "min_grade", range: 0...100)
        let maxGrade = try optionalDouble(&q, "max_grade", range: 0...100)
        if let lo = minGrade, let hi = maxGrade, lo > hi {
            throw APIError.invalidParameter(name: "max_grade", value: "\(hi)", allowed: "a grade at or above min_grade (\(lo))")
        }
        let kind = try fixed ?? q.choice("grade", default: GradeKind.trader)
        let signal = try optionalChoice(&q, "signal", SignalDirection.self)
        let sort = try q.choice("sort", default: defaultSort)
        let descending = try q.descending(default: defaultDescending)
        return SignalListQuery(symbols: symbols, sector: sector, narrative: narrative, timeframe: tf, minGrade: minGrade, maxGrade: maxGrade,
                               gradeKind: kind, signal: signal, sort: sort, descending: descending)
    }

    /// `symbols=BTC,ETH` (or `symbol=`, as on `/v1/tokens`; not both).
    static func symbolFilter(_ q: inout QueryReader) throws -> Set<String>? {
        let plural = try q.symbols("symbols")
        let single = try q.symbols("symbol")
        if plural != nil, single != nil {
            throw APIError.invalidParameter(name: "symbol", value: single!.sorted().joined(separator: ","), allowed: "either symbols or symbol, not both")
        }
        return plural ?? single
    }

    /// A signal timeframe: 1d or finer (the models' timeframes).
    static func signalTimeframe(_ q: inout QueryReader) throws -> Timeframe? {
        guard let tf = try q.timeframe() else { return nil }
        guard tf <= .d1 else {
            throw APIError.invalidParameter(name: "timeframe", value: tf.rawValue,
                                            allowed: "one of " + Timeframe.allCases.filter { $0 <= .d1 }.map(\.rawValue).joined(separator: ", "))
        }
        return tf
    }

    static func optionalDouble(_ q: inout QueryReader, _ name: String, range: ClosedRange<Double>) throws -> Double? {
        guard try q.string(name, maxLength: 24) != nil else { return nil }
        return try q.double(name, default: .nan, range: range)
    }

    static func optionalChoice<T: RawRepresentable & CaseIterable>(_ q: inout QueryReader, _ name: String, _: T.Type) throws -> T?
    where T.RawValue == String {
        guard let s = try q.string(name) else { return nil }
        guard let v = T(rawValue: s.lowercased()) else {
            throw APIError.invalidParameter(name: name, value: s, allowed: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }
}
