// The kernels give the same bits whatever Kernels.threads is.
import Testing
@testable import Shared

/// Runs `body` with Kernels.threads set to `threads`, then restores it.
func withThreads<T>(_ threads: Int, _ body: () -> T) -> T {
    let saved = Kernels.threads
    Kernels.threads = threads
    defer { Kernels.threads = saved }
    return body()
}

@Suite(.serialized) struct DeterminismTests {
    @Test(arguments: [(false, true), (true, false), (false, false), (true, true)])
    func gemmGivesTheSameBitsWithOneTwoAndThreeThreads(_ t: (Bool, Bool)) {
        // The shapes of a 784-256-128-10 network's forward and backward products
        // at batch 128, and a ragged one.
        for (m, n, k) in [(128, 256, 784), (256, 784, 128), (128, 784, 256), (77, 301, 155)] {
            let gemm = GemmCase(m: m, n: n, k: k, transA: t.0, transB: t.1, alpha: 1, beta: 0.25, pad: 0, seed: 9)
            let (a, b, c, ldc) = gemm.operands()
            let runs = [1, 2, 3].map { threads in withThreads(threads) { gemm.product(a, b, c, ldc: ldc) } }
            #expect(runs[0].map(\.bitPattern) == runs[1].map(\.bitPattern), "\(m)x\(n)x\(k) 1 vs 2 threads")
            #expect(runs[0].map(\.bitPattern) == runs[2].map(\.bitPattern), "\(m)x\(n)x\(k) 1 vs 3 threads")
        }
    }

    @Test(arguments: [(1000, 7), (70_000, 1)])
    func parallelForRunsEveryBlockOnce(_ job: (n: Int, grain: Int)) {
        // 70000 blocks is more than one job of the pool holds: it runs in parts.
        for threads in [1, 2, 4] {
            var hits = [Int](repeating: 0, count: job.n)
            withThreads(threads) {
                hits.withUnsafeMutableBufferPointer { h in
                    Kernels.parallelFor(job.n, grain: job.grain) { range in
                        for i in range { h[i] += 1 }
                    }
                }
            }
            #expect(hits.allSatisfy { $0 == 1 }, "threads=\(threads)")
        }
    }

    @Test func parallelForSurvivesManySmallJobs() {
        // Back-to-back jobs are where a worker could mix up one job with the next.
        withThreads(2) {
            var total = [Int](repeating: 0, count: 64)
            total.withUnsafeMutableBufferPointer { t in
                for _ in 0..<5000 {
                    Kernels.parallelFor(64) { block in t[block] += block }
                }
            }
            #expect(total == (0..<64).map { $0 * 5000 })
        }
    }

    @Test func parallelForInsideAJobRunsOnTheCallingThread() {
        // A kernel called from inside a parallel block must neither deadlock nor lose blocks.
        withThreads(2) {
            var hits = [Int](repeating: 0, count: 8 * 8)
            hits.withUnsafeMutableBufferPointer { h in
                Kernels.parallelFor(8) { outer in
                    Kernels.parallelFor(8) { inner in h[outer * 8 + inner] += 1 }
                }
            }
            #expect(hits.allSatisfy { $0 == 1 })
        }
    }
}
