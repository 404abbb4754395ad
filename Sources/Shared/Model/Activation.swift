// Activation functions of hidden layers, and the derivative each backward pass needs.
#if canImport(Glibc)
import Glibc
#endif

public enum Activation: String, CaseIterable, Sendable {
    case sigmoid, tanh, relu, identity

    /// σ(z) = 1 / (1 + e^-z), computed without overflow for large |z|.
    @inline(__always)
    public static func sigmoid(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + expf(-z)) }
        let e = expf(z)
        return e / (1 + e)
    }

    @inline(__always)
    public func apply(_ z: Float) -> Float {
        switch self {
        case .sigmoid: return Activation.sigmoid(z)
        case .tanh: return tanhf(z)
        case .relu: return z > 0 ? z : 0
        case .identity: return z
        }
    }

    /// dA/dZ expressed through the activation's output a (σ' = a(1-a), tanh' = 1-a², relu' = [a>0]).
    @inline(__always)
    public func derivative(output a: Float) -> Float {
        switch self {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return a > 0 ? 1 : 0
        case .identity: return 1
        }
    }
}
