// Confusion counts from probabilities, and the confusion section nn-eval writes.
import Testing
@testable import Shared

@Test func confusionCountsMatchScikitLearnOnArgmaxPredictions() {
    // scikit-learn 1.9.1: confusion_matrix(y, p.argmax(1)) = [[2,0,0],[0,2,1],[0,1,2]].
    let y: [Int32] = [0, 1, 2, 2, 1, 0, 2, 1]
    let p = Matrix([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3],
                    [0.2, 0.2, 0.6], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]])
    #expect(ConfusionPlot.counts(p, labels: y, threshold: 0.5) == [[2, 0, 0], [0, 2, 1], [0, 1, 2]])
}

@Test func binaryCountsFollowTheThreshold() {
    // P(class 1) = 0.3, 0.6, 0.8, 0.45 for labels 0, 0, 1, 1.
    let p = Matrix([[0.7, 0.3], [0.4, 0.6], [0.2, 0.8], [0.55, 0.45]])
    let y: [Int32] = [0, 0, 1, 1]
    #expect(ConfusionPlot.counts(p, labels: y, threshold: 0.5) == [[1, 1], [1, 1]])
    #expect(ConfusionPlot.counts(p, labels: y, threshold: 0.4) == [[1, 1], [0, 2]])
    #expect(ConfusionPlot.counts(p, labels: y, threshold: 0.7) == [[2, 0], [1, 1]])
}

@Test func confusionPlotReadsTheStreamsMatrixWithClassNames() throws {
    let c = Section(name: "test.confusion", integers: [950, 50, 40, 960], rows: 2, cols: 2,
                    attributes: PlotFixtures.classAttributes(["dress", "coat"]))
    let plot = try ConfusionPlot.make(PlotInput([c]))
    #expect(plot.title.contains("accuracy 0.955 (1910 of 2000)"))
    #expect(plot.data[0].rows.filter { !$0.isEmpty } == ["0 0 950 0.95", "0 1 50 0.05", "1 0 40 0.04", "1 1 960 0.96"])
    #expect(plot.commands.contains { $0.contains("set xtics (\"dress\" 0, \"coat\" 1)") })
}

@Test func aConfusionSectionOfTheWrongShapeIsRefused() {
    let c = Section(name: "test.confusion", integers: [1, 2, 3], rows: 1, cols: 3,
                    attributes: PlotFixtures.classAttributes(["dress", "coat"]))
    #expect(throws: StreamError.self) { try ConfusionPlot.make(PlotInput([c])) }
}

@Test func confusionFallsBackToTheModelWhenNothingElseIsThere() throws {
    let input = PlotFixtures.circleInput(model: PlotFixtures.pentagonNetwork())
    let plot = try ConfusionPlot.make(input)
    let counts = plot.data[0].rows.filter { !$0.isEmpty }.map { $0.split(separator: " ").map { Float(String($0))! } }
    #expect(counts.map { $0[2] }.reduce(0, +) == 60)
    // The pentagon network separates the rings: the diagonal holds nearly everything.
    #expect(counts[0][2] + counts[3][2] >= 57)
}
