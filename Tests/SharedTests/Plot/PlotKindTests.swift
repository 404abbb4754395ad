// What the loss, scatter, images and weights kinds compute from their sections.
import Testing
@testable import Shared

private func loss(_ rows: [[Float]], columns: String?) -> Section {
    Section(name: "loss", matrix: Matrix(rows), attributes: columns.map { Attributes([("columns", $0)]) } ?? Attributes())
}

@Test func lossCurveKeepsEveryColumnAndPutsAccuracyOnTheRightAxis() throws {
    let s = loss([[1, 0.7, 0.72, 0.6], [2, 0.4, 0.45, 0.8]], columns: "epoch,loss,val_loss,val_accuracy")
    let plot = try LossPlot.make(PlotInput([s]))
    #expect(plot.data[0].columns == "epoch loss val_loss val_accuracy")
    #expect(plot.data[0].rows == ["1 0.7 0.72 0.6", "2 0.4 0.45 0.8"])
    let draw = try #require(plot.commands.last)
    #expect(draw.contains("$loss using 1:2 with lines"))
    #expect(draw.contains("using 1:4 with lines lw 2 dt 2 lc rgb \"#2ca02c\" axes x1y2 title 'validation accuracy (right axis)'"))
    #expect(plot.commands.contains("set y2tics"))
    #expect(plot.title.joined(separator: "\n").contains("final loss 0.4000, validation accuracy 0.800"))
}

@Test func lossWithoutAnEpochColumnCountsRows() throws {
    let plot = try LossPlot.make(PlotInput([loss([[0.9], [0.5]], columns: nil)]))
    #expect(plot.data[0].columns == "row loss")
    #expect(plot.data[0].rows == ["1 0.9", "2 0.5"])
    #expect(!plot.commands.contains("set y2tics"))
}

@Test func aFewWholeEpochsGetWholeTicks() throws {
    // gnuplot steps a 1..3 axis by 0.5 (ticks at 1.5 and 2.5); fewer than 10 whole epochs step by 1.
    let three = try LossPlot.make(PlotInput([loss([[1, 0.7], [2, 0.6], [3, 0.5]], columns: "epoch,loss")]))
    #expect(three.commands.contains("set xtics 1"))
    let rows = try LossPlot.make(PlotInput([loss([[0.7], [0.6], [0.5]], columns: nil)]))
    #expect(rows.commands.contains("set xtics 1"))
    // Longer runs, and steps of 100, are left to gnuplot's own whole ticks.
    let long = try LossPlot.make(PlotInput([loss((1...30).map { [Float($0), 1 / Float($0)] }, columns: "epoch,loss")]))
    #expect(!long.commands.contains { $0.hasPrefix("set xtics") })
    let steps = try LossPlot.make(PlotInput([loss([[100, 0.7], [200, 0.6], [300, 0.5]], columns: "step,loss")]))
    #expect(!steps.commands.contains { $0.hasPrefix("set xtics") })
    // One epoch: an axis from 0 to 2 around it, and the loss ±1% around its one value
    // (gnuplot would warn of empty ranges and choose the same).
    let one = try LossPlot.make(PlotInput([loss([[1, 0.5]], columns: "epoch,loss")]))
    #expect(one.commands.contains("set xrange [0:2]"))
    #expect(one.commands.contains("set yrange [0.495:0.505]"))
    // and a point where a line through one point would draw nothing.
    #expect(one.commands.last?.contains("using 1:2 with linespoints pt 7 lw 2") == true)
    #expect(three.commands.last?.contains("using 1:2 with lines lw 2") == true)
}

@Test func lossColumnsMustBeNamed() {
    let e = #expect(throws: StreamError.self) { try LossPlot.make(PlotInput([loss([[1, 0.5]], columns: nil)])) }
    #expect(e?.detail.contains("no columns= attribute") == true)
    #expect(throws: StreamError.self) { try LossPlot.make(PlotInput([loss([[1, 0.5]], columns: "epoch")])) }
    #expect(throws: UsageError.self) { try LossPlot.make(PlotInput([loss([[1, 0]], columns: "epoch,loss")]), logScale: true) }
}

