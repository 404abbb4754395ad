// Kernels.gemm against the textbook triple loop in Float64, for every transpose
// combination, odd shapes, padded strides, alpha and beta, on both of its paths
// (small products in Swift, larger ones through OpenBLAS, cut into blocks).
import Testing
@testable import Shared

/// Row-major storage for op(X) of shape rows × cols, with a padded row stride.
struct Operand {
    var data: [Float]
    var ld: Int
    var trans: Bool

    init(rows: Int, cols: Int, trans: Bool, pad: Int, rng: inout Random) {
        let (storedRows, storedCols) = trans ? (cols, rows) : (rows, cols)
        ld = storedCols + pad
        self.trans = trans
        data = (0..<(storedRows * ld)).map { _ in Float(rng.uniform() * 2 - 1) }
    }

    /// op(X)[i, j].
    func at(_ i: Int, _ j: Int) -> Float { trans ? data[j * ld + i] : data[i * ld + j] }
}

struct GemmCase {
    var m, n, k: Int
    var transA, transB: Bool
    var alpha, beta: Float
    var pad: Int
    var seed: UInt64 = 1

    /// Random inputs, and C as it is before the product (row stride ldc = n + pad).
    func operands() -> (a: Operand, b: Operand, c: [Float], ldc: Int) {
        var rng = Random(seed: seed)
        let a = Operand(rows: m, cols: k, trans: transA, pad: pad, rng: &rng)
        let b = Operand(rows: k, cols: n, trans: transB, pad: pad, rng: &rng)
        let ldc = n + pad
        return (a, b, (0..<(m * ldc)).map { _ in Float(rng.uniform() * 2 - 1) }, ldc)
    }

    /// C after Kernels.gemm.
    func product(_ a: Operand, _ b: Operand, _ c: [Float], ldc: Int) -> [Float] {
        var c = c
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    Kernels.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                 a: pa.baseAddress!, lda: a.ld, b: pb.baseAddress!, ldb: b.ld,
                                 beta: beta, c: pc.baseAddress!, ldc: ldc)
                }
            }
        }
        return c
    }

    func expectClose() {
        let (a, b, c0, ldc) = operands()
        let c = product(a, b, c0, ldc: ldc)
        let u = Double(Float.ulpOfOne) / 2
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let t = Double(a.at(i, p)) * Double(b.at(p, j))
                    s += t
                    magnitude += abs(t)
                }
                let old = Double(c0[i * ldc + j])
                let reference = Double(alpha) * s + (beta == 0 ? 0 : Double(beta) * old)
                // Higham's bound for a float32 dot product in any summation order,
                // |fl(s) - s| ≤ γ_k Σ|a||b| with γ_k ≈ k·u, plus the roundings of the
                // alpha, beta and final additions (a few u of each term's size).
                let bound = Double(k + 4) * u * abs(Double(alpha)) * magnitude + 4 * u * abs(Double(beta) * old) + 1e-30
                worst = max(worst, abs(Double(c[i * ldc + j]) - reference) / bound)
            }
            // Padding between rows must be left alone.
            for j in n..<ldc {
                #expect(c[i * ldc + j].bitPattern == c0[i * ldc + j].bitPattern, "\(self): padding changed")
            }
        }
        #expect(worst <= 1, "\(self): error is \(worst)× the bound")
    }
}

private let transposes = [(false, false), (false, true), (true, false), (true, true)]

@Test(arguments: transposes)
func gemmMatchesTheTripleLoopOnSmallOddShapes(_ t: (Bool, Bool)) {
    for (m, n, k) in [(1, 1, 1), (3, 5, 7), (1, 17, 33), (13, 1, 29), (5, 31, 1), (9, 19, 50)] {
        GemmCase(m: m, n: n, k: k, transA: t.0, transB: t.1, alpha: 1, beta: 0, pad: 0).expectClose()
        GemmCase(m: m, n: n, k: k, transA: t.0, transB: t.1, alpha: -0.75, beta: 0.5, pad: 3).expectClose()
    }
}

@Test(arguments: transposes)
func gemmMatchesTheTripleLoopOnBlockedShapes(_ t: (Bool, Bool)) {
    // Large enough to go through OpenBLAS; the first two are cut into several blocks
    // (along rows, then along columns), with ragged last blocks.
    for (m, n, k) in [(403, 37, 301), (45, 333, 289), (64, 33, 31)] {
        GemmCase(m: m, n: n, k: k, transA: t.0, transB: t.1, alpha: 1, beta: 0, pad: 0).expectClose()
        GemmCase(m: m, n: n, k: k, transA: t.0, transB: t.1, alpha: 2, beta: -1, pad: 5).expectClose()
    }
}

@Test func gemmWithZeroDepthScalesC() {
    GemmCase(m: 4, n: 6, k: 0, transA: false, transB: false, alpha: 1, beta: 0.5, pad: 1).expectClose()
    GemmCase(m: 40, n: 60, k: 0, transA: true, transB: false, alpha: 1, beta: 0, pad: 0).expectClose()
}

@Test(arguments: [(3, 5, 7), (130, 257, 300)])
func gemmWithBetaZeroOverwritesNaN(_ shape: (Int, Int, Int)) {
    let (m, n, k) = shape
    let a = [Float](repeating: 1, count: m * k), b = [Float](repeating: 2, count: k * n)
    var c = [Float](repeating: .nan, count: m * n)
    Kernels.gemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n,
                 beta: 0, c: &c, ldc: n)
    #expect(c.allSatisfy { $0 == Float(2 * k) })
}
