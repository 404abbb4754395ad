// nn-plot parity: Predicted against true values of a regressor on the test set, with the y = x line and R² in the title.
import ArgumentParser
import Shared

struct Parity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predicted against true values of a regressor on the test set, with the y = x line and R² in the title.",
        discussion: """
        Reads test.predictions (nn-eval, task=regression) and test.y; without predictions, a \
        regressor (nn-fit or --model FILE) is applied to test.x. Values are in the targets' \
        original units.

        Example:
          nn-data sine | nn-fit --hidden 16 --activation tanh | nn-eval | nn-plot parity --png parity.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    func run() throws {
        try options.run(keeping: RegressionPlots.keep, modelFile: model.model) { try RegressionPlots.parity($0) }
    }
}
