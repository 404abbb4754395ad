// nn-plot fit: A regressor of one feature: the data and the fitted curve over the feature's range.
import ArgumentParser
import Shared

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A regressor of one feature: the data and the fitted curve over the feature's range.",
        discussion: """
        Reads test.predictions (nn-eval, task=regression) and test.y; without predictions, a \
        regressor (nn-fit or --model FILE) is applied to test.x. Values are in the targets' \
        original units.

        Example:
          nn-data sine | nn-fit --hidden 16 --activation tanh | nn-eval | nn-plot fit --png fit.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    func run() throws {
        try options.run(keeping: RegressionPlots.keep, modelFile: model.model) { try RegressionPlots.fit($0) }
    }
}
