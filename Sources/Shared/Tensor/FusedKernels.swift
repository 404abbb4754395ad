// A fused level-1 kernel for per-sample SGD: the first layer's weight row is updated for one
// sample and dotted with the next sample in the same pass, so each step streams the
// weights through the cache once instead of twice.

extension Kernels {
    /// w += alpha · x, then returns Σ w[i]·y[i] (the updated w), in one pass. The values
    /// equal `axpy(alpha, x, w, n)` followed by `dot(w, y, n)`: same operations, same order.
    @inline(__always)
    public static func axpyDot(_ alpha: Float, _ x: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                               _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        let a = SIMD16<Float>(repeating: alpha)
        var s0 = SIMD16<Float>(), s1 = SIMD16<Float>()
        var i = 0
        while i + 32 <= n {
            let w0 = load16(w + i) + a * load16(x + i)
            let w1 = load16(w + i + 16) + a * load16(x + i + 16)
            store16(w0, w + i)
            store16(w1, w + i + 16)
            s0 += w0 * load16(y + i)
            s1 += w1 * load16(y + i + 16)
            i += 32
        }
        if i + 16 <= n {
            let w0 = load16(w + i) + a * load16(x + i)
            store16(w0, w + i)
            s0 += w0 * load16(y + i)
            i += 16
        }
        var s = sum(s0 + s1)
        while i < n {
            w[i] += alpha * x[i]
            s += w[i] * y[i]
            i += 1
        }
        return s
    }
}
