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

    @OptionGroup var threshold: ThresholdOption

    func run() throws {
        try options.run(keeping: ConfusionPlot.keep(split), modelFile: model.model) {
            try ConfusionPlot.make($0, split: split, threshold: threshold.threshold)
        }
    }
}
