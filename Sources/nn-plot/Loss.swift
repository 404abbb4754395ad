// nn-plot loss: the loss curve nn-fit recorded.
import ArgumentParser
import Shared

struct Loss: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Training loss per epoch or step, with validation loss and accuracy when recorded.",
        discussion: """
        Reads the 'loss' section (columns=epoch,loss[,val_loss,val_accuracy], written by nn-fit); \
        validation accuracy goes on a second axis. A 'model' section, if present, names the model in the title.

        Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd --validation 0.1 \\
            | nn-plot loss --png loss.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions

    @Flag(name: .customLong("log"), help: "Draw the loss on a logarithmic axis.")
    var logScale = false

    func run() throws {
        try options.run(keeping: LossPlot.keep) { try LossPlot.make($0, logScale: logScale) }
    }
}
