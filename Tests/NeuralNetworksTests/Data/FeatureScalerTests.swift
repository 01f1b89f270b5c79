import XCTest
@testable import NeuralNetworks

final class FeatureScalerTests: XCTestCase {
    /// Column 0: 1…4 (mean 2.5, population variance 1.25, sample variance 5/3); column 1: ten times column 0;
    /// column 2: constant 5.
    private let training = Matrix<Double>([[1, 10, 5], [2, 20, 5], [3, 30, 5], [4, 40, 5]])

    func testZScoreFitsPopulationStatisticsByDefault() {
        let scaler = ZScoreScaler(fittedTo: training)
        XCTAssertEqual(scaler.means, [2.5, 25, 5])
        XCTAssertEqual(scaler.standardDeviations[0], 1.118033988749895, accuracy: 1e-15)
        XCTAssertEqual(scaler.standardDeviations[1], 11.18033988749895, accuracy: 1e-13)
        XCTAssertEqual(scaler.standardDeviations[2], 0)
        XCTAssertEqual(scaler.convention, .population)
    }

    func testZScoreSampleConventionDividesByNMinusOne() {
        let scaler = ZScoreScaler(fittedTo: training, convention: .sample)
        XCTAssertEqual(scaler.standardDeviations[0], (5.0 / 3).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(scaler.transform(Matrix([[4, 40, 5]]))[0, 0], 1.5 / (5.0 / 3).squareRoot(), accuracy: 1e-15)
    }

    func testZScoreStandardisesTheFittingDataAndReusesItsStatistics() {
        let scaler = ZScoreScaler(fittedTo: training)
        let scaled = scaler.transform(training)
        for column in 0..<2 {
            let values = (0..<4).map { scaled[$0, column] }
            XCTAssertEqual(values.reduce(0, +) / 4, 0, accuracy: 1e-15)
            XCTAssertEqual(values.map { $0 * $0 }.reduce(0, +) / 4, 1, accuracy: 1e-15)
        }
        XCTAssertEqual((0..<4).map { scaled[$0, 2] }, [0, 0, 0, 0])
        // Held-out data uses the training statistics: (5 − 2.5)/√1.25 = √5, (0 − 25)/√125 = −√5, 7 − 5 = 2.
        let validation = scaler.transform(Matrix([[5, 0, 7]]))
        XCTAssertEqual(validation[0, 0], 5.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(validation[0, 1], -(5.0.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(validation[0, 2], 2)
    }

    func testZScoreInverseRestoresTheData() {
        let scaler = ZScoreScaler(fittedTo: training)
        let data = Matrix<Double>([[0.3, -7, 5], [9, 100, 4]])
        let restored = scaler.inverseTransform(scaler.transform(data))
        for (original, back) in zip(data.storage, restored.storage) {
            XCTAssertEqual(back, original, accuracy: 1e-12)
        }
    }

    func testZScoreTreatsAnInexactlySummingConstantColumnAsConstant() {
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary floating point, so a naive mean would give σ ≈ 1e-17.
        let scaler = ZScoreScaler(fittedTo: Matrix<Double>([[0.1], [0.1], [0.1]]))
        XCTAssertEqual(scaler.means, [0.1])
        XCTAssertEqual(scaler.standardDeviations, [0])
        XCTAssertEqual(scaler.transform(Matrix([[0.1], [0.1]])).storage, [0, 0])
    }

    func testZScoreWorksInFloat() {
        let scaler = ZScoreScaler(fittedTo: Matrix<Float>([[1], [2], [3], [4]]))
        XCTAssertEqual(scaler.means, [2.5])
        XCTAssertEqual(scaler.standardDeviations[0], Float(1.25.squareRoot()))
    }

    func testMinMaxMapsTheFittedRangeOntoTheTarget() {
        let scaler = MinMaxScaler(fittedTo: Matrix<Double>([[-1, 2], [3, 2], [1, 2]]))
        XCTAssertEqual(scaler.minimums, [-1, 2])
        XCTAssertEqual(scaler.maximums, [3, 2])
        XCTAssertEqual(scaler.transform(Matrix([[-1, 2], [3, 2], [1, 2]])), Matrix([[0, 0], [1, 0], [0.5, 0]]))
        // Held-out data is not clipped; a constant column is only shifted (its range is taken as 1).
        XCTAssertEqual(scaler.transform(Matrix([[5, 3.5]])), Matrix([[1.5, 1.5]]))
    }

    func testMinMaxToMinusOneOneAndBack() {
        let scaler = MinMaxScaler(fittedTo: Matrix<Double>([[-1], [3], [1]]), targetRange: -1...1)
        XCTAssertEqual(scaler.transform(Matrix([[-1], [3], [1], [0]])), Matrix([[-1], [1], [0], [-0.5]]))
        let data = Matrix<Double>([[-4], [0.25], [10]])
        XCTAssertEqual(scaler.inverseTransform(scaler.transform(data)), data)
    }

    func testDatasetScalesInputsOrTargetsOnly() {
        let dataset = Dataset(inputs: training, targets: Matrix([[100], [200], [300], [500]]), inputNames: ["a", "b", "c"], targetNames: ["price"])
        let inputScaler = MinMaxScaler(fittedTo: dataset.inputs)
        let scaledInputs = dataset.scalingInputs(by: inputScaler)
        XCTAssertEqual(scaledInputs.targets, dataset.targets)
        XCTAssertEqual(scaledInputs.inputs.row(1), [1.0 / 3, 1.0 / 3, 0])
        XCTAssertEqual(scaledInputs.inputNames, ["a", "b", "c"])
        let targetScaler = MinMaxScaler(fittedTo: dataset.targets)
        let scaledTargets = dataset.scalingTargets(by: targetScaler)
        XCTAssertEqual(scaledTargets.inputs, dataset.inputs)
        XCTAssertEqual(scaledTargets.targets.storage, [0, 0.25, 0.5, 1])
        XCTAssertEqual(targetScaler.inverseTransform(Matrix([[0.75]])), Matrix([[400]]))
    }

    func testSplitIsScaledWithTrainingStatisticsOnly() throws {
        let dataset = Dataset<Double>.linearRegression(count: 200, weights: [3, -1], bias: 10, noise: 0.5, seed: 4)
        let split = try dataset.split(validationFraction: 0.25, testFraction: 0.25, seed: 2)
        let inputScaler = ZScoreScaler(fittedTo: split.training.inputs)
        let targetScaler = MinMaxScaler(fittedTo: split.training.targets)
        let scaled = split.scalingInputs(by: inputScaler).scalingTargets(by: targetScaler)
        XCTAssertEqual(scaled.validation.inputs, inputScaler.transform(split.validation.inputs))
        XCTAssertEqual(scaled.test.targets, targetScaler.transform(split.test.targets))
        XCTAssertEqual(scaled.training.targets.storage.min(), 0)
        XCTAssertEqual(scaled.training.targets.storage.max(), 1)
        // Statistics of the held-out parts differ from the training ones, so they are not exactly standardised.
        let validationMean = (0..<50).map { scaled.validation.inputs[$0, 0] }.reduce(0, +) / 50
        let trainingMean = (0..<100).map { scaled.training.inputs[$0, 0] }.reduce(0, +) / 100
        XCTAssertEqual(trainingMean, 0, accuracy: 1e-14)
        XCTAssertNotEqual(validationMean, 0)
    }
}
