import Foundation

/// The OpenAPI parts of the signal, grade, performance, risk, liquidation, leverage and backtest endpoints.
extension OpenAPIDocument {
    static var nnum: JSON { nullable("number") }
    static var nstr: JSON { nullable("string") }
    static var nint: JSON { nullable("integer") }
    /// The model behind `predicted_volatility`: GARCH(1,1), or the EWMA fallback (`volatility_note` says why).
    static var volatilityModel: JSON { ["type": ["string", "null"], "enum": ["garch11", "ewma", NSNull()]] }

    static let signalSortKeys = ["symbol", "roi_since_signal", "signal_return", "probability", "entry_time", "trader_grade", "investor_grade",
                                 "return_24h", "return_7d", "return_30d", "return_90d", "return_ytd", "return_since_listing",
                                 "predicted_volatility", "risk_score", "max_drawdown", "roi_rank", "risk_rank"]
    static let signalTimeframes = ["1m", "5m", "15m", "1h", "4h", "1d"]

    /// Filters, sorting and paging of the signal, grade, performance and risk listings.
    static func signalListParams(sortDefault: String, gradeChoice: Bool) -> [JSON] {
        var p: [JSON] = [
            query("symbols", str, "Comma-separated symbols (BTC,ETH); `symbol` is accepted too. An unknown symbol is a 404."),
            query("sector", str, "Sector of the bundled taxonomy (L1, DeFi, ...), case-insensitive."),
            query("narrative", str, "Only tokens linked to this narrative term (GET /v1/narratives); an unknown term is a 404."),
            query("timeframe", ["type": "string", "enum": signalTimeframes], "Signal series timeframe (default: per token, the series with the most recent bar)."),
            query("min_grade", ["type": "number", "minimum": 0, "maximum": 100], "Lowest grade (inclusive); tokens without a grade are left out."),
            query("max_grade", ["type": "number", "minimum": 0, "maximum": 100], "Highest grade (inclusive)."),
            query("signal", ["type": "string", "enum": ["bullish", "bearish", "neutral"]], "Current signal direction."),
            query("sort", ["type": "string", "enum": signalSortKeys, "default": sortDefault],
                  "Sort key (return_* are the roi_* windows); tokens without a value go last, ties by symbol."),
            order,
        ]
        if gradeChoice {
            p.append(query("grade", ["type": "string", "enum": ["trader", "investor"], "default": "trader"], "Which grade min_grade and max_grade apply to."))
        }
        return p + paging
    }

