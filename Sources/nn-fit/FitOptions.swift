// nn-fit's options, grouped as --help shows them, and their translation into TrainingOptions.
import ArgumentParser
import Shared

extension Activation: ExpressibleByArgument {}

extension ScheduleKind: ExpressibleByArgument {}
extension RegressionLoss: ExpressibleByArgument {}

extension Initializer: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
    public static var defaultCompletionKind: CompletionKind { .list(["normal:0.01", "normal:1", "xavier", "he"]) }
}

/// `--hidden 16,4`: the widths of the hidden layers.
struct HiddenSizes: ExpressibleByArgument {
    var sizes: [Int]
    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        sizes = parts.map { $0! }
    }
}

struct ModelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Convolutions before the dense layers, C:K each (C output channels, a KxK kernel, K odd; stride 1, same padding), each followed by the activation and max pooling, e.g. 32:3,64:3. Needs train.x with image=WxH (or WxHxC).", valueName: "C:K,..."))
    var conv: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --conv: the max pooling after each convolution, PxP with stride P (1: none).", valueName: "P"))
    var pool: Int = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden layer widths, e.g. 16 or 16,4 (none: logistic regression).", valueName: "sizes"))
    var hidden: HiddenSizes?

    @Option(help: "Hidden-layer activation (default: sigmoid).")
    var activation: Activation?

    @Option(name: .customLong("init"), help: ArgumentHelp("Initial weights: normal:STD, xavier or he (default: xavier for sigmoid/tanh, he for relu).", valueName: "init"))
    var initializer: Initializer?

    @Option(help: "A regressor's loss (f32 train.y): mean squared error, mean absolute error or Huber (default: mse).")
    var loss: RegressionLoss?

    @Option(parsing: .unconditional, help: "With --loss huber: δ, where the loss turns from quadratic to linear (default: 1).")
    var huberDelta: Double?
}

struct OptimizerOptions: ParsableArguments {
    @Flag(help: "One random training row per step (stochastic gradient descent); default: full batch.")
    var sgd = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Minibatches of this many rows, reshuffled each epoch.", valueName: "n"))
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Learning rate (default: 0.5 full batch (0.1 for a regressor), 0.05 minibatch, 0.01 --sgd, 0.001 --adam).")
    var lr: Double?

    @Option(parsing: .unconditional, help: "Momentum μ for SGD (PyTorch's form: v ← μv + g).")
    var momentum: Double = 0

    @Flag(help: "Nesterov momentum (needs --momentum).")
    var nesterov = false

    @Flag(help: "Adam instead of SGD.")
    var adam = false

    @Option(parsing: .unconditional, help: "Adam's β1.") var beta1: Double = 0.9
    @Option(parsing: .unconditional, help: "Adam's β2.") var beta2: Double = 0.999
    @Option(parsing: .unconditional, help: "Adam's ε.") var eps: Double = 1e-8

    @Option(parsing: .unconditional, help: "Decoupled weight decay (AdamW): θ ← θ·(1 − lr·wd) each step, weights only.")
    var weightDecay: Double = 0

    @Option(parsing: .unconditional, help: "L2 penalty λ/2·Σw² added to the loss (weights only).")
    var l2: Double = 0

    @Option(parsing: .unconditional, help: "Dropout probability on hidden layers (inverted dropout).")
    var dropout: Double = 0

    @Option(help: "Learning-rate schedule, set each epoch.")
    var schedule: ScheduleKind = .constant

    @Option(parsing: .unconditional, help: "step: epochs between decays.") var stepSize: Int = 10
    @Option(parsing: .unconditional, help: "step/exponential: decay factor (default: 0.1 step, 0.95 exponential).") var gamma: Double?
    @Option(parsing: .unconditional, help: "cosine: the final learning rate.") var minLr: Double = 0
}

extension OptimizerOptions {
    /// The optimiser the flags choose: --adam (with --beta1, --beta2, --eps), else gradient
    /// descent with --momentum and --nesterov. Flags of the other one are refused, not ignored.
    func kind() throws -> OptimizerKind {
        guard adam else { return .gradientDescent(momentum: Float(momentum), nesterov: nesterov) }
        if momentum != 0 { throw UsageError("--adam has its own momentum (--beta1); drop --momentum") }
        if nesterov { throw UsageError("--nesterov is momentum for gradient descent; --adam has its own (--beta1)") }
        return .adam(beta1: Float(beta1), beta2: Float(beta2), eps: Float(eps))
    }
}

struct StoppingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Epochs to train (default: 5000 steps for full-batch logistic regression, 20000 for a full-batch network, 4 epochs for --sgd, 10 for minibatches).")
    var epochs: Int?

    @Option(parsing: .unconditional, help: "Optimiser steps to train, instead of --epochs.")
    var iterations: Int?

    @Option(parsing: .unconditional, help: "Stop when the epoch loss changes by less than this (default: 1e-6 for full-batch logistic regression, else off).")
    var tol: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Hold out this fraction of train rows to watch; keep the weights with the best validation loss.", valueName: "fraction"))
    var validation: Double?

    @Option(parsing: .unconditional, help: "With --validation: stop after this many epochs without improvement (default: 10).")
    var patience: Int?
}

extension NnFit {
    /// The options as the training code takes them; usage errors name the option.
    func trainingOptions() throws -> TrainingOptions {
        var t = TrainingOptions()
        t.hidden = model.hidden?.sizes ?? []
        if let conv = model.conv {
            switch Architecture.parse(conv) {
            case .success(let c): t.architecture = Architecture(convolutions: c, pool: model.pool)
            case .failure(let e): throw UsageError("--conv \(conv): \(e.message)")
            }
        } else if model.pool != 2 {
            throw UsageError("--pool is the pooling after each convolution: give --conv too")
        }
        t.activation = model.activation ?? .sigmoid
        t.initializer = model.initializer
        if optimizer.sgd && optimizer.batchSize != nil { throw UsageError("give --sgd or --batch-size, not both (--sgd is --batch-size 1 with rows drawn at random)") }
        if let b = optimizer.batchSize { t.method = .minibatch(size: b) } else if optimizer.sgd { t.method = .perSample }
        t.lr = optimizer.lr
        t.optimizer = try optimizer.kind()
        t.weightDecay = optimizer.weightDecay
        t.l2 = optimizer.l2
        t.dropout = optimizer.dropout
        t.schedule = optimizer.schedule
        t.stepSize = optimizer.stepSize
        t.gamma = optimizer.gamma
        t.minLR = optimizer.minLr
        t.epochs = stopping.epochs
        t.iterations = stopping.iterations
        t.tol = stopping.tol
        t.validation = stopping.validation
        t.patience = stopping.patience
        t.seed = seed.seed
        t.loss = model.loss
        t.huberDelta = model.huberDelta
        return t
    }
}
