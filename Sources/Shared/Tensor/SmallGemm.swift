// gemm for products too small to be worth a BLAS call: rows of C built from the
// level-1 kernels, single-threaded, in a fixed order.

extension Kernels {
    static func smallGemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                          alpha: Float, a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            let ci = c + i * ldc
            switch (transA, transB) {
            case (false, true):
                // C[i, j] = alpha · A[i, :]·B[j, :] + beta · C[i, j]
                for j in 0..<n {
                    let s = alpha * dot(a + i * lda, b + j * ldb, k)
                    ci[j] = beta == 0 ? s : s + beta * ci[j]
                }
            case (false, false), (true, false):
                // C[i, :] = beta · C[i, :] + Σ_p alpha · op(A)[i, p] · B[p, :]
                scal(beta, ci, n)
                for p in 0..<k {
                    let aip = transA ? a[p * lda + i] : a[i * lda + p]
                    axpy(alpha * aip, b + p * ldb, ci, n)
                }
            case (true, true):
                // C[i, j] = alpha · Σ_p A[p, i] · B[j, p] + beta · C[i, j]
                for j in 0..<n {
                    var s: Float = 0
                    for p in 0..<k { s += a[p * lda + i] * b[j * ldb + p] }
                    ci[j] = beta == 0 ? alpha * s : alpha * s + beta * ci[j]
                }
            }
        }
    }
}
