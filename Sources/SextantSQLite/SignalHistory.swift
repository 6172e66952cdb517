import GRDB
import MarketCore
import SextantServices

extension SQLiteMarketRepository: SignalHistoryStore {
    public func recordSignalEvents(_ events: [StoredSignalEvent]) throws -> Int {
        try database.writer.write { db in
            for e in events {
                try db.execute(sql: """
                    INSERT INTO signal_event(symbol, timeframe, time, signal, probability, entry_price, model, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(symbol, timeframe, time) DO UPDATE SET signal = excluded.signal, probability = excluded.probability,
                    entry_price = excluded.entry_price, model = excluded.model, recorded_at = excluded.recorded_at
                    """, arguments: [e.symbol, e.timeframe.rawValue, e.time.milliseconds, e.signal, e.probability, e.entryPrice,
                                     e.model, e.recordedAt.milliseconds])
            }
            return events.count
        }
    }

    public func signalEvents(symbol: String?, timeframe: Timeframe?) throws -> [StoredSignalEvent] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT symbol, timeframe, time, signal, probability, entry_price, model, recorded_at FROM signal_event
                WHERE (?1 IS NULL OR symbol = ?1) AND (?2 IS NULL OR timeframe = ?2) ORDER BY time, symbol
                """, arguments: [symbol?.uppercased(), timeframe?.rawValue]).compactMap { r in
                guard let tf = Timeframe(rawValue: r[1]) else { return nil }
                return StoredSignalEvent(symbol: r[0], timeframe: tf, time: Timestamp(milliseconds: r[2]), signal: r[3],
                                         probability: r[4], entryPrice: r[5], model: r[6], recordedAt: Timestamp(milliseconds: r[7]))
            }
        }
    }
}
