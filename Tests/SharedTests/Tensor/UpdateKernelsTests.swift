// The optimiser kernels give exactly the bits of the scalar formula, at any thread count.
import Testing
@testable import Shared

@Test func adamStepIsTheScalarFormulaBitForBit() {
    var rng = Random(seed: 8)
    let n = 40_000 + 7  // several blocks and a tail shorter than the 16 lanes
    func vector(_ scale: Double) -> [Float] { (0..<n).map { _ in Float((rng.uniform() * 2 - 1) * scale) } }
    let p0 = vector(1), g = vector(0.1), m0 = vector(0.01), v0 = vector(0.001).map(abs)
    let (lr, b1, b2, eps, l2): (Float, Float, Float, Float, Float) = (0.001, 0.9, 0.999, 1e-8, 0.01)
    let (c1, c2): (Float, Float) = (1 / (1 - 0.9 * 0.9 * 0.9), 1 / (1 - 0.999 * 0.999 * 0.999))
    var p = p0, m = m0, v = v0
    for i in 0..<n {
        let gi = g[i] + l2 * p[i]
        m[i] = b1 * m[i] + (1 - b1) * gi
        v[i] = b2 * v[i] + (1 - b2) * gi * gi
        p[i] -= lr * (m[i] * c1) / ((v[i] * c2).squareRoot() + eps)
    }
    for threads in [1, 2] {
        var pk = p0, mk = m0, vk = v0
        withThreads(threads) {
            Kernels.adamStep(&pk, g, &mk, &vk, n, lr: lr, beta1: b1, beta2: b2, eps: eps, c1: c1, c2: c2, l2: l2)
        }
        #expect(pk.map(\.bitPattern) == p.map(\.bitPattern), "θ, threads=\(threads)")
        #expect(mk.map(\.bitPattern) == m.map(\.bitPattern), "m, threads=\(threads)")
        #expect(vk.map(\.bitPattern) == v.map(\.bitPattern), "v, threads=\(threads)")
    }
}
