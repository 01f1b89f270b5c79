/// Whole-array loops the training loop runs on every parameter tensor each step, pre-specialised for `Float`
/// and `Double` so that the (generic) training loop does not pay for generic arithmetic per element.
enum VectorKernels {
    /// `Σ xᵢ²`, summed in eight independent lanes of the scalar type (so it vectorises), then in `Double`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sumOfSquares<Scalar: TrainingScalar>(_ values: [Scalar]) -> Double {
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var lanes = SIMD8<Scalar>(repeating: 0)
            var index = 0
            let raw = UnsafeRawPointer(base)
            while index + 8 <= buffer.count {
                let chunk = raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Scalar>.stride, as: SIMD8<Scalar>.self)
                lanes += chunk * chunk
                index += 8
            }
            var total = 0.0
            for lane in 0..<8 { total += Double(lanes[lane]) }
            while index < buffer.count {
                total += Double(base[index]) * Double(base[index])
                index += 1
            }
            return total
        }
    }

    /// `y ← y + a·x`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func addScaled<Scalar: TrainingScalar>(_ x: [Scalar], times a: Scalar, to y: inout [Scalar]) {
        requirement(x.count == y.count, "Vectors of different lengths")
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { destination in
                for i in 0..<destination.count { destination[i] += a * source[i] }
            }
        }
    }

    /// `y ← a·y`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func scale<Scalar: TrainingScalar>(_ y: inout [Scalar], by a: Scalar) {
        y.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<buffer.count { buffer[i] *= a }
        }
    }

    /// Whether every entry is finite (neither NaN nor infinite).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func allFinite<Scalar: TrainingScalar>(_ values: [Scalar]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            // x − x is 0 for finite x and NaN otherwise; summing keeps the loop branch-free.
            var sum: Scalar = 0
            for value in buffer { sum += value - value }
            return sum == 0
        }
    }
}
