import XCTest
@testable import NeuralNetworks

final class MatrixConstructionTests: XCTestCase {
    func testRepeatingRowStacksCopiesOfTheRow() {
        let matrix = Matrix(repeatingRow: [1.5, -2.0, 0.25], count: 3)
        XCTAssertEqual(matrix.rows, 3)
        XCTAssertEqual(matrix.columns, 3)
        XCTAssertEqual(matrix, Matrix([[1.5, -2.0, 0.25], [1.5, -2.0, 0.25], [1.5, -2.0, 0.25]]))
        XCTAssertEqual(Matrix<Double>(repeatingRow: [4, 5], count: 0).rows, 0)
    }
}