    static var signalSchemas: JSON {
        let subGrade = object(["name": str, "score": num, "weight": num, "detail": str], required: ["name", "score", "weight", "detail"])
        let metrics = object(["initial_cash": nnum, "final_equity": nnum, "return_pct": nnum, "cagr_pct": nnum, "sharpe": nnum, "sortino": nnum,
                              "calmar": nnum, "max_drawdown_pct": nnum, "win_rate_pct": nnum, "profit_factor": nnum, "expectancy": nnum,
                              "expectancy_pct": nnum, "sqn": nnum, "exposure_time_pct": nnum, "fees_paid": nnum, "funding_paid": nnum,
                              "trades_count": int, "liquidations": int], required: ["trades_count", "liquidations"])
        return [
            "TradingSignal": object([
                "symbol": str, "name": nstr, "sector": nstr, "timeframe": str, "last_bar": nstr,
                "signal": nint, "signal_type": nstr,
                "probability": nnum, "score": nnum, "entry_time": nstr, "entry_price": nnum, "last_price": nnum,
                "roi_since_signal": nnum, "signal_return": nnum, "strategy_return": nnum, "buy_and_hold_return": nnum,
                "drivers": array(object(["feature": str, "value": num, "contribution": num], required: ["feature", "value", "contribution"])),
                "trader_grade": nnum, "investor_grade": nnum, "roi_24h": nnum, "roi_7d": nnum, "roi_30d": nnum, "stale": ["type": "boolean"], "note": nstr,
            ], required: ["symbol", "timeframe", "drivers", "stale"]),
            "SignalHistory": object([
                "symbol": str, "timeframe": str, "entry_time": str, "entry_price": num, "signal": int, "signal_type": str, "probability": num,
                "score": num, "end_time": nstr, "roi_since_signal": num, "signal_return": num, "active": ["type": "boolean"], "in_sample": ["type": "boolean"],
            ], required: ["symbol", "timeframe", "entry_time", "entry_price", "signal", "signal_type", "probability", "roi_since_signal", "active", "in_sample"]),
            "Grade": object([
                "symbol": str, "name": nstr, "sector": nstr, "timeframe": str, "last_bar": nstr, "kind": ["type": "string", "enum": ["trader", "investor"]],
                "grade": nnum, "other_grade": nnum, "sub_grades": array(subGrade), "pulled_up": array(str), "pulled_down": array(str),
                "explanation": str, "stale": ["type": "boolean"],
            ], required: ["symbol", "timeframe", "kind", "sub_grades", "explanation", "stale"]),
            "Performance": object([
                "symbol": str, "name": nstr, "sector": nstr, "timeframe": str, "last_bar": nstr, "roi_24h": nnum, "roi_7d": nnum, "roi_30d": nnum,
                "roi_90d": nnum, "roi_ytd": nnum, "roi_since_listing": nnum, "predicted_volatility": nnum, "volatility_model": volatilityModel,
                "volatility_note": nstr, "max_drawdown": nnum, "roi_rank": nint,
                "stale": ["type": "boolean"],
            ], required: ["symbol", "timeframe", "stale"]),
            "RiskScore": object([
                "symbol": str, "name": nstr, "sector": nstr, "timeframe": str, "last_bar": nstr, "risk_score": nnum, "risk_rank": nint,
                "predicted_volatility": nnum, "volatility_model": volatilityModel, "volatility_note": nstr, "max_drawdown": nnum,
                "tail_loss": nnum, "stale": ["type": "boolean"],
            ], required: ["symbol", "timeframe", "stale"]),
            "Liquidation": object([
                "exchange": str, "symbol": str, "side": str, "margin_mode": str, "liquidation_price": nnum, "bankruptcy_price": nnum,
                "maintenance_margin_rate": num, "maintenance_amount": num, "tier": nint, "entry_tier": nint, "tier_path": array(int),
                "max_leverage": nnum, "notional": num, "initial_margin": nnum, "position_margin": num, "maintenance_margin": num,
                "margin_ratio": nnum, "other_maintenance_margin": num, "other_unrealized_pnl": num, "other_positions": array(["type": "object"]),
            ], required: ["exchange", "symbol", "side", "margin_mode", "maintenance_margin_rate", "notional", "maintenance_margin"]),
            "LeverageAdvice": object([
                "symbol": str, "side": str, "horizon_bars": int, "stop_distance": nnum, "liquidation_threshold": num, "historical_windows": int,
                "bootstrap_paths": int, "block_length": int, "seed": int, "stop_probability": nnum, "mean_funding_paid_on_notional": nnum,
                "rows": array(object([
                    "leverage": int, "liquidation_distance": nnum, "liquidation_probability": num, "historical_liquidation_probability": num,
                    "bootstrap_liquidation_probability": nnum, "return_on_margin_p5": num, "return_on_margin_p50": num,
                    "return_on_margin_p95": num, "mean_funding_paid_on_margin": nnum,
                ], required: ["leverage", "liquidation_probability", "return_on_margin_p50"])),
                "recommended_leverage": nint, "recommendation": str,
            ], required: ["symbol", "side", "horizon_bars", "rows", "recommendation"]),
            "StrategyBacktest": object([
                "strategy": str, "symbol": str, "timeframe": str, "bars": int, "first_bar": nstr, "last_bar": nstr, "combinations": int,
                "work": int, "work_limit": int, "parameters": ["type": ["object", "null"], "additionalProperties": num],
                "metrics": metrics.merging(["type": ["object", "null"]]) { _, b in b },
                "trades": ["type": ["array", "null"], "items": object(["side": str, "entry_time": str, "exit_time": str, "entry_price": num,
                                                                      "exit_price": num, "quantity": num, "pnl": nnum, "return_pct": nnum,
                                                                      "fees": nnum, "funding": nnum, "exit_reason": str],
                                                                     required: ["side", "entry_time", "exit_time", "entry_price", "exit_price", "exit_reason"])],
                "trades_total": nint, "ranked_by": nstr,
                "results": ["type": ["array", "null"], "items": object(["parameters": ["type": "object", "additionalProperties": num], "metrics": metrics],
                                                                       required: ["parameters", "metrics"])],
                "skipped_combinations": nint,
            ], required: ["strategy", "symbol", "timeframe", "bars", "combinations", "work", "work_limit"]),
            "StrategyBacktestRequest": object([
                "symbol": str, "timeframe": ["type": "string", "enum": ["1m", "5m", "15m", "1h", "4h", "1d", "1w"]],
                "strategy": ["type": "string", "enum": ["sma-cross", "rsi-reversion", "donchian-breakout"]],
                "params": ["type": "object", "additionalProperties": num, "maxProperties": 20],
                "grid": ["type": "array", "maxItems": 4,
                         "items": object(["name": str, "from": num, "to": num, "step": ["type": "number", "exclusiveMinimum": 0]],
                                         required: ["name", "from", "to", "step"])],
                "start_date": ["type": "string", "format": "date"], "end_date": ["type": "string", "format": "date"],
                "commission": num, "slippage": num, "leverage": ["type": "number", "minimum": 1, "maximum": 200],
                "side": ["type": "string", "enum": ["long", "short", "both"]], "cash": num, "stop_loss": num, "take_profit": num,
                "rank_by": ["type": "string", "enum": ["return", "cagr", "sharpe", "sortino", "calmar", "max-drawdown", "win-rate", "profit-factor",
                                                      "expectancy", "sqn", "final-equity"]],
                "top": ["type": "integer", "minimum": 1, "maximum": 100, "default": 20],
            ], required: ["symbol", "strategy"]),
        ]
    }

