/// Standardisation: each column shifted to mean 0 and divided by its standard deviation, with the statistics
/// fitted once and kept.
///
/// For column j with fitted mean μ_j and standard deviation σ_j:
///
///     x' = (x − μ_j) / s_j,        x = s_j · x' + μ_j  (inverse),     s_j = σ_j if σ_j > 0, else 1,
///
///     μ_j = (1/N) Σ_i x_ij,        σ_j = √( (1/N) Σ_i (x_ij − μ_j)² )   (population, the default)
///                              or  σ_j = √( (1/(N−1)) Σ_i (x_ij − μ_j)² ) (sample).
///
/// - Note: The default population σ (divide by N) is that of scikit-learn's `StandardScaler` and
///   `numpy.std`; the MATLAB code of notes 001 (`std(xTraining)`) uses the sample σ (divide by N − 1), chosen
///   with ``StandardDeviation/sample``. A constant column (every value equal) has σ_j = 0 and is divided by 1
///   instead, as in scikit-learn: its fitted values become 0, and other data is only shifted by μ_j.
///   Statistics are accumulated in `Double` (two passes: mean, then squared deviations) whatever `Scalar` is.
public struct ZScoreScaler<Scalar: BinaryFloatingPoint & Sendable>: FeatureScaler {
    /// Which denominator the standard deviation uses.
    public enum StandardDeviation: Equatable, Sendable {
        /// Divide the sum of squared deviations by N (numpy, scikit-learn, PyTorch `unbiased=False`).
        case population
        /// Divide by N − 1, Bessel's correction (MATLAB `std`, pandas, PyTorch's default `std`).
        case sample
    }

    /// The fitted column means μ_j.
    public let means: [Scalar]
    /// The fitted column standard deviations σ_j (0 for a constant column).
    public let standardDeviations: [Scalar]
    /// The convention the standard deviations were fitted with.
    public let convention: StandardDeviation

    public var columnCount: Int { means.count }

    /// Fits the column statistics of `matrix`.
    /// - Parameters:
    ///   - matrix: The fitting data, usually the training inputs: at least one row (two for the sample convention).
    ///   - convention: The standard-deviation denominator; `.population` unless stated.
    public init(fittedTo matrix: Matrix<Scalar>, convention: StandardDeviation = .population) {
        let minimumRows = convention == .population ? 1 : 2
        requirement(matrix.rows >= minimumRows, "Fitting a z-score scaler (\(convention) σ) needs at least \(minimumRows) rows, got \(matrix.rows)")
        var means: [Scalar] = []
        var deviations: [Scalar] = []
        for column in 0..<matrix.columns {
            let values = (0..<matrix.rows).map { Double(matrix[$0, column]) }
            // An exactly constant column must get σ = 0 and its own value as mean; summing could give neither.
            if values.allSatisfy({ $0 == values[0] }) {
                means.append(Scalar(values[0]))
                deviations.append(0)
                continue
            }
            let mean = values.reduce(0, +) / Double(values.count)
            let squaredDeviations = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let denominator = Double(convention == .population ? values.count : values.count - 1)
            means.append(Scalar(mean))
            deviations.append(Scalar((squaredDeviations / denominator).squareRoot()))
        }
        self.means = means
        self.standardDeviations = deviations
        self.convention = convention
    }

    /// x' = (x − μ_j) / s_j for every entry (s_j = σ_j, or 1 for a constant column).
    public func transform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
        mapEntries(of: matrix) { value, column in (value - means[column]) / divisor(column) }
    }

    /// x = s_j · x' + μ_j for every entry.
    public func inverseTransform(_ matrix: Matrix<Scalar>) -> Matrix<Scalar> {
        mapEntries(of: matrix) { value, column in value * divisor(column) + means[column] }
    }

    private func divisor(_ column: Int) -> Scalar {
        standardDeviations[column] > 0 ? standardDeviations[column] : 1
    }
}
