// The training loop: every method and optimiser lowers the loss on a separable toy set; the
// same seed gives the same weights; the per-sample path takes the same step as the batch path;
// a diverging run stops with the step named; tol and patience stop as they say.
import Testing
@testable import Shared

struct TrainerTests {
    func accuracy(_ net: Network, _ data: TrainingData) -> Double {
        let p = net.probabilities(data.x)
        var correct = 0
        for r in 0..<data.x.rows {
            var best = 0
            for j in 1..<p.cols where p[r, j] > p[r, best] { best = j }
            if best == Int(data.y[r]) { correct += 1 }
        }
        return Double(correct) / Double(data.x.rows)
    }

    static let variants: [(String, (inout TrainingOptions) -> Void)] = [
        ("full batch", { $0.epochs = 400 }),
        ("sgd", { $0.method = .perSample; $0.epochs = 10; $0.lr = 0.1 }),
        ("minibatch", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.lr = 0.5 }),
        ("momentum", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.optimizer = .gradientDescent(momentum: 0.9, nesterov: false); $0.lr = 0.05 }),
        ("nesterov", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.optimizer = .gradientDescent(momentum: 0.9, nesterov: true); $0.lr = 0.05 }),
        ("adam", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8); $0.lr = 0.02 }),
        ("adamw cosine", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8); $0.lr = 0.02; $0.weightDecay = 0.01; $0.schedule = .cosine }),
        ("sgd momentum l2 (batch path)", { $0.method = .perSample; $0.epochs = 10; $0.optimizer = .gradientDescent(momentum: 0.5, nesterov: false); $0.lr = 0.05; $0.l2 = 1e-4 }),
        ("dropout step schedule", { $0.method = .minibatch(size: 8); $0.epochs = 60; $0.lr = 0.5; $0.dropout = 0.1; $0.schedule = .step; $0.stepSize = 20; $0.gamma = 0.5 }),
        ("relu exponential", { $0.method = .minibatch(size: 16); $0.epochs = 40; $0.lr = 0.1; $0.activation = .relu; $0.schedule = .exponential }),
    ]

    @Test(arguments: [2, 3])
    func everyMethodLowersTheLossOnASeparableSet(classes: Int) throws {
        for (name, configure) in Self.variants {
            var o = TrainingOptions()
            o.hidden = [6]
            configure(&o)
            try o.validate()
            let (result, data) = try train(o, classes: classes)
            let first = result.curve.rows.first![1], last = result.curve.rows.last![1]
            let acc = accuracy(result.network, data)
            #expect(last < 0.5 * first && acc > 0.9, "\(name): loss \(first) → \(last), accuracy \(acc)")
        }
    }

    @Test func logisticRegressionStopsOnTol() throws {
        var o = TrainingOptions()
        o.tol = 1e-3
        let (result, _) = try train(o)
        #expect(result.stopped == .tol)
        #expect(result.steps < 5000)
        #expect(result.network.training["stopped"] == "tol")
        #expect(result.network.training["tol"] == "0.001")
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() throws {
        var o = TrainingOptions()
        o.hidden = [5]
        o.method = .minibatch(size: 10)
        o.dropout = 0.1
        o.epochs = 3
        let a = try train(o).0.network, b = try train(o).0.network
        #expect(a == b)
        o.seed = 43
        #expect(try train(o).0.network.layers[0].weight != a.layers[0].weight)
    }

    @Test(arguments: [Float(0), 0.01])
    func samplePathTakesTheBatchPathsSteps(l2: Float) throws {
        // Three plain-SGD steps on one row, by the fused per-sample path (whose first-layer update
        // waits for the next step when l2 = 0) and by BatchPass + Optimizer.
        let toy = toyData(rows: 1, features: 5, classes: 3)
        for classes in [2, 3] {
            let y: [Float] = [Float(classes - 1)]
            let net = toyNetwork(inputs: 5, hidden: [4, 3], activation: .tanh, classes: classes)
            let layout = ParameterLayout(sizes: net.sizes)
            let fused = layout.buffer(from: net), batched = layout.buffer(from: net), grads = FloatBuffer(count: layout.count)
            var random = Random(seed: 1)
            let sgd = SampleSGD(layout: layout, activations: net.layers.map(\.activation), objective: Objective(output: net.output))
            let optimizer = Optimizer(OptimizerSettings(l2: l2), layout: layout)
            let pass = BatchPass(network: net, capacity: 1)
            toy.x.data.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { yp in
                    _ = sgd.run(fused, x: x.baseAddress!, labels: yp.baseAddress!, rows: 1, steps: 3, lr: 0.3, l2: l2, random: &random)
                    for _ in 0..<3 {
                        pass.forward(batched, x.baseAddress!, rows: 1)
                        _ = pass.backward(batched, grads, x.baseAddress!, yp.baseAddress!, rows: 1, scale: 1, accumulate: false)
                        optimizer.step(batched, grads, lr: 0.3)
                    }
                }
            }
            for i in 0..<layout.count { #expect(abs(fused[i] - batched[i]) < 1e-5, "parameter \(i)") }
            #expect(fused.array != layout.buffer(from: net).array)
        }
    }

    @Test func divergingLossStopsAndNamesTheStep() throws {
        var o = TrainingOptions()
        o.hidden = [8]
        o.activation = .relu
        o.method = .perSample
        o.lr = 1e6
        o.initializer = .normal(std: 10)
        #expect {
            _ = try train(o)
        } throws: { error in
            guard let e = error as? TrainingDiverged else { return false }
            return e.message.hasPrefix("loss became") && e.message.contains("at step \(e.step); try a smaller --lr (now 1000000)")
                && e.exitCode != 0
        }
    }

    @Test func earlyStoppingKeepsTheBestWeights() throws {
        var o = TrainingOptions()
        o.hidden = [32]
        o.method = .minibatch(size: 4)
        o.lr = 0.5
        o.epochs = 60
        o.validation = 0.3
        o.patience = 3
        let (result, data) = try train(o, rows: 60, validation: 0.3)
        #expect(result.curve.columns == ["epoch", "loss", "val_loss", "val_accuracy"])
        let best = result.curve.rows.min { $0[2] < $1[2] }!
        #expect(result.bestEpoch == Int(best[0]))
        #expect(result.network.training["best_epoch"] == String(Int(best[0])))
        if result.stopped == .patience { #expect(Int(result.curve.rows.last![0]) == result.bestEpoch! + 3) }
        // The kept weights give the best validation loss again.
        let v = Validation(network: result.network, data: data, objective: .sigmoid)
            .evaluate(ParameterLayout(sizes: result.network.sizes).buffer(from: result.network))
        #expect(abs(v.loss - best[2]) < 1e-6)
    }

    @Test func sgdLogsByStepAndRecordsItsSettings() throws {
        var o = TrainingOptions()
        o.method = .perSample
        o.iterations = 1000
        o.lr = 0.05
        let (result, _) = try train(o)
        #expect(result.curve.columns == ["step", "loss"])
        #expect(result.curve.rows.count == 200)
        #expect(result.curve.rows.last![0] == 1000)
        let t = result.network.training
        #expect(t["method"] == "sgd" && t["lr"] == "0.05" && t["iterations"] == "1000" && t["seed"] == "42" && t["init"] == "xavier")
        #expect(t["steps"] == "1000" && t["stopped"] == "limit")
    }
}
