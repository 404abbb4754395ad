// nn-data split: splits a stream's data again.
import ArgumentParser
import Shared

struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pool a stream's train and test rows and split them again.",
        discussion: """
        Reads a stream on stdin. Pools train.x/train.y and test.x/test.y (train rows
        first) and writes a new random split of them, with the same options as the
        sources (--test-size, --seed, --stratify), after every other section, which
        passes through unchanged, except train.predictions and test.predictions: they
        are dropped, since their rows were the old split's (a warning says so). Holds
        the data in memory. Split before
        standardize: statistics computed on the old training set would otherwise
        have seen some of the new test rows (a warning says so). Example:
          nn-data mnist --classes 3,4 | nn-data split --test-size 0.3 | nn-data info
        """
    )

    @OptionGroup var split: SplitArguments

    func run() throws {
        try Stage.guarded("nn-data") {
            Stage.requirePipedInput("nn-data")
            let writer = try StreamWriter.standardOutput(program: "nn-data")
            let warnings = try ResplitStream.run(try StreamReader.standardInput(), writer, options: split.options)
            for w in warnings { Stage.warn("nn-data", w) }
            try writer.end()
        }
    }
}
