import XCTest
@testable import NeuralNetworks

final class DatasetMiniBatchesTests: XCTestCase {
    /// Ten samples whose input is its own index and whose target is ten times it, so a batch row reveals which
    /// sample it is and whether input and target stayed paired.
    private func indexedDataset(count: Int = 10) -> Dataset<Double> {
        Dataset(
            inputs: Matrix(rows: count, columns: 1, storage: (0..<count).map(Double.init)),
            targets: Matrix(rows: count, columns: 1, storage: (0..<count).map { Double($0 * 10) }),
            inputNames: ["index"], targetNames: ["tenTimes"]
        )
    }

    private func sampleIndices(_ batches: [Dataset<Double>]) -> [Int] {
        batches.flatMap { $0.inputs.storage.map { Int($0) } }
    }

    func testUnshuffledBatchesKeepOrderAndSizes() {
        let batches = indexedDataset().miniBatches(batchSize: 4)
        XCTAssertEqual(batches.map(\.count), [4, 4, 2])
        XCTAssertEqual(sampleIndices(batches), Array(0..<10))
        XCTAssertEqual(batches[2].targets.storage, [80, 90])
        XCTAssertEqual(batches[0].inputNames, ["index"])
        XCTAssertEqual(batches[0].targetNames, ["tenTimes"])
    }

    func testBatchCountIsCeilingOfCountOverBatchSize() {
        for count in [1, 7, 10, 12, 13] {
            for batchSize in [1, 3, 4, 12, 50] {
                let batches = indexedDataset(count: count).miniBatches(batchSize: batchSize)
                XCTAssertEqual(batches.count, (count + batchSize - 1) / batchSize, "N=\(count) B=\(batchSize)")
                XCTAssertTrue(batches.dropLast().allSatisfy { $0.count == batchSize })
                XCTAssertEqual(batches.map(\.count).reduce(0, +), count)
            }
        }
    }

    func testEmptyDatasetHasNoBatches() {
        XCTAssertTrue(indexedDataset(count: 0).miniBatches(batchSize: 3).isEmpty)
    }

    func testShuffledEpochHoldsEverySampleOnceWithTargetsPaired() {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let batches = indexedDataset().miniBatches(batchSize: 3, shuffledWith: &generator)
        XCTAssertEqual(batches.map(\.count), [3, 3, 3, 1])
        let indices = sampleIndices(batches)
        XCTAssertEqual(indices.sorted(), Array(0..<10))
        XCTAssertNotEqual(indices, Array(0..<10), "a shuffle of 10 samples should not be the identity")
        for batch in batches {
            XCTAssertEqual(batch.targets.storage, batch.inputs.storage.map { $0 * 10 })
        }
    }

    func testEachCallDrawsAFreshPermutation() {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let dataset = indexedDataset(count: 20)
        let first = sampleIndices(dataset.miniBatches(batchSize: 5, shuffledWith: &generator))
        let second = sampleIndices(dataset.miniBatches(batchSize: 5, shuffledWith: &generator))
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(second.sorted(), Array(0..<20))
    }

    func testSameSeedGivesSameEpochs() {
        let dataset = indexedDataset(count: 20)
        var generatorA = SeededRandomNumberGenerator(seed: 42)
        var generatorB = SeededRandomNumberGenerator(seed: 42)
        var generatorC = SeededRandomNumberGenerator(seed: 43)
        for _ in 0..<3 {
            let a = dataset.miniBatches(batchSize: 6, shuffledWith: &generatorA)
            XCTAssertEqual(a, dataset.miniBatches(batchSize: 6, shuffledWith: &generatorB))
            XCTAssertNotEqual(sampleIndices(a), sampleIndices(dataset.miniBatches(batchSize: 6, shuffledWith: &generatorC)))
        }
    }

    func testOptionalGeneratorShufflesAndAdvancesOnlyWhenPresent() {
        let dataset = indexedDataset(count: 20)
        var none: SeededRandomNumberGenerator? = nil
        XCTAssertEqual(dataset.miniBatches(batchSize: 6, shuffledWith: &none), dataset.miniBatches(batchSize: 6))

        var optional: SeededRandomNumberGenerator? = SeededRandomNumberGenerator(seed: 5)
        var plain = SeededRandomNumberGenerator(seed: 5)
        for _ in 0..<2 {
            XCTAssertEqual(
                dataset.miniBatches(batchSize: 6, shuffledWith: &optional),
                dataset.miniBatches(batchSize: 6, shuffledWith: &plain)
            )
        }
    }
}
