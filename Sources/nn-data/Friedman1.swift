// nn-data friedman1: Friedman's regression problem #1 (scikit-learn's make_friedman1).
import ArgumentParser
import Shared

struct Friedman1Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "friedman1",
        abstract: "Generate Friedman's regression problem #1, as scikit-learn's make_friedman1.",
        discussion: """
        Reads nothing. Writes train.x (f32 Nx10, columns=x1..x10, each uniform on
        [0, 1)), train.y (f32 Nx1, columns=y), test.x and test.y, where
          y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + noise * N(0, 1)
        (x6..x10 do not matter). Rows are written as they are drawn, so any
        --samples fits in memory. Example:
          nn-data friedman1 --samples 2000 --noise 1 | nn-fit --hidden 64 --adam | nn-eval
        """
    )

    @Option(parsing: .unconditional, help: "Number of rows.")
    var samples = 100

    @Option(parsing: .unconditional, help: "Standard deviation of the Gaussian noise added to y.")
    var noise = 0.0

    @OptionGroup var split: SplitArguments

    func run() throws {
        var g = Friedman1()
        g.samples = samples
        g.noise = noise
        try writeGenerated(g, split)
    }
}

/// Writes a generated regression problem to stdout, split as --test-size says; refuses --stratify
/// (there are no classes). Rows are made as they are written; what they share (make_regression's
/// coefficients) and one row are checked against the memory budget.
func writeGenerated<G: RegressionGenerator>(_ g: G, _ split: SplitArguments, sharedBytes: Double = 0) throws {
    try Stage.guarded("nn-data") {
        try g.validate()
        if split.stratify { throw UsageError("--stratify keeps each class's share; \(g.streamName) has numeric targets, not classes") }
        try MemoryBudget.current().check(sharedBytes + 16 * Double(g.features + g.targets), "generating rows of \(g.features) features and \(g.targets) targets")
        let writer = try StreamWriter.standardOutput(program: "nn-data")
        try g.write(testSize: split.options.testSize, seed: split.seed, to: writer)
        try writer.end()
    }
}
