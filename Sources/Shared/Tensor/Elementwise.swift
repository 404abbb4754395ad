// Cheap row-wise and element-wise helpers around the matrix kernels: bias rows,
// column sums, scaling. Plain loops over contiguous memory that the compiler vectorises.

public enum Elementwise {
    /// Adds `bias` (n values) to each of the m rows of the m × n matrix `c`.
    @inline(__always)
    static func addRows(_ bias: UnsafePointer<Float>, to c: UnsafeMutablePointer<Float>, m: Int, n: Int) {
        for r in 0..<m {
            let row = c + r * n
            for j in 0..<n { row[j] += bias[j] }
        }
    }

    /// out[j] = Σ_r a[r, j] over the m rows of the m × n matrix `a`, rows added in order
    /// (so both loops below give the same sums): a few columns one at a time in a register,
    /// many columns a row at a time with the vector kernel.
    @inline(__always)
    static func columnSums(_ a: UnsafePointer<Float>, m: Int, n: Int, into out: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if n < 16 {
            for j in 0..<n {
                var s: Float = accumulate ? out[j] : 0
                for r in 0..<m { s += a[r * n + j] }
                out[j] = s
            }
        } else {
            if !accumulate { out.update(repeating: 0, count: n) }
            for r in 0..<m { Kernels.axpy(1, a + r * n, out, n) }
        }
    }

    /// x *= alpha.
    @inline(__always)
    static func scale(_ x: UnsafeMutablePointer<Float>, _ n: Int, by alpha: Float) {
        for i in 0..<n { x[i] *= alpha }
    }

    /// x ⊙= y over n values.
    @inline(__always)
    static func multiply(_ x: UnsafeMutablePointer<Float>, by y: UnsafePointer<Float>, _ n: Int) {
        for i in 0..<n { x[i] *= y[i] }
    }
}
