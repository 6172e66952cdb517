import Backtest
import Foundation
import MarketCore
import Testing
import TestSupport

@Suite struct OutputTests {
    static func run() throws -> (BacktestResult, CandleSeries) {
        let series = try ReferenceInputs.series("ETH_hourly_tail3000.csv.gz", symbol: "ETH", timeframe: .h1)
        var config = BacktestConfiguration()
        config.commission = 0.0005
        return (try Backtester.run(try SMACrossStrategy(fast: 20, slow: 50), on: series, configuration: config), series)
    }

    @Test("encodes the CLI's JSON: metrics at the top level and trades with the agreed keys")
    func json() throws {
        let (result, _) = try Self.run()
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["final_equity", "return_pct", "cagr_pct", "sharpe", "sortino", "calmar", "max_drawdown_pct", "win_rate_pct",
                    "profit_factor", "expectancy", "sqn", "exposure_time_pct", "trades_count", "liquidations", "fees_paid",
                    "funding_paid", "trades", "gaps", "intrabar_assumption"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let trades = try #require(object["trades"] as? [[String: Any]])
        #expect(trades.count == result.trades.count)
        let first = try #require(trades.first)
        for key in ["entry_bar", "exit_bar", "entry_price", "exit_price", "return_pct", "exit_reason"] {
            #expect(first[key] != nil, "trade is missing \(key)")
        }
        #expect(first["exit_reason"] as? String == "signal")
        let decoded = try JSONDecoder().decode(BacktestResult.self, from: data)
        #expect(decoded.trades == result.trades)
        #expect(decoded.metrics == result.metrics)
    }

    @Test("writes one equity CSV row per bar, with the final equity and the drawdown")
    func equityCSV() throws {
        let (result, series) = try Self.run()
        let csv = EquityCurveCSV.make(result: result, series: series)
        let table = NumericTable(csv: csv)
        #expect(table.header == ["time", "close", "equity", "drawdown_pct", "position"])
        #expect(table.rowCount == series.count)
        #expect(table["equity"]?.last == result.metrics.finalEquity)
        #expect(table["drawdown_pct"]?.min() == result.metrics.maxDrawdownPct)
        let held = (table["position"] ?? []).filter { $0 != 0 }.count
        #expect(held == result.trades.reduce(0) { $0 + $1.exitBar - $1.entryBar })
    }

    @Test("draws an SVG with the price, equity and drawdown and a marker per entry and exit")
    func chart() throws {
        let (result, series) = try Self.run()
        let svg = BacktestChart.svg(result: result, series: series)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>\n"))
        for panel in ["class=\"price\"", "class=\"equity\"", "class=\"drawdown %\""] { #expect(svg.contains(panel)) }
        #expect(svg.components(separatedBy: "class=\"entry\"").count - 1 == result.trades.count)
        #expect(svg.components(separatedBy: "class=\"exit\"").count - 1 == result.trades.count)
        let empty = BacktestChart.svg(result: result, series: CandleSeries(symbol: "X", timeframe: .h1))
        #expect(empty.contains("no data"))
    }
}

@Suite struct ConfigurationCodingTests {
    @Test("round-trips the configuration through JSON with readable slippage")
    func configurationJSON() throws {
        var config = BacktestConfiguration()
        config.slippage = .fraction(0.0002)
        config.stopLoss = 0.05
        config.side = .both
        let data = try JSONEncoder().encode(config)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"model\":\"fraction\""))
        #expect(text.contains("\"stop_loss\":0.05"))
        #expect(try JSONDecoder().decode(BacktestConfiguration.self, from: data) == config)
    }

    @Test("parses --param NAME=VALUE and rejects other text")
    func parameterAssignment() throws {
        let p = try StrategyCatalog.parseAssignment("fast=12", strategy: "sma-cross")
        #expect(p.name == "fast" && p.value == 12)
        #expect(throws: BacktestError.self) { try StrategyCatalog.parseAssignment("fast", strategy: "sma-cross") }
        #expect(throws: BacktestError.self) { try StrategyCatalog.parseAssignment("fast=ten", strategy: "sma-cross") }
    }
}
