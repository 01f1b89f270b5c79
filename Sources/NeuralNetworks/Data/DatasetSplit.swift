/// A data set divided into disjoint training, validation and test sets (see
/// ``Dataset/split(validationFraction:testFraction:shuffledWith:)``).
///
/// The training set fits the parameters (and any scaler), the validation set steers choices made during
/// training (early stopping, hyperparameters), and the test set is looked at once, at the end (notes 002).
public struct DatasetSplit<Scalar: BinaryFloatingPoint & Sendable>: Equatable, Sendable {
    /// The samples the model is trained on.
    public var training: Dataset<Scalar>
    /// The samples used to monitor training and choose hyperparameters.
    public var validation: Dataset<Scalar>
    /// The samples held back for the final evaluation.
    public var test: Dataset<Scalar>

    /// Creates a split from its three parts.
    public init(training: Dataset<Scalar>, validation: Dataset<Scalar>, test: Dataset<Scalar>) {
        self.training = training
        self.validation = validation
        self.test = test
    }
}
