// The losses of the two output kinds, computed from logits so that log(0) never happens,
// and their gradients with respect to the logits.
#if canImport(Glibc)
import Glibc
#endif

public enum Loss {
    /// Binary cross-entropy of logit z for label y ∈ {0, 1}:
    ///   ℓ = −y·log σ(z) − (1−y)·log(1−σ(z)) = max(z, 0) − z·y + log(1 + e^−|z|);   dℓ/dz = σ(z) − y.
    @inline(__always)
    public static func binaryCrossEntropy(logit z: Float, label y: Int32) -> Double {
        let zd = Double(z)
        return max(zd, 0) - (y == 1 ? zd : 0) + log1p(exp(-abs(zd)))
    }

    /// Cross-entropy of softmax(z) over k logits for class y:
    ///   ℓ = log Σ_j e^{z_j} − z_y = m + log Σ_j e^{z_j − m} − z_y  with m = max_j z_j;   dℓ/dz_j = p_j − [j = y].
    @inline(__always)
    static func softmaxCrossEntropy(logits z: UnsafePointer<Float>, k: Int, label y: Int32) -> Double {
        var m = -Float.infinity
        for j in 0..<k { m = max(m, z[j]) }
        var s: Double = 0
        for j in 0..<k { s += exp(Double(z[j] - m)) }
        return Double(m) + log(s) - Double(z[Int(y)])
    }

    /// For m rows of logits (m × k, k = 1 for a sigmoid output) and their labels, writes
    /// dℓ/dz · scale into `grad` (m × k) and returns Σ ℓ over the rows (not scaled).
    /// A non-finite logit gives a non-finite sum, which the caller reports.
    static func gradient(_ output: OutputKind, logits z: UnsafePointer<Float>, labels: UnsafePointer<Int32>,
                                m: Int, k: Int, scale: Float, into grad: UnsafeMutablePointer<Float>) -> Double {
        var total: Double = 0
        switch output {
        case .sigmoid:
            // One exponential per row for both: e = e^−|z|, σ(z) = 1/(1+e) or e/(1+e), ℓ as above.
            for r in 0..<m {
                let zr = z[r], y = labels[r]
                let e = expf(-abs(zr)), q = 1 / (1 + e)
                total += Double(max(zr, 0) - (y == 1 ? zr : 0)) + Double(log1pf(e))
                grad[r] = ((zr >= 0 ? q : e * q) - Float(y)) * scale
            }
        case .softmax:
            for r in 0..<m {
                let zr = z + r * k, gr = grad + r * k
                let y = Int(labels[r])
                total += softmaxCrossEntropy(logits: zr, k: k, label: labels[r])
                var mx = -Float.infinity
                for j in 0..<k { mx = max(mx, zr[j]) }
                var s: Float = 0
                for j in 0..<k { let e = expf(zr[j] - mx); gr[j] = e; s += e }
                let inv = 1 / s
                for j in 0..<k { gr[j] = (gr[j] * inv - (j == y ? 1 : 0)) * scale }
            }
        }
        return total
    }

    /// Σ ℓ over m rows, and how many rows the model classifies correctly
    /// (sigmoid: class 1 when σ(z) ≥ 0.5, i.e. z ≥ 0; softmax: the largest logit, first on ties).
    static func evaluate(_ output: OutputKind, logits z: UnsafePointer<Float>, labels: UnsafePointer<Int32>,
                                m: Int, k: Int) -> (loss: Double, correct: Int) {
        var total: Double = 0
        var correct = 0
        switch output {
        case .sigmoid:
            for r in 0..<m {
                total += binaryCrossEntropy(logit: z[r], label: labels[r])
                if (z[r] >= 0 ? 1 : 0) == labels[r] { correct += 1 }
            }
        case .softmax:
            for r in 0..<m {
                let zr = z + r * k
                total += softmaxCrossEntropy(logits: zr, k: k, label: labels[r])
                var best = 0
                for j in 1..<k where zr[j] > zr[best] { best = j }
                if best == Int(labels[r]) { correct += 1 }
            }
        }
        return (total, correct)
    }
}
