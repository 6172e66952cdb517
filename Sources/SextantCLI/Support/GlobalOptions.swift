import ArgumentParser
import Foundation
import SextantServices
import SextantSQLite

/// Options every command takes.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $SEXTANT_DB, else ~/.sextant/sextant.sqlite).")
    public var db: String?

    @Option(name: .long, help: "Diagnostics on stderr: trace, debug, info, warning, error.")
    public var logLevel: LogLevel = .info

    public init() {}

    /// The resolved database path.
    public var databasePath: String {
        AppDatabase.resolvePath(option: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store, creating the folder of the default location if needed.
    public func openRepository() throws -> SQLiteMarketRepository {
        let path = databasePath
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        log.debug("database: \(path)")
        return try SQLiteMarketRepository(path: path)
    }

    public var log: Log { Log(level: logLevel) }
}

/// Diagnostic levels.
public enum LogLevel: String, ExpressibleByArgument, CaseIterable, Comparable, Sendable {
    case trace, debug, info, warning, error
    public static func < (a: LogLevel, b: LogLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Writes diagnostics to stderr at or above a level; stdout stays for the command's output.
public struct Log: Sendable {
    public let level: LogLevel
    public func trace(_ m: @autoclosure () -> String) { write(.trace, m()) }
    public func debug(_ m: @autoclosure () -> String) { write(.debug, m()) }
    public func info(_ m: @autoclosure () -> String) { write(.info, m()) }
    public func warning(_ m: @autoclosure () -> String) { write(.warning, m()) }
    public func error(_ m: @autoclosure () -> String) { write(.error, m()) }
    func write(_ l: LogLevel, _ m: String) {
        guard l >= level else { return }
        FileHandle.standardError.write(Data(((l >= .warning ? "\(l.rawValue): " : "") + m + "\n").utf8))
    }
}
