// The regression generators against their definitions: y recomputed from x in Float64,
// the features' distributions, make_regression's informative coefficients, and the
// stream they write (train rows drawn first, then test rows, each set's x and y alike).
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

struct RegressionGeneratorTests {
    func draws<G: RegressionGenerator>(_ g: G, rows: Int, seed: UInt64 = 1) -> (x: [[Float]], y: [[Float]]) {
        var g = g
        var random = Random(seed: seed, stream: g.streamName)
        g.prepare(&random)
        var xs: [[Float]] = [], ys: [[Float]] = []
        for _ in 0..<rows {
            var x = [Float](repeating: 0, count: g.features), y = [Float](repeating: 0, count: g.targets)
            x.withUnsafeMutableBufferPointer { xp in y.withUnsafeMutableBufferPointer { yp in g.draw(&random, x: xp.baseAddress!, y: yp.baseAddress!) } }
            xs.append(x); ys.append(y)
        }
        return (xs, ys)
    }

    @Test func friedman1IsItsFormulaOfUniformFeatures() {
        let (x, y) = draws(Friedman1(), rows: 20000)
        for (v, t) in zip(x.prefix(200), y) {
            let d = v.map(Double.init)
            let formula = 10 * sin(Double.pi * d[0] * d[1]) + 20 * (d[2] - 0.5) * (d[2] - 0.5) + 10 * d[3] + 5 * d[4]
            // x was rounded to Float32 after y was computed from its Float64 draw: |∂y/∂x| ≤ 40, so ≤ 40·6e-8·... ~1e-5.
            #expect(abs(Double(t[0]) - formula) < 1e-4)
        }
        // U[0, 1): mean 1/2, variance 1/12; with 20000 draws the sample mean's sd is 0.002.
        for j in 0..<10 {
            let column = x.map { Double($0[j]) }
            let mean = column.reduce(0, +) / 20000
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20000
            #expect(abs(mean - 0.5) < 0.01 && abs(variance - 1.0 / 12) < 0.005, "x\(j + 1)")
            #expect(column.allSatisfy { $0 >= 0 && $0 < 1 })
        }
    }

    @Test func friedman1NoiseHasTheGivenStandardDeviation() {
        var noisy = Friedman1()
        noisy.noise = 2
        let (x, y) = draws(noisy, rows: 20000)
        let residuals = zip(x, y).map { v, t -> Double in
            let d = v.map(Double.init)
            return Double(t[0]) - (10 * sin(Double.pi * d[0] * d[1]) + 20 * (d[2] - 0.5) * (d[2] - 0.5) + 10 * d[3] + 5 * d[4])
        }
        let sd = (residuals.reduce(0) { $0 + $1 * $1 } / 20000).squareRoot()
        #expect(abs(sd - 2) < 0.05)
    }

    @Test func makeRegressionIsLinearInItsInformativeFeatures() {
        var g = LinearRegressionProblem()
        g.features = 8
        g.informative = 3
        g.targets = 2
        var random = Random(seed: 4, stream: g.streamName)
        g.prepare(&random)
        // Exactly `informative` features carry a coefficient, each in [0, 100) per target.
        let used = (0..<8).filter { f in (0..<2).contains { g.coefficients[f * 2 + $0] != 0 } }
        #expect(used.count == 3)
        #expect(g.coefficients.allSatisfy { $0 >= 0 && $0 < 100 })
        let (x, y) = draws(g, rows: 50, seed: 4)
        for (v, t) in zip(x, y) {
            for k in 0..<2 {
                let expected = (0..<8).reduce(0.0) { $0 + Double(v[$1]) * g.coefficients[$1 * 2 + k] }
                #expect(abs(Double(t[k]) - expected) < 1e-3 * max(1, abs(expected)))
            }
        }
    }

    @Test func sineIsTheSineOfUniformX() {
        var g = Sine()
        g.noise = 0
        let (x, y) = draws(g, rows: 500)
        for (v, t) in zip(x, y) {
            #expect(v[0] >= -Float.pi && v[0] <= Float.pi)
            #expect(abs(Double(t[0]) - sin(Double(v[0]))) < 1e-6)
        }
    }

    @Test func badParametersAreUsageErrors() {
        var g = LinearRegressionProblem()
        g.features = 3
        g.informative = 4
        #expect(throws: UsageError.self) { try g.validate() }
        var f = Friedman1()
        f.samples = 0
        #expect(throws: UsageError.self) { try f.validate() }
        f.samples = 10
        f.noise = -1
        #expect(throws: UsageError.self) { try f.validate() }
    }
}
