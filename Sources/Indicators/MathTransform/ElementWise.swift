#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// TA-Lib's element-wise Math Transform functions (`ACOS` ... `TANH`): one C library function applied to
/// each value, with the C library's own results (NaN outside a function's domain, as TA-Lib gives).
public enum MathTransformFunction: String, CaseIterable, Sendable {
    case acos = "ACOS", asin = "ASIN", atan = "ATAN", ceil = "CEIL", cos = "COS", cosh = "COSH", exp = "EXP"
    case floor = "FLOOR", ln = "LN", log10 = "LOG10", sin = "SIN", sinh = "SINH", sqrt = "SQRT", tan = "TAN"
    case tanh = "TANH"

    /// A human name, as TA-Lib's abstract interface gives it.
    public var displayName: String {
        switch self {
        case .acos: "Vector Trigonometric ACos"
        case .asin: "Vector Trigonometric ASin"
        case .atan: "Vector Trigonometric ATan"
        case .ceil: "Vector Ceil"
        case .cos: "Vector Trigonometric Cos"
        case .cosh: "Vector Trigonometric Cosh"
        case .exp: "Vector Arithmetic Exp"
        case .floor: "Vector Floor"
        case .ln: "Vector Log Natural"
        case .log10: "Vector Log10"
        case .sin: "Vector Trigonometric Sin"
        case .sinh: "Vector Trigonometric Sinh"
        case .sqrt: "Vector Square Root"
        case .tan: "Vector Trigonometric Tan"
        case .tanh: "Vector Trigonometric Tanh"
        }
    }

    /// The function itself: the C library's `acos`, `ceil`, `log` (for `LN`), ... as TA-Lib calls them.
    @inlinable
    public func apply(_ x: Double) -> Double {
        switch self {
        case .acos: libmAcos(x)
        case .asin: libmAsin(x)
        case .atan: libmAtan(x)
        case .ceil: x.rounded(.up)
        case .cos: libmCos(x)
        case .cosh: libmCosh(x)
        case .exp: libmExp(x)
        case .floor: x.rounded(.down)
        case .ln: libmLog(x)
        case .log10: libmLog10(x)
        case .sin: libmSin(x)
        case .sinh: libmSinh(x)
        case .sqrt: x.squareRoot()
        case .tan: libmTan(x)
        case .tanh: libmTanh(x)
        }
    }
}

/// Applies one `MathTransformFunction` to each bar's `close`; lookback 0: every bar has an output.
///
/// `out[t] = f(x[t])`. Streaming and batch are the same single evaluation.
public struct MathTransformState: StreamingIndicator {
    /// The function applied to each value.
    public let function: MathTransformFunction

    /// A state applying `function` to each close.
    public init(_ function: MathTransformFunction) { self.function = function }

    /// Always 0: the transform needs no history.
    public static func lookback() -> Int { 0 }

    /// `f(x)`.
    @inlinable
    public func update(_ x: Double) -> Double { function.apply(x) }

    @inlinable
    public mutating func update(_ bar: Bar, into out: inout IndicatorOutputs) -> Bool {
        out.v0 = function.apply(bar.close)
        return true
    }
}

// Thin wrappers over the platform C library, so the rest of the module needs no Foundation.
@usableFromInline func libmAcos(_ x: Double) -> Double { acos(x) }
@usableFromInline func libmAsin(_ x: Double) -> Double { asin(x) }
@usableFromInline func libmAtan(_ x: Double) -> Double { atan(x) }
@usableFromInline func libmCos(_ x: Double) -> Double { cos(x) }
@usableFromInline func libmCosh(_ x: Double) -> Double { cosh(x) }
@usableFromInline func libmExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func libmLog(_ x: Double) -> Double { log(x) }
@usableFromInline func libmLog10(_ x: Double) -> Double { log10(x) }
@usableFromInline func libmSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func libmSinh(_ x: Double) -> Double { sinh(x) }
@usableFromInline func libmTan(_ x: Double) -> Double { tan(x) }
@usableFromInline func libmTanh(_ x: Double) -> Double { tanh(x) }
