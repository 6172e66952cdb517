/// The highest or lowest value of a sliding window and its bar index, with TA-Lib's tie rule.
///
/// TA-Lib keeps the current extreme and its index; a new value that equals or beats it takes over
/// (so a new tie moves the index to the newest bar), and when the extreme leaves the window it rescans
/// the window keeping the *earliest* of equal values. A `MonotonicDeque` that keeps ties (earliest at
/// its front) answers that rescan in O(1) amortised, so the index equals TA-Lib's on every bar.
public struct WindowExtremeTracker: Sendable {
    /// Whether this tracks the maximum (true) or the minimum (false).
    public let tracksMax: Bool
    @usableFromInline var deque: MonotonicDeque
    @usableFromInline var currentIndex = -1
    @usableFromInline var currentValue = 0.0

    /// - Parameter max: track the maximum (true) or the minimum (false).
    public init(max: Bool) {
        tracksMax = max
        deque = MonotonicDeque(max: max, latestOnTie: false)
    }

    /// Adds bar `index`'s value `x` to a window whose oldest bar is `oldest`; when `emit` is true (the window
    /// is full) brings the current extreme up to date.
    @inlinable
    public mutating func push(index: Int, value x: Double, oldest: Int, emit: Bool) {
        deque.push(index: index, value: x, oldest: oldest)
        guard emit else { return }
        if currentIndex < oldest {
            // The extreme left the window (or this is the first full window): TA-Lib rescans, earliest tie wins.
            currentIndex = deque.index
            currentValue = deque.value
        } else if tracksMax ? x >= currentValue : x <= currentValue {
            // A new value equal to the extreme takes over: TA-Lib's `>=` / `<=`.
            currentIndex = index
            currentValue = x
        }
    }

    /// The extreme value of the last full window.
    @inlinable public var value: Double { currentValue }
    /// Its bar index (0 = the first bar fed).
    @inlinable public var index: Int { currentIndex }
}

/// Which of TA-Lib's window-extreme functions a `WindowExtremesState` computes.
public enum WindowExtremesKind: String, CaseIterable, Sendable {
    case max = "MAX", maxIndex = "MAXINDEX", min = "MIN", minIndex = "MININDEX"
    case minMax = "MINMAX", minMaxIndex = "MINMAXINDEX"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .max: "Highest value over a specified period"
        case .maxIndex: "Index of highest value over a specified period"
        case .min: "Lowest value over a specified period"
        case .minIndex: "Index of lowest value over a specified period"
        case .minMax: "Lowest and highest values over a specified period"
        case .minMaxIndex: "Indexes of lowest and highest values over a specified period"
        }
    }

    var needsMin: Bool { self == .min || self == .minIndex || self == .minMax || self == .minMaxIndex }
    var needsMax: Bool { self == .max || self == .maxIndex || self == .minMax || self == .minMaxIndex }
}

/// `MAX`, `MIN`, `MAXINDEX`, `MININDEX`, `MINMAX` and `MINMAXINDEX` over the last `period` closes.
///
/// First output at bar `period - 1`. Outputs in TA-Lib's order: `MINMAX` gives (min, max), `MINMAXINDEX`
/// gives (minidx, maxidx). Indices count bars from the first one fed (0), as TA-Lib's index outputs count
/// from the start of the input array; ties follow `WindowExtremeTracker`. O(1) amortised per bar.
public struct WindowExtremesState: StreamingIndicator {
    /// Which of the window-extreme functions this state computes.
    public let kind: WindowExtremesKind
    /// Bars in the window.
    public let period: Int
    @usableFromInline var low: WindowExtremeTracker
    @usableFromInline var high: WindowExtremeTracker
    @usableFromInline let tracksLow: Bool
    @usableFromInline let tracksHigh: Bool
    @usableFromInline var bar = 0

    /// - Parameter period: bars in the window, at least 1.
    public init(_ kind: WindowExtremesKind, period: Int) {
        self.kind = kind
        self.period = max(1, period)
        low = WindowExtremeTracker(max: false)
        high = WindowExtremeTracker(max: true)
        tracksLow = kind.needsMin
        tracksHigh = kind.needsMax
    }

    /// Leading bars with no output: `period - 1`.
    public static func lookback(period: Int) -> Int { period - 1 }

    /// Feeds one value; once the window is full returns (lowest, its index, highest, its index) — the side
    /// this kind does not track is NaN / -1.
    @inlinable
    public mutating func update(_ x: Double) -> (min: Double, minIndex: Int, max: Double, maxIndex: Int)? {
        let oldest = bar - period + 1
        let full = oldest >= 0
        if tracksLow { low.push(index: bar, value: x, oldest: oldest, emit: full) }
        if tracksHigh { high.push(index: bar, value: x, oldest: oldest, emit: full) }
        bar += 1
        guard full else { return nil }
        return (tracksLow ? low.value : .nan, tracksLow ? low.index : -1,
                tracksHigh ? high.value : .nan, tracksHigh ? high.index : -1)
    }

    /// Index kinds write 0 while warming up: TA-Lib's integer outputs are zero-filled arrays, so 0 (not
    /// "no value") is what TA-Lib reports there (compatibility choice); real kinds have no value there.
    @inlinable
    public mutating func update(_ b: Bar, into out: inout IndicatorOutputs) -> Bool {
        guard let r = update(b.close) else {
            guard kind == .maxIndex || kind == .minIndex || kind == .minMaxIndex else { return false }
            out.v0 = 0
            out.v1 = 0
            return true
        }
        switch kind {
        case .max: out.v0 = r.max
        case .maxIndex: out.v0 = Double(r.maxIndex)
        case .min: out.v0 = r.min
        case .minIndex: out.v0 = Double(r.minIndex)
        case .minMax:
            out.v0 = r.min
            out.v1 = r.max
        case .minMaxIndex:
            out.v0 = Double(r.minIndex)
            out.v1 = Double(r.maxIndex)
        }
        return true
    }
}
