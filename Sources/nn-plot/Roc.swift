// nn-plot roc: the ROC curve of the test predictions.
import ArgumentParser
import Shared

struct Roc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "ROC curve of the test set, with its AUC in the title.",
        discussion: """
        Reads test.predictions (nn-eval) and test.y; without predictions, a model (nn-fit or \
        --model FILE) is applied to test.x. Two classes: class 1 is the positive one. More: one \
        curve per class against the rest, and their mean (macro) AUC.

        Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd | nn-eval \\
            | nn-plot roc --png roc.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    func run() throws {
        try options.run(keeping: RocPlot.keep, modelFile: model.model) { try RocPlot.make($0) }
    }
}
