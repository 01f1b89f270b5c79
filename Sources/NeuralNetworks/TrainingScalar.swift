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
    /// tanh x.
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
    public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanh(x) }

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
