import ReportKit

/// Notes 001's Adam code, mistake included, to show what the mistake does. Never train with it.
///
/// The notes' code, per parameter tensor (ρ₁ = 0.9, ρ₂ = 0.999, t the step count):
///
/// ```
/// s ← ρ₁ s + (1 − ρ₁) g²        ← the mistake: the first moment must average g, not g²
/// r ← ρ₂ r + (1 − ρ₂) g²
/// θ ← θ − α (s / (1 − ρ₁ᵗ)) / √(r / (1 − ρ₂ᵗ) + 10⁻⁵)
/// ```
///
/// Because s ≥ 0, every step is taken in the *same* direction, downwards, whatever the sign of the gradient.
/// (The notes also update b with W's moments; a point of a 2-D function has one tensor, so that second mistake
/// does not show here.) The correct rule is the engine's ``Adam``.
struct NotesAdam: Optimizer {
    typealias Scalar = Double
    var learningRate: Double
    let rho1 = 0.9
    let rho2 = 0.999
    var name: String { "笔记 001 的 Adam 代码" }
    private var step = 0
    private var s: [Double] = []
    private var r: [Double] = []

    init(learningRate: Double) {
        self.learningRate = learningRate
    }

    mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        precondition(slot == 0, "NotesAdam keeps the state of one tensor only")
        if s.isEmpty {
            s = Array(repeating: 0, count: parameter.count)
            r = Array(repeating: 0, count: parameter.count)
        }
        step += 1
        for i in parameter.indices {
            s[i] = rho1 * s[i] + (1 - rho1) * gradient[i] * gradient[i]
            r[i] = rho2 * r[i] + (1 - rho2) * gradient[i] * gradient[i]
            let correctedS = s[i] / (1 - Foundation.pow(rho1, Double(step)))
            let correctedR = r[i] / (1 - Foundation.pow(rho2, Double(step)))
            parameter[i] -= learningRate * correctedS / (correctedR + 0.00001).squareRoot()
        }
    }
}
