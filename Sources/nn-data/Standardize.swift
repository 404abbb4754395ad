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
        same transformation to new data. Example:
          nn-data blobs --samples 400 | nn-data standardize | nn-fit | nn-eval
        """
    )

    func run() throws {
        try Stage.guarded("nn-data") {
            Stage.requirePipedInput("nn-data")
            let writer = try StreamWriter.standardOutput(program: "nn-data")
            try StandardizeStream.run(try StreamReader.standardInput(), writer)
            try writer.end()
        }
    }
}
