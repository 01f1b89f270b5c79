import Foundation
import XCTest
@testable import NeuralNetworks

final class DatasetCSVTests: XCTestCase {
    private func load(_ text: String, inputs: [String] = ["area", "rooms"], targets: [String] = ["price"]) throws -> Dataset<Double> {
        try Dataset(csvText: text, fileName: "data.csv", inputColumns: inputs, targetColumns: targets)
    }

    /// The description of the error `load` throws, or a note that it threw none.
    private func errorMessage(_ text: String, inputs: [String] = ["area", "rooms"], targets: [String] = ["price"]) -> String {
        do {
            _ = try load(text, inputs: inputs, targets: targets)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    // MARK: Reading

    func testChoosesColumnsByNameInTheRequestedOrder() throws {
        let dataset = try load("price,rooms,city,area\n300,3,Paris,70.5\n150,2,Lyon,40\n", inputs: ["area", "rooms"], targets: ["price"])
        XCTAssertEqual(dataset.inputs, Matrix([[70.5, 3], [40, 2]]))
        XCTAssertEqual(dataset.targets, Matrix([[300], [150]]))
        XCTAssertEqual(dataset.inputNames, ["area", "rooms"])
        XCTAssertEqual(dataset.targetNames, ["price"])
    }

    func testHandlesCRLFMissingFinalNewlineBlankLinesAndSpaces() throws {
        let expected = Matrix<Double>([[1, 2], [4, 5]])
        XCTAssertEqual(try load("area,rooms,price\r\n1,2,3\r\n4,5,6\r\n").inputs, expected)
        XCTAssertEqual(try load("area,rooms,price\n1,2,3\n4,5,6").inputs, expected)
        XCTAssertEqual(try load("\n area , rooms,price\n\n1, 2 ,3\n  \n4,5,6\n\n").inputs, expected)
        XCTAssertEqual(try load("area,rooms,price\r1,2,3\r4,5,6\r").inputs, expected)
        XCTAssertEqual(try load("\u{FEFF}area,rooms,price\n1,2,3\n4,5,6\n").inputs, expected)
    }

    func testHandlesQuotedFields() throws {
        let text = #"""
        "area","rooms","note, with comma","price"
        "1.5",2,"says ""hi""",3
        4,"5","two
        lines",6e2
        """#
        let dataset = try load(text)
        XCTAssertEqual(dataset.inputs, Matrix([[1.5, 2], [4, 5]]))
        XCTAssertEqual(dataset.targets, Matrix([[3], [600]]))
        // The quoted line break moves later records down one line.
        XCTAssertEqual(
            errorMessage("area,rooms,note,price\n1,2,\"a\nb\",3\n1,x,c,3\n"),
            "data.csv:4: column \"rooms\": \"x\" is not a number"
        )
    }

    func testFloatValuesAreTheDoubleValuesRounded() throws {
        let dataset = try Dataset<Float>(csvText: "x,y\n0.1,1e-3\n", fileName: "f.csv", inputColumns: ["x"], targetColumns: ["y"])
        XCTAssertEqual(dataset.inputs.storage, [Float(0.1)])
        XCTAssertEqual(dataset.targets.storage, [Float(0.001)])
    }

    func testReadsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-csv-\(ProcessInfo.processInfo.globallyUniqueString).csv")
        try "area,rooms,price\n1,2,3\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let dataset = try Dataset<Double>(csvFile: url, inputColumns: ["rooms"], targetColumns: ["price", "area"])
        XCTAssertEqual(dataset.inputs, Matrix([[2]]))
        XCTAssertEqual(dataset.targets, Matrix([[3, 1]]))
    }

    // MARK: Errors

    func testMissingFileIsNamed() {
        let url = URL(fileURLWithPath: "no-such-directory/houses.csv")
        XCTAssertThrowsError(try Dataset<Double>(csvFile: url, inputColumns: ["a"], targetColumns: [])) { error in
            XCTAssertEqual(String(describing: error), "no-such-directory/houses.csv: cannot be read: no such file")
            XCTAssertEqual(error.localizedDescription, "no-such-directory/houses.csv: cannot be read: no such file")
        }
    }

    func testEmptyFile() {
        XCTAssertEqual(errorMessage(""), "data.csv: the file is empty; expected a header line naming the columns")
        XCTAssertEqual(errorMessage("\n\r\n  \n"), "data.csv: the file is empty; expected a header line naming the columns")
    }

    func testHeaderWithoutRows() {
        XCTAssertEqual(errorMessage("area,rooms,price\n"), "data.csv: the file has a header but no data rows")
    }

    func testMissingColumnListsTheHeader() {
        XCTAssertEqual(
            errorMessage("\narea,rooms,cost\n1,2,3\n"),
            "data.csv:2: no column named \"price\"; the header has \"area\", \"rooms\", \"cost\""
        )
    }

    func testDuplicateRequestedColumn() {
        XCTAssertEqual(errorMessage("area,rooms,price,area\n1,2,3,4\n"), "data.csv:1: column \"area\" appears more than once in the header")
        XCTAssertEqual(errorMessage("area,rooms,price,x,x\n1,2,3,4,5\n"), "no error", "duplicates in unused columns are fine")
    }

    func testWrongFieldCount() {
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,3\n4,5\n"), "data.csv:3: expected 3 fields as in the header, found 2")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,3,\n"), "data.csv:2: expected 3 fields as in the header, found 4")
    }

    func testNonNumericValueNamesLineColumnAndValue() {
        let rows = (2...16).map { "\($0),1,1" }.joined(separator: "\n")
        XCTAssertEqual(errorMessage("area,rooms,price\n\(rows)\n1,2,abc\n"), "data.csv:17: column \"price\": \"abc\" is not a number")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,,3\n"), "data.csv:2: column \"rooms\": the field is empty, expected a number")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,inf\n"), "data.csv:2: column \"price\": \"inf\" is not a finite number")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,nan,3\n"), "data.csv:2: column \"rooms\": \"nan\" is not a finite number")
        XCTAssertEqual(errorMessage("area,rooms,price,city\n1,2,3,Paris\n"), "no error", "unchosen columns may hold text")
    }

    func testQuotingErrors() {
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,3\n4,\"5,6\n"), "data.csv:3: a quoted field opened on this line is never closed")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,\"2\"x,3\n"), "data.csv:2: field 2: unexpected text after the closing quote")
    }
}
