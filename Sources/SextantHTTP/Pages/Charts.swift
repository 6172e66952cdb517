import Foundation
import MarketCore

/// Inline SVG charts drawn on the server. A chart is drawn twice, a wide one and a narrow one, and the style
/// sheet shows the one that suits the screen, so that labels stay readable on a phone without scripts.
enum Charts {
    /// One point of a line: time (ms) and value.
    struct Point {
        var time: Timestamp
        var value: Double
    }

    /// A marker on a line chart: a triangle pointing up (bullish) or down (bearish) at `value`.
    struct Marker {
        var time: Timestamp
        var value: Double
        var bullish: Bool
        /// Tooltip and accessible text.
        var label: String
    }

    /// The two sizes a chart is drawn at.
    struct Size {
        var width: Double
        var height: Double
        var font: Double
        var maxPoints: Int
        var yTicks: Int
        var xTicks: Int
        var markerSize: Double
        static let wide = Size(width: 860, height: 340, font: 13, maxPoints: 700, yTicks: 5, xTicks: 6, markerSize: 7)
        static let narrow = Size(width: 380, height: 260, font: 12, maxPoints: 240, yTicks: 4, xTicks: 3, markerSize: 6)
    }

    /// A line chart with a value axis, a date axis and optional markers, in both sizes.
    /// `title` is read by screen readers (`role="img"`); `format` writes axis values.
    static func line(_ points: [Point], markers: [Marker] = [], title: String, format: (Double) -> String,
                     baseline: Double? = nil, className: String = "line") -> String {
        guard points.count >= 2 else { return "<p>Not enough data for a chart.</p>" }
        return svg(points, markers: markers, title: title, format: format, baseline: baseline, size: .wide, className: className + " wide")
            + svg(points, markers: markers, title: title, format: format, baseline: baseline, size: .narrow, className: className + " narrow")
    }

    /// Picks at most `n` points evenly, always keeping the first and the last.
    static func thin(_ points: [Point], to n: Int) -> [Point] {
        guard points.count > n, n >= 2 else { return points }
        let step = Double(points.count - 1) / Double(n - 1)
        return (0..<n).map { points[Int((Double($0) * step).rounded())] }
    }

    /// "Nice" tick values covering `lo...hi`: steps of 1, 2 or 5 times a power of ten.
    static func ticks(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let span = hi - lo
        guard span > 0, span.isFinite, count >= 2 else { return [lo] }
        let raw = span / Double(count - 1)
        let mag = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? raw
        var out: [Double] = []
        var v = Foundation.ceil(lo / step) * step
        while v <= hi + step * 1e-9 && out.count < 20 { out.append(abs(v) < step * 1e-9 ? 0 : v); v += step }
        return out
    }

