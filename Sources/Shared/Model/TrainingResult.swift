// What a training run reports: the trained network and its loss curve, progress while it
// runs, why it stopped, and the error for a loss that stopped being finite.

public enum StopReason: String, Sendable {
    /// The step limit (--epochs / --iterations) was reached.
    case limit
    /// The epoch loss changed by less than --tol.
    case tol
    /// The validation loss did not improve for --patience epochs.
    case patience
}

public struct TrainingResult: Sendable {
    public var network: Network
    public var curve: LossCurve
    public var steps: Int
    public var stopped: StopReason
    /// The epoch whose weights were kept (with --validation).
    public var bestEpoch: Int?
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

/// Loss and accuracy on the held-out validation rows, in blocks of at most `Trainer.blockRows`.
final class Validation {
    let x: UnsafePointer<Float>
    let y: UnsafePointer<Int32>
    let rows: Int
    let pass: BatchPass

    init(network: Network, x: UnsafePointer<Float>, y: UnsafePointer<Int32>, rows: Int) {
        self.x = x
        self.y = y
        self.rows = rows
        pass = BatchPass(network: network, capacity: min(rows, Trainer.blockRows))
    }

    func evaluate(_ params: FloatBuffer) -> (loss: Double, accuracy: Double) {
        var loss: Double = 0
        var correct = 0
        var start = 0
        let width = pass.layout.sizes[0], k = pass.layout.sizes.last!
        while start < rows {
            let m = min(pass.capacity, rows - start)
            let z = pass.forward(params, x + start * width, rows: m)
            let r = Loss.evaluate(pass.output, logits: z, labels: y + start, m: m, k: k)
            loss += r.loss
            correct += r.correct
            start += m
        }
        return (loss / Double(rows), Double(correct) / Double(rows))
    }
}
