// Fitting a standardisation to training features, as scikit-learn's StandardScaler:
// per column mean and population standard deviation, a constant column scaled by 1.
#if canImport(Glibc)
import Glibc
#endif

extension Standardization {
    /// mean_c = Σ_r x_rc / n,  std_c = sqrt(Σ_r (x_rc − mean_c)² / n)  (two passes, in Float64);
    /// a column whose std is below 10·ε (ε of Float64) gets std 1, so it maps to x − mean.
    public init(fitting x: Matrix) {
        precondition(x.rows > 0, "Standardization: no rows to fit")
        var mean = [Double](repeating: 0, count: x.cols)
        var squares = [Double](repeating: 0, count: x.cols)
        x.data.withUnsafeBufferPointer { v in
            for r in 0..<x.rows { for c in 0..<x.cols { mean[c] += Double(v[r * x.cols + c]) } }
            for c in 0..<x.cols { mean[c] /= Double(x.rows) }
            for r in 0..<x.rows {
                for c in 0..<x.cols {
                    let d = Double(v[r * x.cols + c]) - mean[c]
                    squares[c] += d * d
                }
            }
        }
        let std = squares.map { s -> Double in
            let sd = (s / Double(x.rows)).squareRoot()
            return sd < 10 * Double.ulpOfOne ? 1 : sd
        }
        self.init(mean: mean.map { Float($0) }, std: std.map { Float($0) })
    }

    /// out_c = (x_c − mean_c) / std_c, in Float32: the same operations as `apply`.
    @inline(__always)
    func apply(row x: UnsafeBufferPointer<Float>, into out: UnsafeMutablePointer<Float>) {
        mean.withUnsafeBufferPointer { m in
            std.withUnsafeBufferPointer { s in
                for c in 0..<x.count { out[c] = (x[c] - m[c]) / s[c] }
            }
        }
    }
}
