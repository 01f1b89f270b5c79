import ReportKit

/// Sentences written from the numbers of this run rather than from expectation.
extension Gallery {
    /// Every number in the handout is written through this, in the document's language.
    static let numbers = NumberWriter(language: .english)

    /// "(x, y)" with a true minus sign and no trailing zeros, for captions.
    static func pointText(_ point: SIMD2<Double>) -> String { numbers.text(point, .automatic) }

    static func rosenbrockSentence(_ paths: [OptimizationTrajectory]) -> String {
        let ends = paths.map { path -> (String, Double) in
            (path.name, path.points.isEmpty ? .infinity : path.distanceFromEnd(to: SIMD2(1, 1)))
        }
        let closest = ends.min { $0.1 < $1.1 }!
        let farthest = ends.max { $0.1 < $1.1 }!
        return """
            Rosenbrock's valley $f = (1-x)^2 + 100(y-x^2)^2$ is steep across and nearly flat along, so its contours \
            are spaced logarithmically to show both; after \(OptimizerPaths.rosenbrockSteps) steps \(closest.0) ends \
            \(numbers.text(closest.1, .fixed(3))) from the minimum and \(farthest.0) \(numbers.text(farthest.1, .fixed(3))) \
            (@fig:rosenbrock-paths).
            """
    }

    /// How many times a path's y coordinate changes sign: the zig-zags across the narrow direction.
    static func signChanges(_ path: OptimizationTrajectory) -> Int {
        zip(path.ys, path.ys.dropFirst()).filter { $0 * $1 < 0 }.count
    }

    static func quadraticSentence(_ paths: [OptimizationTrajectory]) -> String {
        let descriptions = paths.map { path in
            "\(path.name) changes the sign of $y$ \(signChanges(path)) times and ends at $f = \(numbers.math(path.values.last ?? .nan, .scientific(1)))$"
        }
        return """
            On the bowl $\\tfrac12(x^2 + 20y^2)$, whose curvature is 20 times larger across than along, a step \
            large enough to make progress along $x$ overshoots across $y$: \(descriptions.joined(separator: "; ")) \
            (@fig:quadratic-paths).
            """
    }

    static func himmelblauSentence(_ paths: [OptimizationTrajectory]) -> String {
        let minima = TestFunction.himmelblau.minima
        // The minimum each path ends nearest to, then the optimizers grouped by that minimum in order of first use.
        let ends = paths.map { path -> Int in
            return minima.indices.min { path.distanceFromEnd(to: minima[$0]) < path.distanceFromEnd(to: minima[$1]) } ?? 0
        }
        var order: [Int] = []
        for end in ends where !order.contains(end) { order.append(end) }
        let groups = order.map { minimum -> String in
            let names = zip(paths, ends).filter { $0.1 == minimum }.map(\.0.name)
            let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names[0]
            return "\(list) end near $\(numbers.math(minima[minimum], .fixed(2)))$"
        }
        return """
            Small panels keep paths that cross each other apart. From one start on Himmelblau's function, with its \
            four minima of equal depth, \(groups.joined(separator: "; ")) (@fig:himmelblau-panels).
            """
    }

    static func saddleSentence(_ paths: [OptimizationTrajectory]) -> String {
        let escapes = paths.map { path -> String in
            let step = path.points.firstIndex { abs($0.y) > 1 }
            return step.map { "\(path.name) after \($0) steps" } ?? "\(path.name) not within \(OptimizerPaths.saddleSteps) steps"
        }
        return """
            At a saddle the gradient vanishes without a minimum; started just off the ridge, a method escapes \
            (reaches $|y| > 1$) only as fast as it amplifies the tiny gradient along $y$: \
            \(escapes.joined(separator: ", ")) (@fig:saddle-paths).
            """
    }

    static func classifierSentence(_ runs: ClassifierRuns) -> String {
        let parts = runs.fits.map { fit in
            "\(fit.name) (\(fit.parameterCount) parameters) classifies \(numbers.text(fit.trainingAccuracy, .percent(0))) of the training and \(numbers.text(fit.validationAccuracy, .percent(0))) of the validation points"
        }
        return """
            The same \(runs.training.count) training points from two noisy moons, three network sizes (notes 001): \
            \(parts.joined(separator: "; ")). The boundary of the smallest network can hardly bend; the largest \
            bends around single points, which the gap between its training and validation accuracy measures \
            (@fig:decision-boundaries, @fig:accuracy-bars, @tab:classifiers).
            """
    }

    static func gradientSentence(_ runs: GradientRuns) -> String {
        func ratio(_ history: TrainingHistory) -> Double {
            guard let norms = history.epochs.first?.gradientNorms, let first = norms.first, let last = norms.last,
                  first > 0 else { return .nan }
            return last / first
        }
        return """
            Each sigmoid layer multiplies the backward signal by $\\sigma' \\le \\tfrac14$ (notes 003), so in the \
            \(deepSizes.count - 1)-layer sigmoid network the gradient reaching the first weight matrix in epoch 1 is \
            \(numbers.text(ratio(runs.sigmoid), .fixed(0))) times smaller than the last one's; with ReLU the ratio is \
            \(numbers.text(ratio(runs.relu), .fixed(1))) (@fig:gradients-sigmoid, @fig:gradients-relu).
            """
    }

    static func seedSentence(_ seeds: SeedRuns) -> String {
        func summary(_ runs: [[Double]]) -> (mean: Double, spread: Double) {
            let finals = runs.compactMap(\.last)
            let mean = finals.reduce(0, +) / Double(max(finals.count, 1))
            let spread = (finals.max() ?? .nan) - (finals.min() ?? .nan)
            return (mean, spread)
        }
        let sgd = summary(seeds.sgd)
        let adam = summary(seeds.adam)
        return """
            One run is one draw: over \(seedCount) seeds for the initial weights and the batch order, the final \
            validation loss averages \(numbers.text(sgd.mean, .fixed(3))) for SGD (range \(numbers.text(sgd.spread, .fixed(3)))) and \
            \(numbers.text(adam.mean, .fixed(3))) for Adam (range \(numbers.text(adam.spread, .fixed(3)))), and the bands show how much of \
            the difference between two curves is luck (@fig:seed-curves).
            """
    }

    static func sweepSentence(_ sweep: Sweep) -> String {
        var best = (loss: Double.infinity, rate: 0.0, batch: 0)
        var divergedCount = 0
        for (row, losses) in sweep.losses.enumerated() {
            for (column, loss) in losses.enumerated() {
                if !loss.isFinite { divergedCount += 1 }
                if loss < best.loss { best = (loss, sweepLearningRates[column], sweepBatchSizes[row]) }
            }
        }
        let diverged = divergedCount == 0 ? "no setting diverged" : "\(divergedCount) settings diverged"
        return """
            A heat map shows a two-parameter search at once: with the number of epochs fixed, a larger batch \
            means fewer steps and needs a larger learning rate; the best cell is α = \(best.rate), B = \(best.batch) \
            (validation loss \(numbers.text(best.loss, .fixed(3)))), and \(diverged) (@fig:learning-rate-sweep).
            """
    }
}
