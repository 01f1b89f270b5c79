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
        XCTAssertEqual(errorMessage("area,rooms,price\n1,,3\n"),
                       "data.csv:2: column \"rooms\": the value is missing; fix the file, or choose a policy with CSVOptions(missingValues: .fill(0)), .fillWithColumnMean or .dropRow")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,inf\n"), "data.csv:2: column \"price\": \"inf\" is not a finite number")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,nan,3\n"), "data.csv:2: column \"rooms\": \"nan\" is not a finite number")
        XCTAssertEqual(errorMessage("area,rooms,price,city\n1,2,3,Paris\n"), "no error", "unchosen columns may hold text")
    }

    func testQuotingErrors() {
        XCTAssertEqual(errorMessage("area,rooms,price\n1,2,3\n4,\"5,6\n"), "data.csv:3: a quoted field opened on this line is never closed")
        XCTAssertEqual(errorMessage("area,rooms,price\n1,\"2\"x,3\n"), "data.csv:2: field 2: unexpected text after the closing quote")
    }

    // MARK: Bytes that are not text, encodings, separators, missing values (issue 11)

    private func load(bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> Dataset<Double> {
        try Dataset(csvData: Data(bytes), fileName: "data.csv", inputColumns: ["area", "rooms"], targetColumns: ["price"],
                    options: options)
    }

    private func message(bytes: [UInt8], options: CSVOptions = CSVOptions()) -> String {
        do {
            _ = try load(bytes: bytes, options: options)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    func testControlCharactersAreRejectedWithLineAndColumn() {
        XCTAssertEqual(message(bytes: Array("area,rooms,price\n1\u{0}2,3,4\n".utf8)),
                       "data.csv:2:2: control character NUL (byte 0x00) in the text; a CSV file holds none: is it a binary file, or saved in another encoding?")
        // In a quoted field and in a column nobody asked for, too; the column counts characters, not bytes.
        XCTAssertEqual(message(bytes: Array("area,rooms,price,note\n1,2,3,\"é\u{7}\"\n".utf8)),
                       "data.csv:2:9: control character U+0007 (byte 0x07) in the text; a CSV file holds none: is it a binary file, or saved in another encoding?")
    }

    func testUTF16WithAByteOrderMarkIsRead() throws {
        let text = "area,rooms,price\n1,2,3\n"
        var littleEndian: [UInt8] = [0xFF, 0xFE]
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        XCTAssertEqual(try load(bytes: littleEndian).inputs, Matrix([[1, 2]]))
        XCTAssertEqual(try load(bytes: bigEndian).targets, Matrix([[3]]))
        // Without the mark it is named, not read as NUL characters.
        XCTAssertEqual(message(bytes: Array(littleEndian.dropFirst(2))),
                       "data.csv:1:1: the file is not UTF-8; it looks like UTF-16LE without a byte-order mark. Convert it with: iconv -f UTF-16LE -t UTF-8 data.csv > data-utf8.csv")
    }

    func testOtherEncodingsAreNamedWithTheConversion() {
        // "面积" (area) in GBK, as Excel on Chinese Windows saves it.
        let gbk: [UInt8] = [0xC3, 0xE6, 0xBB, 0xFD] + Array(",rooms,price\n1,2,3\n".utf8)
        XCTAssertEqual(message(bytes: gbk),
                       "data.csv:1:1: the file is not UTF-8; it looks like GBK (GB18030), as Excel saves CSV on Chinese Windows. Convert it with: iconv -f GB18030 -t UTF-8 data.csv > data-utf8.csv")
        let latin1 = Array("area,rooms,price,city\n1,2,3,Montr".utf8) + [0xE9] + Array("al\n".utf8)
        XCTAssertEqual(message(bytes: latin1),
                       "data.csv:2:12: the file is not UTF-8; it looks like Windows-1252. Convert it with: iconv -f WINDOWS-1252 -t UTF-8 data.csv > data-utf8.csv")
        XCTAssertEqual(message(bytes: Array("\u{FEFF}area,rooms,price\n1,2,3\n".utf8)), "no error")
    }

    func testSeparatorIsDetectedOrGiven() throws {
        XCTAssertEqual(try load("area;rooms;price;note\n1;2;3;a,b\n").inputs, Matrix([[1, 2]]))
        XCTAssertEqual(try load("area\trooms\tprice\n1\t2\t3\n").targets, Matrix([[3]]))
        XCTAssertEqual(try load("\"a;b\",area,rooms,price\n0,1,2,3\n").inputs, Matrix([[1, 2]]), "quoted separators do not count")
        let semicolons = CSVOptions(separator: .semicolon)
        XCTAssertEqual(try load(bytes: Array("area;rooms;price\n1;2;3\n".utf8), options: semicolons).inputs, Matrix([[1, 2]]))
        XCTAssertEqual(message(bytes: Array("area,rooms,price\n1,2,3\n".utf8), options: semicolons),
                       "data.csv:1: no column named \"area\"; the header has \"area,rooms,price\"")
    }

    func testMissingValuePolicies() throws {
        let text = Array("area,rooms,price\n1,,3\n3,NA,5\n5,4,null\n".utf8)
        XCTAssertEqual(try load(bytes: text, options: CSVOptions(missingValues: .fill(-1))).inputs, Matrix([[1, -1], [3, -1], [5, 4]]))
        let filled = try load(bytes: text, options: CSVOptions(missingValues: .fillWithColumnMean))
        XCTAssertEqual(filled.inputs, Matrix([[1, 4], [3, 4], [5, 4]]))
        XCTAssertEqual(filled.targets, Matrix([[3], [5], [4]]), "mean of 3 and 5")
        XCTAssertEqual(message(bytes: text, options: CSVOptions(missingValues: .dropRow)),
                       "data.csv: the file has a header but no data rows", "every row has a gap")
        XCTAssertEqual(try load(bytes: Array("area,rooms,price\n1,,3\n2,2,2\n".utf8), options: CSVOptions(missingValues: .dropRow)).inputs,
                       Matrix([[2, 2]]))
        XCTAssertEqual(message(bytes: Array("area,rooms,price\n1,,3\n".utf8), options: CSVOptions(missingValues: .fillWithColumnMean)),
                       "data.csv: column \"rooms\": every value is missing, so there is no mean to fill them with")
    }

    func testUpToTwentyErrorsAreListedAtOnce() {
        let rows = (1...25).map { "\($0),x,1" }.joined(separator: "\n")
        let lines = message(bytes: Array("area,rooms,price\n\(rows)\n".utf8)).components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "data.csv: 25 problems, the first 20:")
        XCTAssertEqual(lines[1], "  data.csv:2: column \"rooms\": \"x\" is not a number")
        XCTAssertEqual(lines[20], "  data.csv:21: column \"rooms\": \"x\" is not a number")
        XCTAssertEqual(lines.last, "  … and 5 more")
        XCTAssertEqual(lines.count, 22)
    }

    func testNoInputColumnsIsAThrownError() {
        XCTAssertThrowsError(try Dataset<Double>(csvText: "a,b\n1,2\n", fileName: "d.csv", inputColumns: [], targetColumns: ["b"])) {
            XCTAssertEqual(String(describing: $0), "d.csv: no input columns were chosen; name at least one column of the header as input")
        }
    }

    /// The fast decimal path must give exactly what Swift's own `Double(_:)` gives (an independent reader).
    func testNumbersAreReadExactlyAsDoubleReadsThem() throws {
        var generator = SeededRandomNumberGenerator(seed: 11)
        var texts = ["0", "-0", "+1", "1.", ".5", "-.5e3", "1e22", "1e23", "9007199254740993", "123456789012345678",
                     "0.1", "0.30000000000000004", "1e-22", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
                     "0x1p3", "1e", "--1", "1.2.3", "e5", "+", "."]
        for _ in 0..<2_000 {
            let mantissa = Double.random(in: -1e6...1e6, using: &generator)
            let exponent = Int.random(in: -30...30, using: &generator)
            texts.append(String(format: "%.\(Int.random(in: 0...17, using: &generator))fe%d", mantissa, exponent))
            texts.append(String(Double.random(in: -1...1, using: &generator)))
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBytes { CSVNumberParser.parse($0, 0..<bytes.count) }
            XCTAssertEqual(parsed?.bitPattern, Double(text)?.bitPattern, text)
        }
    }
}
