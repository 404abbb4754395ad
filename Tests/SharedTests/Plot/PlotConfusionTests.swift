// The confusion plot: nn-eval's matrix read from the stream, or counts made from
// predictions at a threshold, with class names.
import Testing
@testable import Shared

private func cells(_ plot: Plot) -> [[Float]] {
    plot.data[0].rows.filter { !$0.isEmpty }.map { $0.split(separator: " ").map { Float(String($0))! } }
}

@Test func confusionCountsMatchScikitLearnOnArgmaxPredictions() throws {
    // scikit-learn 1.9.1: confusion_matrix(y, p.argmax(1)) = [[2,0,0],[0,2,1],[0,1,2]].
    let y: [Int32] = [0, 1, 2, 2, 1, 0, 2, 1]
    let p = Matrix([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3],
                    [0.2, 0.2, 0.6], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]])
    let plot = try ConfusionPlot.make(PlotInput([Section(name: "test.y", labels: y), Section(name: "test.predictions", matrix: p)]))
    #expect(cells(plot).map { $0[2] } == [2, 0, 0, 0, 2, 1, 0, 1, 2])
    #expect(plot.title.joined(separator: "\n").hasPrefix("Confusion matrix, test set: accuracy 0.750 (6 of 8)"))
}

@Test func aThresholdRecountsTheStreamsPredictions() throws {
    // P(class 1) = 0.3, 0.6, 0.8, 0.45 for labels 0, 0, 1, 1; the stream's own matrix is ignored.
    let p = Matrix([[0.7, 0.3], [0.4, 0.6], [0.2, 0.8], [0.55, 0.45]])
    let sections = [Section(name: "test.y", labels: [0, 0, 1, 1]), Section(name: "test.predictions", matrix: p),
                    Section(name: "test.confusion", integers: [9, 9, 9, 9], rows: 2, cols: 2)]
    func counts(_ t: Double) throws -> [Float] { cells(try ConfusionPlot.make(PlotInput(sections), threshold: t)).map { $0[2] } }
    #expect(try counts(0.5) == [1, 1, 1, 1])
    #expect(try counts(0.4) == [1, 1, 0, 2])
    #expect(try counts(0.7) == [2, 0, 1, 1])
    #expect(try ConfusionPlot.make(PlotInput(sections), threshold: 0.4).title.joined(separator: "\n").hasSuffix("threshold 0.4"))
}

@Test func confusionPlotReadsTheStreamsMatrixWithClassNames() throws {
    let c = Section(name: "test.confusion", integers: [950, 50, 40, 960], rows: 2, cols: 2,
                    attributes: PlotFixtures.classAttributes(["dress", "coat"]))
    let plot = try ConfusionPlot.make(PlotInput([c]))
    #expect(plot.title.joined(separator: "\n").contains("accuracy 0.955 (1910 of 2000)"))
    #expect(plot.data[0].rows.filter { !$0.isEmpty } == ["0 0 950 0.95", "0 1 50 0.05", "1 0 40 0.04", "1 1 960 0.96"])
    #expect(plot.commands.contains { $0.contains("set xtics ('dress' 0, 'coat' 1)") })
}

@Test func aConfusionSectionOfTheWrongShapeIsRefused() {
    let c = Section(name: "test.confusion", integers: [1, 2, 3], rows: 1, cols: 3,
                    attributes: PlotFixtures.classAttributes(["dress", "coat"]))
    #expect(throws: StreamError.self) { try ConfusionPlot.make(PlotInput([c])) }
}

@Test func confusionFallsBackToTheModelWhenNothingElseIsThere() throws {
    let plot = try ConfusionPlot.make(PlotFixtures.circleInput(model: PlotFixtures.pentagonNetwork()))
    let counts = cells(plot).map { $0[2] }
    #expect(counts.reduce(0, +) == 60)
    // The pentagon network separates the rings: the diagonal holds nearly everything.
    #expect(counts[0] + counts[3] >= 57)
}
