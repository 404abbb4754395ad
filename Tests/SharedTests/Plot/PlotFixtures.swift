// Hand-made data and networks for the plot tests: two rings of points, a 2-5-1 network
// that separates them, a straight-line model that cannot, and small pictures.
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

enum PlotFixtures {
    /// Two noisy rings around the origin, like scikit-learn's make_circles(factor=0.5):
    /// label 0 on the outer ring (radius 1), label 1 on the inner one (radius 0.5).
    static func circles(_ n: Int, seed: UInt64) -> (x: Matrix, y: [Int32]) {
        var random = Random(seed: seed)
        var x = Matrix(rows: n, cols: 2)
        var y = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            y[i] = Int32(i % 2)
            let radius = y[i] == 1 ? 0.5 : 1.0
            let angle = 2 * Double.pi * random.uniform()
            x[i, 0] = Float(radius * cos(angle) + 0.05 * random.normal())
            x[i, 1] = Float(radius * sin(angle) + 0.05 * random.normal())
        }
        return (x, y)
    }

    /// A 2-5-1 sigmoid network: hidden unit i is σ(8·(0.75 − u_i·x)) for the unit vector
    /// u_i at angle 2πi/5, i.e. "x is inside side i of a pentagon of inradius 0.75";
    /// the output logit 6·(Σh − 4.5) is positive only when all five are on.
    static func pentagonNetwork() -> Network {
        var w = Matrix(rows: 5, cols: 2)
        for i in 0..<5 {
            let angle = 2 * Double.pi * Double(i) / 5
            w[i, 0] = Float(-8 * cos(angle))
            w[i, 1] = Float(-8 * sin(angle))
        }
        let hidden = Dense(weight: w, bias: [Float](repeating: 6, count: 5), activation: .sigmoid)
        let output = Dense(weight: Matrix([[6, 6, 6, 6, 6]]), bias: [-27], activation: .identity)
        return Network(layers: [hidden, output], output: .sigmoid, classes: ["outer", "inner"])
    }

    /// Logistic regression with the given weights: P(inner) = σ(w·x + b).
    static func lineModel(_ w: [Float], _ b: Float) -> Network {
        Network(layers: [Dense(weight: Matrix([w]), bias: [b], activation: .identity)],
                output: .sigmoid, classes: ["outer", "inner"])
    }

    static func classAttributes(_ classes: [String]) -> Attributes {
        var a = Attributes()
        a.setList("classes", classes)
        return a
    }

    /// train.x/y and test.x/y of the rings, with the network's sections when given.
    static func circleInput(model: Network? = nil, train: Int = 200, test: Int = 60) -> PlotInput {
        let (trX, trY) = circles(train, seed: 1), (teX, teY) = circles(test, seed: 2)
        let classes = classAttributes(["outer", "inner"])
        var sections = [
            Section(name: "train.x", matrix: trX), Section(name: "train.y", labels: trY, attributes: classes),
            Section(name: "test.x", matrix: teX), Section(name: "test.y", labels: teY, attributes: classes),
        ]
        if let model { sections += model.sections() }
        return PlotInput(sections)
    }

    /// n 4×3 pictures (image=4x3): label 0 lights the top row, label 1 the bottom row.
    static func pictures(_ n: Int, name: String = "test") -> [Section] {
        var bytes: [UInt8] = []
        var labels: [Int32] = []
        for i in 0..<n {
            let label = Int32(i % 2)
            for r in 0..<3 { for _ in 0..<4 { bytes.append((label == 0 && r == 0) || (label == 1 && r == 2) ? 255 : 0) } }
            labels.append(label)
        }
        return [Section(name: "\(name).x", bytes: bytes, rows: n, cols: 12, attributes: Attributes([("scale", "1/255"), ("image", "4x3")])),
                Section(name: "\(name).y", labels: labels, attributes: classAttributes(["dress", "coat"]))]
    }
}
