// Watching the held-out validation rows (--validation, --patience): their loss and accuracy
// after each epoch, and the best weights so far, which training keeps.

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
