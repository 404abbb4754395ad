// The matrix kernels every model uses, behind one small interface. Row-major,
// BLAS-style arguments. Results depend only on the inputs, never on `threads`:
// work is cut into blocks by shape alone; threads only decide who computes which block.
import COpenBLAS
import Synchronization

public enum Kernels {
    /// Worker threads the kernels may use (`--threads`). Results do not depend on it.
    nonisolated(unsafe) public static var threads: Int = 1

    /// Products with fewer multiply-adds than this skip OpenBLAS (its call costs more).
    static let smallGemmWork = 32 * 1024
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
        if m * n * k < smallGemmWork {
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
        let blocks = max(1, min(gemmMaxBlocks, m * n * k / gemmBlockWork, side / gemmBlockAlign))
        let width = (side + blocks - 1) / blocks
        let step = (width + gemmBlockAlign - 1) / gemmBlockAlign * gemmBlockAlign
        let count = (side + step - 1) / step
        parallelFor(count) { block in
            let start = block * step
            let size = min(step, side - start)
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

    /// Runs body(0..<count), spread over `threads` threads (the caller among them),
    /// and returns when all are done. Deterministic as long as `count` and what each
    /// block computes do not depend on `threads`, and blocks write disjoint memory.
    public static func parallelFor(_ count: Int, _ body: (Int) -> Void) {
        if count <= 0 { return }
        if count == 1 || threads <= 1 {
            for block in 0..<count { body(block) }
            return
        }
        let pool = pool(workers: threads - 1)
        var start = 0
        while start < count {
            let size = min(count - start, WorkerPool.maxBlocks)
            pool.run(count: size) { body(start + $0) }
            start += size
        }
    }

    /// Splits 0..<n into fixed chunks of `grain` (the last one shorter) and runs
    /// body(range) for each across the threads. The chunks depend on n and grain only.
    public static func parallelFor(_ n: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        precondition(grain > 0)
        let chunks = (n + grain - 1) / grain
        parallelFor(chunks) { chunk in
            let start = chunk * grain
            body(start..<min(n, start + grain))
        }
    }

    /// The kernel family OpenBLAS picked for this CPU at run time ("Haswell", "SkylakeX", "Zen"...).
    public static var blasCoreName: String { OpenBLAS.coreName }

    /// One pool per worker count asked for, kept for the life of the process (a program
    /// uses one; tests running side by side may use several at once).
    private static let pools = Mutex<[Int: WorkerPool]>([:])

    private static func pool(workers: Int) -> WorkerPool {
        pools.withLock { pools in
            if let p = pools[workers] { return p }
            let p = WorkerPool(workers: workers)
            pools[workers] = p
            return p
        }
    }
}

/// The OpenBLAS calls, in row-major terms.
enum OpenBLAS {
    /// OpenBLAS runs single-threaded: Kernels' own blocks are the only parallelism,
    /// so the arithmetic is the same whatever the thread count. Then one warm-up product.
    static let pinToOneThread: Void = {
        openblas_set_num_threads(1)
        warmUp()
    }()

    /// Measured here (OpenBLAS 0.3.21 and 0.3.31, Haswell/Zen kernels): until a process
    /// has made one product with a wide op(B) (n ≥ 512 and m ≥ 64), products such as
    /// 64×128×784 run at half speed (16 instead of 34 GFLOP/s), whatever their own shape
    /// and alignment; afterwards, in any thread, at full speed. A training step's weight
    /// gradient is such a product, but a forward-only pass (prediction) never makes one.
    /// So make one, on zeros: about 3 ms, once per process. It changes no result.
    private static func warmUp() {
        let (m, n, k) = (64, 512, 784)
        let a = [Float](repeating: 0, count: m * k), b = [Float](repeating: 0, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        sgemm(false, false, m, n, k, 1, a, k, b, n, 0, &c, n)
    }

    /// The kernel family OpenBLAS chose for this CPU (e.g. "Haswell", "SkylakeX", "Zen").
    static var coreName: String { String(cString: openblas_get_corename()) }

    @inline(__always)
    static func sgemm(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                      _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                      _ b: UnsafePointer<Float>, _ ldb: Int,
                      _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
