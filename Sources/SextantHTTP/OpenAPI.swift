import Foundation

/// The OpenAPI 3.1 document of the server, served at `/openapi.json`. A test checks that its paths are exactly
/// the router's routes and that answers validate against its schemas.
public enum OpenAPIDocument {
    /// The document as JSON bytes (built once).
    public static let bytes: [UInt8] = {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Array(data)
    }()

    typealias JSON = [String: Any]

    static func ref(_ name: String) -> JSON { ["$ref": "#/components/schemas/\(name)"] }
    static func nullable(_ type: String) -> JSON { ["type": [type, "null"]] }
    static func object(_ props: JSON, required: [String]) -> JSON { ["type": "object", "properties": props, "required": required] }
    static func array(_ items: JSON) -> JSON { ["type": "array", "items": items] }
    static func list(_ item: String) -> JSON {
        object(["data": array(ref(item)), "meta": ref("PageMeta")], required: ["data", "meta"])
    }
    static func item(_ name: String) -> JSON { object(["data": ref(name)], required: ["data"]) }

    static func query(_ name: String, _ schema: JSON, _ description: String, required: Bool = false) -> JSON {
        ["name": name, "in": "query", "required": required, "schema": schema, "description": description]
    }
    static func path(_ name: String, _ description: String) -> JSON {
        ["name": name, "in": "path", "required": true, "schema": ["type": "string"], "description": description]
    }
    static var paging: [JSON] {
        [
        query("limit", ["type": "integer", "minimum": 1, "maximum": 100, "default": 50], "Items per page (at most 100)."),
        query("page", ["type": "integer", "minimum": 1, "default": 1], "1-based page number."),
    ]
    }
    static var range: [JSON] {
        [
        query("start_date", ["type": "string", "format": "date"], "First day (YYYY-MM-DD, UTC), inclusive."),
        query("end_date", ["type": "string", "format": "date"], "Last day (YYYY-MM-DD, UTC), inclusive."),
    ]
    }
    static var order: JSON { query("order", ["type": "string", "enum": ["asc", "desc"]], "Sort direction.") }
    static var symbol: JSON { path("symbol", "Token symbol, 1 to 20 letters or digits (BTC, BTCUSDT).") }

