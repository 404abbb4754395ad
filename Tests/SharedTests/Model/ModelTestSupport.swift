// Small data sets and networks for the model tests.
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

/// m rows of `features` standard-normal values (seeded), labelled by which side of a fixed
/// hyperplane they fall on (two classes), or by the largest of `classes` fixed projections.
func toyData(rows m: Int, features: Int, classes: Int = 2, seed: UInt64 = 7) -> (x: Matrix, y: [Int32]) {
    var random = Random(seed: seed, stream: "toy")
    var x = Matrix(rows: m, cols: features)
    for i in 0..<x.count { x.data[i] = Float(random.normal()) }
    var y = [Int32](repeating: 0, count: m)
    for r in 0..<m {
        var best = 0, bestScore = -Float.infinity
        for c in 0..<max(classes, 2) {
            var s: Float = 0
            for j in 0..<features { s += x[r, j] * Float(((c + 1) * (j + 2)) % 5) - Float(c) * 0.3 }
            if s > bestScore { best = c; bestScore = s }
        }
        y[r] = Int32(classes == 2 ? (x.data[r * features] + 0.5 * x.data[r * features + 1 % features] > 0.1 ? 1 : 0) : best)
    }
    return (x, y)
}

func classNames(_ k: Int) -> [String] { (0..<k).map { "c\($0)" } }

func toyNetwork(inputs: Int, hidden: [Int], activation: Activation, classes: Int,
                initializer: Initializer = .normal(std: 0.5), seed: UInt64 = 3) -> Network {
    var n = Network(inputs: inputs, hidden: hidden, activation: activation, classes: classNames(classes),
                    initializer: initializer, seed: seed)
    // Non-zero biases, so their gradients are tested away from the symmetric start (and no
    // ReLU unit sits exactly on its kink when the units below it are all off).
    for l in n.layers.indices {
        for j in n.layers[l].bias.indices { n.layers[l].bias[j] = Float(j % 3) * 0.1 - 0.05 }
    }
    return n
}

func trainingData(_ toy: (x: Matrix, y: [Int32]), classes: Int) throws -> TrainingData {
    try TrainingData(x: toy.x, y: toy.y, classes: classNames(classes))
}

/// Trains the network `options` describe (as nn-fit builds it) on toy data with 4 features,
/// holding out `validation` of the rows; `shouldStop` is asked after each epoch, as Ctrl-C is.
func train(_ options: TrainingOptions, classes: Int = 2, rows: Int = 120, validation: Double? = nil,
           shouldStop: (() -> Bool)? = nil) throws -> (TrainingResult, TrainingData) {
    var data = try trainingData(toyData(rows: rows, features: 4, classes: classes), classes: classes)
    if let v = validation { try data.holdOut(fraction: v, seed: options.seed) }
    let net = Network(inputs: 4, hidden: options.hidden, activation: options.activation, classes: data.classes,
                      initializer: options.effectiveInitializer, seed: options.seed)
    return (try Trainer(network: net, data: data, options: options).run(shouldStop: shouldStop), data)
}

extension Network {
    /// Class probabilities, n × k, computed plainly from the logits (sigmoid, or softmax after
    /// subtracting the row's largest logit): the tests' reference for what nn-eval predicts.
    func probabilities(_ x: Matrix) -> Matrix {
        let z = logits(x)
        var p = Matrix(rows: x.rows, cols: max(classes.count, 2))
        switch output {
        case .sigmoid:
            for r in 0..<z.rows {
                let q = Activation.sigmoid(z.data[r])
                p[r, 0] = 1 - q
                p[r, 1] = q
            }
        case .identity:
            preconditionFailure("probabilities of a regressor")
        case .softmax:
            let k = z.cols
            for r in 0..<z.rows {
                var m = -Float.infinity
                for j in 0..<k { m = max(m, z[r, j]) }
                var s: Float = 0
                for j in 0..<k { let e = expf(z[r, j] - m); p[r, j] = e; s += e }
                for j in 0..<k { p[r, j] /= s }
            }
        }
        return p
    }
}

extension GradientCheck {
    /// A classifier's check with labels as the toy data holds them (i32).
    static func run(network: Network, x: Matrix, y: [Int32], l2: Double = 0, dropout: Double = 0) -> [GradientCheckResult] {
        run(network: network, x: x, y: y.map(Float.init), l2: l2, dropout: dropout)
    }
}
