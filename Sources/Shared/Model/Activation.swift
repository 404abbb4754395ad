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

    /// a = act(z) over n values, in place. The switch sits outside the loop so each loop vectorises.
    public func apply(_ z: UnsafeMutablePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid: for i in 0..<n { z[i] = Activation.sigmoid(z[i]) }
        case .tanh: for i in 0..<n { z[i] = tanhf(z[i]) }
        case .relu: for i in 0..<n { z[i] = z[i] > 0 ? z[i] : 0 }
        case .identity: break
        }
    }

    /// g ⊙= act'(a) over n values, where a is the activation's output (dL/dz = dL/da · da/dz).
    public func multiplyDerivative(_ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid: for i in 0..<n { g[i] *= a[i] * (1 - a[i]) }
        case .tanh: for i in 0..<n { g[i] *= 1 - a[i] * a[i] }
        case .relu: for i in 0..<n { g[i] = a[i] > 0 ? g[i] : 0 }
        case .identity: break
        }
    }
}
