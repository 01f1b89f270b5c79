import XCTest
@testable import NeuralNetworks

final class TestFunctionTests: XCTestCase {
    func testGradientsMatchCentralDifferences() {
        var generator = SeededRandomNumberGenerator(seed: 1)
        for function in TestFunction.all {
            for _ in 0..<20 {
                let point = SIMD2(generator.nextUniform(in: function.xRange.lowerBound, function.xRange.upperBound),
                                  generator.nextUniform(in: function.yRange.lowerBound, function.yRange.upperBound))
                let numeric = GradientChecker.numericalGradient(of: { function.value(SIMD2($0[0], $0[1])) }, at: [point.x, point.y])
                let exact = function.gradient(point)
                XCTAssertLessThan(GradientChecker.relativeError([exact.x, exact.y], numeric), 1e-7, "\(function.name) at \(point)")
            }
        }
    }

    func testMinimaAreStationaryWithTheStatedValue() {
        for function in TestFunction.all {
            for minimum in function.minima {
                XCTAssertEqual(function.value(minimum), 0, accuracy: 1e-10, function.name)
                let gradient = function.gradient(minimum)
                XCTAssertEqual(gradient.x, 0, accuracy: 1e-6, function.name)
                XCTAssertEqual(gradient.y, 0, accuracy: 1e-6, function.name)
            }
        }
        XCTAssertTrue(TestFunction.saddle.minima.isEmpty)
        XCTAssertEqual(TestFunction.saddle.gradient(SIMD2(0, 0)), SIMD2(0, 0))
        XCTAssertEqual(TestFunction.himmelblau.minima.count, 4)
    }

    func testRosenbrockTrajectoriesForTheAdamVersusSGDExperiment() {
        let start = SIMD2<Double>(-1.5, 2)
        let optimizers: [any Optimizer<Double>] = [SGD(learningRate: 0.001), Momentum(learningRate: 0.0002),
                                                   AdaGrad(learningRate: 0.1), RMSProp(learningRate: 0.01), Adam(learningRate: 0.1)]
        for optimizer in optimizers {
            let trajectory = TestFunction.rosenbrock.trajectory(from: start, optimizer: optimizer, steps: 300)
            XCTAssertEqual(trajectory.points.count, 301, optimizer.name)
            XCTAssertEqual(trajectory.points.first, start)
            XCTAssertLessThan(trajectory.values.last!, trajectory.values.first!, optimizer.name)
            XCTAssertEqual(trajectory.xs.count, trajectory.ys.count)
        }
    }

    func testDivergentTrajectoryStopsBeforeLeavingTheFiniteNumbers() {
        let trajectory = TestFunction.rosenbrock.trajectory(from: SIMD2(-1.5, 2), optimizer: SGD(learningRate: 0.1), steps: 100)
        XCTAssertNotNil(trajectory.divergedAtStep)
        XCTAssertTrue(trajectory.values.allSatisfy(\.isFinite))
        XCTAssertEqual(trajectory.points.count, trajectory.divergedAtStep!)
    }

    func testTrajectoriesRunEachOptimizerFromTheSameStartAndNameThePaths() {
        // One SGD step on ½(x² + 20y²) from (2, 1) with α = 0.1 is (2 − 0.2, 1 − 2) = (1.8, −1) by hand.
        let bowl = TestFunction.illConditionedQuadratic(conditionNumber: 20)
        let paths = bowl.trajectories(from: SIMD2(2, 1), steps: 1, [
            ("plain", SGD<Double>(learningRate: 0.1)),
            ("heavy ball", Momentum<Double>(learningRate: 0.1, momentum: 0.9)),
        ])
        XCTAssertEqual(paths.map(\.name), ["plain", "heavy ball"])
        XCTAssertEqual(paths.map(\.points.first), [SIMD2(2, 1), SIMD2(2, 1)])
        XCTAssertEqual(paths[0].points.last!.x, 1.8, accuracy: 1e-15)
        XCTAssertEqual(paths[0].points.last!.y, -1, accuracy: 1e-15)
        XCTAssertEqual(paths[1].points, bowl.trajectory(from: SIMD2(2, 1), optimizer: Momentum<Double>(learningRate: 0.1, momentum: 0.9), steps: 1).points)
    }

}
