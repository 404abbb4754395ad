// nn-plot confusion: the confusion matrix as a heatmap.
import ArgumentParser
import Shared

struct Confusion: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Confusion matrix heatmap: counts, shares of the true class, class names.",
        discussion: """
        Reads test.confusion (nn-eval); without it, or with --threshold, counts test.predictions \
        (or a model applied to test.x) against test.y.

        Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd | nn-eval \\
            | nn-plot confusion --png confusion.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    @Option(help: "The split to draw.")
    var split: PlotSplit = .test

    @Option(help: "Count predictions at this threshold on P(class 1) (two classes) instead of reading the stream's confusion matrix.")
    var threshold: Double?

    func validate() throws {
        if let t = threshold, !(t > 0 && t < 1) { throw ValidationError("--threshold must lie strictly between 0 and 1") }
    }

    func run() throws {
        try options.run(keeping: ConfusionPlot.keep(split), modelFile: model.model) {
            try ConfusionPlot.make($0, split: split, threshold: threshold)
        }
    }
}
