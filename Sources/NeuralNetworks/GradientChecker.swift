/// Central finite differences, to check back-propagated gradients against an independent computation.
///
/// For a scalar function f the numerical partial derivative is
/// `∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / (2h)`, whose error is O(h²) plus rounding of order ε·|f|/h; with
/// `h = 1e-6` in `Double` both are around 1e-10 relative. Gradients are compared by the relative error
/// `‖g_analytic − g_numeric‖ / (‖g_analytic‖ + ‖g_numeric‖)` (0 when both vanish).
public enum GradientChecker {
    /// The central-difference gradient of `function` at `point`.
    /// - Parameters:
    ///   - function: The scalar function.
    ///   - point: Where to differentiate.
    ///   - step: h, default 1e-6.
    public static func numericalGradient(of function: ([Double]) -> Double, at point: [Double], step: Double = 1e-6) -> [Double] {
        var shifted = point
        return point.indices.map { index in
            shifted[index] = point[index] + step
            let forward = function(shifted)
            shifted[index] = point[index] - step
            let backward = function(shifted)
            shifted[index] = point[index]
            return (forward - backward) / (2 * step)
        }
    }

    /// `‖a − b‖ / (‖a‖ + ‖b‖)`, or 0 when both are zero vectors.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        requirement(a.count == b.count, "Gradients of different sizes: \(a.count) and \(b.count)")
        var difference = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            difference += (x - y) * (x - y)
            normA += x * x
            normB += y * y
        }
        let denominator = normA.squareRoot() + normB.squareRoot()
        return denominator == 0 ? 0 : difference.squareRoot() / denominator
    }

    /// Checks every parameter gradient of `network`, and the gradient with respect to the inputs, for one batch.
    ///
    /// The analytic gradients come from one forward/backward pass; each numerical entry from two forward passes
    /// of a copy of the network with one value shifted by ±h. Every pass starts from a copy of `network`, so
    /// Dropout draws the same mask each time and BatchNorm's running statistics do not drift.
    /// - Parameters:
    ///   - network: The network, in `Double`.
    ///   - inputs: A batch of inputs.
    ///   - targets: Its targets.
    ///   - loss: The loss to differentiate.
    ///   - training: Training mode (default) or evaluation mode for the forward passes.
    ///   - step: h, default 1e-6.
    /// - Returns: One entry per parameter tensor, then one for the inputs.
    public static func check(
        _ network: Sequential<Double>, inputs: Matrix<Double>, targets: Matrix<Double>, loss: Loss,
        training: Bool = true, step: Double = 1e-6
    ) -> GradientCheckReport {
        func lossValue(_ network: Sequential<Double>, _ inputs: Matrix<Double>) -> Double {
            var copy = network
            let output = copy.forward(inputs, training: training)
            return loss.value(output: output, targets: targets)
        }
        var analytic = network
        let output = analytic.forward(inputs, training: training)
        var outputGradient = Matrix<Double>(rows: 0, columns: 0)
        _ = loss.valueAndGradient(output: output, targets: targets, gradient: &outputGradient)
        analytic.backward(outputGradient: outputGradient, computesInputGradient: true)

        var entries: [GradientCheckReport.Entry] = []
        var tensorIndex = 0
        analytic.visitParameters { parameter, gradient, kind, layerIndex in
            let target = tensorIndex
            let numeric = numericalGradient(of: { values in
                var shifted = network
                var index = 0
                shifted.visitParameters { p, _, _, _ in
                    if index == target { p = values }
                    index += 1
                }
                return lossValue(shifted, inputs)
            }, at: parameter, step: step)
            entries.append(.init(name: "layer \(layerIndex) (\(network.layers[layerIndex].summary)) \(kind)",
                                 analytic: gradient, numeric: numeric,
                                 relativeError: relativeError(gradient, numeric)))
            tensorIndex += 1
        }
        let inputNumeric = numericalGradient(of: { values in
            lossValue(network, Matrix(rows: inputs.rows, columns: inputs.columns, storage: values))
        }, at: inputs.storage, step: step)
        let inputAnalytic = analytic.inputGradients[0].storage
        entries.append(.init(name: "inputs", analytic: inputAnalytic, numeric: inputNumeric,
                             relativeError: relativeError(inputAnalytic, inputNumeric)))
        return GradientCheckReport(entries: entries)
    }

    /// Checks a loss's gradient with respect to the network output.
    public static func check(loss: Loss, output: Matrix<Double>, targets: Matrix<Double>, step: Double = 1e-6) -> GradientCheckReport {
        var gradient = Matrix<Double>(rows: 0, columns: 0)
        _ = loss.valueAndGradient(output: output, targets: targets, gradient: &gradient)
        let numeric = numericalGradient(of: { values in
            loss.value(output: Matrix(rows: output.rows, columns: output.columns, storage: values), targets: targets)
        }, at: output.storage, step: step)
        return GradientCheckReport(entries: [.init(name: loss.name, analytic: gradient.storage, numeric: numeric,
                                                   relativeError: relativeError(gradient.storage, numeric))])
    }
}