    static func errors(_ codes: [String]) -> JSON {
        var out: JSON = [:]
        for c in codes { out[c] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]] }
        return out
    }

    static func op(_ id: String, _ summary: String, _ params: [JSON], _ schema: JSON, key: Bool = true, tag: String,
                   extraErrors: [String] = [], body: JSON? = nil) -> JSON {
        var responses = errors(["400", "404", "422"] + extraErrors + (key ? ["401", "403", "429"] : []))
        responses["200"] = ["description": "OK", "content": ["application/json": ["schema": schema]]]
        var o: JSON = ["operationId": id, "summary": summary, "parameters": params, "responses": responses, "tags": [tag]]
        if !key { o["security"] = [JSON]() }
        if let body { o["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        return o
    }

    static func html(_ id: String, _ summary: String, _ params: [JSON]) -> JSON {
        ["operationId": id, "summary": summary, "parameters": params, "security": [JSON](), "tags": ["pages"],
         "responses": ["200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]]]]
    }

    static var num: JSON { ["type": "number"] }
    static var int: JSON { ["type": "integer"] }
    static var str: JSON { ["type": "string"] }

    static var schemas: JSON {
        [
            "Error": object(["error": object(["status": int, "code": str, "message": str, "parameter": nullable("string")],
                                             required: ["status", "code", "message"])], required: ["error"]),
            "PageMeta": object(["page": int, "limit": int, "total": int, "pages": int, "has_more": ["type": "boolean"]],
                               required: ["page", "limit", "total", "pages", "has_more"]),
            "Token": object(["symbol": str, "name": nullable("string"), "sector": nullable("string"), "timeframe": str,
                             "last_price": num, "last_time": str, "return_24h": nullable("number"), "return_7d": nullable("number"),
                             "return_30d": nullable("number"), "volatility_30d": nullable("number"), "market_cap": nullable("number")],
                            required: ["symbol", "timeframe", "last_price", "last_time"]),
            "Bar": object(["time": str, "open": num, "high": num, "low": num, "close": num, "volume": num],
                          required: ["time", "open", "high", "low", "close", "volume"]),
            "IndicatorRow": object(["time": str, "values": ["type": "object", "additionalProperties": nullable("number")]],
                                   required: ["time", "values"]),
            "IndicatorList": object(["data": array(ref("IndicatorRow")), "meta": ref("PageMeta"),
                                     "indicator": object(["function": str, "symbol": str, "timeframe": str, "lookback": int,
                                                          "parameters": ["type": "object"], "outputs": array(str)],
                                                         required: ["function", "symbol", "timeframe", "lookback", "parameters", "outputs"])],
                                    required: ["data", "meta", "indicator"]),
            "IndicatorInfo": object(["id": str, "name": str, "group": str, "inputs": array(str), "outputs": array(str),
                                     "parameters": array(object(["name": str, "kind": str, "default_value": num, "minimum": num, "maximum": num],
                                                                required: ["name", "kind", "default_value", "minimum", "maximum"]))],
                                    required: ["id", "name", "group", "inputs", "parameters", "outputs"]),
            "MarketMetrics": object(["date": str, "altseason_index": num, "season": str, "alts_counted": int, "alts_outperforming": int,
                                     "btc_dominance_universe_pct": num, "btc_dominance_pct": nullable("number")],
                                    required: ["date", "altseason_index", "season", "alts_counted", "alts_outperforming", "btc_dominance_universe_pct"]),
            "SentimentPoint": object(["start": str, "count": int, "mean_score": num, "bullish": int, "bearish": int, "neutral": int,
                                      "net_bullish_ratio": num],
                                     required: ["start", "count", "mean_score", "bullish", "bearish", "neutral", "net_bullish_ratio"]),
            "Narrative": object(["term": str, "kind": str, "first_seen": str, "last_seen": str, "peak_date": str, "strength": num,
                                 "momentum": num, "mentions": int, "linked_tokens": array(str), "linked_sectors": array(str),
                                 "top_headlines": array(object(["time": str, "title": str], required: ["time", "title"]))],
                                required: ["term", "kind", "first_seen", "last_seen", "peak_date", "strength", "mentions", "linked_tokens"]),
            "IndexHoldings": object(["date": str, "stablecoin_weight": num, "turnover": num, "fee_paid": num, "reason": str,
                                     "constituents": array(object(["symbol": str, "weight": num, "market_cap": num, "price": num],
                                                                  required: ["symbol", "weight", "market_cap", "price"]))],
                                    required: ["date", "constituents", "stablecoin_weight"]),
            "IndexBacktest": object(["dates": array(str), "index_value": array(num), "btc_value": array(num), "plain_cap_value": array(num),
                                     "metrics": ["type": "object"], "btc_metrics": ["type": "object"], "rebalances": array(ref("IndexHoldings")),
                                     "average_turnover": num, "total_fees": num, "notes": array(str), "parameters": ["type": "object"]],
                                    required: ["dates", "index_value", "btc_value", "metrics", "rebalances"]),
            "Usage": object(["key_prefix": str, "name": str, "tier": str, "requests_per_minute": int, "monthly_quota": nullable("integer"),
                             "month_to_date": int,
                             "days": array(object(["key_id": int, "day": str, "requests": int], required: ["day", "requests"]))],
                            required: ["key_prefix", "name", "tier", "requests_per_minute", "month_to_date", "days"]),
            "Health": object(["status": str, "version": str, "data_version": int], required: ["status", "data_version"]),
            "BacktestRequest": object(["method": str, "top": int, "rebalance": str, "fee": num, "start_date": str, "end_date": str], required: []),
        ].merging(signalSchemas) { a, _ in a }
    }

    static var indexParams: [JSON] {
        [
        query("method", ["type": "string", "enum": ["cap", "equal", "grade", "signal", "plain-cap"]], "Weighting (grade: by the Investor Grade known on each rebalance day)."),
        query("top", ["type": "integer", "minimum": 1, "maximum": 50, "default": 10], "Constituents."),
        query("rebalance", ["type": "string", "enum": ["weekly", "monthly", "quarterly"]], "Rebalance frequency."),
    ]
    }

    static var paths: JSON {
        [
            "/health": ["get": op("health", "Liveness and data version.", [], ref("Health"), key: false, tag: "meta")],
            "/openapi.json": ["get": op("openapi", "This document.", [], ["type": "object"], key: false, tag: "meta")],
            "/v1/tokens": ["get": op("listTokens", "Tokens with sector, market cap, last price, returns and volatility.",
                                     [query("symbol", str, "Comma-separated symbols."), query("sector", str, "Sector (L1, DeFi, ...)."),
                                      query("sort", ["type": "string", "enum": ["market_cap", "symbol", "last_price", "return_24h", "return_7d", "return_30d", "volatility_30d"]], "Sort key."),
                                      order] + paging, list("Token"), tag: "tokens")],
            "/v1/tokens/{symbol}": ["get": op("getToken", "One token.", [symbol], item("Token"), tag: "tokens")],
            "/v1/tokens/{symbol}/bars": ["get": op("listBars", "OHLCV bars, oldest first by default.",
                                                   [symbol, query("timeframe", ["type": "string", "enum": ["1m", "5m", "15m", "1h", "4h", "1d", "1w"]], "Bar timeframe (default: the finest stored)."), order] + range + paging,
                                                   list("Bar"), tag: "tokens")],
            "/v1/tokens/{symbol}/indicators/{function}": ["get": op("computeIndicator",
                                                                    "Any catalog function over a token's bars; other query parameters are the function's parameters (timeperiod=14).",
                                                                    [symbol, path("function", "TA-Lib function name (RSI, MACD, ...)."),
                                                                     query("timeframe", str, "Bar timeframe."), order] + range + paging,
                                                                    ref("IndicatorList"), tag: "indicators")],
            "/v1/indicators": ["get": op("listIndicators", "The indicator catalog.", [query("group", str, "Group filter.")] + paging,
                                         list("IndicatorInfo"), tag: "indicators")],
            "/v1/market-metrics": ["get": op("marketMetrics", "Altcoin season index and BTC dominance per day.",
                                             [query("top", ["type": "integer", "minimum": 2, "maximum": 200, "default": 50], "Universe size."),
                                              query("window", ["type": "integer", "minimum": 1, "maximum": 365, "default": 90], "Window in days."), order] + range + paging,
                                             list("MarketMetrics"), tag: "market")],
            "/v1/sentiment": ["get": op("sentiment", "Market headline sentiment per day or hour.",
                                        [query("bucket", ["type": "string", "enum": ["daily", "hourly"]], "Bucket size."), order] + range + paging,
                                        list("SentimentPoint"), tag: "market")],
            "/v1/narratives": ["get": op("narratives", "Narratives bursting in the stored headlines.",
                                         [query("since", ["type": "string", "format": "date"], "First seen on or after.")] + paging,
                                         list("Narrative"), tag: "market")],
            "/v1/indices/holdings": ["get": op("indexHoldings", "An index's constituents and weights on a date.",
                                               [query("date", ["type": "string", "format": "date"], "Date.", required: true)] + indexParams,
                                               item("IndexHoldings"), tag: "indices")],
            "/v1/indices/backtest": [
                "get": op("indexBacktest", "Backtest an index against BTC and the plain cap-weighted index.",
                          indexParams + [query("fee", ["type": "number", "minimum": 0, "maximum": 0.05], "Fee per unit of turnover.")] + range,
                          item("IndexBacktest"), tag: "indices"),
                "post": op("indexBacktestPost", "The same backtest with a JSON body (at most 16 KiB).", [], item("IndexBacktest"),
                           tag: "indices", extraErrors: ["413", "415"], body: ref("BacktestRequest")),
            ],
            "/v1/usage": ["get": op("usage", "Requests made with the caller's key per day.", [range[0]], item("Usage"), tag: "account")],
        ].merging(signalPaths) { a, _ in a }.merging([
            "/": ["get": html("marketPage", "Token table (sort, order, sector and q in the URL).",
                              [query("sort", str, "Column."), query("order", str, "asc or desc."), query("sector", str, "Sector."), query("q", str, "Symbol filter.")])],
            "/market": ["get": html("marketOverviewPage", "Dominance, altcoin season gauge, narratives.", [])],
            "/tokens/{symbol}": ["get": html("tokenPage", "A token with its price chart.", [symbol])],
            "/assets/site.css": ["get": ["operationId": "stylesheet", "summary": "The pages' stylesheet.", "security": [JSON](), "tags": ["pages"],
                                         "responses": ["200": ["description": "CSS", "content": ["text/css": ["schema": str]]]]]],
        ]) { a, _ in a }
    }

    static var document: JSON {
        [
            "openapi": "3.1.0",
            "info": ["title": "Sextant API", "version": "1.0.0",
                     "description": "Open, self-hosted crypto market intelligence. Lists use one envelope: {data: [...], meta: {page, limit, total, pages, has_more}}; limit defaults to 50 (at most 100), page is 1-based. Errors are {error: {status, code, message, parameter}}. Send the key as x-api-key or Authorization: Bearer; answers carry X-RateLimit-Limit/Remaining/Reset."],
            "servers": [["url": "/"]],
            "security": [["apiKey": [String]()], ["bearer": [String]()]],
            "components": [
                "securitySchemes": ["apiKey": ["type": "apiKey", "in": "header", "name": "x-api-key"],
                                    "bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": schemas,
            ],
            "paths": paths,
        ]
    }
}
