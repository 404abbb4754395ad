// nn-plot: pictures of a stream, one subcommand per plot kind.
import ArgumentParser
import Shared

@main
struct NnPlot: ParsableCommand {
    static func main() { stageMain("nn-plot") }

    static let configuration = CommandConfiguration(
        commandName: "nn-plot",
        abstract: "Draw a stream with gnuplot: loss curves, decision boundaries, ROC curves, images, weights, a regressor's parity, residuals and fit.",
        discussion: """
        Reads an nn-stream on stdin. Writes gnuplot-ready data on stdout (default), a whole \
        gnuplot script with the data inline (--script), or runs gnuplot to render a picture \
        (--png FILE, --svg FILE, --terminal dumb). nn-plot ends the pipeline: it writes no stream.

        Example:
          nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval \\
            | nn-plot boundary --png circles.png
        """ + HelpText.exitStatus,
        version: Provenance.version,
        subcommands: [Loss.self, Boundary.self, Scatter.self, Roc.self, Confusion.self, Images.self, Weights.self,
                      Parity.self, Residuals.self, Fit.self]
    )
    func run() throws { throw Self.missingSubcommand() }
}
