// The level-1 and level-2 kernels: dot, axpy, scal, gemv, ger, in portable SIMD.
// SIMD16<Float> written as `v += w * x` compiles to plain multiplies and adds on any
// x86-64; `addProduct` would call a software fma unless the target has FMA.

extension Kernels {
    @inline(__always)
    static func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always)
    static func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
    }

    /// The 16 lanes of v added as a tree (8 + 4 + 2 + 1 additions deep, not 16).
    @inline(__always)
    static func sum(_ v: SIMD16<Float>) -> Float {
        let v8 = v.lowHalf + v.highHalf
        let v4 = v8.lowHalf + v8.highHalf
        return (v4[0] + v4[2]) + (v4[1] + v4[3])
    }

    /// Σ x[i]·y[i], summed in a fixed order: two 16-lane partial sums, then the tail.
    @inline(__always)
    public static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var s0 = SIMD16<Float>(), s1 = SIMD16<Float>()
        var i = 0
        while i + 32 <= n {
            s0 += load16(x + i) * load16(y + i)
            s1 += load16(x + i + 16) * load16(y + i + 16)
            i += 32
        }
        if i + 16 <= n {
            s0 += load16(x + i) * load16(y + i)
            i += 16
        }
        var s = sum(s0 + s1)
        while i < n {
            s += x[i] * y[i]
            i += 1
        }
        return s
    }

    /// y += alpha · x.
    @inline(__always)
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let a = SIMD16<Float>(repeating: alpha)
        var i = 0
        while i + 16 <= n {
            store16(load16(y + i) + a * load16(x + i), y + i)
            i += 16
        }
        while i < n {
            y[i] += alpha * x[i]
            i += 1
        }
    }

    /// x *= alpha; alpha = 0 writes zeros (so NaN or garbage in x does not survive).
    @inline(__always)
    static func scal(_ alpha: Float, _ x: UnsafeMutablePointer<Float>, _ n: Int) {
        if alpha == 1 { return }
        if alpha == 0 {
            x.update(repeating: 0, count: n)
            return
        }
        let a = SIMD16<Float>(repeating: alpha)
        var i = 0
        while i + 16 <= n {
            store16(a * load16(x + i), x + i)
            i += 16
        }
        while i < n {
            x[i] *= alpha
            i += 1
        }
    }
}
