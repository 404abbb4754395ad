// Kernels.parallelFor: numbered blocks of work spread over `Kernels.threads` threads.
// Deterministic by construction when the blocks are: which thread runs a block never
// changes what the block computes.
import Synchronization

extension Kernels {
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

    /// Element-wise work over 0..<n: across the threads in chunks of 2^15 when n is large
    /// (a convolution's outputs), else in one piece. For work where each element's result
    /// depends on that element alone, so the cut changes nothing.
    @inline(__always)
    public static func elementwise(_ n: Int, _ body: (Range<Int>) -> Void) {
        if n < 1 << 17 || threads <= 1 { body(0..<n); return }
        parallelFor(n, grain: 1 << 15, body)
    }

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
