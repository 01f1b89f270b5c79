/// Per-slot optimizer state: up to two vectors of the parameter's size (e.g. Adam's m and v) and the step count.
struct OptimizerSlots<Scalar: TrainingScalar>: Sendable {
    private var first: [[Scalar]] = []
    private var second: [[Scalar]] = []
    private var steps: [Int] = []
    let initialValue: Scalar

    init(initialValue: Scalar = 0) {
        self.initialValue = initialValue
    }

    /// Creates the slot if needed, advances its step count and returns the new count t (1 on first use).
    mutating func beginStep(slot: Int, count: Int) -> Int {
        while steps.count <= slot {
            first.append([])
            second.append([])
            steps.append(0)
        }
        if steps[slot] == 0 {
            first[slot] = Array(repeating: initialValue, count: count)
            second[slot] = Array(repeating: 0, count: count)
        }
        precondition(first[slot].count == count, "Slot \(slot) holds \(first[slot].count) values, got a parameter of \(count)")
        steps[slot] += 1
        return steps[slot]
    }

    /// Runs `body` with the slot's two state vectors, the parameter and its gradient as raw buffers, so the
    /// update loops compile to plain vectorised code.
    mutating func withBuffers(
        slot: Int, parameter: inout [Scalar], gradient: [Scalar],
        _ body: (_ count: Int, _ theta: UnsafeMutablePointer<Scalar>, _ g: UnsafePointer<Scalar>,
                 _ first: UnsafeMutablePointer<Scalar>, _ second: UnsafeMutablePointer<Scalar>) -> Void
    ) {
        precondition(gradient.count == parameter.count, "Gradient has \(gradient.count) entries, parameter \(parameter.count)")
        let count = parameter.count
        guard count > 0 else { return }
        first[slot].withUnsafeMutableBufferPointer { firstBuffer in
            second[slot].withUnsafeMutableBufferPointer { secondBuffer in
                parameter.withUnsafeMutableBufferPointer { theta in
                    gradient.withUnsafeBufferPointer { g in
                        body(count, theta.baseAddress!, g.baseAddress!, firstBuffer.baseAddress!, secondBuffer.baseAddress!)
                    }
                }
            }
        }
    }
}
