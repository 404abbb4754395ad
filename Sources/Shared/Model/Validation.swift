// Watching the held-out validation rows (--validation): their loss and accuracy after each
// epoch (EpochLog keeps the best weights by it, for --patience).

/// Loss and accuracy on the held-out validation rows, in blocks of at most `Trainer.blockRows`.
/// The validation rows are the last `data.validationRows` rows of the training data (held out
/// there by TrainingData.holdOut); the arrays are shared with it, not copied.
final class Validation {
    let data: TrainingData
    let rows: Int
    let pass: BatchPass

    init(network: Network, data: TrainingData) {
        self.data = data
        rows = data.validationRows
        pass = BatchPass(network: network, capacity: min(rows, Trainer.blockRows, BatchPass.rowsFitting(network)))
    }

    func evaluate(_ params: FloatBuffer) -> (loss: Double, accuracy: Double) {
        var loss: Double = 0
        var correct = 0
        var start = 0
        let first = data.trainRows
        let width = pass.layout.sizes[0], k = pass.layout.sizes.last!
        data.x.data.withUnsafeBufferPointer { xs in
            data.y.withUnsafeBufferPointer { ys in
                let x = xs.baseAddress! + first * width, y = ys.baseAddress! + first
                while start < rows {
                    let m = min(pass.capacity, rows - start)
                    let z = pass.forward(params, x + start * width, rows: m)
                    let r = Loss.evaluate(pass.output, logits: z, labels: y + start, m: m, k: k)
                    loss += r.loss
                    correct += r.correct
                    start += m
                }
            }
        }
        return (loss / Double(rows), Double(correct) / Double(rows))
    }
}
