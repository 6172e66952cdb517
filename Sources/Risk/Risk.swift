// Risk: leverage and risk arithmetic, pure (MarketCore + Foundation for the tier files only).
//
// Entry points (the CLI and services only parse and call these):
// - `LiquidationCalculator.compute(_: LiquidationRequest) -> LiquidationResult`  (`sextant liquidation`)
//   and `largestPosition(exchange:symbol:leverage:price:)`, `marginRatio(_:markPrice:)`;
//   tier tables: `TierTables.bundled` (Sources/Risk/Resources) or `TierTables(binanceJSON:bybitJSON:)`.
// - `PositionSizer.size(_: PositionSizeRequest) -> PositionSize`                   (`sextant size`)
// - `RiskMetrics.report(series:benchmark:periodsPerYear:) -> RiskReport`          (`sextant risk`)
//   and the single metrics: `closeToCloseVolatility`, `parkinsonVolatility`, `garmanKlassVolatility`,
//   `historicalVaR`, `parametricVaR`, `maxDrawdown`, `beta`, `correlation`, `sharpeRatio`, `sortinoRatio`.
// - `GARCH11.fit(returns:)` / `GARCH11.fit(closes:) -> GARCHFit`                  (`sextant garch`)
// - `LeverageAdvisor.advise(series:request:) -> LeverageAdvice`                    (`sextant leverage`)
//   with `LeverageAdvisor.horizonBars(parsing:timeframe:)` for `--horizon 7d`.
// Every failure is a `RiskError` whose description says what was wrong and what is allowed.
