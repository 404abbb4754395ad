import Testing
@testable import Shared

@Test func reportPutsTrainNextToTestAndSaysWhatIsUndefined() {
    let train = Evaluation(labels: setA.labels, predictions: Predictions(positiveProbabilities: setA.scores), classes: ["dress", "coat"])
    let test = Evaluation(labels: [0, 0, 0], predictions: Predictions(positiveProbabilities: [0.2, 0.7, 0.4]), classes: ["dress", "coat"])
    let text = EvalReport.text([("train", train), ("test", test)], source: "nn-eval: scored a test")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "nn-eval: scored a test")
    #expect(lines[1] == "two classes: dress, coat; positive class 'coat', threshold 0.5")
    // Set A at threshold 0.5: accuracy 7/12 (scikit-learn 1.9.1 accuracy_score: 0.5833333333333334).
    #expect(lines.contains("accuracy   0.5833     0.6667"))
    #expect(lines.contains("auc        0.6944  undefined"))
    #expect(lines.contains("confusion matrices (rows: true class, columns: predicted)"))
    #expect(lines.contains("train confusion  dress  coat    test confusion  dress  coat"))
    #expect(lines.contains("  dress              4     2      dress             2     1"))
    #expect(lines.contains { $0.hasPrefix("  test: AUC undefined: every sample is 'dress'") })
}

@Test func multiclassReportListsEveryClassWithAverages() {
    let e = Evaluation(labels: setB.labels, predictions: Predictions(probabilities: setB.probabilities), classes: ["a", "b", "c"])
    let text = EvalReport.text([("test", e)], source: "s")
    // scikit-learn 1.9.1 on set B: per-class F1 [0.5714..., 0.5714..., 0.6666...], support [3, 4, 3].
    #expect(text.contains("test per class  precision  recall      f1  support\n  a                0.5000  0.6667  0.5714        3\n"))
    #expect(text.contains("  macro avg        0.6111  0.6111  0.6032       10\n"))
    #expect(text.contains("auc (one-vs-rest)   0.8433\n"))
}
