// Class probabilities for a set of samples (n × k, Float64) and their log loss, clipped
// as scikit-learn's log_loss clips it: from a model's logits, or from probabilities
// another program wrote.
#if canImport(Glibc)
import Glibc
#endif

public struct Predictions: Equatable, Sendable {
    /// k ≥ 2; a one-unit sigmoid model predicts two classes.
    public let classes: Int
    public private(set) var rows = 0
    /// rows × classes, row-major; each row sums to 1.
    public private(set) var probabilities: [Double] = []
    /// rows × (1 for a sigmoid output, k for softmax), when the predictions came from a model.
    private var logits: [Double]?
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
        logits = []
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

    public mutating func append(probabilities row: [Double]) {
        precondition(output == nil && row.count == classes)
        probabilities.append(contentsOf: row)
        rows += 1
    }

    /// Appends a batch of the model's logits (n × 1 for sigmoid, n × k for softmax).
    public mutating func append(logits z: Matrix) {
        for r in 0..<z.rows { append(logits: z.row(r).map { Double($0) }) }
    }

    /// Appends one sample's logits: one value for a sigmoid output, k for softmax.
    public mutating func append(logits z: [Double]) {
        guard let output else { preconditionFailure("Predictions: logits for predictions made elsewhere") }
        switch output {
        case .sigmoid:
            precondition(z.count == 1 && classes == 2)
            // P(1) = σ(z), P(0) = σ(−z): both computed directly, so neither loses digits to 1 − p.
            probabilities.append(Predictions.sigmoid(-z[0]))
            probabilities.append(Predictions.sigmoid(z[0]))
        case .softmax:
            precondition(z.count == classes)
            // softmax(z)_j = e^(z_j − m) / Σ_i e^(z_i − m), m = max z (no overflow).
            let m = z.max()!
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            probabilities.append(contentsOf: e.map { $0 / s })
        }
        logits!.append(contentsOf: z)
        rows += 1
    }

    @inline(__always)
    public func probability(_ r: Int, _ c: Int) -> Double { probabilities[r * classes + c] }

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
    /// costs −log ε ≈ 36.04, however large its margin. From logits, −log P is computed without
    /// rounding P first: binary −log σ(±z) = softplus(∓z); softmax log Σ_j e^(z_j) − z_y
    /// (log-sum-exp); clipping P is then clipping −log P to [−log(1 − ε), −log ε].
    public func logLoss(labels: [Int]) -> Double {
        precondition(labels.count == rows)
        guard rows > 0 else { return 0 }
        let eps = Double.ulpOfOne
        let least = -log(1 - eps), most = -log(eps)
        var total = 0.0
        if let logits, let output {
            for (r, y) in labels.enumerated() {
                let loss: Double
                switch output {
                case .sigmoid:
                    loss = Predictions.softplus(y == 1 ? -logits[r] : logits[r])
                case .softmax:
                    let z = logits[(r * classes)..<((r + 1) * classes)]
                    let m = z.max()!
                    loss = log(z.reduce(0) { $0 + exp($1 - m) }) + m - z[z.startIndex + y]
                }
                total += min(max(loss, least), most)
            }
        } else {
            for (r, y) in labels.enumerated() { total -= log(min(max(probability(r, y), eps), 1 - eps)) }
        }
        return total / Double(rows)
    }

    /// σ(z) = 1 / (1 + e^−z), in the form that does not overflow.
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    /// softplus(t) = log(1 + e^t) = max(t, 0) + log1p(e^−|t|).
    static func softplus(_ t: Double) -> Double { max(t, 0) + log1p(exp(-abs(t))) }
}