    static var signalPaths: JSON {
        let fraction: JSON = ["type": "string", "pattern": "^[0-9.]+%?$"]
        return [
            "/v1/trading-signals": ["get": op("listTradingSignals",
                                              "Current model signals (bullish, bearish, neutral) with probability, entry price and date, ROI since the signal, drivers, grades and returns. Ratios are fractions (0.05 = 5%).",
                                              signalListParams(sortDefault: "roi_since_signal", gradeChoice: true), list("TradingSignal"), tag: "signals")],
            "/v1/trading-signals/history": ["get": op("signalHistory",
                                                      "Every signal change of the models over the stored bars with its ROI to the next change; calls inside a model's training data are marked in_sample.",
                                                      [query("symbols", str, "Comma-separated symbols (or `symbol`)."),
                                                       query("timeframe", ["type": "string", "enum": signalTimeframes], "Signal series timeframe."),
                                                       query("signal", ["type": "string", "enum": ["bullish", "bearish", "neutral"]], "Direction."),
                                                       query("status", ["type": "string", "enum": ["all", "active", "ended"]], "Active or ended signals."),
                                                       query("sample", ["type": "string", "enum": ["all", "out_of_sample"]], "out_of_sample leaves out in-sample calls."),
                                                       query("sort", ["type": "string", "enum": ["entry_time", "roi_since_signal", "signal_return", "probability", "symbol"], "default": "entry_time"], "Sort key."),
                                                       order] + range + paging,
                                                      list("SignalHistory"), tag: "signals")],
            "/v1/trader-grades": ["get": op("listTraderGrades", "Trader Grades (0-100, short term) with sub-grades and explanations.",
                                            signalListParams(sortDefault: "trader_grade", gradeChoice: false), list("Grade"), tag: "signals")],
            "/v1/investor-grades": ["get": op("listInvestorGrades", "Investor Grades (0-100, long term, daily bars) with sub-grades and explanations.",
                                              signalListParams(sortDefault: "investor_grade", gradeChoice: false), list("Grade"), tag: "signals")],
            "/v1/performance": ["get": op("listPerformance", "ROI over 24h, 7d, 30d, 90d, year to date and since listing, predicted volatility and the 30-day ROI rank (fractions).",
                                          signalListParams(sortDefault: "return_30d", gradeChoice: true), list("Performance"), tag: "signals")],
            "/v1/risk": ["get": op("listRisk", "Risk score (0-100, higher is riskier), its figures and the risk rank; ascending by default.",
                                   signalListParams(sortDefault: "risk_score", gradeChoice: true), list("RiskScore"), tag: "risk")],
            "/v1/liquidation": ["get": op("liquidation", "Liquidation and bankruptcy price, tier and margins of a USDT-margined perpetual (as `sextant liquidation`).",
                                          [query("exchange", ["type": "string", "enum": ["binance", "bybit", "okx"], "default": "binance"], "Exchange whose formula applies."),
                                           query("symbol", str, "Exchange symbol such as BTCUSDT (picks the tier table).", required: true),
                                           query("side", ["type": "string", "enum": ["long", "short"]], "Position side.", required: true),
                                           query("entry", ["type": "number", "exclusiveMinimum": 0], "Entry price.", required: true),
                                           query("quantity", ["type": "number", "exclusiveMinimum": 0], "Size in base units.", required: true),
                                           query("leverage", ["type": "number", "minimum": 1], "Leverage (checked against the tier's maximum)."),
                                           query("margin_mode", ["type": "string", "enum": ["isolated", "cross"], "default": "isolated"], "Margin mode (cross: Binance only)."),
                                           query("wallet_balance", ["type": "number", "exclusiveMinimum": 0], "Wallet balance (cross)."),
                                           query("extra_margin", ["type": "number", "minimum": 0], "Margin added to an isolated position."),
                                           query("margin", ["type": "number", "exclusiveMinimum": 0], "Isolated margin given directly instead of notional / leverage."),
                                           query("maintenance_margin_rate", ["type": "number", "minimum": 0, "maximum": 0.99], "Fixed maintenance rate instead of the tier table (required for OKX)."),
                                           query("taker_fee", ["type": "number", "minimum": 0, "maximum": 0.99], "Taker fee rate (OKX formula).")],
                                          item("Liquidation"), tag: "risk")],
            "/v1/leverage": ["get": op("leverageAdvisor",
                                       "Probability of liquidation at each leverage from the token's real price paths and a seeded bootstrap, and the highest safe leverage (as `sextant leverage`). Work bound: (windows + paths) x horizon bars <= 20,000,000.",
                                       [query("symbol", str, "Stored token (BTC).", required: true),
                                        query("side", ["type": "string", "enum": ["long", "short"], "default": "long"], "Position side."),
                                        query("horizon", ["type": "string", "default": "7d"], "Holding horizon: bars or 36h, 7d, 2w."),
                                        query("stop", fraction, "Stop distance, 0.05 or 5% (none: hold to the horizon)."),
                                        query("exchange", ["type": "string", "enum": ["binance", "bybit", "okx"], "default": "binance"], "Exchange arithmetic."),
                                        query("threshold", fraction, "Highest acceptable liquidation probability (default 1%)."),
                                        query("paths", ["type": "integer", "minimum": 0, "maximum": 20000, "default": 2000], "Bootstrap paths."),
                                        query("seed", ["type": "integer", "minimum": 0, "default": 1], "Bootstrap seed.")],
                                       item("LeverageAdvice"), tag: "risk")],
            "/v1/backtest": ["post": op("strategyBacktest",
                                        "Backtest a strategy (or a grid of parameters) on a token's stored bars. Work bound: bars x combinations <= 5,000,000 and at most 1,000 combinations (400 naming grid or start_date beyond); body at most 16 KiB (413).",
                                        [], item("StrategyBacktest"), tag: "backtest", extraErrors: ["413", "415"], body: ref("StrategyBacktestRequest"))],
        ]
    }
}
