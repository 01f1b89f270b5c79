import COpenBLAS
import Foundation

/// The scalar types the training engine computes in: `Float` (the default for training, as in PyTorch) and
/// `Double` (worked examples and gradient checks).
///
/// The requirements are the few elementary functions and the matrix product the engine needs; everything else
/// comes from `BinaryFloatingPoint`. Hot loops are generic over this protocol and pre-specialised for `Float`
/// and `Double`, so callers in other modules get compiled, vectorised code without any inlining on their side.
public protocol TrainingScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable
where Self.RawSignificand: FixedWidthInteger {
    /// eˣ.
    static func exponential(_ x: Self) -> Self
    /// ln x.
    static func logarithm(_ x: Self) -> Self
    /// ln(1 + x), accurate for small x.
    static func logarithmOnePlus(_ x: Self) -> Self
    /// tanh x (see the conforming types for accuracy).
    static func hyperbolicTangent(_ x: Self) -> Self

    /// `C ← α·op(A)·op(B) + β·C` by the BLAS routine for this type (`cblas_sgemm` or `cblas_dgemm`), row-major.
    ///
    /// `op(A)` is `m×k`, `op(B)` is `k×n`, `C` is `m×n`; `leadingA`, `leadingB`, `leadingC` are the row lengths
    /// of the matrices as stored.
    static func blasMultiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        a: UnsafePointer<Self>, leadingA: Int, b: UnsafePointer<Self>, leadingB: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, leadingC: Int)
}

extension Float: TrainingScalar {
    public static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    public static func logarithm(_ x: Float) -> Float { Foundation.log(x) }
    public static func logarithmOnePlus(_ x: Float) -> Float { Foundation.log1p(x) }
    /// tanh x by a rational approximation, `x·P(x²)/Q(x²)` with P of degree 6 and Q of degree 3 on x clamped
    /// to ±7.9053 (the coefficients of Eigen's `generic_fast_tanh_float`, which PyTorch's CPU kernels also
    /// approximate): absolute error below 4e-7 (measured 3.3e-7), about three units in the last place of a
    /// `Float` near ±1.
    /// - Note: Unlike `tanhf` it compiles to a branch-free polynomial the optimiser vectorises, which makes
    ///   tanh networks several times faster; `Double` keeps the correctly rounded library `tanh`. NaN stays NaN.
    @inline(__always)
    public static func hyperbolicTangent(_ x: Float) -> Float {
        let limit: Float = 7.90531110763549805
        let clamped = x > limit ? limit : (x < -limit ? -limit : x)
        let x2 = clamped * clamped
        var p: Float = -2.76076847742355e-16
        p = p * x2 + 2.00018790482477e-13
        p = p * x2 + -8.60467152213735e-11
        p = p * x2 + 5.12229709037114e-08
        p = p * x2 + 1.48572235717979e-05
        p = p * x2 + 6.37261928875436e-04
        p = p * x2 + 4.89352455891786e-03
        var q: Float = 1.19825839466702e-06
        q = q * x2 + 1.18534705686654e-04
        q = q * x2 + 2.26843463243900e-03
        q = q * x2 + 4.89352518554385e-03
        return clamped * p / q
    }

    public static func blasMultiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, leadingA: Int, b: UnsafePointer<Float>, leadingB: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, leadingC: Int
    ) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(leadingA), b, blasint(leadingB),
                    beta, c, blasint(leadingC))
    }
}

extension Double: TrainingScalar {
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    public static func logarithm(_ x: Double) -> Double { Foundation.log(x) }
    public static func logarithmOnePlus(_ x: Double) -> Double { Foundation.log1p(x) }
    public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }

    public static func blasMultiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, leadingA: Int, b: UnsafePointer<Double>, leadingB: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, leadingC: Int
    ) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(leadingA), b, blasint(leadingB),
                    beta, c, blasint(leadingC))
    }
}
