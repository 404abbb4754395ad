// Streams for the nn-plot end-to-end tests, written through StreamWriter as the other
// stages would: two-feature rings with a model, predictions and a loss curve; pictures
// with a 784-4-1 model; three-feature blobs of three classes.
import Foundation
@testable import Shared

/// The names a test stream carries: class names, feature names and one more loss column.
/// The hostile-text tests fill them with text that gnuplot, a shell or a terminal would act on.
struct PlotNames: Sendable {
    var twoClasses = ["outer", "inner"]
    var pictureClasses = ["dress", "coat"]
    var threeClasses = ["a", "b", "c"]
    var twoColumns = ["x1", "x2"]
    var threeColumns: [String]? = nil
    /// A column of the loss curve besides epoch, loss, val_loss and val_accuracy.
    var lossColumn: String? = nil
}

enum PlotStreams {
    static func classes(_ names: [String]) -> Attributes {
        var a = Attributes()
        a.setList("classes", names)
        return a
    }

    /// Points on two rings (outer radius 1, class 0; inner 0.45, class 1), with noise.
    static func rings(_ n: Int, _ random: inout Random) -> (Matrix, [Int32]) {
        var x = Matrix(rows: n, cols: 2)
        var y = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            y[i] = Int32(i % 2)
            let r = y[i] == 1 ? 0.45 : 1.0, a = 2 * Double.pi * random.uniform()
            x[i, 0] = Float(r * cos(a) + 0.06 * random.normal())
            x[i, 1] = Float(r * sin(a) + 0.06 * random.normal())
        }
        return (x, y)
    }

    /// A 2-4-1 network whose hidden units face the four sides of a square of half-width 0.7.
    static func squareNetwork(classes: [String] = PlotNames().twoClasses) -> Network {
        let w = Matrix([[-9, 0], [9, 0], [0, -9], [0, 9]])
        let hidden = Dense(weight: w, bias: [6.3, 6.3, 6.3, 6.3], activation: .sigmoid)
        let out = Dense(weight: Matrix([[5, 5, 5, 5]]), bias: [-17.5], activation: .identity)
        var net = Network(layers: [hidden, out], output: .sigmoid, classes: classes)
        net.training = Attributes([("method", "sgd"), ("optimizer", "sgd"), ("lr", "0.08"), ("iterations", "80000")])
        return net
    }

    /// Rings, a model, its test predictions and confusion matrix, and a loss curve.
    static func ringSections(model: Bool = true, names n: PlotNames = PlotNames()) throws -> [Section] {
        var random = Random(seed: 5)
        let (trX, trY) = rings(200, &random), (teX, teY) = rings(80, &random)
        let names = classes(n.twoClasses)
        var xAttributes = Attributes()
        xAttributes.setList("columns", n.twoColumns)
        var out = [Section(name: "train.x", matrix: trX, attributes: xAttributes), Section(name: "train.y", labels: trY, attributes: names),
                   Section(name: "test.x", matrix: teX, attributes: xAttributes), Section(name: "test.y", labels: teY, attributes: names)]
        guard model else { return out }
        let net = squareNetwork(classes: n.twoClasses)
        let p = try StreamScoring.predict(net, Section(name: "test.x", matrix: teX))
        var counts = [Int32](repeating: 0, count: 4)
        for r in 0..<p.rows { counts[Int(teY[r]) * 2 + p.predictedClass(r, threshold: 0.5)] += 1 }
        var loss = Matrix(rows: 30, cols: n.lossColumn == nil ? 4 : 5)
        for e in 0..<30 {
            let t = Float(e)
            loss[e, 0] = t + 1
            loss[e, 1] = 0.7 * expf(-t / 6) + 0.03
            loss[e, 2] = 0.72 * expf(-t / 7) + 0.05
            loss[e, 3] = 1 - 0.5 * expf(-t / 5)
            if n.lossColumn != nil { loss[e, 4] = 0.5 * expf(-t / 9) }
        }
        var lossAttributes = Attributes()
        lossAttributes.setList("columns", ["epoch", "loss", "val_loss", "val_accuracy"] + (n.lossColumn.map { [$0] } ?? []))
        out += net.sections()
        out.append(Section(name: "loss", matrix: loss, attributes: lossAttributes))
        out.append(MetricsSections.predictions(p, classes: n.twoClasses, name: "test.predictions"))
        out.append(Section(name: "test.confusion", integers: counts, rows: 2, cols: 2, attributes: names))
        return out
    }

    /// 28×28 pictures (a wide bar for dress, a tall one for coat) and a 784-4-1 model
    /// whose units look at the four quadrants.
    static func pictureSections(names: PlotNames = PlotNames()) throws -> [Section] {
        var random = Random(seed: 9)
        var out: [Section] = []
        var testY: [Int32] = []
        for (split, n) in [("train", 10), ("test", 14)] {
            var bytes = [UInt8](repeating: 0, count: n * 784)
            var y = [Int32]()
            for i in 0..<n {
                let label = Int32(i % 2)
                for r in 4..<24 {
                    for c in 4..<24 where label == 0 ? (r >= 10 && r < 18) : (c >= 10 && c < 18) {
                        bytes[i * 784 + r * 28 + c] = UInt8(150 + random.below(100))
                    }
                }
                y.append(label)
            }
            out.append(Section(name: "\(split).x", bytes: bytes, rows: n, cols: 784, attributes: Attributes([("scale", "1/255"), ("image", "28x28")])))
            out.append(Section(name: "\(split).y", labels: y, attributes: classes(names.pictureClasses)))
            if split == "test" { testY = y }
        }
        var w = Matrix(rows: 4, cols: 784)
        for u in 0..<4 {
            for r in 0..<28 { for c in 0..<28 where (r < 14) == (u < 2) && (c < 14) == (u % 2 == 0) { w[u, r * 28 + c] = u % 3 == 0 ? 0.2 : -0.1 } }
        }
        let net = Network(layers: [Dense(weight: w, bias: [0, 0, 0, 0], activation: .sigmoid),
                                   Dense(weight: Matrix([[1, -1, 1, -1]]), bias: [0], activation: .identity)],
                          output: .sigmoid, classes: names.pictureClasses)
        out += net.sections()
        // Predictions: right for most rows, wrong for rows 3 and 6.
        var p = Matrix(rows: testY.count, cols: 2)
        for (r, label) in testY.enumerated() {
            let right = r != 3 && r != 6
            let coat: Float = (label == 1) == right ? 0.8 : 0.2
            p[r, 0] = 1 - coat
            p[r, 1] = coat
        }
        out.append(Section(name: "test.predictions", matrix: p, attributes: classes(names.pictureClasses)))
        return out
    }

    /// Three blobs in three dimensions, three classes.
    static func blobSections(names: PlotNames = PlotNames()) -> [Section] {
        var random = Random(seed: 3)
        let centres: [[Double]] = [[-4, 0, 2], [3, 3, -2], [0, -4, 0]]
        var out: [Section] = []
        for (split, n) in [("train", 90), ("test", 30)] {
            var x = Matrix(rows: n, cols: 3)
            var y = [Int32]()
            for i in 0..<n {
                for d in 0..<3 { x[i, d] = Float(centres[i % 3][d] + random.normal()) }
                y.append(Int32(i % 3))
            }
            var xAttributes = Attributes()
            if let columns = names.threeColumns { xAttributes.setList("columns", columns) }
            out.append(Section(name: "\(split).x", matrix: x, attributes: xAttributes))
            out.append(Section(name: "\(split).y", labels: y, attributes: classes(names.threeClasses)))
        }
        return out
    }

    /// Writes the three streams into `directory`: rings.nn, pictures.nn, blobs.nn, and
    /// rings-data.nn (the rings without a model) and model.nn (the rings' model alone).
    static func write(into directory: String, names: PlotNames = PlotNames()) throws {
        try PlotE2E.writeStream(directory + "/rings.nn", ringSections(names: names))
        try PlotE2E.writeStream(directory + "/rings-data.nn", ringSections(model: false, names: names))
        try PlotE2E.writeStream(directory + "/model.nn", squareNetwork(classes: names.twoClasses).sections())
        try PlotE2E.writeStream(directory + "/pictures.nn", pictureSections(names: names))
        try PlotE2E.writeStream(directory + "/blobs.nn", blobSections(names: names))
    }
}
