// Activation functions of hidden layers (identity is also the output layer's, before the
// loss), and the derivative each backward pass needs.
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

    /// a = act(z) over n values, in place. The switch sits outside the loop so each loop vectorises.
    func apply(_ z: UnsafeMutablePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid: for i in 0..<n { z[i] = Activation.sigmoid(z[i]) }
        case .tanh: for i in 0..<n { z[i] = tanhf(z[i]) }
        case .relu: for i in 0..<n { z[i] = z[i] > 0 ? z[i] : 0 }
        case .identity: break
        }
    }

    /// a = act(z) and d = act'(z) over n values, in one pass (d may be the same memory as z).
    /// Both stay accurate where units saturate (a·(1−a) from a rounded a near 1 would not):
    ///   σ(z) = 1/(1+e) for z ≥ 0, e/(1+e) for z < 0;   σ'(z) = e/(1+e)²;   e = e^−|z|
    ///   tanh'(z) = 1 − tanh²(z) for |z| < 1/2, else 4e/(1+e)² with e = e^−2|z|
    ///   relu(z) = max(z, 0);   relu'(z) = [z > 0]
    func apply(_ z: UnsafePointer<Float>, into a: UnsafeMutablePointer<Float>, derivative d: UnsafeMutablePointer<Float>, _ n: Int) {
        switch self {
        case .sigmoid:
            for i in 0..<n {
                let zi = z[i]
                let e = expf(-abs(zi)), q = 1 / (1 + e)
                a[i] = zi >= 0 ? q : e * q
                d[i] = e * q * q
            }
        case .tanh:
            for i in 0..<n {
                let zi = z[i]
                let t = tanhf(zi)
                a[i] = t
                if abs(zi) < 0.5 {
                    d[i] = 1 - t * t
                } else {
                    let e = expf(-2 * abs(zi)), q = 1 / (1 + e)
                    d[i] = 4 * e * q * q
                }
            }
        case .relu:
            for i in 0..<n {
                let zi = z[i]
                a[i] = zi > 0 ? zi : 0
                d[i] = zi > 0 ? 1 : 0
            }
        case .identity:
            for i in 0..<n {
                a[i] = z[i]
                d[i] = 1
            }
        }
    }
}
