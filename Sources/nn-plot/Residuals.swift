// nn-plot residuals: Residuals (true - predicted) of a regressor on the test set, against the predicted value.
import ArgumentParser
import Shared

struct Residuals: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Residuals (true - predicted) of a regressor on the test set, against the predicted value.",
        discussion: """
        Reads test.predictions (nn-eval, task=regression) and test.y; without predictions, a \
        regressor (nn-fit or --model FILE) is applied to test.x. Values are in the targets' \
        original units.

        Example:
          nn-data sine | nn-fit --hidden 16 --activation tanh | nn-eval | nn-plot residuals --png residuals.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    func run() throws {
        try options.run(keeping: RegressionPlots.keep, modelFile: model.model) { try RegressionPlots.residuals($0) }
    }
}
