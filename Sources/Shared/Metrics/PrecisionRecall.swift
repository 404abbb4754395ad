// Precision, recall and F1 per class from a confusion matrix, with macro and
// weighted averages, as scikit-learn's precision_recall_fscore_support defines them
// (zero_division=0: a 0/0 ratio is 0, and we record which classes it happened to).

public struct ClassScore: Equatable, Sendable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Samples of this class in the set.
    public var support: Int

    public init(precision: Double, recall: Double, f1: Double, support: Int) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
    }
}

/// An average of per-class precision, recall and F1.
public struct AveragedScore: Equatable, Sendable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
}

public struct PrecisionRecall: Equatable, Sendable {
    public var perClass: [ClassScore]
    /// Classes never predicted (TP + FP = 0): precision 0/0, set to 0.
    public var neverPredicted: [Int]
    /// Classes with no sample in the set (TP + FN = 0): recall 0/0, set to 0.
    public var absent: [Int]
    /// Classes neither in the set nor predicted (2TP + FP + FN = 0): F1 0/0, set to 0.
    public var f1Undefined: [Int]

    public init(_ m: ConfusionMatrix) {
        perClass = []
        neverPredicted = []
        absent = []
        f1Undefined = []
        for c in 0..<m.classes {
            let tp = m.truePositives(c), predicted = m.predictedCount(c), support = m.support(c)
            // precision = TP / (TP + FP)
            if predicted == 0 { neverPredicted.append(c) }
            let precision = predicted == 0 ? 0 : Double(tp) / Double(predicted)
            // recall = TP / (TP + FN)
            if support == 0 { absent.append(c) }
            let recall = support == 0 ? 0 : Double(tp) / Double(support)
            // F1 = 2PR / (P + R) = 2TP / (2TP + FP + FN) = 2TP / (support + predicted)
            let denominator = support + predicted
            if denominator == 0 { f1Undefined.append(c) }
            let f1 = denominator == 0 ? 0 : 2 * Double(tp) / Double(denominator)
            perClass.append(ClassScore(precision: precision, recall: recall, f1: f1, support: support))
        }
    }

    /// The unweighted mean over all k classes: macro = (1/k) Σ_c score_c.
    public var macro: AveragedScore {
        let k = Double(perClass.count)
        var p = 0.0, r = 0.0, f = 0.0
        for s in perClass { p += s.precision; r += s.recall; f += s.f1 }
        return AveragedScore(precision: p / k, recall: r / k, f1: f / k)
    }

    /// The support-weighted mean: weighted = Σ_c n_c · score_c / Σ_c n_c.
    public var weighted: AveragedScore {
        let n = Double(perClass.reduce(0) { $0 + $1.support })
        guard n > 0 else { return AveragedScore(precision: 0, recall: 0, f1: 0) }
        var p = 0.0, r = 0.0, f = 0.0
        for s in perClass {
            let w = Double(s.support)
            p += w * s.precision; r += w * s.recall; f += w * s.f1
        }
        return AveragedScore(precision: p / n, recall: r / n, f1: f / n)
    }
}
