extension Dataset {
    /// The first two input columns of every sample as points, for scatter plots and decision boundaries.
    /// - Precondition: The data have at least two input columns.
    public var inputPoints: [SIMD2<Double>] {
        precondition(inputs.columns >= 2, "inputPoints needs two input columns, the data have \(inputs.columns)")
        return (0..<count).map { SIMD2(Double(inputs[$0, 0]), Double(inputs[$0, 1])) }
    }

    /// (first input, first target) of every sample, for a regression's scatter plot of y against x.
    public var inputTargetPoints: [SIMD2<Double>] {
        (0..<count).map { SIMD2(Double(inputs[$0, 0]), Double(targets[$0, 0])) }
    }

    /// The first target column of every sample (a binary class label 0 or 1, or a regression target).
    public var firstTargets: [Double] {
        (0..<count).map { Double(targets[$0, 0]) }
    }
}
