import XCTest
@testable import NeuralNetworks

final class DatasetClassLabelsTests: XCTestCase {
    func testOneHotPlacesASingleOnePerRow() {
        let matrix = Dataset<Double>.oneHot(labels: [2, 0, 1, 2], classCount: 3)
        XCTAssertEqual(matrix, Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]))
    }

    func testArgmaxTakesTheFirstMaximumOnTies() {
        let scores = Matrix<Float>([[0.1, 0.7, 0.2], [3, -1, 3], [-5, -2, -9], [0, 0, 0]])
        XCTAssertEqual(Dataset<Float>.argmaxLabels(of: scores), [1, 0, 1, 0])
    }

    func testOneHotAndArgmaxRoundTrip() {
        let labels = [4, 0, 3, 3, 1, 2]
        XCTAssertEqual(Dataset<Float>.argmaxLabels(of: Dataset<Float>.oneHot(labels: labels, classCount: 5)), labels)
    }

    func testClassTargetsUseOneColumnForTwoClassesAndOneHotForMore() {
        XCTAssertEqual(Dataset<Double>.classTargets(labels: [1, 0, 1], classCount: 2), Matrix([[1], [0], [1]]))
        XCTAssertEqual(Dataset<Double>.classTargets(labels: [1, 0], classCount: 3), Matrix([[0, 1, 0], [1, 0, 0]]))
    }

    func testClassLabelsReadBinaryAndOneHotTargets() {
        let binary = Dataset<Double>(inputs: Matrix(rows: 4, columns: 1), targets: Matrix([[0], [1], [0.5], [0.49]]))
        XCTAssertEqual(binary.classLabels, [0, 1, 1, 0])
        let multi = Dataset<Double>(inputs: Matrix(rows: 2, columns: 1), targets: Matrix([[0, 0, 1], [0, 1, 0]]))
        XCTAssertEqual(multi.classLabels, [2, 1])
    }
}
