import Foundation

/// How the learning rate changes from epoch to epoch; epochs count from 1 and α₀ is the optimizer's initial
/// learning rate.
public enum LearningRateSchedule: Sendable, Hashable, Codable {
    /// `α = α₀` throughout.
    case constant
    /// Step decay (PyTorch's `StepLR`): `α = α₀ · factor^⌊(epoch − 1) / stepSize⌋`.
    case step(stepSize: Int, factor: Double)
    /// Exponential decay (PyTorch's `ExponentialLR`): `α = α₀ · factor^(epoch − 1)`.
    case exponential(factor: Double)
    /// Cosine annealing after PyTorch's `CosineAnnealingLR` (T_max = `totalEpochs`, T_cur = epoch − 1):
    /// `α = α_min + ½ (α₀ − α_min)(1 + cos(π · min(T_cur / T_max, 1)))`.
    /// - Note: Past T_max the rate stays at α_min: epoch T_max + 1 is the first at α_min and every later epoch
    ///   keeps it. PyTorch does not cap the progress, so its rate follows the cosine back up and returns to α₀
    ///   at T_cur = 2 T_max; here a run longer than `totalEpochs` finishes at the minimum instead.
    case cosine(totalEpochs: Int, minimum: Double)

    /// The learning rate for `epoch` (1-based).
    public func learningRate(initial: Double, epoch: Int) -> Double {
        let elapsed = Double(epoch - 1)
        switch self {
        case .constant:
            return initial
        case .step(let stepSize, let factor):
            return initial * Foundation.pow(factor, Double((epoch - 1) / Swift.max(stepSize, 1)))
        case .exponential(let factor):
            return initial * Foundation.pow(factor, elapsed)
        case .cosine(let totalEpochs, let minimum):
            let progress = Swift.min(elapsed / Double(Swift.max(totalEpochs, 1)), 1)
            return minimum + 0.5 * (initial - minimum) * (1 + Foundation.cos(Double.pi * progress))
        }
    }
}
