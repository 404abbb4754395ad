// nn-plot weights: the first layer of a network trained on images, one tile per unit.
import ArgumentParser
import Shared

struct Weights: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "First-layer weights as pictures: one tile per hidden unit, blue negative, red positive.",
        discussion: """
        Reads a model (nn-fit, or --model FILE) whose inputs are pictures: the image=WxH of \
        train.x or test.x gives the shape (else a square). All tiles share one colour range, \
        symmetric around 0.

        Example:
          nn-data mnist --classes dress,coat | nn-fit --hidden 16 --sgd \\
            | nn-plot weights --png weights.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    @Option(parsing: .unconditional, help: "Draw at most this many units (the first ones).")
    var count = 64

    func validate() throws {
        guard (1...400).contains(count) else { throw ValidationError("--count must be 1...400") }
    }

    func run() throws {
        try options.run(keeping: WeightsPlot.keep, modelFile: model.model) {
            try WeightsPlot.make($0, count: count, size: options.size)
        }
    }
}
