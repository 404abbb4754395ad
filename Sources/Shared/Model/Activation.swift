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

    /// a = act(z) over n values, from z into a.
    public func apply(_ z: UnsafePointer<Float>, into a: UnsafeMutablePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid: for i in 0..<n { a[i] = Activation.sigmoid(z[i]) }
        case .tanh: for i in 0..<n { a[i] = tanhf(z[i]) }
        case .relu: for i in 0..<n { a[i] = z[i] > 0 ? z[i] : 0 }
        case .identity: a.update(from: z, count: n)
        }
    }

    /// g ⊙= act'(z) over n values, from the pre-activations z. Written so that saturated units
    /// keep their relative precision (a·(1−a) from a rounded a near 1 would lose it):
    ///   σ'(z) = e^−|z| / (1 + e^−|z|)²,   tanh'(z) = 4e^−2|z| / (1 + e^−2|z|)²,   relu'(z) = [z > 0].
    public func multiplyDerivative(_ g: UnsafeMutablePointer<Float>, preactivation z: UnsafePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid:
            for i in 0..<n {
                let e = expf(-abs(z[i])), d = 1 + e
                g[i] *= e / (d * d)
            }
        case .tanh:
            for i in 0..<n {
                let e = expf(-2 * abs(z[i])), d = 1 + e
                g[i] *= 4 * e / (d * d)
            }
        case .relu: for i in 0..<n { g[i] = z[i] > 0 ? g[i] : 0 }
        case .identity: break
        }
    }
}
