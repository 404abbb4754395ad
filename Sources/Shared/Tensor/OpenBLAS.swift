// Debian's OpenBLAS behind Kernels.gemm: pinned to one thread, warmed up once, called
// in row-major terms.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenBLAS

/// The OpenBLAS calls, in row-major terms.
enum OpenBLAS {
    /// OpenBLAS runs single-threaded: Kernels' own blocks are the only parallelism,
    /// so the arithmetic is the same whatever the thread count. Then one warm-up product.
    static let pinToOneThread: Void = {
        stopWorkerThreads
        warmUp()
    }()

    /// Debian's default OpenBLAS (the pthread build) starts a worker per core when the
    /// library loads, and each spins (sched_yield) for about 2^28 cycles, some 0.1 s of a
    /// core, before it sleeps. nn never hands OpenBLAS work for them, and in a pipeline that
    /// spinning takes a core from the next stage (measured here: nn-eval predicting 10000
    /// images used 0.22 s of CPU for 0.12 s of wall time, 0.05 s with OPENBLAS_NUM_THREADS=1).
    /// So every stage stops them first thing: one thread, then the build's own shutdown
    /// call, looked up by name since serial and OpenMP builds have none.
    static let stopWorkerThreads: Void = {
        openblas_set_num_threads(1)
        #if canImport(Darwin)
        let everyLibrary = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
        let everyLibrary: UnsafeMutableRawPointer? = nil            // RTLD_DEFAULT
        #endif
        typealias Shutdown = @convention(c) () -> Int32
        if let symbol = dlsym(everyLibrary, "blas_thread_shutdown_") {
            _ = unsafeBitCast(symbol, to: Shutdown.self)()
        }
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
