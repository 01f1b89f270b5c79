import XCTest
@testable import NeuralNetworks

/// Each optimizer's first two steps against values worked out by hand from its update rule, and its
/// 100-step Rosenbrock trajectory against `torch.optim` (References/pytorch-optim, float64) to 1e-9.
final class OptimizerTests: XCTestCase {
    // θ₀ and the two gradients fed to every optimizer.
    private let start: [Double] = [1, -2]
    private let gradient1: [Double] = [2, -1]
    private let gradient2: [Double] = [1, 0.5]

    private func twoSteps<O: Optimizer>(_ optimizer: O) -> ([Double], [Double]) where O.Scalar == Double {
        var optimizer = optimizer
        var theta = start
        optimizer.update(&theta, gradient: gradient1, slot: 0)
        let first = theta
        optimizer.update(&theta, gradient: gradient2, slot: 0)
        return (first, theta)
    }

    private func assertSteps<O: Optimizer>(_ optimizer: O, _ expected1: [Double], _ expected2: [Double],
                                           file: StaticString = #filePath, line: UInt = #line) where O.Scalar == Double {
        let (first, second) = twoSteps(optimizer)
        for i in 0..<2 {
            XCTAssertEqual(first[i], expected1[i], accuracy: 1e-12, "\(optimizer.name) step 1", file: file, line: line)
            XCTAssertEqual(second[i], expected2[i], accuracy: 1e-12, "\(optimizer.name) step 2", file: file, line: line)
        }
    }

    func testSGDFirstTwoSteps() {
        assertSteps(SGD(learningRate: 0.1), [0.8, -1.9], [0.7, -1.95])
    }

    func testMomentumFirstTwoSteps() {
        // v₁ = g₁ = (2, −1); v₂ = 0.9 v₁ + g₂ = (2.8, −0.4).
        assertSteps(Momentum(learningRate: 0.1, momentum: 0.9), [0.8, -1.9], [0.52, -1.86])
    }

    func testNesterovFirstTwoSteps() {
        // θ₁ = θ₀ − 0.1 (g₁ + 0.9 v₁) = (1 − 0.38, −2 + 0.19); θ₂ = θ₁ − 0.1 (g₂ + 0.9 v₂) = (0.62 − 0.352, −1.81 − 0.014).
        assertSteps(Nesterov(learningRate: 0.1, momentum: 0.9), [0.62, -1.81], [0.268, -1.824])
    }

    func testAdaGradFirstTwoSteps() {
        let epsilon = 1e-10
        // r₁ = (4, 1), r₂ = (5, 1.25).
        let first = [1 - 0.1 * 2 / (2 + epsilon), -2 + 0.1 * 1 / (1 + epsilon)]
        let second = [first[0] - 0.1 * 1 / (5.0.squareRoot() + epsilon), first[1] - 0.1 * 0.5 / (1.25.squareRoot() + epsilon)]
        assertSteps(AdaGrad(learningRate: 0.1), first, second)
    }

    func testRMSPropFirstTwoSteps() {
        let epsilon = 1e-8
        // r₁ = 0.01 g₁² = (0.04, 0.01); r₂ = 0.99 r₁ + 0.01 g₂² = (0.0496, 0.0124).
        let first = [1 - 0.01 * 2 / (0.04.squareRoot() + epsilon), -2 + 0.01 * 1 / (0.01.squareRoot() + epsilon)]
        let second = [first[0] - 0.01 * 1 / (0.0496.squareRoot() + epsilon), first[1] - 0.01 * 0.5 / (0.0124.squareRoot() + epsilon)]
        assertSteps(RMSProp(learningRate: 0.01, decay: 0.99), first, second)
    }

    func testCenteredRMSPropFirstTwoSteps() {
        let epsilon = 1e-8
        // m₁ = 0.01 g₁ = (0.02, −0.01); m₂ = 0.99 m₁ + 0.01 g₂ = (0.0298, −0.0049).
        let first = [1 - 0.01 * 2 / ((0.04 - 0.0004).squareRoot() + epsilon),
                     -2 + 0.01 * 1 / ((0.01 - 0.0001).squareRoot() + epsilon)]
        let second = [first[0] - 0.01 * 1 / ((0.0496 - 0.0298 * 0.0298).squareRoot() + epsilon),
                      first[1] - 0.01 * 0.5 / ((0.0124 - 0.0049 * 0.0049).squareRoot() + epsilon)]
        assertSteps(RMSProp(learningRate: 0.01, decay: 0.99, centered: true), first, second)
    }

