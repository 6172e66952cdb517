import Indicators
import Testing
import TestSupport

@Suite struct CycleTests {
    @Test("the Hilbert-transform family matches TA-Lib on a noisy cycle whose period drifts from 10 to 40 bars",
          arguments: EdgeReference.calls(Set(HilbertTransformKind.allCases.map(\.rawValue))))
    func driftingCycle(call: EdgeReference.Call) throws {
        let difference = try EdgeReference.firstDifference(call)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("outputs start exactly at TA-Lib's lookback")
    func lookbacks() {
        for kind in HilbertTransformKind.allCases {
            var state = HilbertTransformState(kind)
            let first = (0..<100).first { state.update(100 + Double($0 % 7)) != nil }
            #expect(first == kind.lookback, "\(kind)")
        }
    }

    @Test("the dominant cycle period of a pure 20-bar sine settles near 20 bars")
    func pureCycle() throws {
        var state = HilbertTransformState(.dcPeriod)
        var last: Double?
        for i in 0..<400 {
            let x = 100 + 10 * sin(2 * Double.pi * Double(i) / 20)
            if let (period, _) = state.update(x) { last = period }
        }
        let period = try #require(last)
        #expect(abs(period - 20) < 1.5)
    }

    @Test("NaN and infinite prices do not crash the transform")
    func badInput() {
        for kind in HilbertTransformKind.allCases {
            var state = HilbertTransformState(kind)
            for i in 0..<150 {
                let x: Double = i == 70 ? .nan : i == 90 ? .infinity : 100 + Double(i % 5)
                _ = state.update(x)
            }
        }
    }
}

private func sin(_ x: Double) -> Double { MathTransformFunction.sin.apply(x) }
