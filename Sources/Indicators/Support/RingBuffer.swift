/// A fixed-capacity FIFO window over the last `capacity` values.
///
/// ```swift
/// var w = RingBuffer(capacity: 3)
/// w.push(1); w.push(2); w.push(3)
/// let evicted = w.push(4)   // 1.0
/// w[0]                      // 2.0, the oldest value still held
/// ```
/// Complexity: O(1) push and indexed read.
public struct RingBuffer: Sendable {
    @usableFromInline var storage: [Double]
    @usableFromInline var head = 0        // index of the oldest element
    @usableFromInline var storedCount = 0
    /// Values held, at most `capacity`.
    @inlinable public var count: Int { storedCount }
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "RingBuffer capacity must be positive")
        self.capacity = capacity
        storage = [Double](repeating: 0, count: capacity)
    }

    public var isFull: Bool { count == capacity }

    /// Appends `x`; when full, drops and returns the oldest value.
    @inlinable
    @discardableResult
    public mutating func push(_ x: Double) -> Double? {
        if count < capacity {
            var idx = head + count
            if idx >= capacity { idx -= capacity }
            storage[idx] = x
            storedCount += 1
            return nil
        }
        let old = storage[head]
        storage[head] = x
        head += 1
        if head == capacity { head = 0 }
        return old
    }

    /// `self[0]` is the oldest value, `self[count - 1]` the newest.
    @inlinable
    public subscript(i: Int) -> Double {
        var idx = head + i
        if idx >= capacity { idx -= capacity }
        return storage[idx]
    }

    /// The newest value.
    @inlinable public var last: Double { self[count - 1] }
}

/// A monotonic deque for sliding-window extremes (MIN, MAX and their indices) in O(1) amortised per bar.
///
/// Holds (index, value) pairs; `isBetter(a, b)` says whether `a` dominates `b` (use `>=`-style for the
/// latest index on ties or `>`-style for the earliest, to match TA-Lib's tie rule).
public struct MonotonicDeque: Sendable {
    @usableFromInline var idx: [Int]
    @usableFromInline var val: [Double]
    @usableFromInline var head = 0
    @usableFromInline let keepsMax: Bool
    @usableFromInline let latestOnTie: Bool

    /// - Parameters:
    ///   - max: track the maximum (true) or the minimum (false).
    ///   - latestOnTie: when two values are equal, report the later index (true) or the earlier (false).
    public init(max: Bool, latestOnTie: Bool) {
        keepsMax = max
        self.latestOnTie = latestOnTie
        idx = []
        val = []
    }

    /// Adds the value at bar `i` and drops entries older than `oldest`.
    @inlinable
    public mutating func push(index i: Int, value x: Double, oldest: Int) {
        while idx.count > head {
            let back = val[val.count - 1]
            let dominated: Bool
            if keepsMax { dominated = latestOnTie ? back <= x : back < x } else { dominated = latestOnTie ? back >= x : back > x }
            if dominated { idx.removeLast(); val.removeLast() } else { break }
        }
        idx.append(i)
        val.append(x)
        while idx[head] < oldest { head += 1 }
        if head > 64 && head * 2 > idx.count {
            idx.removeFirst(head)
            val.removeFirst(head)
            head = 0
        }
    }

    /// The extreme value in the window.
    @inlinable public var value: Double { val[head] }
    /// Its bar index.
    @inlinable public var index: Int { idx[head] }
}
