// The optimiser steps of one training run, one function per method: full batch (every row,
// one step), minibatches (a shuffled epoch in batches) and per sample (one random row a step).
// They share the parameters, gradients, optimiser and workspace; the rows are passed to each
// call, so nothing here holds a pointer beyond it.

/// What a run of steps adds up: Σ ℓ over the rows seen, how many rows, and the next step.
struct StepsTaken {
    var loss: Double
    var rows: Int
    var next: Int
}

final class TrainingSteps {
    let options: TrainingOptions
    let layout: ParameterLayout
    let params: FloatBuffer
    let grads: FloatBuffer
    let optimizer: Optimizer
    /// Rows per forward/backward block (the workspace's capacity).
    let capacity: Int
    let pass: BatchPass
    /// Plain per-sample SGD updates weights in place while back-propagating.
    let sample: SampleSGD?
    let rows: Int
    let perEpoch: Int
    private let dropout: Float
    private var sampleRandom: Random
    private var shuffleRandom: Random
    private var dropoutRandom: Random
    private var permutation: [Int] = []

    init(network: Network, options: TrainingOptions, rows: Int) {
        self.options = options
        self.rows = rows
        layout = ParameterLayout(network: network)
        params = layout.buffer(from: network)
        grads = FloatBuffer(count: layout.count)
        optimizer = Optimizer(options.optimizerSettings, layout: layout)
        perEpoch = options.stepsPerEpoch(rows: rows)
        dropout = Float(options.dropout)
        sampleRandom = Random(seed: options.seed, stream: "sgd")
        shuffleRandom = Random(seed: options.seed, stream: "shuffle")
        dropoutRandom = Random(seed: options.seed, stream: "dropout")
        switch options.method {
        case .fullBatch: capacity = min(rows, Trainer.blockRows, BatchPass.rowsFitting(network))
        case .minibatch(let b): capacity = min(b, rows, Trainer.blockRows, BatchPass.rowsFitting(network))
        case .perSample: capacity = 1
        }
        let objective = options.objective(output: network.output)
        pass = BatchPass(network: network, objective: objective, capacity: capacity, dropout: dropout)
        // Per-sample SGD on dense layers has a faster path of its own (vectors, updates in place).
        sample = network.isDenseOnly && options.method == .perSample && options.optimizer.isPlainGradientDescent && options.weightDecay == 0 && dropout == 0
            ? SampleSGD(layout: layout, activations: network.layers.map(\.activation), objective: objective) : nil
    }

    /// Steps step..<end at learning rate lr (full batch: one step), on rows x, y.
    func take(from step: Int, to end: Int, lr: Float, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) throws -> StepsTaken {
        switch options.method {
        case .fullBatch: return try fullBatch(step, lr: lr, x, y)
        case .minibatch(let b): return try minibatches(from: step, to: end, size: b, lr: lr, x, y)
        case .perSample: return try perSample(from: step, to: end, lr: lr, x, y)
        }
    }

    /// Gradient descent: every row in one step.
    private func fullBatch(_ step: Int, lr: Float, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) throws -> StepsTaken {
        let loss = gradient(x, y, indices: nil, start: 0, count: rows)
        guard loss.isFinite else { throw diverged(loss, at: step + 1, lr: lr) }
        optimizer.step(params, grads, lr: lr)
        return StepsTaken(loss: loss, rows: rows, next: step + 1)
    }

    /// Minibatches of `size` rows from a permutation drawn anew at each epoch's first step.
    private func minibatches(from step: Int, to end: Int, size b: Int, lr: Float,
                             _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) throws -> StepsTaken {
        if step % perEpoch == 0 { permutation = shuffleRandom.permutation(rows) }
        var taken = StepsTaken(loss: 0, rows: 0, next: end)
        for s in step..<end {
            let lo = (s % perEpoch) * b, hi = min(lo + b, rows)
            let loss = gradient(x, y, indices: permutation[lo..<hi], start: 0, count: hi - lo)
            guard loss.isFinite else { throw diverged(loss, at: s + 1, lr: lr) }
            optimizer.step(params, grads, lr: lr)
            taken.loss += loss
            taken.rows += hi - lo
        }
        return taken
    }

    /// One row a step, drawn at random with replacement.
    private func perSample(from step: Int, to end: Int, lr: Float, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) throws -> StepsTaken {
        if let sample {
            let r = sample.run(params, x: x, labels: y, rows: rows, steps: end - step, lr: lr, l2: Float(options.l2), random: &sampleRandom)
            if let failed = r.failedStep { throw diverged(.nan, at: step + failed + 1, lr: lr) }
            return StepsTaken(loss: r.loss, rows: end - step, next: end)
        }
        var taken = StepsTaken(loss: 0, rows: end - step, next: end)
        for s in step..<end {
            let loss = gradient(x, y, indices: nil, start: sampleRandom.below(rows), count: 1)
            guard loss.isFinite else { throw diverged(loss, at: s + 1, lr: lr) }
            optimizer.step(params, grads, lr: lr)
            taken.loss += loss
        }
        return taken
    }

    /// The data loss's gradient over rows `indices` (or rows start..<start+m), averaged, in
    /// blocks of at most `capacity` rows, into `grads`; returns Σ ℓ.
    private func gradient(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, indices: ArraySlice<Int>?, start: Int, count m: Int) -> Double {
        let width = layout.sizes[0]
        var loss: Double = 0
        var done = 0
        while done < m {
            let block = min(capacity, m - done)
            let xs: UnsafePointer<Float>, ys: UnsafePointer<Float>
            if let indices {
                indices.withUnsafeBufferPointer { pass.gather(x, y, indices: UnsafeBufferPointer(rebasing: $0[done..<(done + block)])) }
                xs = UnsafePointer(pass.input.base)
                ys = UnsafePointer(pass.labels.base)
            } else {
                xs = x + (start + done) * width
                ys = y + (start + done) * pass.targetWidth
            }
            if dropout > 0 { pass.drawMasks(rows: block, random: &dropoutRandom) }
            pass.forward(params, xs, rows: block, dropout: dropout > 0)
            loss += pass.backward(params, grads, xs, ys, rows: block, scale: 1 / Float(m), accumulate: done > 0, dropout: dropout > 0)
            done += block
        }
        return loss
    }

    func diverged(_ loss: Double, at step: Int, lr: Float) -> TrainingDiverged {
        TrainingDiverged(step: step, loss: loss, lr: Double(lr), lrWasGiven: options.lr != nil)
    }
}
