// The ROC curve and its AUC against scikit-learn's values and a pair-counting oracle.
import Testing
@testable import Shared

@Test func rocCurveMatchesScikitLearnDocumentationExample() throws {
    // sklearn.metrics.roc_curve docstring: y = [1, 1, 2, 2], scores = [0.1, 0.4, 0.35, 0.8],
    // pos_label=2 gives fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1]; roc_auc_score = 0.75.
    let curve = try #require(RocPlot.curve(scores: [0.1, 0.4, 0.35, 0.8], positive: [false, false, true, true]))
    #expect(curve.points.map(\.fpr) == [0, 0, 0.5, 0.5, 1])
    #expect(curve.points.map(\.tpr) == [0, 0.5, 0.5, 1, 1])
    #expect(curve.points.dropFirst().map(\.threshold) == [0.8, 0.4, 0.35, 0.1].map { Double(Float($0)) })
    #expect(abs(curve.auc - 0.75) < 1e-12)
}

@Test func tiedScoresMoveTheCurveDiagonallyAsScikitLearnDoes() throws {
    // scikit-learn 1.9.1, roc_curve(y, s, drop_intermediate=False) and roc_auc_score(y, s) with
    // y = [0,0,1,1,0,1,1,0,1,0], s = [.9,.3,.3,.8,.5,.5,.7,.1,.3,.2]:
    // fpr [0,.2,.2,.2,.4,.6,.8,1], tpr [0,0,.2,.4,.6,1,1,1], AUC 0.66.
    let y = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0].map { $0 == 1 }
    let s: [Float] = [0.9, 0.3, 0.3, 0.8, 0.5, 0.5, 0.7, 0.1, 0.3, 0.2]
    let curve = try #require(RocPlot.curve(scores: s, positive: y))
    let expectedFpr = [0, 0.2, 0.2, 0.2, 0.4, 0.6, 0.8, 1.0], expectedTpr = [0, 0, 0.2, 0.4, 0.6, 1, 1, 1.0]
    #expect(curve.points.count == expectedFpr.count)
    for (p, (f, t)) in zip(curve.points, zip(expectedFpr, expectedTpr)) {
        #expect(abs(p.fpr - f) < 1e-12 && abs(p.tpr - t) < 1e-12)
    }
    #expect(abs(curve.auc - 0.66) < 1e-12)
}

@Test func aucIsTheShareOfPositiveNegativePairsRankedRight() throws {
    // The Mann–Whitney form: AUC = (#pairs with s+ > s- + ½ #ties) / (P·N), counted pair by pair.
    var random = Random(seed: 11)
    let n = 300
    let y = (0..<n).map { _ in random.below(3) == 0 }
    // Scores on a coarse grid so that ties occur, higher for positives on average.
    let s = y.map { Float((Double(random.below(20)) + ($0 ? 6 : 0)) / 26) }
    var favourable = 0.0, pairs = 0.0
    for i in 0..<n where y[i] {
        for j in 0..<n where !y[j] {
            pairs += 1
            favourable += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0
        }
    }
    let curve = try #require(RocPlot.curve(scores: s, positive: y))
    #expect(abs(curve.auc - favourable / pairs) < 1e-9)
}

@Test func rocIsUndefinedWithOneClassOnly() {
    #expect(RocPlot.curve(scores: [0.2, 0.9], positive: [true, true]) == nil)
    #expect(RocPlot.curve(scores: [0.2, 0.9], positive: [false, false]) == nil)
}

@Test func multiClassRocTitleGivesTheMacroAucOfScikitLearn() throws {
    // scikit-learn 1.9.1: roc_auc_score(y, p, multi_class='ovr', average='macro') = 0.8555...
    // (per class 1.0, 0.7333, 0.8333) for these eight rows.
    let y: [Int32] = [0, 1, 2, 2, 1, 0, 2, 1]
    let p = Matrix([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3],
                    [0.2, 0.2, 0.6], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]])
    let classes = PlotFixtures.classAttributes(["a", "b", "c"])
    let input = PlotInput([Section(name: "test.y", labels: y, attributes: classes),
                           Section(name: "test.predictions", matrix: p, attributes: classes)])
    let plot = try RocPlot.make(input)
    #expect(plot.title.contains("macro AUC 0.8556"))
    #expect(plot.commands.joined().contains("b vs rest (AUC 0.733)"))
    #expect(plot.data.map(\.name) == ["roc0", "roc1", "roc2"])
}

@Test func rocWithoutPredictionsOrModelNamesWhatIsMissing() {
    let input = PlotInput([Section(name: "test.y", labels: [0, 1])])
    let e = #expect(throws: StreamError.self) { try RocPlot.make(input) }
    #expect(e?.detail.contains("'test.predictions' (from nn-eval)") == true)
    #expect(e?.detail.contains("the stream has test.y") == true)
}
