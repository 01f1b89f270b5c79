import Foundation
import XCTest
@testable import NeuralNetworks

final class DatasetClassificationTests: XCTestCase {
    private func points(_ dataset: Dataset<Double>) -> [(x: Double, y: Double, label: Int)] {
        zip(dataset.inputs.nestedRows, dataset.classLabels).map { (x: $0[0], y: $0[1], label: $1) }
    }

    // MARK: XOR

    func testXORIsTheTruthTable() {
        let xor = Dataset<Double>.xor()
        XCTAssertEqual(xor.inputs, Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        XCTAssertEqual(xor.targets, Matrix([[0], [1], [1], [0]]))
        XCTAssertEqual(xor.inputNames, ["x1", "x2"])
        XCTAssertEqual(xor.targetNames, ["label"])
    }

    func testNoisyXORKeepsCornerLabelsAndScattersAroundCorners() {
        let xor = Dataset<Double>.xor(samplesPerCorner: 500, noise: 0.1, seed: 3)
        XCTAssertEqual(xor.count, 2000)
        let corners: [(Double, Double, Int)] = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
        for (block, corner) in corners.enumerated() {
            let samples = points(xor.subset(Array((block * 500)..<((block + 1) * 500))))
            XCTAssertTrue(samples.allSatisfy { $0.label == corner.2 })
            let meanX = samples.map(\.x).reduce(0, +) / 500
            let meanY = samples.map(\.y).reduce(0, +) / 500
            // The mean of 500 draws of N(0, 0.1²) has standard deviation 0.0045; 0.02 is over 4 of them.
            XCTAssertEqual(meanX, corner.0, accuracy: 0.02)
            XCTAssertEqual(meanY, corner.1, accuracy: 0.02)
        }
        XCTAssertNotEqual(xor.inputs.storage.filter { $0 == 0 || $0 == 1 }.count, xor.inputs.storage.count)
    }

    // MARK: Two moons

    func testNoiselessMoonsLieOnTheirArcsWithScikitLearnEndPoints() {
        let moons = Dataset<Double>.twoMoons(count: 101, seed: 1)
        let samples = points(moons)
        let outer = samples.filter { $0.label == 0 }
        let inner = samples.filter { $0.label == 1 }
        XCTAssertEqual(outer.count, 50)
        XCTAssertEqual(inner.count, 51)
        for point in outer {
            XCTAssertEqual(hypot(point.x, point.y), 1, accuracy: 1e-12)
            XCTAssertGreaterThanOrEqual(point.y, -1e-12)
        }
        for point in inner {
            XCTAssertEqual(hypot(point.x - 1, point.y - 0.5), 1, accuracy: 1e-12)
            XCTAssertLessThanOrEqual(point.y, 0.5 + 1e-12)
        }
        // make_moons(n_samples=101, shuffle=False) starts and ends its arcs at these points; only the inner arc,
        // with an odd count (51), has a middle point.
        func contains(_ set: [(x: Double, y: Double, label: Int)], _ x: Double, _ y: Double) -> Bool {
            set.contains { abs($0.x - x) < 1e-12 && abs($0.y - y) < 1e-12 }
        }
        XCTAssertTrue(contains(outer, 1, 0) && contains(outer, -1, 0) && !contains(outer, 0, 1))
        XCTAssertTrue(contains(inner, 0, 0.5) && contains(inner, 2, 0.5) && contains(inner, 1, -0.5))
    }

    func testMoonsAreShuffled() {
        let labels = Dataset<Double>.twoMoons(count: 100, seed: 1).classLabels
        XCTAssertNotEqual(labels, Array(repeating: 0, count: 50) + Array(repeating: 1, count: 50))
    }

    func testMoonNoiseHasTheRequestedSpreadAroundTheArcs() {
        let samples = points(Dataset<Double>.twoMoons(count: 4000, noise: 0.1, seed: 9))
        // For σ ≪ 1 the distance to the arc's circle is nearly N(0, σ²) along the radius.
        let radialResiduals = samples.map { point in
            point.label == 0 ? hypot(point.x, point.y) - 1 : hypot(point.x - 1, point.y - 0.5) - 1
        }
        let rms = (radialResiduals.map { $0 * $0 }.reduce(0, +) / Double(radialResiduals.count)).squareRoot()
        XCTAssertEqual(rms, 0.1, accuracy: 0.01)
    }

    func testSameSeedSameMoonsDifferentSeedDifferentMoons() {
        XCTAssertEqual(Dataset<Double>.twoMoons(count: 50, noise: 0.2, seed: 4), .twoMoons(count: 50, noise: 0.2, seed: 4))
        XCTAssertNotEqual(Dataset<Double>.twoMoons(count: 50, noise: 0.2, seed: 4).inputs, Dataset<Double>.twoMoons(count: 50, noise: 0.2, seed: 5).inputs)
    }

    func testFloatSetIsTheDoubleSetRounded() {
        let single = Dataset<Float>.twoMoons(count: 60, noise: 0.15, seed: 8)
        let double = Dataset<Double>.twoMoons(count: 60, noise: 0.15, seed: 8)
        XCTAssertEqual(single.inputs.storage, double.inputs.storage.map { Float($0) })
        XCTAssertEqual(single.targets.storage, double.targets.storage.map { Float($0) })
    }

    // MARK: Circles

    func testNoiselessCirclesHaveTheirRadiiAndEvenlySpacedAngles() {
        let samples = points(Dataset<Double>.circles(count: 40, factor: 0.5, seed: 2))
        for (label, radius) in [(0, 1.0), (1, 0.5)] {
            let ring = samples.filter { $0.label == label }
            XCTAssertEqual(ring.count, 20)
            XCTAssertTrue(ring.allSatisfy { abs(hypot($0.x, $0.y) - radius) < 1e-12 })
            let angles = ring.map { atan2($0.y, $0.x) < -1e-12 ? atan2($0.y, $0.x) + 2 * .pi : atan2($0.y, $0.x) }.sorted()
            for (index, angle) in angles.enumerated() {
                XCTAssertEqual(angle, 2 * .pi * Double(index) / 20, accuracy: 1e-9)
            }
        }
    }

    // MARK: Spirals

    func testNoiselessSpiralPointsSitOnTheirArms() {
        let spirals = Dataset<Double>.spirals(count: 301, classCount: 3, turns: 1.5, seed: 6)
        XCTAssertEqual(spirals.targets.columns, 3)
        XCTAssertEqual(spirals.targetNames, ["class 0", "class 1", "class 2"])
        XCTAssertTrue(spirals.targets.nestedRows.allSatisfy { $0.reduce(0, +) == 1 })
        let samples = points(spirals)
        XCTAssertEqual([0, 1, 2].map { label in samples.filter { $0.label == label }.count }, [101, 100, 100])
        for point in samples {
            let radius = hypot(point.x, point.y)
            XCTAssertGreaterThan(radius, 0)
            XCTAssertLessThanOrEqual(radius, 1 + 1e-12)
            let expectedAngle = 2 * Double.pi * Double(point.label) / 3 + 2 * .pi * 1.5 * radius
            // Compare directions, which is the angle modulo 2π.
            XCTAssertEqual(point.x, radius * cos(expectedAngle), accuracy: 1e-9)
            XCTAssertEqual(point.y, radius * sin(expectedAngle), accuracy: 1e-9)
        }
    }

    func testTwoSpiralsUseOneLabelColumn() {
        let spirals = Dataset<Float>.spirals(count: 10, noise: 0.05, seed: 1)
        XCTAssertEqual(spirals.targets.columns, 1)
        XCTAssertEqual(spirals.classLabels.filter { $0 == 1 }.count, 5)
    }

    // MARK: Blobs

    func testBlobsCentreAndSpreadMatchTheRequest() {
        let centers: [[Double]] = [[-5, 0, 1], [5, 5, 5], [0, -4, 2]]
        let blobs = Dataset<Double>.gaussianBlobs(count: 3001, centers: centers, standardDeviation: 0.5, seed: 11)
        XCTAssertEqual(blobs.inputs.columns, 3)
        XCTAssertEqual(blobs.inputNames, ["x1", "x2", "x3"])
        let labels = blobs.classLabels
        XCTAssertNotEqual(labels, labels.sorted(), "samples should be shuffled")
        for (label, center) in centers.enumerated() {
            let rows = blobs.inputs.nestedRows.enumerated().filter { labels[$0.offset] == label }.map(\.element)
            XCTAssertEqual(rows.count, label == 0 ? 1001 : 1000)
            for axis in 0..<3 {
                let values = rows.map { $0[axis] }
                let mean = values.reduce(0, +) / Double(values.count)
                let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                // Standard error of the mean is 0.5/√1000 ≈ 0.016; of the deviation about 0.011.
                XCTAssertEqual(mean, center[axis], accuracy: 0.07)
                XCTAssertEqual(deviation, 0.5, accuracy: 0.05)
            }
        }
    }
}
