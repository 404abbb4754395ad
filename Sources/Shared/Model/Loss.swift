// The losses of the output kinds, computed from logits so that log(0) never happens,
// and their gradients with respect to the logits: cross-entropy for classifiers, and for
// regressors (identity outputs) mean squared error, mean absolute error or Huber.
#if canImport(Glibc)
import Glibc
#endif

/// A regressor's loss, per row the mean over its t targets of ℓ(d_j) with d = z − y:
///   mse:   ℓ = d²;                                    dℓ/dz = 2d
///   mae:   ℓ = |d|;                                   dℓ/dz = sign(d) (0 at d = 0)
///   huber: ℓ = d²/2 if |d| ≤ δ, else δ(|d| − δ/2);    dℓ/dz = d if |d| ≤ δ, else δ·sign(d)
/// (PyTorch's MSELoss, L1Loss and HuberLoss with reduction='mean').
public enum RegressionLoss: String, CaseIterable, Sendable {
    case mse, mae, huber
}

/// What the output layer's values mean and the loss trained on them.
public struct Objective: Equatable, Sendable {
    public var output: OutputKind
    public var loss: RegressionLoss
    public var huberDelta: Float

    public init(output: OutputKind, loss: RegressionLoss = .mse, huberDelta: Float = 1) {
        self.output = output
        self.loss = loss
        self.huberDelta = huberDelta
    }

    /// A classifier's objectives: cross-entropy of a sigmoid or softmax output.
    public static let sigmoid = Objective(output: .sigmoid)
    public static let softmax = Objective(output: .softmax)

    /// Values per row of y: the t targets of a regressor, one label otherwise.
    public func targetWidth(outputs k: Int) -> Int { output == .identity ? k : 1 }

    /// ℓ(d) and dℓ/dd of the regression loss for one difference d = z − y.
    @inline(__always)
    func regression(_ d: Float) -> (loss: Double, slope: Float) {
        switch loss {
        case .mse: return (Double(d) * Double(d), 2 * d)
        case .mae: return (Double(abs(d)), d > 0 ? 1 : d < 0 ? -1 : 0)
        case .huber:
            let a = abs(d), delta = huberDelta
            if a <= delta { return (0.5 * Double(d) * Double(d), d) }
            return (Double(delta) * (Double(a) - 0.5 * Double(delta)), d > 0 ? delta : -delta)
        }
    }
}

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

    /// For m rows of logits (m × k, k = 1 for a sigmoid output) and their targets (a label
    /// per row, as a Float; or k values per row for a regressor), writes dℓ/dz · scale into
    /// `grad` (m × k) and returns Σ ℓ over the rows (not scaled).
    /// A non-finite logit gives a non-finite sum, which the caller reports.
    static func gradient(_ objective: Objective, logits z: UnsafePointer<Float>, targets labels: UnsafePointer<Float>,
                                m: Int, k: Int, scale: Float, into grad: UnsafeMutablePointer<Float>) -> Double {
        var total: Double = 0
        switch objective.output {
        case .identity:
            let perTarget = scale / Float(k)
            for i in 0..<(m * k) {
                let (l, slope) = objective.regression(z[i] - labels[i])
                total += l
                grad[i] = slope * perTarget
            }
            return total / Double(k)
        case .sigmoid:
            // One exponential per row for both: e = e^−|z|, σ(z) = 1/(1+e) or e/(1+e), ℓ as above.
            for r in 0..<m {
                let zr = z[r], y = Int32(labels[r])
                let e = expf(-abs(zr)), q = 1 / (1 + e)
                total += Double(max(zr, 0) - (y == 1 ? zr : 0)) + Double(log1pf(e))
                grad[r] = ((zr >= 0 ? q : e * q) - Float(y)) * scale
            }
        case .softmax:
            for r in 0..<m {
                let zr = z + r * k, gr = grad + r * k
                let y = Int(labels[r])
                total += softmaxCrossEntropy(logits: zr, k: k, label: Int32(y))
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

    /// Σ ℓ over m rows, and a score summed over them: for a classifier how many rows it
    /// classifies correctly (sigmoid: class 1 when σ(z) ≥ 0.5, i.e. z ≥ 0; softmax: the largest
    /// logit, first on ties); for a regressor Σ over rows of the mean squared error of the row.
    static func evaluate(_ objective: Objective, logits z: UnsafePointer<Float>, targets labels: UnsafePointer<Float>,
                                m: Int, k: Int) -> (loss: Double, score: Double) {
        var total: Double = 0
        var correct = 0
        switch objective.output {
        case .identity:
            var squared: Double = 0
            for i in 0..<(m * k) {
                let d = z[i] - labels[i]
                total += objective.regression(d).loss
                squared += Double(d) * Double(d)
            }
            return (total / Double(k), squared / Double(k))
        case .sigmoid:
            for r in 0..<m {
                let y = Int32(labels[r])
                total += binaryCrossEntropy(logit: z[r], label: y)
                if (z[r] >= 0 ? 1 : 0) == y { correct += 1 }
            }
        case .softmax:
            for r in 0..<m {
                let zr = z + r * k
                total += softmaxCrossEntropy(logits: zr, k: k, label: Int32(labels[r]))
                var best = 0
                for j in 1..<k where zr[j] > zr[best] { best = j }
                if best == Int(labels[r]) { correct += 1 }
            }
        }
        return (total, Double(correct))
    }
}
