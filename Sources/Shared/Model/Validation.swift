// Watching the held-out validation rows (--validation): their loss and accuracy (a
// regressor: RMSE) after each epoch (EpochLog keeps the best weights by it, for --patience).

/// Loss and accuracy (a regressor: RMSE) on the held-out validation rows, in blocks of at most `Trainer.blockRows`.
/// The validation rows are the last `data.validationRows` rows of the training data (held out
/// there by TrainingData.holdOut); the arrays are shared with it, not copied.
final class Validation {
    let data: TrainingData
    let rows: Int
    let pass: BatchPass

    init(network: Network, data: TrainingData, objective: Objective) {
        self.data = data
        rows = data.validationRows
        pass = BatchPass(network: network, objective: objective, capacity: min(rows, Trainer.blockRows, BatchPass.rowsFitting(network)))
    }

    func evaluate(_ params: FloatBuffer) -> (loss: Double, accuracy: Double) {
        var loss: Double = 0
        var score: Double = 0
        var start = 0
        let first = data.trainRows
        let width = pass.layout.sizes[0], k = pass.layout.sizes.last!
        data.x.data.withUnsafeBufferPointer { xs in
            data.y.withUnsafeBufferPointer { ys in
                let t = pass.targetWidth
                let x = xs.baseAddress! + first * width, y = ys.baseAddress! + first * t
                while start < rows {
                    let m = min(pass.capacity, rows - start)
                    let z = pass.forward(params, x + start * width, rows: m)
                    let r = Loss.evaluate(pass.objective, logits: z, targets: y + start * t, m: m, k: k)
                    loss += r.loss
                    score += r.score
                    start += m
                }
            }
        }
        let mean = score / Double(rows)
        return (loss / Double(rows), pass.output == .identity ? mean.squareRoot() : mean)
    }
}
