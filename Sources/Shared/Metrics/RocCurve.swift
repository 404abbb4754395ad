// The ROC curve of scores for a positive class, and the area under it, computed as
// scikit-learn's roc_curve / roc_auc_score do: one point per distinct score, so tied
// scores move the curve diagonally and count half (the Mann–Whitney U with ties).

public struct RocCurve: Equatable, Sendable {
    public var falsePositiveRate: [Double]
    public var truePositiveRate: [Double]
    /// Samples with score ≥ thresholds[i] are called positive at point i; thresholds[0] = +∞.
    public var thresholds: [Double]

    /// nil when `positives` holds one class only: with no positive (or no negative)
    /// sample the rates are 0/0 (scikit-learn 1.9's roc_auc_score gives nan and warns).
    /// `dropIntermediate` removes points on straight segments, as roc_curve does by default.
    public init?(positives: [Bool], scores: [Double], dropIntermediate: Bool = true) {
        precondition(positives.count == scores.count)
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        // Cumulative true and false positives at the last sample of each run of equal scores.
        var tps: [Double] = [], fps: [Double] = [], cut: [Double] = []
        var tp = 0.0, fp = 0.0
        for (i, s) in order.enumerated() {
            if positives[s] { tp += 1 } else { fp += 1 }
            if i == order.count - 1 || scores[order[i + 1]] != scores[s] {
                tps.append(tp); fps.append(fp); cut.append(scores[s])
            }
        }
        guard tp > 0, fp > 0 else { return nil }
        if dropIntermediate && tps.count > 2 {
            // Keep a point where the curve bends: second differences not both zero.
            var keep = [0]
            for j in 1..<(tps.count - 1) {
                if fps[j + 1] - 2 * fps[j] + fps[j - 1] != 0 || tps[j + 1] - 2 * tps[j] + tps[j - 1] != 0 { keep.append(j) }
            }
            keep.append(tps.count - 1)
            tps = keep.map { tps[$0] }; fps = keep.map { fps[$0] }; cut = keep.map { cut[$0] }
        }
        falsePositiveRate = [0] + fps.map { $0 / fp }
        truePositiveRate = [0] + tps.map { $0 / tp }
        thresholds = [Double.infinity] + cut
    }

    /// AUC = Σ_i (fpr[i+1] − fpr[i]) · (tpr[i] + tpr[i+1]) / 2 (the trapezoidal rule).
    public var auc: Double {
        var area = 0.0
        for i in 0..<(falsePositiveRate.count - 1) {
            area += (falsePositiveRate[i + 1] - falsePositiveRate[i]) * (truePositiveRate[i] + truePositiveRate[i + 1]) / 2
        }
        return area
    }
}

/// Binary ROC AUC of P(class 1); nil when the labels hold one class only.
public func rocAUC(labels: [Int], scores: [Double]) -> Double? {
    RocCurve(positives: labels.map { $0 == 1 }, scores: scores)?.auc
}

/// Macro one-vs-rest AUC over k classes, scikit-learn's
/// roc_auc_score(y, P, multi_class="ovr", average="macro"): (1/k) Σ_c AUC(y == c, P[:, c]).
/// nil when some class has no sample (scikit-learn gives nan there, or raises without labels=).
public func oneVsRestAUC(labels: [Int], predictions: Predictions) -> Double? {
    let k = predictions.classes
    var sum = 0.0
    for c in 0..<k {
        let scores = (0..<predictions.rows).map { predictions.probability($0, c) }
        guard let auc = RocCurve(positives: labels.map { $0 == c }, scores: scores)?.auc else { return nil }
        sum += auc
    }
    return sum / Double(k)
}
