// What a training run is asked to do (nn-fit's options), the defaults that fill what was
// not asked, and the record of it all that goes into the model header.

public enum TrainingMethod: Equatable, Sendable {
    /// Every training row in every step (gradient descent).
    case fullBatch
    /// One training row per step, drawn at random with replacement (nn-fit --sgd).
    case perSample
    /// Batches of this many rows, reshuffled each epoch.
    case minibatch(size: Int)
}

public enum ScheduleKind: String, CaseIterable, Sendable {
    case constant, step, exponential, cosine
}

public struct TrainingOptions: Equatable, Sendable {
    public var hidden: [Int] = []
    /// Convolutions (and their pooling) before the hidden layers: --conv, --pool.
    public var architecture = Architecture()
    public var activation: Activation = .sigmoid
    public var method: TrainingMethod = .fullBatch
    public var lr: Double?
    public var optimizer: OptimizerKind = .gradientDescent(momentum: 0, nesterov: false)
    public var weightDecay = 0.0
    public var schedule: ScheduleKind = .constant
    public var stepSize = 10
    public var gamma: Double?
    public var minLR = 0.0
    public var l2 = 0.0
    public var dropout = 0.0
    public var epochs: Int?
    public var iterations: Int?
    public var tol: Double?
    public var validation: Double?
    public var patience: Int?
    public var initializer: Initializer?
    public var seed: UInt64 = 42
    /// A regressor's loss (nil: mse); refused for a classifier.
    public var loss: RegressionLoss?
    /// Huber's δ (nil: 1); only with --loss huber.
    public var huberDelta: Double?
    /// Set once the data says it is a regression problem (f32 train.y): some defaults differ.
    public var isRegression = false

    public init() {}

    public var effectiveLoss: RegressionLoss { loss ?? .mse }

    /// The output kind's loss: cross-entropy for a classifier, the chosen one for a regressor.
    public func objective(output: OutputKind) -> Objective {
        Objective(output: output, loss: effectiveLoss, huberDelta: Float(huberDelta ?? 1))
    }

    /// Refuses combinations that make no sense, naming the option (a usage error, exit 64).
    public func validate() throws {
        func fail(_ m: String) throws -> Never { throw UsageError(m) }
        if let lr, !(lr > 0 && lr.isFinite) { try fail("--lr must be a positive number, got \(lr)") }
        if hidden.contains(where: { $0 <= 0 }) { try fail("--hidden sizes must be positive, e.g. --hidden 16,4") }
        if case .minibatch(let b) = method, b <= 0 { try fail("--batch-size must be at least 1") }
        switch optimizer {
        case .gradientDescent(let momentum, let nesterov):
            if !(momentum >= 0 && momentum < 1) { try fail("--momentum must be in [0, 1), got \(momentum)") }
            if nesterov && momentum == 0 { try fail("--nesterov needs a --momentum above 0 (e.g. --momentum 0.9)") }
        case .adam(let beta1, let beta2, let eps):
            if !(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1) { try fail("--beta1 and --beta2 must be in [0, 1)") }
            if !(eps > 0) { try fail("--eps must be positive") }
        }
        if !(weightDecay >= 0 && l2 >= 0) { try fail("--weight-decay and --l2 must not be negative") }
        if !(dropout >= 0 && dropout < 1) { try fail("--dropout must be in [0, 1), got \(dropout)") }
        if dropout > 0 && isLinear { try fail("--dropout acts on hidden layers; give --hidden too") }
        if architecture.pool < 1 { try fail("--pool must be at least 1 (1: no pooling)") }
        if epochs != nil && iterations != nil { try fail("give --epochs or --iterations, not both") }
        if let e = epochs, e <= 0 { try fail("--epochs must be at least 1") }
        if let i = iterations, i <= 0 { try fail("--iterations must be at least 1") }
        if let t = tol, !(t >= 0) { try fail("--tol must not be negative") }
        if let v = validation, !(v > 0 && v < 1) { try fail("--validation must be a fraction in (0, 1), got \(v)") }
        if patience != nil && validation == nil { try fail("--patience needs --validation F (the rows it watches)") }
        if let p = patience, p <= 0 { try fail("--patience must be at least 1") }
        if stepSize <= 0 { try fail("--step-size must be at least 1") }
        if let g = gamma, !(g > 0) { try fail("--gamma must be positive") }
        if !(minLR >= 0) { try fail("--min-lr must not be negative") }
        if let d = huberDelta {
            if loss != .huber { try fail("--huber-delta applies to --loss huber only") }
            if !(d > 0 && d.isFinite) { try fail("--huber-delta must be a positive number, got \(d)") }
        }
    }

    /// Default learning rates: Adam 0.001; plain gradient methods by how many rows a step sees.
    public var defaultLR: Double {
        if case .adam = optimizer { return 0.001 }
        switch method {
        // A regressor's squared error curves more steeply than cross-entropy on raw features
        // (friedman1's, uniform on [0, 1], diverge at 0.28), so its full-batch default is lower.
        case .fullBatch: return isRegression ? 0.1 : 0.5
        case .perSample: return 0.01
        case .minibatch: return 0.05
        }
    }

