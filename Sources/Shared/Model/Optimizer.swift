// Optimisers, in order of increasing complexity: SGD with optional (Nesterov) momentum,
// and Adam with AdamW's decoupled weight decay. Both follow PyTorch's update rules
// (torch.optim.SGD, torch.optim.AdamW), so results can be compared step by step.
// --l2 adds λθ to the gradient (coupled); --weight-decay shrinks θ by lr·wd first (decoupled).
// Both touch weights only, never biases.
#if canImport(Glibc)
import Glibc
#endif
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// The optimiser and its own settings: the one place an optimiser is chosen (nn-fit's --adam,
/// --momentum and --nesterov map to it once).
public enum OptimizerKind: Equatable, Sendable {
    /// Gradient descent with optional (Nesterov) momentum, as torch.optim.SGD.
    case gradientDescent(momentum: Float, nesterov: Bool)
    /// Adam, as torch.optim.Adam (AdamW with a weight decay).
    case adam(beta1: Float, beta2: Float, eps: Float)

    /// Plain gradient descent: the per-sample path may update weights in place while back-propagating.
    public var isPlainGradientDescent: Bool { self == .gradientDescent(momentum: 0, nesterov: false) }
}

public struct OptimizerSettings: Equatable, Sendable {
    public var kind: OptimizerKind
    public var l2: Float
    public var weightDecay: Float

    public init(kind: OptimizerKind = .gradientDescent(momentum: 0, nesterov: false), l2: Float = 0, weightDecay: Float = 0) {
        self.kind = kind
        self.l2 = l2
        self.weightDecay = weightDecay
    }
}

public final class Optimizer {
    public let settings: OptimizerSettings
    public let layout: ParameterLayout
    /// Steps taken so far (Adam's t).
    public private(set) var steps = 0
    private let first: FloatBuffer?   // momentum buffer v, or Adam's m
    private let second: FloatBuffer?  // Adam's v

    public init(_ settings: OptimizerSettings, layout: ParameterLayout) {
        self.settings = settings
        self.layout = layout
        switch settings.kind {
        case .gradientDescent(let momentum, _):
            first = momentum != 0 ? FloatBuffer(count: layout.count) : nil
            second = nil
        case .adam:
            first = FloatBuffer(count: layout.count)
            second = FloatBuffer(count: layout.count)
        }
    }

    /// One update of `params` with gradient `grads` (the data loss's gradient; l2 is added here).
    public func step(_ params: FloatBuffer, _ grads: FloatBuffer, lr: Float) {
        steps += 1
        for l in 0..<layout.layerCount where layout.weightCounts[l] + layout.biasCounts[l] > 0 {
            update(offset: layout.weightOffsets[l], count: layout.weightCounts[l], isWeight: true, params, grads, lr: lr)
            update(offset: layout.biasOffsets[l], count: layout.biasCounts[l], isWeight: false, params, grads, lr: lr)
        }
    }

    private func update(offset: Int, count n: Int, isWeight: Bool, _ params: FloatBuffer, _ grads: FloatBuffer, lr: Float) {
        let p = params.base + offset, g = grads.base + offset
        let l2: Float = isWeight ? settings.l2 : 0
        // Decoupled weight decay (Loshchilov & Hutter 2019): θ ← θ · (1 − lr·wd), before the step.
        if isWeight && settings.weightDecay != 0 {
            Elementwise.scale(p, n, by: 1 - lr * settings.weightDecay)
        }
        switch settings.kind {
        case .gradientDescent(let mu, let nesterov):
            if let v = first.map({ $0.base + offset }) {
                // g ← g + λθ;  v ← μv + g;  d = g + μv (Nesterov) or v;  θ ← θ − lr·d
                Optimizer.forEach4(n) { i in
                    let pi = load(p + i)
                    let gi = load(g + i) + l2 * pi
                    let vi = mu * load(v + i) + gi
                    store(vi, v + i)
                    store(pi - lr * (nesterov ? gi + mu * vi : vi), p + i)
                } tail: { i in
                    let gi = g[i] + l2 * p[i]
                    v[i] = mu * v[i] + gi
                    p[i] -= lr * (nesterov ? gi + mu * v[i] : v[i])
                }
            } else {
                // θ ← θ − lr·(g + λθ)
                Optimizer.forEach4(n) { i in
                    let pi = load(p + i)
                    store(pi - lr * (load(g + i) + l2 * pi), p + i)
                } tail: { i in
                    p[i] -= lr * (g[i] + l2 * p[i])
                }
            }
        case .adam(let b1, let b2, let eps):
            // Kingma & Ba 2015, https://arxiv.org/abs/1412.6980:
            //   m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  θ ← θ − lr · m̂ / (√v̂ + ε)
            //   with m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t).
            let m = first!.base + offset, v = second!.base + offset
            let c1 = Float(1 / (1 - pow(Double(b1), Double(steps))))
            let c2 = Float(1 / (1 - pow(Double(b2), Double(steps))))
            Optimizer.forEach4(n) { i in
                let pi = load(p + i)
                let gi = load(g + i) + l2 * pi
                let mi = b1 * load(m + i) + (1 - b1) * gi
                let vi = b2 * load(v + i) + (1 - b2) * gi * gi
                store(mi, m + i)
                store(vi, v + i)
                store(pi - lr * (mi * c1) / (squareRoot(vi * c2) + eps), p + i)
            } tail: { i in
                let gi = g[i] + l2 * p[i]
                m[i] = b1 * m[i] + (1 - b1) * gi
                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                p[i] -= lr * (m[i] * c1) / ((v[i] * c2).squareRoot() + eps)
            }
        }
    }

    /// Calls `body(i)` for i = 0, 4, 8, ... while 4 values remain, then `tail(i)` for the rest
    /// (the same arithmetic lane by lane, so results do not depend on where a segment starts).
    /// Four lanes: one SSE register each, so the Adam update keeps all its values in registers.
    @inline(__always)
    private static func forEach4(_ n: Int, _ body: (Int) -> Void, tail: (Int) -> Void) {
        var i = 0
        while i + 4 <= n { body(i); i += 4 }
        while i < n { tail(i); i += 1 }
    }
}

@inline(__always)
private func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
}

@inline(__always)
private func load(_ p: UnsafeMutablePointer<Float>) -> SIMD4<Float> { load(UnsafePointer(p)) }

@inline(__always)
private func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
}

/// √x lane by lane in one instruction (SIMD's own squareRoot() goes one lane at a time
/// through libm); correctly rounded either way, so the tail loop's scalar √ agrees.
@inline(__always)
private func squareRoot(_ x: SIMD4<Float>) -> SIMD4<Float> {
    #if arch(x86_64)
    return _mm_sqrt_ps(x)
    #else
    return x.squareRoot()
    #endif
}
