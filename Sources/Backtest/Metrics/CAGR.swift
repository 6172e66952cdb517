#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compound annual growth rate in percent: `100 * ((final / initial) ^ (1 / years) - 1)`.
///
/// `years` is the calendar span of the data: from the first bar's open to the last bar's close
/// (last open time + one bar), over 365.25 days. A run that loses everything has a CAGR of -100%.
public enum CAGR {
    /// - Returns: nil when the span is not positive or `initial` is not positive.
    public static func percent(initial: Double, final: Double, years: Double) -> Double? {
        guard initial > 0, years > 0, years.isFinite else { return nil }
        guard final > 0 else { return -100 }
        return 100 * (pow(final / initial, 1 / years) - 1)
    }
}