    /// Adam's two steps: m₁ = (0.2, −0.1), v₁ = (0.004, 0.001) so m̂₁ = g₁, v̂₁ = g₁²;
    /// m₂ = (0.28, −0.04), v₂ = (0.004996, 0.001249), m̂₂ = m₂/0.19, v̂₂ = v₂/0.001999.
    private func adamSteps(decayFactor: Double) -> ([Double], [Double]) {
        let epsilon = 1e-8
        let step1 = [0.1 * 2 / (2 + epsilon), 0.1 * -1 / (1 + epsilon)]
        let first = [start[0] * decayFactor - step1[0], start[1] * decayFactor - step1[1]]
        let mHat = [0.28 / 0.19, -0.04 / 0.19]
        let vHat = [0.004996 / 0.001999, 0.001249 / 0.001999]
        let step2 = [0.1 * mHat[0] / (vHat[0].squareRoot() + epsilon), 0.1 * mHat[1] / (vHat[1].squareRoot() + epsilon)]
        return (first, [first[0] * decayFactor - step2[0], first[1] * decayFactor - step2[1]])
    }

    func testAdamFirstTwoSteps() {
        let (first, second) = adamSteps(decayFactor: 1)
        assertSteps(Adam(learningRate: 0.1), first, second)
    }

    func testAdamWFirstTwoSteps() {
        // Decoupled decay multiplies θ by 1 − αλ = 1 − 0.1·0.01 before each Adam step.
        let (first, second) = adamSteps(decayFactor: 0.999)
        assertSteps(AdamW(learningRate: 0.1, weightDecay: 0.01), first, second)
    }

    func testSlotsKeepSeparateState() {
        var optimizer = Momentum<Double>(learningRate: 0.1)
        var a: [Double] = [0], b: [Double] = [0]
        optimizer.update(&a, gradient: [1], slot: 0)
        optimizer.update(&b, gradient: [1], slot: 1)
        optimizer.update(&a, gradient: [1], slot: 0)
        XCTAssertEqual(a[0], -0.1 - 0.19, accuracy: 1e-15)
        XCTAssertEqual(b[0], -0.1, accuracy: 1e-15)
    }

    func testMomentumStepsFromAnAccumulatedGradient() {
        // The training loop's path: the gradient is added into the buffer lent by the optimizer (s = ρv), then
        // the step reads s + g. Same numbers as testMomentumFirstTwoSteps.
        var optimizer = Momentum<Double>(learningRate: 0.1, momentum: 0.9)
        var theta = start
        for (step, gradient) in [gradient1, gradient2].enumerated() {
            var buffer: [Double] = [7, 7]
            optimizer.exchangeAccumulator(&buffer, slot: 0)
            XCTAssertEqual(buffer, step == 0 ? [0, 0] : [1.8, -0.9], "s = ρv before step \(step + 1)")
            for i in buffer.indices { buffer[i] += gradient[i] }
            optimizer.exchangeAccumulator(&buffer, slot: 0)
            XCTAssertEqual(buffer, [7, 7], "the lent buffer comes back")
            optimizer.updateFromAccumulator(&theta, slot: 0)
        }
        XCTAssertEqual(theta[0], 0.52, accuracy: 1e-12)
        XCTAssertEqual(theta[1], -1.86, accuracy: 1e-12)
        // The plain update continues from the same state: v₃ = 0.9·(2.8, −0.4) + g₁.
        optimizer.update(&theta, gradient: gradient1, slot: 0)
        XCTAssertEqual(theta[0], 0.52 - 0.1 * 4.52, accuracy: 1e-12)
        XCTAssertEqual(theta[1], -1.86 - 0.1 * -1.36, accuracy: 1e-12)
    }

    // MARK: - PyTorch trajectories

    private func optimizer(from reference: [String: Any]) -> any Optimizer<Double> {
        let settings = reference.object("hyperparameters")
        let learningRate = settings.number("lr")
        func value(_ key: String) -> Double { settings.number(key) }
        switch reference["name"] as! String {
        case "sgd":
            XCTAssertEqual(value("momentum"), 0)
            return SGD(learningRate: learningRate)
        case "sgd_momentum":
            XCTAssertEqual(value("dampening"), 0)
            return Momentum(learningRate: learningRate, momentum: value("momentum"))
        case "sgd_nesterov":
            return Nesterov(learningRate: learningRate, momentum: value("momentum"))
        case "adagrad":
            XCTAssertEqual(value("lr_decay"), 0)
            return AdaGrad(learningRate: learningRate, epsilon: value("eps"),
                           initialAccumulatorValue: value("initial_accumulator_value"))
        case "rmsprop", "rmsprop_centered":
            XCTAssertEqual(value("momentum"), 0)
            return RMSProp(learningRate: learningRate, decay: value("alpha"), epsilon: value("eps"),
                           centered: settings["centered"] as! Bool)
        case "adam":
            XCTAssertEqual(value("weight_decay"), 0)
            let betas = settings.doubles("betas")
            return Adam(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: value("eps"))
        case "adamw":
            let betas = settings.doubles("betas")
            return AdamW(learningRate: learningRate, beta1: betas[0], beta2: betas[1], epsilon: value("eps"),
                         weightDecay: value("weight_decay"))
        case let name:
            XCTFail("Unknown reference optimizer \(name)")
            return SGD(learningRate: learningRate)
        }
    }

