// Backtest: a bar-by-bar backtester over `MarketCore.CandleSeries`.
//
// - Configuration/  what a run is allowed to do: cash, commission, slippage, leverage, sides, stops, fills.
// - Engine/         `Backtester.run`: the bar loop, fills, isolated margin and liquidation, funding.
// - Model/          trades and the Codable result the CLI prints as JSON.
// - Strategies/     the `Strategy` protocol and the built-ins (`sma-cross`, `rsi-reversion`,
//                   `donchian-breakout`, `signals`), looked up by name in `StrategyCatalog`.
// - Metrics/        one file per performance statistic, gathered by `BacktestMetrics`.
// - Grid/           parameter ranges, the parallel `GridSearch` and `GridBenchmark`.
// - Output/         the equity-curve CSV and the SVG chart (pure string building).