    static func svg(_ all: [Point], markers: [Marker], title: String, format: (Double) -> String, baseline: Double?,
                    size z: Size, className: String) -> String {
        let points = thin(all, to: z.maxPoints)
        let t0 = Double(all[0].time.milliseconds), t1 = Double(all[all.count - 1].time.milliseconds)
        let visible = markers.filter { Double($0.time.milliseconds) >= t0 && Double($0.time.milliseconds) <= t1 }
        var lo = all.map(\.value).min() ?? 0, hi = all.map(\.value).max() ?? 1
        for m in visible { lo = min(lo, m.value); hi = max(hi, m.value) }
        if let b = baseline { lo = min(lo, b); hi = max(hi, b) }
        if hi <= lo { hi = lo + max(abs(lo) * 0.01, 1e-9) }
        let pad = (hi - lo) * 0.06
        lo -= pad; hi += pad
        let labelWidth = z.font * 0.62 * Double(([lo, hi].map(format).map(\.count).max() ?? 6) + 1)
        let left = labelWidth + 6, right = 10.0, top = 10.0, bottom = z.font + 12
        let plotW = z.width - left - right, plotH = z.height - top - bottom
        func x(_ t: Timestamp) -> Double { left + (t1 > t0 ? (Double(t.milliseconds) - t0) / (t1 - t0) : 0) * plotW }
        func y(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var s = "<svg class=\"\(className)\" viewBox=\"0 0 \(Int(z.width)) \(Int(z.height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" font-size=\"\(f(z.font))\">"
        // Value grid and labels.
        for v in ticks(lo, hi, count: z.yTicks) {
            s += "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(z.width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\"/>"
            s += "<text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(y(v) + z.font * 0.35))\" text-anchor=\"end\">\(HTML.escape(format(v)))</text>"
        }
        if let b = baseline {
            s += "<line class=\"baseline\" x1=\"\(f(left))\" x2=\"\(f(z.width - right))\" y1=\"\(f(y(b)))\" y2=\"\(f(y(b)))\"/>"
        }
        // Date labels.
        let spanDays = (t1 - t0) / 86_400_000
        for k in 0..<z.xTicks {
            let t = Timestamp(milliseconds: Int64(t0 + (t1 - t0) * Double(k) / Double(max(1, z.xTicks - 1))))
            let anchor = k == 0 ? "start" : k == z.xTicks - 1 ? "end" : "middle"
            let text = spanDays <= 3 ? String(t.iso8601.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ") : t.dateString
            s += "<text class=\"axis\" x=\"\(f(x(t)))\" y=\"\(f(z.height - 4))\" text-anchor=\"\(anchor)\">\(text)</text>"
        }
        let path = points.map { "\(f(x($0.time))),\(f(y($0.value)))" }.joined(separator: " ")
        s += "<polyline class=\"series\" points=\"\(path)\"/>"
        // Markers: the tip touches the entry price; bullish below the line pointing up, bearish above pointing down.
        // Dense markers shrink (down to half size) so that the line stays visible.
        let m = z.markerSize * min(1, max(0.5, (Double(z.maxPoints) / 5 / Double(max(1, visible.count))).squareRoot()))
        for mk in visible {
            let px = x(mk.time), py = y(mk.value)
            let shape = mk.bullish
                ? "M\(f(px)) \(f(py + 2))l\(f(m)) \(f(m * 1.6))h\(f(-2 * m))z"
                : "M\(f(px)) \(f(py - 2))l\(f(m)) \(f(-m * 1.6))h\(f(-2 * m))z"
            s += "<path class=\"\(mk.bullish ? "bull" : "bear")\" d=\"\(shape)\"><title>\(HTML.escape(mk.label))</title></path>"
        }
        s += "</svg>"
        return s
    }

    /// A half-circle gauge of a 0–100 value with coloured zones below `low` and above `high`, and a needle.
    static func gauge(value: Double, low: Double, high: Double, title: String, lowLabel: String, highLabel: String) -> String {
        let v = min(100, max(0, value))
        func point(_ p: Double, _ r: Double) -> (Double, Double) {
            let a = Double.pi * (1 - p / 100)
            return (120 + r * Foundation.cos(a), 120 - r * Foundation.sin(a))
        }
        func arc(_ from: Double, _ to: Double, _ cls: String) -> String {
            let (x0, y0) = point(from, 90), (x1, y1) = point(to, 90)
            return "<path class=\"\(cls)\" d=\"M\(String(format: "%.1f %.1f", x0, y0)) A90 90 0 0 1 \(String(format: "%.1f %.1f", x1, y1))\"/>"
        }
        let (nx, ny) = point(v, 74)
        return """
            <svg class="gauge" viewBox="0 0 240 150" role="img" aria-label="\(HTML.escape(title))">\
            \(arc(0, low, "zone-low"))\(arc(low, high, "zone-mid"))\(arc(high, 100, "zone-high"))\
            <line class="needle" x1="120" y1="120" x2="\(String(format: "%.1f", nx))" y2="\(String(format: "%.1f", ny))"/><circle class="hub" cx="120" cy="120" r="6"/>\
            <text x="120" y="146" text-anchor="middle" class="gauge-value">\(Int(v.rounded()))</text>\
            <text x="22" y="146" text-anchor="start" class="axis">\(HTML.escape(lowLabel))</text>\
            <text x="218" y="146" text-anchor="end" class="axis">\(HTML.escape(highLabel))</text></svg>
            """
    }

    /// Horizontal bars of signed values (e.g. relative returns), one row per label, centred on zero.
    static func bars(_ rows: [(label: String, value: Double)], title: String, format: (Double) -> String) -> String {
        guard !rows.isEmpty else { return "" }
        let maxAbs = max(rows.map { abs($0.value) }.max() ?? 0, 1e-9)
        let rowH = 24.0, labelW = 96.0, valueW = 72.0, width = 400.0
        let half = (width - labelW - valueW) / 2, zero = labelW + half
        var s = "<svg class=\"hbars\" viewBox=\"0 0 \(Int(width)) \(Int(rowH * Double(rows.count) + 8))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" font-size=\"13\">"
        s += "<line class=\"baseline\" x1=\"\(zero)\" x2=\"\(zero)\" y1=\"0\" y2=\"\(rowH * Double(rows.count) + 8)\"/>"
        for (k, r) in rows.enumerated() {
            let yy = 4 + rowH * Double(k)
            let w = abs(r.value) / maxAbs * (half - 4)
            let x0 = r.value >= 0 ? zero : zero - w
            s += "<text x=\"\(labelW - 8)\" y=\"\(String(format: "%.1f", yy + 17))\" text-anchor=\"end\">\(HTML.escape(r.label))</text>"
            s += "<rect class=\"\(r.value >= 0 ? "bar-up" : "bar-down")\" x=\"\(String(format: "%.1f", x0))\" y=\"\(String(format: "%.1f", yy + 4))\" width=\"\(String(format: "%.1f", max(w, 1)))\" height=\"\(rowH - 8)\"/>"
            s += "<text x=\"\(width - 4)\" y=\"\(String(format: "%.1f", yy + 17))\" text-anchor=\"end\">\(HTML.escape(format(r.value)))</text>"
        }
        return s + "</svg>"
    }
}
