extension MarketFileReader {
    /// OHLCV-like files: generic OHLCV, market-cap daily, Binance klines, CoinGecko price exports.
    static func readCandles(_ ctx: inout RowContext, format: FileFormat, options: ReadOptions,
                            hints: FileNameHints) throws(DataError) -> ParsedContent {
        let tCol, oCol, hCol, lCol, cCol: Int
        let vCol: Int?
        var mCol: Int?
        let symCol: Int?
        let priceOnly = format == .coingecko
        if ctx.header == nil {
            guard format == .binance || format == .ohlcv else {
                throw DataError(file: ctx.path, line: 1, message: "missing header row: expected column names such as timestamp,open,high,low,close,volume")
            }
            // Binance kline layout: open_time, open, high, low, close, volume, close_time, ...
            (tCol, oCol, hCol, lCol, cCol, vCol, symCol) = (0, 1, 2, 3, 4, 5, nil)
        } else {
            guard let t = timeColumn(ctx.header!) else {
                throw DataError(file: ctx.path, line: 1, message: "missing time column: expected one named \(timeNames.prefix(6).joined(separator: ", "))")
            }
            tCol = t
            if priceOnly {
                let p = try ctx.require(["price", "close"], what: "price")
                (oCol, hCol, lCol, cCol) = (p, p, p, p)
                vCol = ctx.optional(["total_volume", "volume"])
            } else {
                oCol = try ctx.require(["open"], what: "open")
                hCol = try ctx.require(["high"], what: "high")
                lCol = try ctx.require(["low"], what: "low")
                cCol = try ctx.require(["close"], what: "close")
                vCol = ctx.optional(["volume", "vol", "base_volume", "volume_base"])
            }
            mCol = ctx.optional(["market_cap", "marketcap"])
            if format == .marketcap && mCol == nil { mCol = try ctx.require(["market_cap", "marketcap"], what: "market_cap") }
            symCol = ctx.optional(["symbol"])
        }
        let needed = [tCol, oCol, hCol, lCol, cCol, vCol ?? 0, mCol ?? 0].max()! + 1

        var series = CandleSeries(symbol: "", timeframe: .d1)
        var caps = MarketCapSeries(symbol: "")
        var fileSymbol: String?
        var lastTime: Timestamp?
        var lastLine = 0

        // The common case first: a header, no quotes, no symbol column, every row valid.
        if let header = ctx.header, symCol == nil, !priceOnly, let dataStart = Self.firstDataLine(ctx.tok.bytes) {
            var roles = [FastOHLCV.Role](repeating: .skip, count: header.count)
            roles[tCol] = .time; roles[oCol] = .open; roles[hCol] = .high; roles[lCol] = .low; roles[cCol] = .close
            if let vCol { roles[vCol] = .volume }
            if let mCol { roles[mCol] = .marketCap }
            if let fast = FastOHLCV.read(ctx.tok.bytes, dataStart: dataStart, roles: roles), !fast.time.isEmpty {
                ctx.rowsRead = fast.time.count
                series = CandleSeries(symbol: "", timeframe: .d1, time: fast.time, open: fast.open, high: fast.high,
                                      low: fast.low, close: fast.close, volume: fast.volume)
                caps = MarketCapSeries(symbol: "", time: fast.capTime, marketCap: fast.cap)
                return try finishCandles(ctx, series: series, caps: caps, fileSymbol: nil, options: options, hints: hints)
            }
        }
        series.reserveCapacity(ctx.tok.bytes.count / 48)

        try ctx.forEachDataRecord { (rec, buf, ctx) throws(DataError) in
            let path = ctx.path
            guard rec.count >= needed else {
                try ctx.reject(DataError(file: path, line: rec.line, column: rec.count < needed ? ctx.columnName(rec.count) : nil,
                                         message: "truncated row: expected at least \(needed) fields, found \(rec.count)"))
                return
            }
            guard let t = FieldParser.timestamp(buf, rec.starts[tCol], rec.ends[tCol]) else {
                try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(tCol),
                                         message: "expected a time (ISO-8601, YYYY-MM-DD or epoch seconds/ms/µs), found '\(ctx.tok.string(rec, tCol))'"))
                return
            }
            // Hot path: no allocation per row. Each price column is parsed and checked in turn.
            @inline(__always) func price(_ col: Int) throws(DataError) -> Double? {
                guard let v = FieldParser.double(buf, rec.starts[col], rec.ends[col]) else {
                    try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(col),
                                             message: "expected a number, found '\(ctx.tok.string(rec, col))'"))
                    return nil
                }
                guard v > 0 && v.isFinite else {
                    try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(col),
                                             message: "expected a positive price, found \(v)"))
                    return nil
                }
                return v
            }
            guard let o = try price(oCol), let h = try price(hCol), let l = try price(lCol), let c = try price(cCol) else { return }
            var v = 0.0
            if let vc = vCol, rec.ends[vc] > rec.starts[vc] {
                guard let parsed = FieldParser.double(buf, rec.starts[vc], rec.ends[vc]) else {
                    try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(vc),
                                             message: "expected a number, found '\(ctx.tok.string(rec, vc))'"))
                    return
                }
                v = parsed
            }
            if h < max(o, c) || h < l {
                try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(hCol),
                                         message: "high \(h) is below \(h < l ? "low \(l)" : "max(open, close) \(max(o, c))"): expected high >= open, close and low"))
                return
            }
            if l > min(o, c) {
                try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(lCol),
                                         message: "low \(l) is above min(open, close) \(min(o, c)): expected low <= open and close"))
                return
            }
            if !(v >= 0 && v.isFinite) {
                try ctx.reject(DataError(file: path, line: rec.line, column: vCol.map(ctx.columnName),
                                         message: "expected a volume >= 0, found \(v)"))
                return
            }
            if let last = lastTime, t <= last {
                let what = t == last ? "duplicate timestamp \(t) (also on line \(lastLine))"
                                     : "timestamp \(t) is earlier than \(last) on line \(lastLine)"
                try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(tCol),
                                         message: what + ": expected strictly increasing times"))
                return
            }
            var cap: Double?
            if let mc = mCol, rec.ends[mc] > rec.starts[mc] {
                guard let m = FieldParser.double(buf, rec.starts[mc], rec.ends[mc]), m >= 0, m.isFinite else {
                    try ctx.reject(DataError(file: path, line: rec.line, column: ctx.columnName(mc),
                                             message: "expected a market cap >= 0, found '\(ctx.tok.string(rec, mc))'"))
                    return
                }
                cap = m
            }
            if fileSymbol == nil, let sc = symCol, sc < rec.count {
                let s = ctx.tok.string(rec, sc).trimmingCharacters(in: " ")
                if !s.isEmpty { fileSymbol = s }
            }
            lastTime = t
            lastLine = rec.line
            series.time.append(t)
            series.open.append(o); series.high.append(h); series.low.append(l); series.close.append(c); series.volume.append(v)
            // Stored as the source has it, zero included (early CoinMarketCap/CoinGecko rows say 0 where the cap was
            // unknown): the Altcoin Season rules count a coin that has a row on a date, whatever its cap.
            if let cap { caps.time.append(t); caps.marketCap.append(cap) }
        }

        return try finishCandles(ctx, series: series, caps: caps, fileSymbol: fileSymbol, options: options, hints: hints)
    }

    /// Names the series (symbol, timeframe) once its bars are read.
    static func finishCandles(_ ctx: RowContext, series s: CandleSeries, caps c: MarketCapSeries, fileSymbol: String?,
                              options: ReadOptions, hints: FileNameHints) throws(DataError) -> ParsedContent {
        var series = s, caps = c
        guard let symbol = options.symbol ?? fileSymbol ?? hints.symbol else {
            throw DataError.whole(ctx.path, "cannot tell the asset's symbol from the file: pass --symbol")
        }
        series.symbol = Asset.baseSymbol(of: symbol)
        caps.symbol = series.symbol
        guard let tf = options.timeframe ?? hints.timeframe ?? inferTimeframe(series.time) else {
            throw DataError.whole(ctx.path, "cannot tell the bar timeframe from the file name or the bar spacing: pass --timeframe (1m 5m 15m 1h 4h 1d 1w)")
        }
        series.timeframe = tf
        return .candles(series, marketCaps: caps.time.isEmpty ? nil : caps)
    }

    /// Offset of the line after the header (after a UTF-8 BOM), or nil when the header is quoted or the only line.
    static func firstDataLine(_ bytes: [UInt8]) -> Int? {
        var i = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\"") { return nil }
            if bytes[i] == 0x0A { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The timeframe whose length is the most common spacing between bars, if it is one of ours.
    static func inferTimeframe(_ times: [Timestamp]) -> Timeframe? {
        guard times.count >= 2 else { return times.count == 1 ? .d1 : nil }
        var counts: [Int64: Int] = [:]
        for i in 1..<min(times.count, 2000) { counts[times[i].milliseconds - times[i - 1].milliseconds, default: 0] += 1 }
        guard let mode = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return nil }
        return Timeframe.allCases.first { $0.milliseconds == mode }
    }

    static func readFunding(_ ctx: inout RowContext, options: ReadOptions, hints: FileNameHints) throws(DataError) -> ParsedContent {
        guard ctx.header != nil else { throw DataError(file: ctx.path, line: 1, message: "missing header row: expected funding_time,symbol,funding_rate") }
        let tCol = try ctx.require(["funding_time", "fundingtime", "timestamp", "time", "date", "calc_time"], what: "funding_time")
        let rCol = try ctx.require(["funding_rate", "fundingrate", "last_funding_rate"], what: "funding_rate")
        let sCol = ctx.optional(["symbol"])
        var out: [FundingRate] = []
        var lastTime: Timestamp?
        var lastLine = 0
        let fallbackSymbol = options.symbol ?? hints.symbol
        try ctx.forEachDataRecord { (rec, buf, ctx) throws(DataError) in
            let needed = max(tCol, rCol) + 1
            guard rec.count >= needed else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, message: "truncated row: expected at least \(needed) fields, found \(rec.count)"))
                return
            }
            guard let t = FieldParser.timestamp(buf, rec.starts[tCol], rec.ends[tCol]) else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: ctx.columnName(tCol), message: "expected a time, found '\(ctx.tok.string(rec, tCol))'"))
                return
            }
            guard let r = FieldParser.double(buf, rec.starts[rCol], rec.ends[rCol]), r.isFinite, abs(r) < 1 else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: ctx.columnName(rCol), message: "expected a funding rate (a fraction such as 0.0001), found '\(ctx.tok.string(rec, rCol))'"))
                return
            }
            if let last = lastTime, t <= last {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: ctx.columnName(tCol),
                                         message: "\(t == last ? "duplicate" : "out-of-order") funding time \(t) (previous row on line \(lastLine)): expected strictly increasing times"))
                return
            }
            var symbol = fallbackSymbol
            if let sc = sCol, sc < rec.count { let s = ctx.tok.string(rec, sc); if !s.isEmpty { symbol = s } }
            guard let symbol else {
                throw DataError.whole(ctx.path, "cannot tell the symbol of the funding rates: pass --symbol")
            }
            lastTime = t
            lastLine = rec.line
            out.append(FundingRate(symbol: Asset.baseSymbol(of: symbol), time: t, rate: r))
        }
        return .funding(out)
    }

    static func readHeadlines(_ ctx: inout RowContext) throws(DataError) -> ParsedContent {
        guard let header = ctx.header else { throw DataError(file: ctx.path, line: 1, message: "missing header row: expected published_at,title,...") }
        let tCol = try ctx.require(["published_at", "date", "time", "timestamp", "datetime"], what: "published_at")
        let titleCol = try ctx.require(["title", "headline"], what: "title")
        let srcCol = ctx.optional(["source", "source_domain"])
        let urlCol = ctx.optional(["url", "link"])
        let textCol = ctx.optional(["text", "summary", "description"])
        var out: [Headline] = []
        try ctx.forEachDataRecord { (rec, buf, ctx) throws(DataError) in
            guard rec.count > max(tCol, titleCol) else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, message: "truncated row: expected \(header.count) fields, found \(rec.count)"))
                return
            }
            guard let t = FieldParser.timestamp(buf, rec.starts[tCol], rec.ends[tCol]) else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: ctx.columnName(tCol), message: "expected a date or time, found '\(ctx.tok.string(rec, tCol))'"))
                return
            }
            var title = ctx.tok.string(rec, titleCol).trimmingCharacters(in: " \t\r\n")
            // Some sources have rows whose title is empty but whose summary holds the text: use the summary then.
            if title.isEmpty, let textCol, textCol < rec.count {
                title = ctx.tok.string(rec, textCol).trimmingCharacters(in: " \t\r\n")
            }
            guard !title.isEmpty else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: ctx.columnName(titleCol), message: "empty title (and no text to use instead)"))
                return
            }
            var extra: [String: String] = [:]
            for k in 0..<min(rec.count, header.count) where ![tCol, titleCol, srcCol, urlCol].contains(k) {
                let v = ctx.tok.string(rec, k)
                if !v.isEmpty { extra[header[k]] = v }
            }
            out.append(Headline(time: t, title: title, source: srcCol.flatMap { $0 < rec.count ? ctx.tok.string(rec, $0) : nil },
                                url: urlCol.flatMap { $0 < rec.count ? ctx.tok.string(rec, $0) : nil }, extra: extra))
        }
        return .headlines(out)
    }

    static func readMetrics(_ ctx: inout RowContext) throws(DataError) -> ParsedContent {
        guard let header = ctx.header, let tCol = timeColumn(header) else {
            throw DataError(file: ctx.path, line: 1, message: "missing header row with a date column")
        }
        let valueCols = header.indices.filter { $0 != tCol }
        var series = valueCols.map { MarketMetricSeries(name: header[$0]) }
        var lastTime: Timestamp?
        try ctx.forEachDataRecord { (rec, buf, ctx) throws(DataError) in
            guard rec.count >= header.count else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, message: "truncated row: expected \(header.count) fields, found \(rec.count)"))
                return
            }
            guard let t = FieldParser.timestamp(buf, rec.starts[tCol], rec.ends[tCol]) else {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: header[tCol], message: "expected a date, found '\(ctx.tok.string(rec, tCol))'"))
                return
            }
            if let last = lastTime, t <= last {
                try ctx.reject(DataError(file: ctx.path, line: rec.line, column: header[tCol], message: "\(t == last ? "duplicate" : "out-of-order") date \(t.dateString): expected strictly increasing dates"))
                return
            }
            var row: [Double] = []
            for k in valueCols {
                guard let v = FieldParser.double(buf, rec.starts[k], rec.ends[k]), v.isFinite else {
                    try ctx.reject(DataError(file: ctx.path, line: rec.line, column: header[k], message: "expected a number, found '\(ctx.tok.string(rec, k))'"))
                    return
                }
                row.append(v)
            }
            lastTime = t
            for (j, v) in row.enumerated() { series[j].time.append(t); series[j].value.append(v) }
        }
        return .metrics(series)
    }
}
