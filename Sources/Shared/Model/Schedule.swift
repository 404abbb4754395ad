// Learning-rate schedules, as PyTorch's StepLR, ExponentialLR and CosineAnnealingLR:
// the rate is set at the start of each epoch e = 0, 1, 2, ... from the base rate η.
#if canImport(Glibc)
import Glibc
#endif

public enum Schedule: Equatable, Sendable {
    case constant
    /// η · γ^⌊e / stepSize⌋
    case step(stepSize: Int, gamma: Double)
    /// η · γ^e
    case exponential(gamma: Double)
    /// η_min + (η − η_min) · (1 + cos(π · e / E)) / 2, over E epochs.
    case cosine(epochs: Int, minLR: Double)

    public func rate(base: Double, epoch e: Int) -> Float {
        switch self {
        case .constant:
            return Float(base)
        case .step(let s, let g):
            return Float(base * Glibc.pow(g, Double(e / s)))
        case .exponential(let g):
            return Float(base * Glibc.pow(g, Double(e)))
        case .cosine(let total, let minLR):
            let t = Double(min(e, total)) / Double(max(total, 1))
            return Float(minLR + (base - minLR) * (1 + cos(Double.pi * t)) / 2)
        }
    }
}
