// What a training run reports: the trained network and its loss curve, progress while it
// runs, why it stopped, and the error for a loss that stopped being finite.

public enum StopReason: String, Sendable {
    /// The step limit (--epochs / --iterations) was reached.
    case limit
    /// The epoch loss changed by less than --tol.
    case tol
    /// The validation loss did not improve for --patience epochs.
    case patience
    /// Asked to stop from outside (Ctrl-C, SIGTERM) before any rule held.
    case interrupted
}

public struct TrainingResult: Sendable {
    public var network: Network
    public var curve: LossCurve
    public var steps: Int
    public var stopped: StopReason
    /// The epoch whose weights were kept (with --validation).
    public var bestEpoch: Int?
    /// Epochs begun (the last may be partial), of the planned number.
    public var epochs: Int
    public var plannedEpochs: Int
}

/// The `loss` section: one row per logged epoch (or step), with named columns.
public struct LossCurve: Equatable, Sendable {
    public let columns: [String]
    public private(set) var rows: [[Double]] = []

    public init(columns: [String]) { self.columns = columns }

    public mutating func append(_ row: [Double]) {
        precondition(row.count == columns.count)
        rows.append(row)
    }

    public var lastLoss: Double? { rows.last?[1] }

    public var section: Section {
        var a = Attributes()
        a.setList("columns", columns)
        let m = Matrix(rows: rows.count, cols: columns.count, data: rows.flatMap { $0.map { Float($0) } })
        return Section(name: "loss", matrix: m, attributes: a)
    }
}

public struct TrainingProgress: Sendable {
    public var step: Int
    public var totalSteps: Int
    public var epoch: Int
    public var loss: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// A regressor's root mean squared error on the validation rows (in the units it trains on).
    public var validationRMSE: Double? = nil
    /// A regressor's loss (mse, mae, huber), to label the loss with; nil for a classifier.
    public var lossName: String? = nil
    public var samplesPerSecond: Double
    public var secondsLeft: Double
}

/// The loss became NaN or infinite: training stops and nothing that looks like a model is written.
public struct TrainingDiverged: UserFacingError {
    public var step: Int
    public var loss: Double
    public var lr: Double
    public var lrWasGiven: Bool
    public var exitCode: Int32 { ExitCode.dataError }

    public var message: String {
        let what = loss.isNaN ? "NaN" : "infinite"
        return "loss became \(what) at step \(step); try a smaller --lr (now \(NumberFormat.short(lr)))"
    }
}

extension TrainingResult {
    /// Why training ended before its planned epochs, in one line (nil when it ran them all or
    /// was interrupted): the epoch it stopped at, the rule that held, and which weights were kept.
    public func stoppingNote(patience: Int, tol: Double) -> String? {
        switch stopped {
        case .limit, .interrupted:
            return nil
        case .patience:
            let kept = bestEpoch.map { "kept the weights of epoch \($0), the lowest validation loss" } ?? "kept the latest weights"
            return "stopped early at epoch \(epochs) of \(plannedEpochs): the validation loss did not improve for \(patience) epochs; \(kept)"
        case .tol:
            return "stopped at epoch \(epochs) of \(plannedEpochs): the epoch loss changed by less than --tol \(NumberFormat.short(tol))"
        }
    }

    /// The one line nn-fit prints when a signal stopped training (`signalWord`: "interrupted"
    /// or "terminated"): where it stopped and which weights went to `savedTo`, if anywhere.
    public func interruptionMessage(_ signalWord: String, savedTo path: String?) -> String {
        var text = "\(signalWord) at epoch \(epochs) of \(plannedEpochs)"
        guard let path else { return text + "; nothing saved (no --save)" }
        if let bestEpoch {
            text += "; saved the model of epoch \(bestEpoch) (lowest validation loss) to \(path)"
        } else {
            text += "; saved the model as it was to \(path)"
        }
        return text
    }
}
