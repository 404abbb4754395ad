// A fused level-1 kernel for per-sample SGD: the first layer's weight row is updated for one
// sample and dotted with the next sample in the same pass, so each step streams the
// weights through the cache once instead of twice.

extension Kernels {
    /// w += alpha · x, then returns Σ w[i]·y[i] (the updated w), in one pass: the same
    /// multiply-adds as `axpy` then `dot`, with the sum in eight-lane blocks (few enough live
    /// vectors to stay in the sixteen registers of baseline x86-64).
    @inline(__always)
    static func axpyDot(_ alpha: Float, _ x: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                               _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        @inline(__always) func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }
        let a = SIMD8<Float>(repeating: alpha)
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>()
        var i = 0
        while i + 16 <= n {
            let w0 = load8(w + i) + a * load8(x + i)
            let w1 = load8(w + i + 8) + a * load8(x + i + 8)
            UnsafeMutableRawPointer(w + i).storeBytes(of: w0, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(w + i + 8).storeBytes(of: w1, as: SIMD8<Float>.self)
            s0 += w0 * load8(y + i)
            s1 += w1 * load8(y + i + 8)
            i += 16
        }
        let v = s0 + s1
        let v4 = v.lowHalf + v.highHalf
        var s = (v4[0] + v4[2]) + (v4[1] + v4[3])
        while i < n {
            w[i] += alpha * x[i]
            s += w[i] * y[i]
            i += 1
        }
        return s
    }
}
