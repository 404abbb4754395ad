// nn-data regression: a random linear regression problem (scikit-learn's make_regression).
import ArgumentParser
import Shared

struct RegressionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regression",
        abstract: "Generate a random linear regression problem, as scikit-learn's make_regression.",
        discussion: """
        Reads nothing. Writes train.x (f32, columns=x1,x2,..., each N(0, 1)),
        train.y (f32 Nxt, columns=y, or y1..yt with --targets t), test.x and test.y.
        --informative of the features, at places drawn at random, get a coefficient
        100 * U[0, 1) per target, the others 0; y = X w + noise * N(0, 1). Rows are
        written as they are drawn. Example:
          nn-data regression --features 20 --informative 5 --noise 10 | nn-fit | nn-eval
        """
    )

    @Option(parsing: .unconditional, help: "Number of rows.")
    var samples = 100

    @Option(parsing: .unconditional, help: "Number of features.")
    var features = 100

    @Option(parsing: .unconditional, help: "Number of features with a non-zero coefficient (default: 10, or --features when fewer).")
    var informative: Int?

    @Option(parsing: .unconditional, help: "Number of targets (columns of y).")
    var targets = 1

    @Option(parsing: .unconditional, help: "Standard deviation of the Gaussian noise added to each target.")
    var noise = 0.0

    @OptionGroup var split: SplitArguments

    func run() throws {
        var g = LinearRegressionProblem()
        g.samples = samples
        g.features = features
        g.informative = informative ?? min(10, features)
        g.targets = targets
        g.noise = noise
        try writeGenerated(g, split, sharedBytes: 8 * Double(features) * Double(targets))
    }
}
