// nn-plot scatter: the data points by class, in 2-D or 3-D.
import ArgumentParser
import Shared

struct Scatter: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Data points coloured by class: 2-D, or 3-D for three features.",
        discussion: """
        Reads train.x/train.y and test.x/test.y (nn-data); training points are circles, test \
        points triangles. Data with more than three features needs --features.

        Example:
          nn-data blobs --samples 400 --features 3 --centers 2 \\
            | nn-plot scatter --png blobs.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions

    @Option(help: "Draw only this split (default: both).")
    var split: PlotSplit?

    @Option(parsing: .unconditional, help: ArgumentHelp("Features to draw, by name or 1-based number (2 or 3 of them).", valueName: "A,B[,C]"),
            transform: { $0.split(separator: ",").map(String.init) })
    var features: [String]?

    func run() throws {
        try options.run(keeping: ScatterPlot.keep) { try ScatterPlot.make($0, split: split, features: features) }
    }
}
