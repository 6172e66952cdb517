// swift-tools-version: 6.1
import PackageDescription
import class Foundation.ProcessInfo

// One settings array for every target: Swift 6 language mode with strict concurrency.
let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

// The pure numeric targets are optimised in debug builds too, so `swift test` runs walk-forwards, indicators and
// backtests at release speed (the suite took 11 minutes unoptimised). Values do not change: Swift never relaxes
// IEEE arithmetic at -O. `SEXTANT_DEBUG_NUMERICS=1` builds them unoptimised again, for stepping through in a debugger.
let numericSettings: [SwiftSetting] = settings
    + (ProcessInfo.processInfo.environment["SEXTANT_DEBUG_NUMERICS"] == nil ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : [])

// The indicators also compile Swift's `squareRoot()` without C's errno side effect (`-fno-math-errno`, the default
// on Darwin but not on Linux): with it a square root is one instruction and element-wise loops vectorise (`sqrtpd`),
// as TA-Lib's C does; values are the same correctly rounded roots. Nothing in Swift reads errno.
let indicatorSettings: [SwiftSetting] = numericSettings + [.unsafeFlags(["-Xcc", "-fno-math-errno"])]

// `SEXTANT_CORE_ONLY=1 swift test` builds and tests only the pure numeric core (no GRDB, no CLI),
// which compiles in a fraction of the time. CI and the README use the full package.
let coreOnly = ProcessInfo.processInfo.environment["SEXTANT_CORE_ONLY"] != nil

var targets: [Target] = [
    // C shim over the system zlib, used to read `.gz` files without extra packages.
    .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),

    // Pure core: no NIO, GRDB, Hummingbird or Logging below this line.
    .target(name: "MarketCore", swiftSettings: numericSettings),
    .target(name: "MarketData", dependencies: ["MarketCore", "CZlib"], swiftSettings: numericSettings),
    .target(name: "Indicators", dependencies: ["MarketCore"], swiftSettings: indicatorSettings),
    .target(name: "Risk", dependencies: ["MarketCore"], resources: [.copy("Resources")], swiftSettings: numericSettings),
    .target(name: "Backtest", dependencies: ["MarketCore", "Indicators", "Risk"], swiftSettings: numericSettings),
    .target(name: "MarketIntel", dependencies: ["MarketCore"], resources: [.copy("Resources")], swiftSettings: numericSettings),
    .target(name: "Signals", dependencies: ["MarketCore", "Indicators", "Risk"], swiftSettings: numericSettings),

    // The indicator benchmark, shared by `sextant bench ta` and the core-only `ta-bench` executable.
    .target(name: "IndicatorBenchmarks", dependencies: ["Indicators", "MarketCore"], swiftSettings: settings),
    .executableTarget(name: "ta-bench", dependencies: ["IndicatorBenchmarks"], swiftSettings: settings),

    // Shared helpers for tests and benchmarks: fixture loading, reference-file parsing, tolerances.
    .target(name: "TestSupport", dependencies: ["MarketCore", "MarketData"], path: "Tests/TestSupport",
            swiftSettings: settings),

    .testTarget(name: "MarketCoreTests", dependencies: ["MarketCore", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "MarketDataTests", dependencies: ["MarketData", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "MarketData", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "RiskTests", dependencies: ["Risk", "MarketCore", "MarketData", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "BacktestTests", dependencies: ["Backtest", "MarketData", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "SignalsTests", dependencies: ["Signals", "MarketData", "TestSupport"], swiftSettings: settings),
    .testTarget(name: "MarketIntelTests", dependencies: ["MarketIntel", "MarketData", "TestSupport"], swiftSettings: settings),
]

var products: [Product] = [
    .library(name: "MarketCore", targets: ["MarketCore"]),
    .library(name: "Indicators", targets: ["Indicators"]),
    .executable(name: "ta-bench", targets: ["ta-bench"]),
]

var dependencies: [Package.Dependency] = []

if !coreOnly {
    dependencies += [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ]
    targets += [
        .target(name: "SextantServices",
                dependencies: ["MarketCore", "MarketData", "Indicators", "Risk", "Backtest", "MarketIntel", "Signals"],
                swiftSettings: settings),
        .target(name: "SextantSQLite",
                dependencies: ["SextantServices", "MarketCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
                swiftSettings: settings),
        // HTTP front end: JSON API, keys and tiers, market pages. Handlers only translate.
        .target(name: "SextantHTTP",
                dependencies: ["SextantServices", "SextantSQLite", "Indicators", "MarketIntel",
                               .product(name: "Hummingbird", package: "hummingbird"),
                               .product(name: "Logging", package: "swift-log"),
                               .product(name: "HTTPTypes", package: "swift-http-types")],
                resources: [.copy("Resources")],
                swiftSettings: settings),
        .target(name: "SextantCLI",
                dependencies: ["SextantServices", "SextantSQLite", "MarketData", "Indicators", "Risk", "Backtest",
                               "MarketIntel", "Signals", "SextantHTTP", "IndicatorBenchmarks",
                               .product(name: "ArgumentParser", package: "swift-argument-parser"),
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: settings),
        .executableTarget(name: "sextant", dependencies: ["SextantCLI"], swiftSettings: settings),
        .testTarget(name: "SextantSQLiteTests", dependencies: ["SextantSQLite", "SextantServices", "TestSupport"],
                    swiftSettings: settings),
        .testTarget(name: "SextantHTTPTests",
                    dependencies: ["SextantHTTP", "SextantSQLite", "SextantServices", "TestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "HTTPTypes", package: "swift-http-types"),
                                   .product(name: "Logging", package: "swift-log")],
                    swiftSettings: settings),
        .testTarget(name: "SextantCLITests", dependencies: ["SextantCLI", "SextantSQLite", "Signals", "MarketData", "TestSupport"],
                    swiftSettings: settings),
    ]
    products.append(.executable(name: "sextant", targets: ["sextant"]))
}

let package = Package(
    name: "Sextant",
    platforms: [.macOS(.v14)],
    products: products,
    dependencies: dependencies,
    targets: targets
)
