import Testing
@testable import Shared

// Set A (see RocCurveTests) from scikit-learn 1.9.1, pred = (pA >= t).astype(int):
//   accuracy_score, precision_score, recall_score, f1_score, confusion_matrix on (yA, pred),
//   roc_auc_score(yA, pA); log_loss(yA, P) of the Float32 probabilities nn scores (what it
//   writes), P = np.float32(np.column_stack([1-pA, pA])).astype(np.float64).
//   (On the Float64 probabilities log_loss gives 0.6072803881676258.)
@Test func binaryScoresMatchScikitLearnAtTwoThresholds() {
    let p = Predictions(positiveProbabilities: setA.scores)
    let e = Evaluation(labels: setA.labels, predictions: p, classes: ["no", "yes"], threshold: 0.5)
    #expect(e.confusion.rows == [[4, 2], [3, 3]])
    #expect(close(e.accuracy, 0.5833333333333334))
    #expect(close(e.precision, 0.6))
    #expect(close(e.recall, 0.5))
    #expect(close(e.f1, 0.5454545454545454))
    #expect(close(e.auc, 0.6944444444444444))
    #expect(close(e.logLoss, 0.6072803897455059))
    #expect(e.notes.isEmpty)

    let low = Evaluation(labels: setA.labels, predictions: p, classes: ["no", "yes"], threshold: 0.3)
    #expect(low.confusion.rows == [[2, 4], [1, 5]])
    #expect(close(low.accuracy, 0.5833333333333334))
    #expect(close(low.precision, 0.5555555555555556))
    #expect(close(low.recall, 0.8333333333333334))
    #expect(close(low.f1, 0.6666666666666666))
    #expect(low.auc == e.auc)
    #expect(low.logLoss == e.logLoss)
}

// Set B (see PredictionsTests) from scikit-learn 1.9.1: accuracy_score(yB, predB) = 0.6,
// precision_recall_fscore_support(..., labels=[0,1,2], average='macro', zero_division=0),
// log_loss(yB, np.float32(PB).astype(np.float64)) (the Float32 probabilities nn scores).
@Test func multiclassScoresAreMacroAveragesAsScikitLearn() {
    let e = Evaluation(labels: setB.labels, predictions: Predictions(probabilities: setB.probabilities), classes: ["a", "b", "c"])
    #expect(close(e.accuracy, 0.6))
    #expect(close(e.precision, 0.611111111111111))
    #expect(close(e.recall, 0.611111111111111))
    #expect(close(e.f1, 0.6031746031746031))
    #expect(close(e.logLoss, 0.7621333579450988))
    #expect(close(e.auc, 0.8432539682539683))
    #expect(e.roc == nil)
    #expect(e.notes.isEmpty)
}

@Test func multiclassNotesNameTheNeverPredictedAndAbsentClasses() {
    let e = Evaluation(labels: setC.labels, predictions: Predictions(probabilities: setC.probabilities), classes: ["a", "b", "c", "d"])
    #expect(close(e.accuracy, 0.625))
    #expect(e.auc == nil)
    #expect(e.notes.count == 3)
    #expect(e.notes[0].hasPrefix("precision of 'c' is 0: never predicted"))
    #expect(e.notes[1].hasPrefix("recall of 'd' is 0"))
    #expect(e.notes[2].hasPrefix("AUC undefined: no sample of 'd'"))
}

// scikit-learn 1.9.1: yD = [0,1,0,1], pD = [0.1,0.3,0.2,0.4], pred = (pD >= 0.5):
// precision_score warns "Precision is ill-defined and being set to 0.0 due to no
// predicted samples" and gives 0.0; recall 0.0; f1 0.0; roc_auc_score(yD, pD) = 1.0.
@Test func positiveClassNeverPredictedHasPrecisionZeroWithANote() {
    let e = Evaluation(labels: [0, 1, 0, 1], predictions: Predictions(positiveProbabilities: [0.1, 0.3, 0.2, 0.4]), classes: ["dress", "coat"])
    #expect(e.precision == 0)
    #expect(e.recall == 0)
    #expect(e.f1 == 0)
    #expect(e.auc == 1)
    #expect(e.notes == ["precision is 0: no sample was predicted 'coat' (0/0, which scikit-learn's zero_division=0 sets to 0 with a warning)"])
}

// scikit-learn 1.9.1: yE = [0,0,0], pE = [0.2,0.7,0.4]: accuracy 0.6666666666666666,
// precision 0.0, recall 0.0 (warns: no true samples), f1 0.0,
// log_loss(yE, np.float32(np.column_stack([1-pE, pE])).astype(np.float64), labels=[0,1])
// = 0.6459806283440391 (of the Float32 probabilities nn writes),
// roc_auc_score(yE, pE) = nan with "Only one class is present in y_true".
@Test func oneClassOnlyLeavesAUCUndefinedWithANote() {
    let e = Evaluation(labels: [0, 0, 0], predictions: Predictions(positiveProbabilities: [0.2, 0.7, 0.4]), classes: ["dress", "coat"])
    #expect(close(e.accuracy, 0.6666666666666666))
    #expect(e.precision == 0)
    #expect(e.recall == 0)
    #expect(e.f1 == 0)
    #expect(close(e.logLoss, 0.6459806283440391))
    #expect(e.auc == nil)
    #expect(e.roc == nil)
    #expect(e.notes.count == 2)
    #expect(e.notes[0].hasPrefix("recall is 0: no sample is 'coat'"))
    #expect(e.notes[1].hasPrefix("AUC undefined: every sample is 'dress'"))
}