    public var effectiveLR: Double { lr ?? defaultLR }
    public var effectiveInitializer: Initializer { initializer ?? .suited(to: activation) }
    /// Full-batch logistic regression stops once the loss settles (tol 1e-6), like scikit-learn's.
    public var effectiveTol: Double { tol ?? (method == .fullBatch && isLinear ? 1e-6 : 0) }
    /// Logistic (or softmax) regression: no hidden layer, no convolution.
    public var isLinear: Bool { hidden.isEmpty && architecture.convolutions.isEmpty }
    public var effectivePatience: Int { patience ?? 10 }
    public var effectiveGamma: Double { gamma ?? (schedule == .exponential ? 0.95 : 0.1) }

    public var optimizerSettings: OptimizerSettings {
        OptimizerSettings(kind: optimizer, l2: Float(l2), weightDecay: Float(weightDecay))
    }

    /// Optimiser steps in one epoch over `rows` training rows.
    public func stepsPerEpoch(rows: Int) -> Int {
        switch method {
        case .fullBatch: return 1
        case .perSample: return rows
        case .minibatch(let b): return rows == 0 ? 0 : (rows - 1) / b + 1   // ⌈rows / b⌉ without rows + b overflowing (b = Int.max)
        }
    }

    /// Steps to take when neither --epochs nor --iterations says: full batch 5000 (logistic
    /// regression, with its tol) or 20000 (a network); SGD 4 epochs; minibatches 10 epochs.
    public func totalSteps(rows: Int) -> Int {
        let perEpoch = stepsPerEpoch(rows: rows)
        if let iterations { return iterations }
        if let epochs { return epochs * perEpoch }
        switch method {
        case .fullBatch: return isLinear ? 5000 : 20000
        case .perSample: return 4 * perEpoch
        case .minibatch: return 10 * perEpoch
        }
    }

    public func schedule(rows: Int) -> Schedule {
        let perEpoch = stepsPerEpoch(rows: rows)
        let epochs = (totalSteps(rows: rows) + perEpoch - 1) / perEpoch
        switch schedule {
        case .constant: return .constant
        case .step: return .step(stepSize: stepSize, gamma: effectiveGamma)
        case .exponential: return .exponential(gamma: effectiveGamma)
        case .cosine: return .cosine(epochs: epochs, minLR: minLR)
        }
    }

    /// Every option and default in effect, for the model header (`key=value`, keys in snake_case).
    public func record(rows: Int) -> Attributes {
        var a = Attributes()
        func n(_ x: Double) -> String { NumberFormat.short(x) }
        func n(_ x: Float) -> String { NumberFormat.short(x) }
        if !architecture.convolutions.isEmpty {
            a["conv"] = architecture.text
            a["pool"] = String(architecture.pool)
        }
        if !hidden.isEmpty { a["hidden"] = hidden.map(String.init).joined(separator: ",") }
        if !isLinear { a["activation"] = activation.rawValue }
        switch method {
        case .fullBatch: a["method"] = "full-batch"
        case .perSample: a["method"] = "sgd"
        case .minibatch(let b): a["method"] = "minibatch"; a["batch_size"] = String(b)
        }
        switch optimizer {
        case .adam(let beta1, let beta2, let eps):
            a["optimizer"] = weightDecay > 0 ? "adamw" : "adam"
            a["beta1"] = n(beta1); a["beta2"] = n(beta2); a["eps"] = n(eps)
        case .gradientDescent(let momentum, let nesterov):
            a["optimizer"] = nesterov ? "nesterov" : momentum > 0 ? "momentum" : "sgd"
            if momentum > 0 { a["momentum"] = n(momentum) }
        }
        a["lr"] = n(effectiveLR)
        if weightDecay > 0 { a["weight_decay"] = n(weightDecay) }
        a["schedule"] = schedule.rawValue
        switch self.schedule(rows: rows) {
        case .constant: break
        case .step(let s, let g): a["step_size"] = String(s); a["gamma"] = n(g)
        case .exponential(let g): a["gamma"] = n(g)
        case .cosine(_, let m): a["min_lr"] = n(m)
        }
        a["l2"] = n(l2)
        a["dropout"] = n(dropout)
        if let epochs { a["epochs"] = String(epochs) } else { a["iterations"] = String(totalSteps(rows: rows)) }
        a["tol"] = n(effectiveTol)
        if let v = validation { a["validation"] = n(v); a["patience"] = String(effectivePatience) }
        if let loss {
            a["loss"] = loss.rawValue
            if loss == .huber { a["huber_delta"] = n(huberDelta ?? 1) }
        }
        a["init"] = effectiveInitializer.text
        a["seed"] = String(seed)
        return a
    }
}
