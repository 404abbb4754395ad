// The training loop every method and optimiser shares: steps grouped into epochs, the
// learning-rate schedule, the loss curve, stopping on tol or patience (keeping the best
// weights), stopping when asked to (Ctrl-C), and refusing to go on once the loss is no longer finite.

public final class Trainer {
    public let options: TrainingOptions
    public let data: TrainingData
    private var network: Network

    /// Trains `network` (freshly initialised or loaded to be trained further) on `data`.
    public init(network: Network, data: TrainingData, options: TrainingOptions) {
        precondition(network.inputs == data.features)
        self.network = network
        self.data = data
        self.options = options
    }

    /// Trains until a stopping rule holds, or until `shouldStop` (asked between epochs, or
    /// between logged groups of steps) says to: then the result keeps the best weights so far
    /// (by validation loss), else the latest, and stops with `.interrupted`.
    public func run(progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> TrainingResult {
        try data.x.data.withUnsafeBufferPointer { x in
            try data.y.withUnsafeBufferPointer { y in
                try run(x.baseAddress!, y.baseAddress!, progress: progress, shouldStop: shouldStop)
            }
        }
    }

    private func run(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Int32>, progress: ((TrainingProgress) -> Void)?,
                     shouldStop: (() -> Bool)?) throws -> TrainingResult {
        let n = data.trainRows, validationRows = data.validationRows
        let layout = ParameterLayout(sizes: network.sizes)
        let params = layout.buffer(from: network), grads = FloatBuffer(count: layout.count)
        let optimizer = Optimizer(options.optimizer, layout: layout)
        let perEpoch = options.stepsPerEpoch(rows: n), total = options.totalSteps(rows: n)
        let schedule = options.schedule(rows: n)
        let tol = options.effectiveTol, patience = options.effectivePatience
        let dropout = Float(options.dropout)
        let activations = network.layers.map(\.activation)
        let width = layout.sizes[0]

        var sampleRandom = Random(seed: options.seed, stream: "sgd")
        var shuffleRandom = Random(seed: options.seed, stream: "shuffle")
        var dropoutRandom = Random(seed: options.seed, stream: "dropout")

        let capacity: Int
        switch options.method {
        case .fullBatch: capacity = min(n, Trainer.blockRows)
        case .minibatch(let b): capacity = min(b, n, Trainer.blockRows)
        case .sgd: capacity = 1
        }
        let pass = BatchPass(layout: layout, activations: activations, output: network.output, capacity: capacity, dropout: dropout)
        let sample = options.method == .sgd && options.optimizer.isPlainSGD && options.weightDecay == 0 && dropout == 0
            ? SampleSGD(layout: layout, activations: activations, output: network.output) : nil
        let validation = validationRows > 0 ? Validation(network: network, x: x + n * width, y: y + n, rows: validationRows) : nil

        // The data loss's gradient over rows `indices` (or rows start..<start+m), averaged, in blocks of
        // at most `capacity` rows; returns Σ ℓ.
        func gradient(_ indices: ArraySlice<Int>?, start: Int, count m: Int) -> Double {
            var loss: Double = 0
            var done = 0
            while done < m {
                let rows = min(capacity, m - done)
                let xs: UnsafePointer<Float>, ys: UnsafePointer<Int32>
                if let indices {
                    indices.withUnsafeBufferPointer { pass.gather(x, y, indices: UnsafeBufferPointer(rebasing: $0[done..<(done + rows)])) }
                    xs = UnsafePointer(pass.input.base)
                    ys = UnsafePointer(pass.labels)
                } else {
                    xs = x + (start + done) * width
                    ys = y + start + done
                }
                if dropout > 0 { pass.drawMasks(rows: rows, random: &dropoutRandom) }
                pass.forward(params, xs, rows: rows, dropout: dropout > 0)
                loss += pass.backward(params, grads, xs, ys, rows: rows, scale: 1 / Float(m), accumulate: done > 0, dropout: dropout > 0)
                done += rows
            }
            return loss
        }
        func diverged(_ loss: Double, at step: Int, lr: Float) -> TrainingDiverged {
            TrainingDiverged(step: step, loss: loss, lr: Double(lr), lrWasGiven: options.lr != nil)
        }

        var permutation: [Int] = []
        // Steps step..<end (full batch: one step) at learning rate lr; returns Σ ℓ, the rows seen, the next step.
        func takeSteps(from step: Int, to end: Int, lr: Float) throws -> (loss: Double, rows: Int, next: Int) {
            var total: Double = 0
            switch options.method {
            case .fullBatch:
                let loss = gradient(nil, start: 0, count: n)
                guard loss.isFinite else { throw diverged(loss, at: step + 1, lr: lr) }
                optimizer.step(params, grads, lr: lr)
                return (loss, n, step + 1)
            case .minibatch(let b):
                if step % perEpoch == 0 { permutation = shuffleRandom.permutation(n) }
                var rows = 0
                for s in step..<end {
                    let lo = (s % perEpoch) * b, hi = min(lo + b, n)
                    let loss = gradient(permutation[lo..<hi], start: 0, count: hi - lo)
                    guard loss.isFinite else { throw diverged(loss, at: s + 1, lr: lr) }
                    optimizer.step(params, grads, lr: lr)
                    total += loss
                    rows += hi - lo
                }
                return (total, rows, end)
            case .sgd:
                if let sample {
                    let r = sample.run(params, x: x, labels: y, rows: n, steps: end - step, lr: lr, l2: Float(options.l2), random: &sampleRandom)
                    if let failed = r.failedStep { throw diverged(.nan, at: step + failed + 1, lr: lr) }
                    return (r.loss, end - step, end)
                }
                for s in step..<end {
                    let loss = gradient(nil, start: sampleRandom.below(n), count: 1)
                    guard loss.isFinite else { throw diverged(loss, at: s + 1, lr: lr) }
                    optimizer.step(params, grads, lr: lr)
                    total += loss
                }
                return (total, end - step, end)
            }
        }

        let logBySteps = options.method == .sgd && validation == nil
        let epochs = (total + perEpoch - 1) / perEpoch
        let logEvery = logBySteps ? max(1, total / 200) : max(1, epochs / 1000)
        var curve = LossCurve(columns: (logBySteps ? ["step", "loss"] : ["epoch", "loss"]) + (validation != nil ? ["val_loss", "val_accuracy"] : []))
        var epochLoss = 0.0, epochSamples = 0, windowLoss = 0.0, windowSamples = 0, samplesSeen = 0
        var previousEpochLoss: Double?
        var early = EarlyStopping(patience: patience)
        var stopped = StopReason.limit
        var step = 0
        let clock = Stopwatch()
        var lastReport = -1.0

        while step < total {
            let epoch = step / perEpoch
            let lr = schedule.rate(base: options.effectiveLR, epoch: epoch)
            var end = min(total, (epoch + 1) * perEpoch)
            if logBySteps { end = min(end, (step / logEvery + 1) * logEvery) }
            let taken = try takeSteps(from: step, to: end, lr: lr)
            epochLoss += taken.loss; epochSamples += taken.rows
            windowLoss += taken.loss; windowSamples += taken.rows
            samplesSeen += taken.rows
            step = taken.next

            if logBySteps && (step % logEvery == 0 || step == total) {
                curve.append([Double(step), windowLoss / Double(windowSamples)])
                windowLoss = 0; windowSamples = 0
            }
            var validated: (loss: Double, accuracy: Double)?
            if step % perEpoch == 0 || step == total {
                let completed = (step + perEpoch - 1) / perEpoch
                let meanLoss = epochLoss / Double(epochSamples)
                if let p = previousEpochLoss, tol > 0, abs(meanLoss - p) < tol { stopped = .tol }
                previousEpochLoss = meanLoss
                if let validation {
                    let v = validation.evaluate(params)
                    validated = v
                    if !v.loss.isFinite { throw diverged(v.loss, at: step, lr: lr) }
                    if early.record(loss: v.loss, epoch: completed, params: params) { stopped = .patience }
                }
                if !logBySteps && (completed % logEvery == 0 || step == total || stopped != .limit) {
                    var row = [Double(completed), meanLoss]
                    if let validated { row += [validated.loss, validated.accuracy] }
                    curve.append(row)
                }
                epochLoss = 0; epochSamples = 0
            }
            if let progress, clock.seconds - lastReport >= 0.25 || step == total || stopped != .limit {
                lastReport = clock.seconds
                progress(TrainingProgress(step: step, totalSteps: total, epoch: (step + perEpoch - 1) / perEpoch,
                                          loss: curve.lastLoss ?? .nan, validationLoss: validated?.loss,
                                          validationAccuracy: validated?.accuracy,
                                          samplesPerSecond: Double(samplesSeen) / max(clock.seconds, 1e-9),
                                          secondsLeft: clock.seconds / Double(step) * Double(total - step)))
            }
            if stopped == .limit, step < total, let shouldStop, shouldStop() { stopped = .interrupted }
            if stopped != .limit { break }
        }
        let best = early.best
        if let best { params.copy(from: best.params) }
        layout.store(params, into: &network)
        var record = options.record(rows: n)
        record["steps"] = String(step)
        record["stopped"] = stopped.rawValue
        if let best { record["best_epoch"] = String(best.epoch) }
        network.training = record
        return TrainingResult(network: network, curve: curve, steps: step, stopped: stopped, bestEpoch: best?.epoch,
                              epochs: (step + perEpoch - 1) / perEpoch, plannedEpochs: epochs)
    }

    /// The most rows one forward/backward block holds: bounds the workspace of full-batch training.
    public static let blockRows = 1024
}