@Test func lossTitleNamesTheModel() throws {
    var model = PlotFixtures.pentagonNetwork()
    // The training record as nn-fit writes it (TrainingOptions.attributes).
    model.training = Attributes([("method", "minibatch"), ("batch_size", "64"), ("optimizer", "adam"), ("lr", "0.001"), ("epochs", "10")])
    let plot = try LossPlot.make(PlotInput([loss([[1, 0.5]], columns: "epoch,loss")] + model.sections()))
    #expect(plot.title.joined(separator: "\n").hasPrefix("Training loss: network 2-5-1 (sigmoid), minibatch 64, adam, lr 0.001, 10 epochs\n"))
}

@Test func scatterDrawsThreeFeaturesWithSplotAndPicksFeaturesByName() throws {
    let x = Matrix([[1, 2, 3], [4, 5, 6]])
    var names = Attributes()
    names.setList("columns", ["a", "b", "c"])
    let input = PlotInput([Section(name: "train.x", matrix: x, attributes: names), Section(name: "train.y", labels: [0, 1])])
    let three = try ScatterPlot.make(input)
    #expect(three.commands.last!.hasPrefix("splot $points using 1:2:(($4 == 0 && $5 == 0) ? $3 : NaN)"))
    #expect(three.data[0].rows == ["1 2 3 0 0", "4 5 6 1 0"])
    let two = try ScatterPlot.make(input, features: ["c", "1"])
    #expect(two.data[0].rows == ["3 1 0 0", "6 4 1 0"])
    #expect(two.commands.contains("set xlabel 'c'"))
    #expect(throws: UsageError.self) { try ScatterPlot.make(input, features: ["d", "a"]) }
}

@Test func scatterRefusesManyFeaturesWithoutAChoice() {
    let input = PlotInput([Section(name: "train.x", matrix: Matrix(rows: 1, cols: 5)), Section(name: "train.y", labels: [0])])
    let e = #expect(throws: StreamError.self) { try ScatterPlot.make(input) }
    #expect(e?.detail.contains("--features") == true)
}

@Test func misclassifiedImagesAreTheOnesThePredictionsGetWrong() throws {
    // Rows 1 and 2 (0-based) are predicted wrongly: label 1 with P(coat) 0.2, label 0 with 0.9.
    let p = Matrix([[0.9, 0.1], [0.8, 0.2], [0.1, 0.9], [0.3, 0.7]])
    let input = PlotInput(PlotFixtures.pictures(4) + [Section(name: "test.predictions", matrix: p)])
    let plot = try ImagesPlot.make(input, misclassified: true)
    #expect(plot.data.map(\.columns).map { $0.hasPrefix("test row 1,") || $0.hasPrefix("test row 2,") } == [true, true])
    #expect(plot.title.joined(separator: "\n").hasPrefix("Misclassified test images: 2 of 4"))
    let labels = plot.commands.filter { $0.hasPrefix("set label 2") }
    #expect(labels.count == 2 && labels.allSatisfy { $0.contains("#cf222e") })
    // A picture's rows are the image's rows: 3 lines of 4 pixels, scaled to 0..1.
    #expect(plot.data[0].rows == ["0 0 0 0", "0 0 0 0", "1 1 1 1"])
}

@Test func imagesWithoutPredictionsShowTheTrueClassOnly() throws {
    let plot = try ImagesPlot.make(PlotInput(PlotFixtures.pictures(5)), count: 3)
    #expect(plot.data.count == 3)
    #expect(plot.commands.filter { $0.hasPrefix("set label 1 'dress'") }.count == 2)
    #expect(!plot.commands.contains { $0.hasPrefix("set label 2") })
    let e = #expect(throws: StreamError.self) { try ImagesPlot.make(PlotInput(PlotFixtures.pictures(5)), misclassified: true) }
    #expect(e?.detail.contains("'test.predictions' (from nn-eval), or a model") == true)
}

