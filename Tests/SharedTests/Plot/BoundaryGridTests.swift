// The boundary plot's grid: where the model is evaluated, with which standardisation,
// and what the picture then shows for the rings.
import Testing
@testable import Shared

@Test func gridNodesSpanTheBoxScanByScan() throws {
    let g = try BoundaryPlot.grid(PlotFixtures.lineModel([1, 0], 0), x: (-1, 1), y: (0, 2), resolution: 3, standardized: false)
    #expect(g.xs == [-1, 0, 1])
    #expect(g.ys == [0, 1, 2])
    // Node (i, j) is row i·3 + j: P(inner) = σ(x) depends on x alone.
    #expect(abs(Float(g.probabilities.probability(0 * 3 + 2, 1)) - Activation.sigmoid(-1)) < 1e-7)
    #expect(abs(Float(g.probabilities.probability(2 * 3 + 0, 1)) - Activation.sigmoid(1)) < 1e-7)
}

@Test func aModelTrainedOnStandardisedDataSeesTheGridStandardised() throws {
    // P = σ(x'), x' = (x − 10) / 2: at x = 10 the probability is ½, at x = 12 it is σ(1).
    var model = PlotFixtures.lineModel([1, 0], 0)
    model.standardization = Standardization(mean: [10, 0], std: [2, 1])
    let raw = try BoundaryPlot.grid(model, x: (10, 12), y: (0, 1), resolution: 2, standardized: false)
    #expect(abs(Float(raw.probabilities.probability(0, 1)) - 0.5) < 1e-7)
    #expect(abs(Float(raw.probabilities.probability(2, 1)) - Activation.sigmoid(1)) < 1e-7)
    // Data that is already standardised is not standardised twice.
    let already = try BoundaryPlot.grid(model, x: (10, 12), y: (0, 1), resolution: 2, standardized: true)
    #expect(abs(Float(already.probabilities.probability(0, 1)) - Activation.sigmoid(10)) < 1e-6)
}

@Test func paddedRangeWidensByFivePercent() {
    #expect(BoundaryPlot.padded([0, 10, 4]) == (-0.5, 10.5))
    #expect(BoundaryPlot.padded([3, 3]) == (2, 4))
}

@Test func theFiveUnitNetworkSeparatesTheRingsAndTheLineCannot() throws {
    let net = try BoundaryPlot.make(PlotFixtures.circleInput(model: PlotFixtures.pentagonNetwork()), resolution: 40)
    let line = try BoundaryPlot.make(PlotFixtures.circleInput(model: PlotFixtures.lineModel([0.3, -0.2], 0.05)), resolution: 40)
    func accuracy(_ p: Plot) -> Double {
        let after = p.title.joined(separator: "\n").split(separator: "accuracy ")[1]
        return Double(String(after.prefix(5)))!
    }
    #expect(accuracy(net) >= 0.95)
    #expect(accuracy(line) <= 0.7)
    // Both draw the decision line; the points keep their classes and splits.
    #expect(net.commands.contains("set table $boundary"))
    #expect(line.commands.contains("set table $boundary"))
    #expect(net.data[1].rows.count == 260)
    #expect(net.data[0].rows.filter { !$0.isEmpty }.count == 40 * 40)
    #expect(net.commands.contains { $0.contains("set cblabel 'P(inner)'") })
}

@Test func aModelThatNeverCrossesTheThresholdDrawsNoLine() throws {
    // P(inner) = σ(−20) everywhere: below 0.5 on the whole grid, so there is no contour to draw.
    let plot = try BoundaryPlot.make(PlotFixtures.circleInput(model: PlotFixtures.lineModel([0, 0], -20)), resolution: 10)
    #expect(!plot.commands.contains("set table $boundary"))
}

@Test func boundaryRefusesThreeFeatures() {
    let x = Matrix(rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6])
    let input = PlotInput([Section(name: "train.x", matrix: x), Section(name: "train.y", labels: [0, 1])]
                          + PlotFixtures.pentagonNetwork().sections())
    let e = #expect(throws: StreamError.self) { try BoundaryPlot.make(input) }
    #expect(e?.detail.contains("two-feature data, but train.x has 3 features") == true)
}

@Test func boundaryWithoutAModelSaysWhereOneComesFrom() {
    let e = #expect(throws: StreamError.self) { try BoundaryPlot.make(PlotFixtures.circleInput()) }
    #expect(e?.detail.contains("boundary needs section 'model' (from nn-fit, or give --model FILE)") == true)
}

@Test func moreClassesColourTheRegionsAndTraceTheirEdges() throws {
    // Three classes around centres (−1, 0), (1, 0), (0, 1): logit_c = c·x − |c|²/2.
    let centres: [[Float]] = [[-1, 0], [1, 0], [0, 1]]
    let layer = Dense(weight: Matrix(centres), bias: centres.map { -($0[0] * $0[0] + $0[1] * $0[1]) / 2 }, activation: .identity)
    let model = Network(layers: [layer], output: .softmax, classes: ["a", "b", "c"])
    let x = Matrix(centres)
    let input = PlotInput([Section(name: "train.x", matrix: x),
                           Section(name: "train.y", labels: [0, 1, 2], attributes: PlotFixtures.classAttributes(["a", "b", "c"]))]
                          + model.sections())
    let plot = try BoundaryPlot.make(input, resolution: 30)
    #expect(plot.title.joined(separator: "\n").contains("accuracy 1.000 (3 of 3)"))
    #expect(plot.commands.contains("set table $edge0"))
    #expect(plot.data[0].columns.hasPrefix("x1 x2 class probability red green blue margin_0 margin_1 margin_2"))
    #expect(throws: UsageError.self) { try BoundaryPlot.make(input, threshold: 0.3) }
}
