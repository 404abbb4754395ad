// How much memory training a network takes, estimated from its sizes before anything is
// allocated, so that a width with a zero too many is refused with one line (MemoryBudget).
//   weights: P = Σ_l (n_{l−1} + 1) · n_l floats
//   held while training: the network's own layers, the flat parameters, the gradient, and at
//   the end the trained weights stored back into a network (4P), the optimiser's state (Adam
//   2P, momentum P), the best weights with --validation (P), and the
//   batch workspace: rows × (inputs + 3 Σ widths, + 2 Σ hidden widths with dropout) floats, twice
//   with --validation.

public struct TrainingMemory: Equatable, Sendable {
    public var sizes: [Int]
    /// Weights and biases, counted in Double so that no size can overflow.
    public var parameters: Double
    /// Every byte training holds at its peak, the training rows excluded.
    public var bytes: Double
    public var rows: Int?

    /// `rows`: the training rows, once they are known (a block holds at most that many).
    public init(sizes: [Int], options: TrainingOptions, rows: Int? = nil) {
        self.sizes = sizes
        var p = 0.0
        for l in 1..<sizes.count { p += Double(sizes[l - 1] + 1) * Double(sizes[l]) }
        parameters = p
        let copies = 4.0 + Double(options.optimizerStateCopies) + (options.validation != nil ? 1 : 0)
        let widths = sizes.dropFirst().reduce(0.0) { $0 + Double($1) }
        let hidden = sizes.dropFirst().dropLast().reduce(0.0) { $0 + Double($1) }
        let perRow = Double(sizes[0]) + 3 * widths + (options.dropout > 0 ? 2 * hidden : 0)
        let passes = options.validation != nil ? 2.0 : 1.0   // the validation rows get a workspace of their own
        bytes = 4 * (copies * p + passes * Double(min(options.batchRows, rows ?? .max)) * perRow)
        self.rows = rows
    }

    /// A network built already (its layers' outputs and workspaces may be wider than its weights suggest).
    public init(network: Network, options: TrainingOptions, rows: Int? = nil) {
        self.init(sizes: network.sizes, options: options, rows: rows)
        if network.isDenseOnly { return }
        let p = Double(network.layers.reduce(0) { $0 + $1.parameterCount })
        let copies = 4.0 + Double(options.optimizerStateCopies) + (options.validation != nil ? 1 : 0)
        let perRow = Double(network.inputs) + network.layers.reduce(0.0) { $0 + 4 * Double($1.output.count) + Double($1.workspacePerRow) }
        let passes = options.validation != nil ? 2.0 : 1.0
        let block = min(options.batchRows, rows ?? .max, BatchPass.rowsFitting(network))
        parameters = p
        bytes = 4 * (copies * p + passes * Double(block) * perRow)
    }

    /// Float32 weights and biases.
    public var weightBytes: Double { 4 * parameters }

    /// "a 2-100000-100000-1 network needs 200 GB to train with Adam (40 GB of weights)".
    /// `what` names a lower bound instead ("--hidden 100000,100000 needs at least ...").
    public func check(_ budget: MemoryBudget, options: TrainingOptions, lowerBound what: String? = nil) throws {
        try budget.check(bytes, what ?? "a \(sizes.map(String.init).joined(separator: "-")) network", atLeast: what != nil,
                         detail: " to train with \(options.optimizerName) (\(MemoryBudget.text(weightBytes)) of weights)",
                         hint: suggestion(budget, options: options))
    }

    /// The hidden widths divided by the smallest power of ten that makes the network fit, if any does.
    func suggestion(_ budget: MemoryBudget, options: TrainingOptions) -> String? {
        let hidden = Array(sizes.dropFirst().dropLast())
        guard !hidden.isEmpty else { return nil }
        var divisor = 10
        while divisor <= 1_000_000_000 {
            let smaller = hidden.map { max(1, $0 / divisor) }
            if TrainingMemory(sizes: [sizes[0]] + smaller + [sizes.last!], options: options, rows: rows).bytes <= budget.bytes {
                return "Did you mean --hidden \(smaller.map(String.init).joined(separator: ","))?"
            }
            divisor *= 10
        }
        return nil
    }
}

extension TrainingOptions {
    /// Buffers of the optimiser's state, each as large as the parameters.
    var optimizerStateCopies: Int {
        switch optimizer {
        case .adam: return 2
        case .gradientDescent(let momentum, _): return momentum > 0 ? 1 : 0
        }
    }

    /// "Adam", "SGD with momentum", "SGD".
    public var optimizerName: String {
        switch optimizer {
        case .adam: return "Adam"
        case .gradientDescent(let momentum, _): return momentum > 0 ? "SGD with momentum" : "SGD"
        }
    }

    /// The most rows one forward/backward block holds (the trainer's capacity, before the rows are known).
    public var batchRows: Int {
        switch method {
        case .fullBatch: return Trainer.blockRows
        case .minibatch(let b): return min(b, Trainer.blockRows)
        case .perSample: return 1
        }
    }

    /// Refuses, before stdin is read, hidden widths whose weights alone cannot be counted or held:
    /// the input and output widths and the rows are not known yet, so 1 stands for each (a lower bound).
    public func checkHiddenSizes(_ budget: MemoryBudget) throws {
        guard !hidden.isEmpty else { return }
        let text = hidden.map(String.init).joined(separator: ",")
        let memory = TrainingMemory(sizes: [1] + hidden + [1], options: self, rows: 1)
        // 2^60 parameters is more bytes than a 64-bit size can count: no machine can be asked for it.
        if memory.parameters >= 0x1p60 { throw UsageError("--hidden \(text): the network would have more weights than a 64-bit count can hold") }
        try memory.check(budget, options: self, lowerBound: "--hidden \(text)")
    }
}
