import GRDB
import MarketCore

/// The SQLite database: one file, WAL journal, migrations applied on open.
///
/// Location: `--db PATH`, else `$SEXTANT_DB`, else `~/.sextant/sextant.sqlite` (see `AppDatabase.defaultPath`).
public final class AppDatabase: Sendable {
    public let writer: DatabasePool

    /// Opens (creating if needed) the database at `path` and migrates it.
    public init(path: String) throws {
        var config = Configuration()
        config.prepareDatabase { db in
            // WAL is set by DatabasePool; NORMAL sync is durable across application crashes in WAL mode.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32768")   // 32 MiB page cache per connection
        }
        config.busyMode = .timeout(10)
        writer = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(writer)
    }

    /// The database path from an explicit option, the environment, or the default in the home folder.
    public static func resolvePath(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["SEXTANT_DB"], !env.isEmpty { return env }
        let home = environment["HOME"] ?? "."
        return home + "/.sextant/sextant.sqlite"
    }

    /// Named migrations. Once shipped, a migration is frozen: changes go in a new one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: market data") { db in
            try db.execute(sql: """
                CREATE TABLE asset (
                    symbol TEXT PRIMARY KEY NOT NULL,
                    name TEXT,
                    sectors TEXT NOT NULL DEFAULT ''
                );
                -- One row per (asset, timeframe): candles key on its integer id, which keeps the
                -- candle B-tree compact and its key comparisons cheap.
                CREATE TABLE series (
                    id INTEGER PRIMARY KEY,
                    symbol TEXT NOT NULL REFERENCES asset(symbol),
                    timeframe TEXT NOT NULL,
                    UNIQUE (symbol, timeframe)
                );
                CREATE TABLE candle (
                    series_id INTEGER NOT NULL REFERENCES series(id),
                    time INTEGER NOT NULL,
                    open REAL NOT NULL,
                    high REAL NOT NULL,
                    low REAL NOT NULL,
                    close REAL NOT NULL,
                    volume REAL NOT NULL,
                    PRIMARY KEY (series_id, time)
                ) WITHOUT ROWID;
                CREATE TABLE market_cap (
                    symbol TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    market_cap REAL NOT NULL,
                    PRIMARY KEY (symbol, time)
                ) WITHOUT ROWID;
                CREATE TABLE funding_rate (
                    symbol TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    rate REAL NOT NULL,
                    PRIMARY KEY (symbol, time)
                ) WITHOUT ROWID;
                CREATE TABLE headline (
                    id INTEGER PRIMARY KEY,
                    time INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    source TEXT,
                    url TEXT,
                    extra TEXT NOT NULL DEFAULT '{}',
                    UNIQUE (time, title)
                );
                CREATE INDEX headline_time ON headline(time);
                CREATE TABLE market_metric (
                    name TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    value REAL NOT NULL,
                    PRIMARY KEY (name, time)
                ) WITHOUT ROWID;
                CREATE TABLE ingest_log (
                    id INTEGER PRIMARY KEY,
                    file TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    format TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    rows_stored INTEGER NOT NULL,
                    ingested_at INTEGER NOT NULL
                );
                CREATE INDEX ingest_log_hash ON ingest_log(content_hash);
                """)
        }
        m.registerMigration("v2: signals") { db in
            try db.execute(sql: """
                -- Signal changes, so that ROI since a signal can be recomputed later from the stored bars.
                CREATE TABLE signal_event (
                    symbol TEXT NOT NULL,
                    timeframe TEXT NOT NULL,
                    time INTEGER NOT NULL,
                    signal INTEGER NOT NULL CHECK (signal IN (-1, 0, 1)),
                    probability REAL NOT NULL,
                    entry_price REAL NOT NULL,
                    model TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    PRIMARY KEY (symbol, timeframe, time)
                ) WITHOUT ROWID;
                """)
        }
        registerAPIKeyMigration(&m)
        return m
    }
}
