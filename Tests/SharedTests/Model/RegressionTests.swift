// A regressor's losses, gradients and training: every RegressionLoss against finite
// differences with several targets, the loss values against their definitions, and
// linear regression reaching the least-squares solution.
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

/// A regressor (t identity outputs) with the toy network's weights and non-zero biases.
func toyRegressor(inputs: Int, hidden: [Int], activation: Activation, targets: Int, seed: UInt64 = 3) -> Network {
    var n = Network(inputs: inputs, hidden: hidden, activation: activation, classes: [],
                    targets: (1...targets).map { "y\($0)" }, initializer: .normal(std: 0.5), seed: seed)
    for l in n.layers.indices {
        for j in n.layers[l].bias.indices { n.layers[l].bias[j] = Float(j % 3) * 0.1 - 0.05 }
    }
    return n
}

/// Targets spread over a few units, so that Huber's δ = 0.7 falls between small and large residuals.
func toyTargets(rows: Int, targets: Int, seed: UInt64 = 5) -> [Float] {
    var random = Random(seed: seed, stream: "targets")
    return (0..<(rows * targets)).map { _ in Float(2 * random.normal()) }
}

struct RegressionTests {
    @Test(arguments: RegressionLoss.allCases, Activation.allCases)
    func regressionGradientsMatchFiniteDifferences(loss: RegressionLoss, activation: Activation) {
        let data = toyData(rows: 7, features: 5)
        for (hidden, targets) in [([Int](), 1), ([4], 3), ([4, 3], 2)] {
            let net = toyRegressor(inputs: 5, hidden: hidden, activation: activation, targets: targets)
            let y = toyTargets(rows: 7, targets: targets)
            let objective = Objective(output: .identity, loss: loss, huberDelta: 0.7)
            let report = GradientCheck.run(network: net, x: data.x, y: y, objective: objective, l2: 0.1, dropout: hidden.isEmpty ? 0 : 0.3)
            #expect(report.count == hidden.count + 1)
            for r in report {
                #expect(r.maxRelativeError < GradientCheck.tolerance, "\(loss) \(activation) hidden=\(hidden) targets=\(targets) layer \(r.layer)")
            }
        }
    }

    @Test func regressionLossesMatchTheirDefinitions() {
        // Two rows of two targets; per row the mean over targets, as PyTorch's losses with
        // reduction='mean' over a row. Residuals d = z − y: 0.5, −3, 0, 1.25.
        let z: [Float] = [1.5, -1, 2, 3.25], y: [Float] = [1, 2, 2, 2]
        let expected: [(RegressionLoss, Double, [Float])] = [
            // Σℓ = (0.25 + 9)/2 + (0 + 1.5625)/2; dℓ/dz = 2d/2 = d.
            (.mse, (0.25 + 9) / 2 + 1.5625 / 2, [0.5, -3, 0, 1.25]),
            // Σℓ = (0.5 + 3)/2 + (0 + 1.25)/2; dℓ/dz = sign(d)/2.
            (.mae, 3.5 / 2 + 1.25 / 2, [0.5, -0.5, 0, 0.5]),
            // δ = 1: ℓ(0.5) = 0.125, ℓ(−3) = 1·(3 − 0.5) = 2.5, ℓ(0) = 0, ℓ(1.25) = 0.75; dℓ/dz = clip(d, ±1)/2.
            (.huber, (0.125 + 2.5) / 2 + 0.75 / 2, [0.25, -0.5, 0, 0.5]),
        ]
        for (loss, total, grad) in expected {
            var g = [Float](repeating: 0, count: 4)
            let sum = Loss.gradient(Objective(output: .identity, loss: loss), logits: z, targets: y, m: 2, k: 2, scale: 1, into: &g)
            #expect(abs(sum - total) < 1e-12, "\(loss)")
            #expect(g == grad, "\(loss)")
        }
    }

    @Test func linearRegressionReachesLeastSquares() throws {
        // y = 2 x1 − 3 x2 + 0.5 exactly (no noise): full-batch gradient descent on MSE must
        // find these coefficients, the unique least-squares solution.
        let data = toyData(rows: 40, features: 2)
        let y = (0..<40).map { 2 * data.x[$0, 0] - 3 * data.x[$0, 1] + 0.5 }
        let training = try TrainingData(x: data.x, targets: Matrix(rows: 40, cols: 1, data: y), names: ["y"])
        var options = TrainingOptions()
        options.isRegression = true
        options.iterations = 3000
        options.tol = 0  // every step: the default 1e-6 stops once the loss settles, short of the exact solution
        let net = Network(inputs: 2, hidden: [], activation: .sigmoid, classes: [], targets: ["y"], initializer: .normal(std: 0.1), seed: 1)
        let result = try Trainer(network: net, data: training, options: options).run()
        let w = result.network.layers[0].weight.data, b = result.network.layers[0].bias[0]
        #expect(abs(w[0] - 2) < 1e-4 && abs(w[1] + 3) < 1e-4 && abs(b - 0.5) < 1e-4, "w=\(w) b=\(b)")
        #expect(result.network.training["loss"] == "mse")
    }

    @Test func regressorRoundTripsThroughItsSections() throws {
        var net = toyRegressor(inputs: 3, hidden: [2], activation: .tanh, targets: 2)
        net.targets = ["price", "rent per m2"]
        net.targetStandardization = Standardization(mean: [100, 5], std: [20, 0.5])
        let back = try Network(sections: net.sections())
        #expect(back == net)
        // values = outputs · std + mean, per target.
        let x = Matrix(rows: 1, cols: 3, data: [0.1, -0.2, 0.3])
        let z = net.logits(x), v = back.values(x)
        #expect(v.data == [z.data[0] * 20 + 100, z.data[1] * 0.5 + 5])
    }
}
