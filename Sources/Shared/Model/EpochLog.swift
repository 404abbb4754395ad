// What a training run records as it goes: the loss curve (a row per logged epoch, or per
// group of steps for per-sample SGD without validation), the epoch's mean loss for --tol, and
// the validation loss for --patience, keeping the best weights.

struct EpochLog {
    /// Per-sample SGD without validation logs groups of steps (about 200 rows in all); the
    /// rest log epochs (at most about 1000 rows).
    let logBySteps: Bool
    let logEvery: Int
    let perEpoch: Int
    let total: Int
    let tol: Double
    private(set) var curve: LossCurve
    private(set) var early: EarlyStopping
    private(set) var samplesSeen = 0
    private var epochLoss = 0.0, epochSamples = 0
    private var windowLoss = 0.0, windowSamples = 0
    private var previousEpochLoss: Double?

    /// A regressor's curve has val_rmse where a classifier's has val_accuracy.
    init(options: TrainingOptions, perEpoch: Int, total: Int, validation: Bool, regression: Bool = false) {
        logBySteps = options.method == .perSample && !validation
        let epochs = (total + perEpoch - 1) / perEpoch
        logEvery = logBySteps ? max(1, total / 200) : max(1, epochs / 1000)
        self.perEpoch = perEpoch
        self.total = total
        tol = options.effectiveTol
        curve = LossCurve(columns: (logBySteps ? ["step", "loss"] : ["epoch", "loss"]) + (validation ? ["val_loss", regression ? "val_rmse" : "val_accuracy"] : []))
        early = EarlyStopping(patience: options.effectivePatience)
    }

    /// Adds steps just taken (ending before `step`); logs a group of steps when one is complete.
    mutating func add(_ taken: StepsTaken, step: Int) {
        epochLoss += taken.loss; epochSamples += taken.rows
        windowLoss += taken.loss; windowSamples += taken.rows
        samplesSeen += taken.rows
        if logBySteps && (step % logEvery == 0 || step == total) {
            curve.append([Double(step), windowLoss / Double(windowSamples)])
            windowLoss = 0; windowSamples = 0
        }
    }

    /// At an epoch's end (or the last step): --tol on the epoch's mean loss, --patience on the
    /// validation loss, and the curve's row. Returns the rule that stops training, if one holds.
    mutating func endEpoch(step: Int, validated: (loss: Double, accuracy: Double)?, params: FloatBuffer) -> StopReason? {
        let completed = (step + perEpoch - 1) / perEpoch
        let meanLoss = epochLoss / Double(epochSamples)
        var rule: StopReason?
        if let p = previousEpochLoss, tol > 0, abs(meanLoss - p) < tol { rule = .tol }
        previousEpochLoss = meanLoss
        if let validated, early.record(loss: validated.loss, epoch: completed, params: params) { rule = .patience }
        if !logBySteps && (completed % logEvery == 0 || step == total || rule != nil) {
            var row = [Double(completed), meanLoss]
            if let validated { row += [validated.loss, validated.accuracy] }
            curve.append(row)
        }
        epochLoss = 0; epochSamples = 0
        return rule
    }
}

/// Early stopping: remembers the weights of the epoch with the lowest validation loss and
/// says when `patience` epochs have passed without a lower one.
struct EarlyStopping {
    let patience: Int
    private(set) var best: (loss: Double, epoch: Int, params: FloatBuffer)?
    private var sinceBest = 0

    init(patience: Int) { self.patience = patience }

    /// Records the validation loss after `epoch`; true when training should stop.
    mutating func record(loss: Double, epoch: Int, params: FloatBuffer) -> Bool {
        if let b = best, loss >= b.loss {
            sinceBest += 1
            return sinceBest >= patience
        }
        let copy = best?.params ?? FloatBuffer(count: params.count)
        copy.copy(from: params)
        best = (loss, epoch, copy)
        sinceBest = 0
        return false
    }
}
