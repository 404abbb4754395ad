// Axis labels name the features, and say when their values are standardised (x sections
// marked standardized=true by nn-data standardize), so a reader does not take z-scores for units.
import Testing
@testable import Shared

/// Two or three features of the rings in train.x and test.x, marked standardised or not.
private func features(_ d: Int, train: Bool, test: Bool, model: Network? = nil) -> PlotInput {
    let classes = PlotFixtures.classAttributes(["outer", "inner"])
    func x(_ standardized: Bool) -> Attributes {
        var a = Attributes([("columns", ["a", "b", "c"].prefix(d).joined(separator: ","))])
        if standardized { a["standardized"] = "true" }
        return a
    }
    let (trX, trY) = PlotFixtures.circles(40, seed: 1), (teX, teY) = PlotFixtures.circles(20, seed: 2)
    func widen(_ m: Matrix) -> Matrix { Matrix((0..<m.rows).map { r in (0..<d).map { m[r, $0 % 2] } }) }
    var sections = [Section(name: "train.x", matrix: widen(trX), attributes: x(train)), Section(name: "train.y", labels: trY, attributes: classes),
                    Section(name: "test.x", matrix: widen(teX), attributes: x(test)), Section(name: "test.y", labels: teY, attributes: classes)]
    if let model { sections += model.sections() }
    return PlotInput(sections)
}

private func labels(_ plot: Plot, dumb: Bool = false) -> [String] {
    (dumb ? plot.dumbCommands ?? [] : plot.commands).filter { $0.hasPrefix("set xlabel") || $0.hasPrefix("set ylabel") || $0.hasPrefix("set zlabel") }
}

@Test func scatterAxesOfStandardisedDataSaySo() throws {
    #expect(labels(try ScatterPlot.make(features(2, train: true, test: true))) == ["set xlabel 'a (standardised)'", "set ylabel 'b (standardised)'"])
    #expect(labels(try ScatterPlot.make(features(3, train: true, test: true)))
            == ["set xlabel 'a (standardised)'", "set ylabel 'b (standardised)'", "set zlabel 'c (standardised)' rotate parallel"])
    #expect(labels(try ScatterPlot.make(features(2, train: false, test: false))) == ["set xlabel 'a'", "set ylabel 'b'"])
    // Only the split drawn counts.
    #expect(labels(try ScatterPlot.make(features(2, train: true, test: false), split: .train)) == ["set xlabel 'a (standardised)'", "set ylabel 'b (standardised)'"])
}

@Test func boundaryAxesOfStandardisedDataSaySo() throws {
    var model = PlotFixtures.lineModel([1, 0], 0)
    model.standardization = Standardization(mean: [0, 0], std: [1, 1])
    let plot = try BoundaryPlot.make(features(2, train: true, test: true, model: model), resolution: 10)
    #expect(labels(plot) == ["set xlabel 'a (standardised)'", "set ylabel 'b (standardised)'"])
    #expect(labels(plot, dumb: true) == labels(plot))
    let raw = try BoundaryPlot.make(features(2, train: false, test: false, model: PlotFixtures.lineModel([1, 0], 0)), resolution: 10)
    #expect(labels(raw) == ["set xlabel 'a'", "set ylabel 'b'"])
}

@Test func splitsOnDifferentScalesAreRefused() {
    // One split standardised and the other not would put two scales on one axis.
    let e = #expect(throws: StreamError.self) { try ScatterPlot.make(features(2, train: true, test: false)) }
    #expect(e?.detail == "train.x is standardised (standardized=true) but test.x is not: their points are on different scales; standardise both (nn-data standardize)")
}
