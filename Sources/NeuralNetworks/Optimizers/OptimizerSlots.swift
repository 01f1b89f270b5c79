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
        ensureSlot(slot, count: count)
        steps[slot] += 1
        return steps[slot]
    }

    /// Swaps `buffer` with the slot's first state vector, creating the slot for `buffer.count` values if needed.
    mutating func exchangeFirst(_ buffer: inout [Scalar], slot: Int) {
        ensureSlot(slot, count: buffer.count)
        swap(&first[slot], &buffer)
    }

    private mutating func ensureSlot(_ slot: Int, count: Int) {
        while steps.count <= slot {
            first.append([])
            second.append([])
            steps.append(0)
        }
        // Before the first step a slot is (re)made for the parameter's size, unless an exchange already made it.
        if steps[slot] == 0 && first[slot].count != count {
            first[slot] = Array(repeating: initialValue, count: count)
            second[slot] = Array(repeating: 0, count: count)
        }
        requirement(first[slot].count == count, "Slot \(slot) holds \(first[slot].count) values, got a parameter of \(count)")
    }

    /// Runs `body` with the parameter and the slot's first state vector as raw buffers.
    mutating func withBuffers(
        slot: Int, parameter: inout [Scalar],
        _ body: (_ count: Int, _ theta: UnsafeMutablePointer<Scalar>, _ first: UnsafeMutablePointer<Scalar>) -> Void
    ) {
        requirement(first[slot].count == parameter.count, "Slot \(slot) holds \(first[slot].count) values, got a parameter of \(parameter.count)")
        let count = parameter.count
        guard count > 0 else { return }
        first[slot].withUnsafeMutableBufferPointer { firstBuffer in
            parameter.withUnsafeMutableBufferPointer { theta in
                body(count, theta.baseAddress!, firstBuffer.baseAddress!)
            }
        }
    }

    /// Runs `body` with the slot's two state vectors, the parameter and its gradient as raw buffers, so the
    /// update loops compile to plain vectorised code.
    mutating func withBuffers(
        slot: Int, parameter: inout [Scalar], gradient: [Scalar],
        _ body: (_ count: Int, _ theta: UnsafeMutablePointer<Scalar>, _ g: UnsafePointer<Scalar>,
                 _ first: UnsafeMutablePointer<Scalar>, _ second: UnsafeMutablePointer<Scalar>) -> Void
    ) {
        requirement(gradient.count == parameter.count, "Gradient has \(gradient.count) entries, parameter \(parameter.count)")
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
