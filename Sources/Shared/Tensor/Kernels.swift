// The matrix kernels every model uses, behind one small interface. Row-major,
// BLAS-style arguments. Results depend only on the inputs, never on `threads`:
// work is cut into blocks by shape alone; threads only decide who computes which block.

public enum Kernels {
    /// Worker threads the kernels may use (`--threads`). Results do not depend on it.
    nonisolated(unsafe) public static var threads: Int = 1

    /// Products with fewer multiply-adds than this skip OpenBLAS (its call costs more).
    static let tinyGemmWork = 512
    /// Multiply-adds per block when a product is cut up for threads (~0.1 ms of work).
    static let gemmBlockWork = 2 * 1024 * 1024
    /// At most this many blocks per product; every block is at least `gemmBlockAlign` wide.
    static let gemmMaxBlocks = 4
    static let gemmBlockAlign = 16

    /// C = alpha · op(A) · op(B) + beta · C, where op(A) is m × k and op(B) is k × n.
    /// `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored. beta = 0 overwrites C.
    public static func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                            alpha: Float, a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        if m * n * k < tinyGemmWork || isVectorShaped(transA: transA, transB: transB, m: m, n: n, k: k) {
            smallGemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                      b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        OpenBLAS.pinToOneThread
        // Cut C along its longer side into blocks; each block is one BLAS call on
        // the same rows (or columns) of the inputs, so its values do not depend on
        // who computes it or when.
        let alongRows = m > n
        let side = alongRows ? m : n
        let blocks = gemmBlocks(side: side, work: m * n * k)
        parallelFor(blocks) { block in
            let start = gemmBlockStart(block, of: blocks, side: side)
            let size = gemmBlockStart(block + 1, of: blocks, side: side) - start
            if alongRows {
                // Rows start..<start+size of C come from the same rows of op(A).
                let aBlock = transA ? a + start : a + start * lda
                OpenBLAS.sgemm(transA, transB, size, n, k, alpha, aBlock, lda, b, ldb, beta, c + start * ldc, ldc)
            } else {
                // Columns start..<start+size of C come from the same columns of op(B).
                let bBlock = transB ? b + start * ldb : b + start
                OpenBLAS.sgemm(transA, transB, m, size, k, alpha, a, lda, bBlock, ldb, beta, c + start, ldc)
            }
        }
    }

    /// Products that are a row, a column or a rank-1 update, where Swift's dot and axpy
    /// beat OpenBLAS's sgemm (measured here: 1×256×784 27 µs against 107 µs; 64×1×64,
    /// 1×64×64, 64×64×1 0.7–1.5 µs against 1.7–2.9 µs): one row of C (m = 1, from rows
    /// of B), one column from dot products (n = 1 with A and Bᵀ as stored), or k = 1.
    /// Any other shape, however small, is faster in OpenBLAS (16×16×16: 0.7 µs against 1.8).
    static func isVectorShaped(transA: Bool, transB: Bool, m: Int, n: Int, k: Int) -> Bool {
        (m == 1 && !(transA && transB)) || (n == 1 && !transA && transB) || (k == 1 && !transB)
    }

    /// How many blocks a product of `work` multiply-adds is cut into along a side of C
    /// `side` long: a power of two (so two threads share it evenly), each block at least
    /// `gemmBlockWork` and `gemmBlockAlign` wide, at most `gemmMaxBlocks`. Shape only.
    static func gemmBlocks(side: Int, work: Int) -> Int {
        let limit = min(gemmMaxBlocks, work / gemmBlockWork, side / gemmBlockAlign)
        var blocks = 1
        while blocks * 2 <= limit { blocks *= 2 }
        return blocks
    }

    /// Where block `i` of `blocks` starts: equal shares, rounded down to `gemmBlockAlign`.
    @inline(__always)
    static func gemmBlockStart(_ i: Int, of blocks: Int, side: Int) -> Int {
        i == blocks ? side : side * i / blocks / gemmBlockAlign * gemmBlockAlign
    }

    /// The kernel family OpenBLAS picked for this CPU at run time ("Haswell", "SkylakeX", "Zen"...).
    public static var blasCoreName: String { OpenBLAS.coreName }
}
