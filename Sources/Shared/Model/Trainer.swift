// The training loop every method and optimiser shares: steps (TrainingSteps, one function per
// method) grouped into epochs at the schedule's learning rate, the record of each epoch
// (EpochLog: the loss curve, --tol, --patience keeping the best weights), progress, stopping
// when asked to (Ctrl-C), and refusing to go on once the loss is no longer finite.

public final class Trainer {
    public let options: TrainingOptions
    public let data: TrainingData
    private let network: Network

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
        let n = data.trainRows
        let steps = TrainingSteps(network: network, options: options, rows: n)
        let perEpoch = steps.perEpoch, total = options.totalSteps(rows: n)
        let schedule = options.schedule(rows: n)
        let validation = data.validationRows > 0 ? Validation(network: network, data: data, objective: options.objective(output: network.output)) : nil
        var log = EpochLog(options: options, perEpoch: perEpoch, total: total, validation: validation != nil,
                           regression: network.isRegressor)
        var stopped = StopReason.limit
        var step = 0
        let clock = Stopwatch()
        var lastReport = -1.0

        while step < total {
            let epoch = step / perEpoch
            let lr = schedule.rate(base: options.effectiveLR, epoch: epoch)
            var end = min(total, (epoch + 1) * perEpoch)
            if log.logBySteps { end = min(end, (step / log.logEvery + 1) * log.logEvery) }
            let taken = try data.x.data.withUnsafeBufferPointer { x in
                try data.y.withUnsafeBufferPointer { y in try steps.take(from: step, to: end, lr: lr, x.baseAddress!, y.baseAddress!) }
            }
            step = taken.next
            log.add(taken, step: step)

            var validated: (loss: Double, accuracy: Double)?
            if step % perEpoch == 0 || step == total {
                validated = validation?.evaluate(steps.params)
                if let v = validated, !v.loss.isFinite { throw steps.diverged(v.loss, at: step, lr: lr) }
                if let rule = log.endEpoch(step: step, validated: validated, params: steps.params) { stopped = rule }
            }
            if let progress, clock.seconds - lastReport >= 0.25 || step == total || stopped != .limit {
                lastReport = clock.seconds
                progress(TrainingProgress(step: step, totalSteps: total, epoch: (step + perEpoch - 1) / perEpoch,
                                          loss: log.curve.lastLoss ?? .nan, validationLoss: validated?.loss,
                                          validationAccuracy: network.isRegressor ? nil : validated?.accuracy,
                                          validationRMSE: network.isRegressor ? validated?.accuracy : nil,
                                          lossName: network.isRegressor ? options.effectiveLoss.rawValue : nil,
                                          samplesPerSecond: Double(log.samplesSeen) / max(clock.seconds, 1e-9),
                                          secondsLeft: clock.seconds / Double(step) * Double(total - step)))
            }
            if stopped == .limit, step < total, let shouldStop, shouldStop() { stopped = .interrupted }
            if stopped != .limit { break }
        }
        let best = log.early.best
        if let best { steps.params.copy(from: best.params) }
        var network = self.network
        steps.layout.store(steps.params, into: &network)
        var record = options.record(rows: n)
        if network.isRegressor && record["loss"] == nil { record["loss"] = options.effectiveLoss.rawValue }
        record["steps"] = String(step)
        record["stopped"] = stopped.rawValue
        if let best { record["best_epoch"] = String(best.epoch) }
        network.training = record
        return TrainingResult(network: network, curve: log.curve, steps: step, stopped: stopped, bestEpoch: best?.epoch,
                              epochs: (step + perEpoch - 1) / perEpoch, plannedEpochs: (total + perEpoch - 1) / perEpoch)
    }

    /// The most rows one forward/backward block holds: bounds the workspace of full-batch training.
    public static let blockRows = 1024
}
