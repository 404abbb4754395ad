// nn-data sine: one feature and a noisy sine of it, for pictures of a fitted curve.
import ArgumentParser
import Shared

struct SineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sine",
        abstract: "Generate y = sin(x) + noise for x uniform on [-pi, pi).",
        discussion: """
        Reads nothing. Writes train.x (f32 Nx1, columns=x), train.y (f32 Nx1,
        columns=y), test.x and test.y. Example:
          nn-data sine | nn-fit --hidden 16 --activation tanh | nn-eval | nn-plot fit --png sine.png
        """
    )

    @Option(parsing: .unconditional, help: "Number of rows.")
    var samples = 200

    @Option(parsing: .unconditional, help: "Standard deviation of the Gaussian noise added to y.")
    var noise = 0.1

    @OptionGroup var split: SplitArguments

    func run() throws {
        var g = Sine()
        g.samples = samples
        g.noise = noise
        try writeGenerated(g, split)
    }
}
