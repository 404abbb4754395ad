// dot, axpy and scal against plain loops, at lengths around the SIMD widths.
import Testing
@testable import Shared

private func randomVector(_ n: Int, _ rng: inout Random) -> [Float] {
    (0..<n).map { _ in Float(rng.uniform() * 2 - 1) }
}

private let lengths = [0, 1, 15, 16, 17, 31, 32, 33, 48, 100, 784]

@Test func dotMatchesAFloat64SumWithinRounding() {
    var rng = Random(seed: 3)
    for n in lengths {
        let x = randomVector(n, &rng), y = randomVector(n, &rng)
        let exact = zip(x, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let magnitude = zip(x, y).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
        // γ_n Σ|x||y| (Higham), n·u with u = 2^-24.
        let bound = Double(n + 1) * Double(Float.ulpOfOne) / 2 * magnitude
        #expect(abs(Double(Kernels.dot(x, y, n)) - exact) <= bound, "n=\(n)")
    }
}

@Test func axpyAndScalAreElementwise() {
    var rng = Random(seed: 4)
    for n in lengths {
        let x = randomVector(n, &rng)
        var y = randomVector(n, &rng)
        // Each element is one rounding of y + a·x (or a·x): exact agreement with the scalar loop.
        let expected = zip(x, y).map { $1 + Float(0.3) * $0 }
        Kernels.axpy(0.3, x, &y, n)
        #expect(y == expected, "axpy n=\(n)")
        let scaled = y.map { $0 * -2.5 }
        Kernels.scal(-2.5, &y, n)
        #expect(y == scaled, "scal n=\(n)")
        var garbage = [Float](repeating: .nan, count: n)
        Kernels.scal(0, &garbage, n)
        #expect(garbage.allSatisfy { $0 == 0 }, "scal by 0 n=\(n)")
    }
}

@Test func axpyDotUpdatesLikeAxpyAndReturnsTheUpdatedDot() {
    var rng = Random(seed: 7)
    for n in lengths {
        let x = randomVector(n, &rng), y = randomVector(n, &rng)
        var w = randomVector(n, &rng)
        var expected = w
        Kernels.axpy(-0.25, x, &expected, n)
        let s = Kernels.axpyDot(-0.25, x, &w, y, n)
        // The update is element-wise, one rounding each: the same bits as axpy.
        #expect(w.map(\.bitPattern) == expected.map(\.bitPattern), "n=\(n)")
        // The sum, over the updated w, within γ_n Σ|w||y| of the exact one (Higham).
        let exact = zip(w, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let magnitude = zip(w, y).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
        #expect(abs(Double(s) - exact) <= Double(n + 1) * Double(Float.ulpOfOne) / 2 * magnitude, "n=\(n)")
    }
}
