import XCTest
@testable import NeuralNetworks

final class DatasetSplitTests: XCTestCase {
    /// Samples whose input is their own index and whose target is minus it, to trace them through a split.
    private func indexedDataset(count: Int) -> Dataset<Double> {
        Dataset(
            inputs: Matrix(rows: count, columns: 1, storage: (0..<count).map(Double.init)),
            targets: Matrix(rows: count, columns: 1, storage: (0..<count).map { -Double($0) }),
            inputNames: ["index"], targetNames: ["minusIndex"]
        )
    }

    private func indices(_ dataset: Dataset<Double>) -> [Int] {
        dataset.inputs.storage.map { Int($0) }
    }

    func testSizesFollowTheRoundedFractions() throws {
        let split = try indexedDataset(count: 100).split(validationFraction: 0.2, testFraction: 0.1, seed: 1)
        XCTAssertEqual([split.training.count, split.validation.count, split.test.count], [70, 20, 10])
        // 0.25 · 10 = 2.5 rounds up to 3 for both held-out parts.
        let small = try indexedDataset(count: 10).split(validationFraction: 0.25, testFraction: 0.25, seed: 1)
        XCTAssertEqual([small.training.count, small.validation.count, small.test.count], [4, 3, 3])
        let noTest = try indexedDataset(count: 10).split(validationFraction: 0.3, testFraction: 0, seed: 1)
        XCTAssertEqual([noTest.training.count, noTest.validation.count, noTest.test.count], [7, 3, 0])
    }

    func testPartsAreDisjointCoverEverySampleAndKeepPairsAndNames() throws {
        let split = try indexedDataset(count: 57).split(validationFraction: 0.15, testFraction: 0.2, seed: 3)
        let all = indices(split.training) + indices(split.validation) + indices(split.test)
        XCTAssertEqual(all.sorted(), Array(0..<57))
        XCTAssertNotEqual(all, Array(0..<57), "the split should shuffle")
        for part in [split.training, split.validation, split.test] {
            XCTAssertEqual(part.targets.storage, part.inputs.storage.map { -$0 })
            XCTAssertEqual(part.inputNames, ["index"])
            XCTAssertEqual(part.targetNames, ["minusIndex"])
        }
    }

    func testSameSeedSameSplitDifferentSeedDifferentSplit() throws {
        let dataset = indexedDataset(count: 40)
        let first = try dataset.split(validationFraction: 0.2, testFraction: 0.2, seed: 9)
        XCTAssertEqual(first, try dataset.split(validationFraction: 0.2, testFraction: 0.2, seed: 9))
        XCTAssertNotEqual(first, try dataset.split(validationFraction: 0.2, testFraction: 0.2, seed: 10))
        var generator = SeededRandomNumberGenerator(seed: 9)
        XCTAssertEqual(first, try dataset.split(validationFraction: 0.2, testFraction: 0.2, shuffledWith: &generator))
    }

    func testInvalidFractionsAreReportedClearly() {
        let dataset = indexedDataset(count: 10)
        func message(_ validation: Double, _ test: Double) -> String? {
            do {
                _ = try dataset.split(validationFraction: validation, testFraction: test, seed: 0)
                return nil
            } catch {
                return String(describing: error)
            }
        }
        XCTAssertEqual(message(-0.1, 0.2), "validation fraction -0.1 is not in [0, 1)")
        XCTAssertEqual(message(0.2, 1), "test fraction 1.0 is not in [0, 1)")
        XCTAssertEqual(message(.nan, 0.2), "validation fraction nan is not in [0, 1)")
        XCTAssertEqual(message(0.5, 0.5), "validation fraction 0.5 and test fraction 0.5 add up to 1 or more, leaving no samples for training")
        XCTAssertThrowsError(try indexedDataset(count: 2).split(validationFraction: 0.4, testFraction: 0.4, seed: 0)) { error in
            XCTAssertEqual(error as? DatasetSplitError, .noTrainingSamples(count: 2, validationCount: 1, testCount: 1))
            XCTAssertEqual(String(describing: error), "splitting 2 samples into 1 for validation and 1 for test leaves none for training")
        }
    }
}
