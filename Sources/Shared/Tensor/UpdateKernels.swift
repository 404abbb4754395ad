// The optimisers' per-parameter updates as kernels: 16 lanes at a time and spread
// over the threads. Each element sees the same operations in the same order as the
// scalar formula, so the bits are those of a plain loop, at any thread count.
import CSIMD

extension Kernels {
    /// √v lane by lane, in 4 sqrtps (SIMD16's own squareRoot() is 16 scalar calls).
    @inline(__always)
    static func squareRoot(_ v: SIMD16<Float>) -> SIMD16<Float> {
        let low = SIMD8(lowHalf: nn_sqrt4(v.lowHalf.lowHalf), highHalf: nn_sqrt4(v.lowHalf.highHalf))
        let high = SIMD8(lowHalf: nn_sqrt4(v.highHalf.lowHalf), highHalf: nn_sqrt4(v.highHalf.highHalf))
        return SIMD16(lowHalf: low, highHalf: high)
    }

    /// Parameters per block when an update is spread over threads.
    static let updateGrain = 16 * 1024

    /// One Adam step (Kingma & Ba 2015, https://arxiv.org/abs/1412.6980) on n parameters:
    ///   g ← g + λθ;  m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  θ ← θ − lr · (m·c1) / (√(v·c2) + ε)
    /// with the bias corrections c1 = 1/(1 − β1^t), c2 = 1/(1 − β2^t) given by the caller.
    public static func adamStep(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
                                _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, _ n: Int,
                                lr: Float, beta1 b1: Float, beta2 b2: Float, eps: Float,
                                c1: Float, c2: Float, l2: Float) {
        parallelFor(n, grain: updateGrain) { range in
            var i = range.lowerBound
            let end = range.upperBound
            let vb1 = SIMD16<Float>(repeating: b1), vb1c = SIMD16<Float>(repeating: 1 - b1)
            let vb2 = SIMD16<Float>(repeating: b2), vb2c = SIMD16<Float>(repeating: 1 - b2)
            let vlr = SIMD16<Float>(repeating: lr), veps = SIMD16<Float>(repeating: eps)
            let vc1 = SIMD16<Float>(repeating: c1), vc2 = SIMD16<Float>(repeating: c2)
            let vl2 = SIMD16<Float>(repeating: l2)
            while i + 16 <= end {
                let pi = load16(p + i)
                let gi = load16(g + i) + vl2 * pi
                let mi = vb1 * load16(m + i) + vb1c * gi
                let vi = vb2 * load16(v + i) + vb2c * gi * gi
                store16(mi, m + i)
                store16(vi, v + i)
                store16(pi - vlr * (mi * vc1) / (squareRoot(vi * vc2) + veps), p + i)
                i += 16
            }
            while i < end {
                let gi = g[i] + l2 * p[i]
                m[i] = b1 * m[i] + (1 - b1) * gi
                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                p[i] -= lr * (m[i] * c1) / ((v[i] * c2).squareRoot() + eps)
                i += 1
            }
        }
    }
}
