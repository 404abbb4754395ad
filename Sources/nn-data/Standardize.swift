// nn-data standardize: z-scores the features with the training set's statistics.
import ArgumentParser
import Shared

struct Standardize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Z-score the features with the training set's mean and standard deviation.",
        discussion: """
        Reads a stream on stdin. Computes each column's mean and population standard
        deviation over train.x alone (a constant column gets std 1, as scikit-learn's
        StandardScaler) and writes every *.x section, in place, as f32
        (x - mean) / std with standardized=true; other sections pass through. Appends
        standardize.mean and standardize.std (f32 1xD), so later stages can apply the
        same transformation to new data. With --target, the f32 targets of a
        regression stream (*.y) likewise, with train.y's statistics, appended as
        target.mean and target.std: a model trained on them records them and
        predicts in the original units. Example:
          nn-data blobs --samples 400 | nn-data standardize | nn-fit | nn-eval
          nn-data friedman1 | nn-data standardize --target | nn-fit --hidden 64 | nn-eval
        """
    )

    @Flag(help: "Also standardise the f32 targets (*.y) of a regression stream with train.y's statistics.")
    var target = false

    func run() throws {
        try Stage.guarded("nn-data") {
            Stage.requirePipedInput("nn-data")
            let writer = try StreamWriter.standardOutput(program: "nn-data")
            try StandardizeStream.run(try StreamReader.standardInput(), writer, targets: target)
            try writer.end()
        }
    }
}