    private func run(_ optimizer: some Optimizer<Double>, from start: SIMD2<Double>, steps: Int) -> OptimizationTrajectory {
        TestFunction.rosenbrock.trajectory(from: start, optimizer: optimizer, steps: steps)
    }

    func testAllEightPyTorchTrajectories() throws {
        let names = ["sgd", "sgd_momentum", "sgd_nesterov", "adagrad", "rmsprop", "rmsprop_centered", "adam", "adamw"]
        for name in names {
            let reference = try ReferenceFile.json("pytorch-optim/optim_\(name)_rosenbrock.json")
            XCTAssertEqual(reference["dtype"] as? String, "float64")
            let expected = reference.matrix("trajectory")
            let startPoint = reference.doubles("start")
            let steps = Int(reference.number("steps"))
            let trajectory = run(optimizer(from: reference), from: SIMD2(startPoint[0], startPoint[1]), steps: steps)
            XCTAssertNil(trajectory.divergedAtStep, name)
            XCTAssertEqual(trajectory.points.count, expected.count, name)
            var worst = 0.0
            for (point, reference) in zip(trajectory.points, expected) {
                worst = max(worst, abs(point.x - reference[0]), abs(point.y - reference[1]))
            }
            XCTAssertLessThan(worst, 1e-9, "\(name): largest deviation from PyTorch \(worst)")
            for (value, referenceValue) in zip(trajectory.values, reference.doubles("f")) {
                XCTAssertEqual(value, referenceValue, accuracy: 1e-9 * max(1, abs(referenceValue)), name)
            }
            // The gradients PyTorch used at its own points, from our exact Rosenbrock gradient.
            for (point, gradient) in zip(expected, reference.matrix("grad_at_step")) {
                let ours = TestFunction.rosenbrock.gradient(SIMD2(point[0], point[1]))
                XCTAssertEqual(ours.x, gradient[0], accuracy: 1e-9 * max(1, abs(gradient[0])), name)
                XCTAssertEqual(ours.y, gradient[1], accuracy: 1e-9 * max(1, abs(gradient[1])), name)
            }
        }
    }

    // MARK: - Learning-rate schedules

    func testLearningRateSchedules() {
        XCTAssertEqual(LearningRateSchedule.constant.learningRate(initial: 0.1, epoch: 7), 0.1)
        let step = LearningRateSchedule.step(stepSize: 3, factor: 0.5)
        XCTAssertEqual((1...7).map { step.learningRate(initial: 0.8, epoch: $0) }, [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2])
        XCTAssertEqual(LearningRateSchedule.exponential(factor: 0.9).learningRate(initial: 1, epoch: 3), 0.81, accuracy: 1e-15)
        let cosine = LearningRateSchedule.cosine(totalEpochs: 10, minimum: 0.01)
        XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: 1), 0.1, accuracy: 1e-15)
        XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: 6), 0.055, accuracy: 1e-15)
        XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: 11), 0.01, accuracy: 1e-15)
    }

    func testCosineScheduleReachesTheMinimumAtTotalEpochsAndStaysThere() {
        let cosine = LearningRateSchedule.cosine(totalEpochs: 10, minimum: 0.01)
        // T_cur = 3: 0.01 + 0.045 · (1 + cos 54°), cos 54° = 0.5877852522924731.
        XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: 4), 0.01 + 0.045 * 1.5877852522924731, accuracy: 1e-15)
        // T_cur = T_max = 10: cos π = −1.
        XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: 11), 0.01, accuracy: 1e-15)
        // Past T_max PyTorch would rise again (0.0122 at T_cur = 11, 0.055 at 15, 0.1 at 20); here it holds α_min.
        for epoch in [12, 16, 21, 100] {
            XCTAssertEqual(cosine.learningRate(initial: 0.1, epoch: epoch), 0.01, accuracy: 1e-15, "epoch \(epoch)")
        }
    }
}
