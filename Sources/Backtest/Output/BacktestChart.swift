import MarketCore

/// An SVG chart of a run: the close with trade entries and exits on top, the equity curve in the middle and the
/// drawdown below. Pure string building; long series are reduced to at most `maxPoints` columns (each column
/// keeps its bucket's minimum and maximum, so spikes stay visible).
public enum BacktestChart {
    /// - Parameters:
    ///   - width: SVG width in pixels. - height: total height in pixels.
    public static func svg(result: BacktestResult, series: CandleSeries, width: Int = 1200, height: Int = 720,
                           maxPoints: Int = 1500) -> String {
        let n = min(series.count, result.equity.count)
        let w = Double(max(200, width)), h = Double(max(200, height))
        let margin = 60.0
        let plotWidth = w - margin - 20
        let priceTop = 30.0, priceHeight = (h - 90) * 0.5
        let equityTop = priceTop + priceHeight + 20, equityHeight = (h - 90) * 0.25
        let ddTop = equityTop + equityHeight + 20, ddHeight = (h - 90) * 0.25 - 20
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let title = "\(escape(series.symbol)) \(escape(result.strategy)) \(escape(parameterText(result.parameters)))"
        svg += "<text x=\"\(Int(margin))\" y=\"18\" font-size=\"13\">\(title)</text>\n"
        guard n > 0 else { return svg + "<text x=\"\(Int(margin))\" y=\"60\">no data</text>\n</svg>\n" }

        let x = { (i: Int) -> Double in margin + (n > 1 ? Double(i) / Double(n - 1) : 0.5) * plotWidth }
        let drawdown = MaxDrawdown.curve(equity: Array(result.equity.prefix(n)), initial: result.metrics.initialCash)
        svg += panel(label: "price", values: Array(series.close.prefix(n)), top: priceTop, height: priceHeight,
                     x: x, margin: margin, width: plotWidth, maxPoints: maxPoints, colour: "#1f4e79")
        svg += panel(label: "equity", values: Array(result.equity.prefix(n)), top: equityTop, height: equityHeight,
                     x: x, margin: margin, width: plotWidth, maxPoints: maxPoints, colour: "#2e7d32")
        svg += panel(label: "drawdown %", values: drawdown, top: ddTop, height: ddHeight,
                     x: x, margin: margin, width: plotWidth, maxPoints: maxPoints, colour: "#c62828")

        // Trade markers on the price panel: ▲ long entry, ▼ short entry, ● exit (red for a liquidation).
        let (lo, hi) = range(Array(series.close.prefix(n)) + result.trades.flatMap { [$0.entryPrice, $0.exitPrice] })
        let y = { (v: Double) -> Double in priceTop + priceHeight - (hi > lo ? (v - lo) / (hi - lo) : 0.5) * priceHeight }
        svg += "<g class=\"trades\">\n"
        for t in result.trades where t.entryBar < n && t.exitBar < n {
            let ex = x(t.entryBar), ey = y(t.entryPrice)
            let up = t.side == .long
            let points = up ? "\(f(ex - 4)),\(f(ey + 5)) \(f(ex + 4)),\(f(ey + 5)) \(f(ex)),\(f(ey - 3))"
                            : "\(f(ex - 4)),\(f(ey - 5)) \(f(ex + 4)),\(f(ey - 5)) \(f(ex)),\(f(ey + 3))"
            svg += "<polygon class=\"entry\" points=\"\(points)\" fill=\"\(up ? "#2e7d32" : "#c62828")\"/>\n"
            let exitColour = t.exitReason == .liquidation ? "#b71c1c" : "#555555"
            svg += "<circle class=\"exit\" cx=\"\(f(x(t.exitBar)))\" cy=\"\(f(y(t.exitPrice)))\" r=\"3\" fill=\"\(exitColour)\"><title>\(t.exitReason.rawValue) \(f(t.returnPct))%</title></circle>\n"
        }
        svg += "</g>\n"
        let first = series.time[0].dateString, last = series.time[n - 1].dateString
        svg += "<text x=\"\(Int(margin))\" y=\"\(Int(h - 8))\">\(first)</text>\n"
        svg += "<text x=\"\(Int(w - 20))\" y=\"\(Int(h - 8))\" text-anchor=\"end\">\(last)</text>\n"
        return svg + "</svg>\n"
    }

    static func panel(label: String, values: [Double], top: Double, height: Double, x: (Int) -> Double,
                      margin: Double, width: Double, maxPoints: Int, colour: String) -> String {
        let (lo, hi) = range(values)
        let y = { (v: Double) -> Double in top + height - (hi > lo ? (v - lo) / (hi - lo) : 0.5) * height }
        var out = "<rect x=\"\(f(margin))\" y=\"\(f(top))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"none\" stroke=\"#dddddd\"/>\n"
        out += "<text x=\"\(f(margin + 4))\" y=\"\(f(top + 12))\" fill=\"#444444\">\(label)</text>\n"
        out += "<text x=\"\(f(margin - 4))\" y=\"\(f(top + 10))\" text-anchor=\"end\">\(f(hi))</text>\n"
        out += "<text x=\"\(f(margin - 4))\" y=\"\(f(top + height))\" text-anchor=\"end\">\(f(lo))</text>\n"
        var points: [String] = []
        let bucket = max(1, (values.count + max(1, maxPoints) - 1) / max(1, maxPoints))
        var start = 0
        while start < values.count {
            let end = min(values.count, start + bucket)
            var minIndex = start, maxIndex = start
            for i in start..<end {
                if values[i] < values[minIndex] { minIndex = i }
                if values[i] > values[maxIndex] { maxIndex = i }
            }
            for i in Set([minIndex, maxIndex]).sorted() where values[i].isFinite {
                points.append("\(f(x(i))),\(f(y(values[i])))")
            }
            start = end
        }
        out += "<polyline class=\"\(label)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\" points=\"\(points.joined(separator: " "))\"/>\n"
        return out
    }

    static func range(_ values: [Double]) -> (Double, Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? (lo, hi) : (0, 1)
    }

    /// Two decimals, enough for pixels and labels.
    static func f(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = (v * 100).rounded()
        let negative = scaled < 0
        let a = abs(scaled)
        let whole = Int(a / 100), frac = Int(a.truncatingRemainder(dividingBy: 100))
        return (negative ? "-" : "") + "\(whole)." + (frac < 10 ? "0" : "") + "\(frac)"
    }

    static func parameterText(_ p: [String: Double]) -> String {
        p.keys.sorted().map { k in
            let v = p[k] ?? 0
            return v.rounded() == v && abs(v) < 1e15 ? "\(k)=\(Int(v))" : "\(k)=\(v)"
        }.joined(separator: " ")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
