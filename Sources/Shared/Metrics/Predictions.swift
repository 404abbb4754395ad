// Class probabilities for a set of samples (n × k) as the stream's *.predictions hold them,
// Float32, and their log loss, clipped as scikit-learn's log_loss clips it. Every score
// nn-eval computes comes from these Float32 values, so scoring the predictions it wrote
// again gives the same scores, to the bit.
#if canImport(Glibc)
import Glibc
#endif

public struct Predictions: Equatable, Sendable {
    /// k ≥ 2; a one-unit sigmoid model predicts two classes.
    public let classes: Int
    public private(set) var rows = 0
    /// rows × classes, row-major, as written; each row sums to 1 up to Float32 rounding.
    public private(set) var probabilities: [Float] = []
    /// The model's output, when the predictions are made from its logits.
    private let output: OutputKind?

    /// Empty predictions, to be filled with `append(probabilities:)`.
    public init(classes: Int) {
        precondition(classes >= 2)
        self.classes = classes
        output = nil
    }

    /// Empty predictions of a model, to be filled with `append(logits:)`.
    public init(output: OutputKind, classes: Int) {
        precondition(classes >= 2)
        self.classes = classes
        self.output = output
    }

    public init(probabilities: [[Double]]) {
        self.init(classes: probabilities.first?.count ?? 2)
        for row in probabilities { append(probabilities: row) }
    }

    /// Binary predictions from P(class 1) per sample.
    public init(positiveProbabilities p: [Double]) {
        self.init(classes: 2)
        for q in p { append(probabilities: [1 - q, q]) }
    }

    /// Appends one sample's probabilities, each rounded to the Float32 that will be written.
    public mutating func append(probabilities row: [Double]) {
        precondition(output == nil && row.count == classes)
        probabilities.append(contentsOf: row.map { Float($0) })
        rows += 1
    }

    /// Appends a batch of the model's logits (n × 1 for sigmoid, n × k for softmax).
    public mutating func append(logits z: Matrix) {
        for r in 0..<z.rows { append(logits: z.row(r).map { Double($0) }) }
    }

    /// Appends one sample's logits: one value for a sigmoid output, k for softmax. The
    /// probabilities are computed in Float64 and rounded once, to the Float32 written.
    public mutating func append(logits z: [Double]) {
        guard let output else { preconditionFailure("Predictions: logits for predictions made elsewhere") }
        switch output {
        case .sigmoid:
            precondition(z.count == 1 && classes == 2)
            // P(1) = σ(z), P(0) = σ(−z): both computed directly, so neither loses digits to 1 − p.
            probabilities.append(Float(Predictions.sigmoid(-z[0])))
            probabilities.append(Float(Predictions.sigmoid(z[0])))
        case .softmax:
            precondition(z.count == classes)
            // softmax(z)_j = e^(z_j − m) / Σ_i e^(z_i − m), m = max z (no overflow).
            let m = z.max()!
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            probabilities.append(contentsOf: e.map { Float($0 / s) })
        case .identity:
            preconditionFailure("Predictions: a regressor's outputs are values, not class probabilities (RegressionScores)")
        }
        rows += 1
    }

    @inline(__always)
    public func probability(_ r: Int, _ c: Int) -> Double { Double(probabilities[r * classes + c]) }

    /// Two classes: 1 when P(class 1) ≥ threshold. More: the most probable class (the first on ties).
    public func predictedClass(_ r: Int, threshold: Double) -> Int {
        if classes == 2 { return probability(r, 1) >= threshold ? 1 : 0 }
        var best = 0
        for c in 1..<classes where probability(r, c) > probability(r, best) { best = c }
        return best
    }

    public func predictedClasses(threshold: Double) -> [Int] {
        (0..<rows).map { predictedClass($0, threshold: threshold) }
    }

    /// The mean log loss −(1/N) Σ_i log P_i(y_i), accumulated in Float64, with every P clipped
    /// to [ε, 1 − ε], ε = 2^−52, as scikit-learn's log_loss clips float64 input (ε is
    /// np.finfo(float64).eps in scikit-learn 1.9.1; older releases used 1e-15). A certain miss
    /// costs at most −log ε ≈ 36.04, where the exact cross-entropy of the logits grows with the
    /// margin (1e30 for a margin of −1e30).
    public func logLoss(labels: [Int]) -> Double {
        precondition(labels.count == rows)
        guard rows > 0 else { return 0 }
        let eps = Double.ulpOfOne
        var total = 0.0
        for (r, y) in labels.enumerated() { total -= log(min(max(probability(r, y), eps), 1 - eps)) }
        return total / Double(rows)
    }

    /// σ(z) = 1 / (1 + e^−z), in the form that does not overflow.
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }
}