@Test func imagesNeedAPictureShape() {
    let input = PlotFixtures.circleInput()
    let e = #expect(throws: StreamError.self) { try ImagesPlot.make(input) }
    #expect(e?.detail.contains("no image=WxH attribute") == true)
}

@Test func weightsTilesShareOneRangeSymmetricAroundZero() throws {
    // A 12-2-1 network over 4×3 pictures: unit 1 has weights up to 0.5, unit 2 down to −2.
    var w1 = Matrix(rows: 2, cols: 12)
    w1[0, 0] = 0.5
    w1[1, 11] = -2
    let net = Network(layers: [Dense(weight: w1, bias: [0, 0], activation: .sigmoid),
                               Dense(weight: Matrix([[1, 1]]), bias: [0], activation: .identity)],
                      output: .sigmoid, classes: ["dress", "coat"])
    let input = PlotInput(PlotFixtures.pictures(2) + net.sections())
    let plot = try WeightsPlot.make(input)
    #expect(plot.commands.contains("set cbrange [-2:2]"))
    #expect(plot.data.count == 2)
    #expect(plot.data[1].rows == ["0 0 0 0", "0 0 0 0", "0 0 0 -2"])
    #expect(plot.title.joined(separator: "\n").hasPrefix("First-layer weights of the network 12-2-1 (sigmoid)"))
}

@Test func weightsNeedInputsThatMakeAPicture() {
    let input = PlotInput(PlotFixtures.pentagonNetwork().sections())
    let e = #expect(throws: StreamError.self) { try WeightsPlot.make(input) }
    #expect(e?.detail.contains("2 inputs are not a W×H image") == true)
}

@Test func aFewExtremeWeightsDoNotSetTheColourRange() throws {
    // 784 inputs × 2 units = 1568 weights: 1561 of ±0.1 and 7 (under 0.5%) of 3. The range stops at
    // 0.1, and the colour bar says that the larger weights are drawn in full colour.
    var w = Matrix(rows: 2, cols: 784)
    for i in 0..<w.data.count { w.data[i] = i % 2 == 0 ? 0.1 : -0.1 }
    for i in 0..<7 { w.data[i * 100] = 3 }
    let net = Network(layers: [Dense(weight: w, bias: [0, 0], activation: .sigmoid),
                               Dense(weight: Matrix([[1, 1]]), bias: [0], activation: .identity)],
                      output: .sigmoid, classes: ["dress", "coat"])
    let plot = try WeightsPlot.make(PlotInput(net.sections()))
    #expect(plot.commands.contains("set cbrange [-0.1:0.1]"))
    #expect(plot.commands.contains { $0.contains("(the largest, up to 3.00, in full colour)") })
}

@Test func weightsOfACNNDrawTheFirstConvolutionsKernels() throws {
    // A 3×3 convolution of 2 input channels to 2 channels: each tile is a kernel summed over the
    // input channels (channel 1's weights 1 and 2 at the centre: 3 there).
    let input = Shape(height: 4, width: 4, channels: 2)
    var conv = Convolution(input: input, channels: 2, kernel: 3, activation: .relu)
    conv.weight[0, 4 * 2] = 1
    conv.weight[0, 4 * 2 + 1] = 2
    conv.weight[1, 0] = -1
    let flat = Flatten(input: conv.output)
    let net = Network(layers: [conv, flat, Dense(weight: Matrix(rows: 1, cols: flat.output.count), bias: [0], activation: .identity)],
                      output: .sigmoid, classes: ["dress", "coat"])
    let plot = try WeightsPlot.make(PlotInput(net.sections()))
    #expect(plot.data.count == 2)
    #expect(plot.data[0].rows == ["0 0 0", "0 3 0", "0 0 0"])
    #expect(plot.data[1].rows == ["-1 0 0", "0 0 0", "0 0 0"])
    #expect(plot.title.joined(separator: "\n").contains("summed over its 2 input channels"))
}
