// Times nn's kernels on the exact products of the three nn-fit benchmark workloads,
// with 1 and 2 threads, and prints one JSON object per line.
//   kernel-bench [--threads 1,2] [--quick] [--cpu]
import Shared
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock seconds, or with --cpu this thread's CPU seconds (steadier on a busy
/// machine, meaningful with one thread only).
nonisolated(unsafe) var clock = CLOCK_MONOTONIC

func now() -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Best of `rounds` timings of `body`, in seconds.
func best(rounds: Int, _ body: () -> Void) -> Double {
    var b = Double.infinity
    for _ in 0..<rounds {
        let t = now()
        body()
        b = min(b, now() - t)
    }
    return b
}

func buffer(_ n: Int, seed: UInt64) -> UnsafeMutablePointer<Float> {
    var rng = Random(seed: seed)
    let p = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
    for i in 0..<n { p[i] = Float(rng.uniform() - 0.5) }
    return p
}

/// One product C = op(A)·op(B) of a training step, named after its role.
struct Product {
    var name: String
    var transA: Bool, transB: Bool
    var m: Int, n: Int, k: Int
    var flops: Double { 2 * Double(m * n * k) }
}

/// A dense layer stack's products for one minibatch step: forward X·Wᵀ per layer,
/// backward dW = dZᵀ·A per layer and dA = dZ·W for every layer but the first.
func stepProducts(_ sizes: [Int], batch: Int) -> [Product] {
    var out = [Product]()
    for l in 0..<(sizes.count - 1) {
        out.append(Product(name: "fwd\(l + 1)", transA: false, transB: true, m: batch, n: sizes[l + 1], k: sizes[l]))
    }
    for l in stride(from: sizes.count - 2, through: 0, by: -1) {
        out.append(Product(name: "dW\(l + 1)", transA: true, transB: false, m: sizes[l + 1], n: sizes[l], k: batch))
        if l > 0 {
            out.append(Product(name: "dA\(l)", transA: false, transB: false, m: batch, n: sizes[l], k: sizes[l + 1]))
        }
    }
    return out
}

struct Operands {
    let a, b, c: UnsafeMutablePointer<Float>
    init(_ p: Product) {
        a = buffer(p.m * p.k, seed: 1)
        b = buffer(p.k * p.n, seed: 2)
        c = buffer(p.m * p.n, seed: 3)
    }
    func run(_ p: Product) {
        Kernels.gemm(transA: p.transA, transB: p.transB, m: p.m, n: p.n, k: p.k, alpha: 1,
                     a: a, lda: p.transA ? p.m : p.k, b: b, ldb: p.transB ? p.k : p.n,
                     beta: 0, c: c, ldc: p.n)
    }
}

func json(_ fields: [(String, Any)]) -> String {
    "{" + fields.map { key, value in
        let v: String
        switch value {
        case let s as String: v = "\"\(s)\""
        case let d as Double: v = String(format3(d))
        default: v = "\(value)"
        }
        return "\"\(key)\": \(v)"
    }.joined(separator: ", ") + "}"
}

func format3(_ d: Double) -> String {
    let scaled = (d * 1000).rounded() / 1000
    return "\(scaled)"
}

var threadCounts = [1, 2]
var quick = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--threads": threadCounts = (args.popFirst() ?? "1").split(separator: ",").compactMap { Int($0) }
    case "--quick": quick = true
    case "--cpu": clock = CLOCK_THREAD_CPUTIME_ID
    default: fatalError("usage: kernel-bench [--threads 1,2] [--quick] [--cpu]")
    }
}
let rounds = quick ? 2 : 5

print(json([("blas_core", Kernels.blasCoreName)]))

// The minibatch workloads: each product alone, then a whole run's worth of products.
let workloads: [(name: String, sizes: [Int], batch: Int, rows: Int, epochs: Int)] = [
    ("coat-dress 784-128-64-1 batch 64", [784, 128, 64, 1], 64, 12000, 10),
    ("fashion-10 784-256-128-10 batch 128", [784, 256, 128, 10], 128, 60000, 10),
]
for threads in threadCounts {
    Kernels.threads = threads
    for w in workloads {
        let products = stepProducts(w.sizes, batch: w.batch)
        let operands = products.map(Operands.init)
        var stepSeconds = 0.0
        for (p, o) in zip(products, operands) {
            let reps = max(3, Int(2e8 / p.flops))
            let t = best(rounds: rounds) { for _ in 0..<reps { o.run(p) } } / Double(reps)
            stepSeconds += t
            print(json([("kernel", "gemm"), ("workload", w.name), ("product", p.name),
                        ("shape", "\(p.transA ? "T" : "N")\(p.transB ? "T" : "N") \(p.m)x\(p.n)x\(p.k)"),
                        ("threads", threads), ("us", t * 1e6), ("gflops", p.flops / t / 1e9)]))
        }
        let steps = (w.rows + w.batch - 1) / w.batch * w.epochs
        print(json([("kernel", "gemm-step"), ("workload", w.name), ("threads", threads),
                    ("step_us", stepSeconds * 1e6), ("run_seconds", stepSeconds * Double(steps)),
                    ("samples_per_s", Double(w.batch) / stepSeconds)]))
    }
}
Kernels.threads = 1

// Per-sample SGD 784-16-1 with dot and axpy, as a step does it: 16 dot products
// forward, then 16 axpy updates of the first layer's rows.
do {
    let (nIn, hidden, steps) = (784, 16, 48000)
    let x = buffer(12000 * nIn, seed: 4), w = buffer(hidden * nIn, seed: 5)
    let h = UnsafeMutablePointer<Float>.allocate(capacity: hidden)
    var rng = Random(seed: 6)
    let t = best(rounds: rounds) {
        for _ in 0..<steps {
            let xi = x + rng.below(12000) * nIn
            for j in 0..<hidden { h[j] = Kernels.dot(w + j * nIn, xi, nIn) }
            for j in 0..<hidden { Kernels.axpy(-1e-6 * h[j], xi, w + j * nIn, nIn) }
        }
    }
    print(json([("kernel", "dot+axpy"), ("workload", "sgd 784-16-1 48000 steps"), ("seconds", t),
                ("gflops", Double(steps * hidden * nIn * 4) / t / 1e9)]))
}
