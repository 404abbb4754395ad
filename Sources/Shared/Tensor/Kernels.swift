// The matrix kernels every model uses, behind one small interface. Row-major,
// BLAS-style arguments. These are the plain reference loops; faster versions must
// give the same results for a given input whatever the thread count.

public enum Kernels {
    /// Worker threads the kernels may use (`--threads`). Results must not depend on it.
    nonisolated(unsafe) public static var threads: Int = 1

    /// C = alpha · op(A) · op(B) + beta · C, where op(A) is m × k and op(B) is k × n.
    /// `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                            alpha: Float, a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k {
                    let av = transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                    s += av * bv
                }
                c[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
    }

    /// Σ x[i]·y[i].
    @inline(__always)
    public static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var s: Float = 0
        for i in 0..<n { s += x[i] * y[i] }
        return s
    }

    /// y += alpha · x.
    @inline(__always)
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { y[i] += alpha * x[i] }
    }
}
