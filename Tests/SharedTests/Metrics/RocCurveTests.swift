import Testing
@testable import Shared

// Worked by hand, with a tie across the classes:
//   positives score 0.8, 0.4; negatives score 0.4, 0.1.
//   Pairs (positive above negative): 0.8>0.4, 0.8>0.1, 0.4>0.1, and 0.4=0.4 counts ½: AUC = 3.5/4.
//   Curve, one point per distinct score from the top: (0,0) → 0.8: (0, ½) → 0.4: (½, 1) → 0.1: (1, 1);
//   trapezoids: ½ · (½ + 1)/2 + ½ · (1 + 1)/2 = 0.375 + 0.5 = 0.875.
@Test func tiedScoresCountHalfInTheAUC() throws {
    let curve = try #require(RocCurve(positives: [true, true, false, false], scores: [0.8, 0.4, 0.4, 0.1]))
    #expect(curve.falsePositiveRate == [0, 0, 0.5, 1])
    #expect(curve.truePositiveRate == [0, 0.5, 1, 1])
    #expect(curve.thresholds == [.infinity, 0.8, 0.4, 0.1])
    #expect(curve.auc == 0.875)
}

// Set A from scikit-learn 1.9.1:
//   yA = [0,0,1,1,0,1,0,1,1,0,1,0]
//   pA = [0.1,0.4,0.35,0.8,0.4,0.4,0.65,0.9,0.2,0.05,0.7,0.55]
//   roc_curve(yA, pA) and roc_curve(yA, pA, drop_intermediate=False); roc_auc_score(yA, pA)
let setA = (labels: [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0],
            scores: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.65, 0.9, 0.2, 0.05, 0.7, 0.55])

@Test func rocCurveMatchesScikitLearnOnSetA() throws {
    let positives = setA.labels.map { $0 == 1 }
    let curve = try #require(RocCurve(positives: positives, scores: setA.scores))
    #expect(allClose(curve.falsePositiveRate, [0.0, 0.0, 0.0, 0.3333333333333333, 0.6666666666666666, 0.6666666666666666, 1.0]))
    #expect(allClose(curve.truePositiveRate, [0.0, 0.16666666666666666, 0.5, 0.5, 0.6666666666666666, 1.0, 1.0]))
    #expect(curve.thresholds == [.infinity, 0.9, 0.7, 0.55, 0.4, 0.2, 0.05])
    #expect(close(curve.auc, 0.6944444444444444))

    let full = try #require(RocCurve(positives: positives, scores: setA.scores, dropIntermediate: false))
    #expect(allClose(full.falsePositiveRate, [0.0, 0.0, 0.0, 0.0, 0.16666666666666666, 0.3333333333333333, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 0.8333333333333334, 1.0]))
    #expect(allClose(full.truePositiveRate, [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.5, 0.5, 0.6666666666666666, 0.8333333333333334, 1.0, 1.0, 1.0]))
    #expect(full.thresholds == [.infinity, 0.9, 0.8, 0.7, 0.65, 0.55, 0.4, 0.35, 0.2, 0.1, 0.05])
    #expect(close(full.auc, 0.6944444444444444))
}

@Test func everyScoreTiedGivesAUCOneHalf() {
    // scikit-learn 1.9.1: roc_auc_score([0,1,0,1,1], [0.5]*5) == 0.5
    #expect(rocAUC(labels: [0, 1, 0, 1, 1], scores: [0.5, 0.5, 0.5, 0.5, 0.5]) == 0.5)
}

@Test func oneClassOnlyHasNoCurve() {
    #expect(RocCurve(positives: [false, false, false], scores: [0.2, 0.7, 0.4]) == nil)
    #expect(RocCurve(positives: [true, true], scores: [0.2, 0.7]) == nil)
}

@Test func perfectRankingHasAUCOneAndReversedZero() {
    #expect(rocAUC(labels: [0, 0, 1, 1], scores: [0.1, 0.2, 0.3, 0.4]) == 1)
    #expect(rocAUC(labels: [1, 1, 0, 0], scores: [0.1, 0.2, 0.3, 0.4]) == 0)
}

// Set B from scikit-learn 1.9.1: roc_auc_score(yB, PB, multi_class='ovr', average='macro')
@Test func oneVsRestAUCMatchesScikitLearnOnSetB() {
    #expect(close(oneVsRestAUC(labels: setB.labels, predictions: Predictions(probabilities: setB.probabilities)), 0.8432539682539683))
}

@Test func oneVsRestAUCIsUndefinedWhenAClassIsMissing() {
    #expect(oneVsRestAUC(labels: setC.labels, predictions: Predictions(probabilities: setC.probabilities)) == nil)
}
