import MarketData
import Testing

@Suite struct FieldParserTests {
    func d(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { FieldParser.double($0, 0, $0.count) } }
    func t(_ s: String) -> Timestamp? { Array(s.utf8).withUnsafeBufferPointer { FieldParser.timestamp($0, 0, $0.count) } }

    @Test("numbers parse to the same Double as the standard library", arguments: [
        "0", "1", "-1", "2307.72", "18954.3907", "134.44400024414062", "1e-3", "3.0E+10", "0.000123", " 42 ",
        "1603768864.5", "9007199254740993", "12345678901234567890.5", "-0.0", "1.7976931348623157e308", "5e-324",
    ])
    func numbers(text: String) {
        #expect(d(text) == Double(text.trimmingCharacters(in: .whitespaces)))
    }

    @Test("non-numbers are rejected", arguments: ["", "abc", "1.2.3", "1e", "--1", "12a"])
    func nonNumbers(text: String) { #expect(d(text) == nil) }

    @Test("times in every accepted layout")
    func times() {
        let t0 = Timestamp.utc(year: 2019, month: 9, day: 10, hour: 8)
        #expect(t("2019-09-10T08:00:00Z") == t0)
        #expect(t("2019-09-10T08:00:00.000Z") == t0)
        #expect(t("2019-09-10 08:00:00 UTC") == t0)
        #expect(t("2019-09-10T10:00:00+02:00") == t0)
        #expect(t("2019-09-10T08:00") == t0)
        #expect(t("2019-09-10") == Timestamp.utc(year: 2019, month: 9, day: 10))
        #expect(t("1568102400") == t0)
        #expect(t("1568102400000") == t0)
        #expect(t("1568102400000000") == t0)
        #expect(t("2019-02-30") == nil)
        #expect(t("2019-13-01") == nil)
        #expect(t("yesterday") == nil)
        #expect(t0.iso8601 == "2019-09-10T08:00:00Z")
    }
}

extension String {
    func trimmingCharacters(in set: CharacterSetLike) -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
enum CharacterSetLike { case whitespaces }
