// The scores of a regressor on one set, per target and averaged over the targets
// (uniformly, as scikit-learn's multioutput='uniform_average'), each computed in Float64
// from the Float32 values as the stream holds them, with scikit-learn's definitions:
//   mse = mean (y − ŷ)²            rmse = √mse            mae = mean |y − ŷ|
//   r2 = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²
//   explained_variance = 1 − Var(y − ŷ) / Var(y)        (population variances)
//   max_error = max |y − ŷ|        median_absolute_error = median |y − ŷ|
// With constant true values (a zero denominator) r2 and explained_variance are 1 when the
// predictions are exact and 0 otherwise, as scikit-learn's force_finite=True gives.

public struct RegressionScores: Equatable, Sendable {
    public var mse: Double
    public var rmse: Double
    public var mae: Double
    public var r2: Double
    public var explainedVariance: Double
    public var maxError: Double
    public var medianAbsoluteError: Double

    /// The metric names, in the order of the `metrics` section's columns and the JSON keys.
    public static let names = ["mse", "rmse", "mae", "r2", "explained_variance", "max_error", "median_absolute_error"]

    public var values: [Double] { [mse, rmse, mae, r2, explainedVariance, maxError, medianAbsoluteError] }

    public init(values v: [Double]) {
        precondition(v.count == RegressionScores.names.count)
        (mse, rmse, mae, r2, explainedVariance, maxError, medianAbsoluteError) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
    }

    /// The scores of predictions `p` for true values `y` (one target, n ≥ 1 rows).
    public init(truth y: [Double], predicted p: [Double]) {
        precondition(y.count == p.count && !y.isEmpty)
        let n = Double(y.count)
        let residual = zip(y, p).map { $0 - $1 }
        let absolute = residual.map(abs)
        let squared = residual.reduce(0) { $0 + $1 * $1 }
        mse = squared / n
        rmse = mse.squareRoot()
        mae = absolute.reduce(0, +) / n
        let yMean = y.reduce(0, +) / n
        let total = y.reduce(0) { $0 + ($1 - yMean) * ($1 - yMean) }
        r2 = RegressionScores.finiteRatio(1, squared, total)
        let rMean = residual.reduce(0, +) / n
        let residualVariance = residual.reduce(0) { $0 + ($1 - rMean) * ($1 - rMean) } / n
        explainedVariance = RegressionScores.finiteRatio(1, residualVariance, total / n)
        maxError = absolute.max()!
        medianAbsoluteError = RegressionScores.median(absolute)
    }

    /// 1 − numerator/denominator, or with a zero denominator 1 (numerator 0) or 0 (force_finite).
    static func finiteRatio(_ one: Double, _ numerator: Double, _ denominator: Double) -> Double {
        if denominator != 0 { return one - numerator / denominator }
        return numerator == 0 ? 1 : 0
    }

    /// numpy's median: the middle value, or the mean of the two middle values.
    static func median(_ v: [Double]) -> Double {
        let s = v.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

/// A regressor's scores on one set (train or test).
public struct RegressionEvaluation: Sendable {
    public var targets: [String]
    public var samples: Int
    public var perTarget: [RegressionScores]
    /// The mean over targets of each score (for one target, its scores).
    public var average: RegressionScores
    /// Where a score is a convention rather than a ratio (constant true values).
    public var notes: [String]

    /// `truth` and `predicted`: n × t, row-major (t = targets.count).
    public init(truth: [Float], predicted: [Float], targets: [String]) {
        let t = targets.count
        precondition(t >= 1 && truth.count == predicted.count && truth.count % t == 0 && !truth.isEmpty)
        self.targets = targets
        samples = truth.count / t
        let perTarget = (0..<t).map { j in
            RegressionScores(truth: stride(from: j, to: truth.count, by: t).map { Double(truth[$0]) },
                             predicted: stride(from: j, to: predicted.count, by: t).map { Double(predicted[$0]) })
        }
        let columns = RegressionScores.names.indices.map { i in perTarget.map { $0.values[i] } }
        self.perTarget = perTarget
        average = RegressionScores(values: columns.map { $0.reduce(0, +) / Double(t) })
        var notes: [String] = []
        for (j, name) in targets.enumerated() {
            let y = stride(from: j, to: truth.count, by: t).map { truth[$0] }
            if y.allSatisfy({ $0 == y[0] }) {
                notes.append("\(t > 1 ? "target '\(name)': " : "")every true value is \(NumberText.text(y[0])), so R² and explained variance are \(NumberFormat.short(perTarget[j].r2)) by convention (scikit-learn's force_finite=True: 1 when every prediction is exact, else 0)")
            }
        }
        self.notes = notes
    }
}
