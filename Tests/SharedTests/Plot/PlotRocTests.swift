// The ROC plot's data and title against scikit-learn's values (the curve itself is
// nn-eval's RocCurve, tested with the metrics).
import Testing
@testable import Shared

private func rocInput(_ y: [Int32], _ p: [[Float]], classes: [String]) -> PlotInput {
    let names = PlotFixtures.classAttributes(classes)
    return PlotInput([Section(name: "test.y", labels: y, attributes: names),
                      Section(name: "test.predictions", matrix: Matrix(p), attributes: names)])
}

@Test func rocDataMatchesScikitLearnDocumentationExample() throws {
    // sklearn.metrics.roc_curve docstring: y = [1, 1, 2, 2], scores = [0.1, 0.4, 0.35, 0.8],
    // pos_label=2 gives fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1],
    // thresholds [inf, 0.8, 0.4, 0.35, 0.1]; roc_auc_score = 0.75.
    let scores: [Float] = [0.1, 0.4, 0.35, 0.8]
    let plot = try RocPlot.make(rocInput([0, 0, 1, 1], scores.map { [1 - $0, $0] }, classes: ["low", "high"]))
    #expect(plot.data[0].rows == ["0 0 NaN", "0 0.5 0.8", "0.5 0.5 0.4", "0.5 1 0.35", "1 1 0.1"])
    #expect(plot.title == ["ROC curve on the test set: high vs low, AUC 0.7500"])
    #expect(plot.commands.last!.contains("title 'chance (AUC 0.5)'"))
}

@Test func multiClassRocTitleGivesTheMacroAucOfScikitLearn() throws {
    // scikit-learn 1.9.1: roc_auc_score(y, p, multi_class='ovr', average='macro') = 0.8555...
    // (per class 1.0, 0.7333, 0.8333) for these eight rows.
    let y: [Int32] = [0, 1, 2, 2, 1, 0, 2, 1]
    let p: [[Float]] = [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3],
                        [0.2, 0.2, 0.6], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]]
    let plot = try RocPlot.make(rocInput(y, p, classes: ["a", "b", "c"]))
    #expect(plot.title.joined(separator: "\n").contains("macro AUC 0.8556"))
    #expect(plot.commands.joined().contains("b vs rest (AUC 0.733)"))
    #expect(plot.data.map(\.name) == ["roc0", "roc1", "roc2"])
}

@Test func rocNeedsBothClassesInTheTestSet() {
    let e = #expect(throws: StreamError.self) { try RocPlot.make(rocInput([1, 1], [[0.2, 0.8], [0.6, 0.4]], classes: ["a", "b"])) }
    #expect(e?.detail.contains("needs both b and a in test.y, but test.y has only b") == true)
}

@Test func rocWithoutPredictionsOrModelNamesWhatIsMissing() {
    let input = PlotInput([Section(name: "test.y", labels: [0, 1])])
    let e = #expect(throws: StreamError.self) { try RocPlot.make(input) }
    #expect(e?.detail.contains("'test.predictions' (from nn-eval)") == true)
    #expect(e?.detail.contains("the stream has test.y") == true)
}
