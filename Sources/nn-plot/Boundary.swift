// nn-plot boundary: where a two-feature model draws the line between the classes.
import ArgumentParser
import Shared

struct Boundary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The model's probability over the plane, its decision line, and the points by class.",
        discussion: """
        Reads a model ('model' sections from nn-fit, or --model FILE) and two-feature data \
        (train.x/train.y and test.x/test.y from nn-data). Draws P(class 1) over a grid as a \
        colour map, the line where it equals --threshold, and the training (circles) and test \
        (triangles) points in their class colours. With more than two classes each region \
        takes the colour of its most probable class.

        Example:
          nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 \\
            | nn-plot boundary --png circles.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    @OptionGroup var threshold: ThresholdOption

    @Option(parsing: .unconditional, help: "Grid nodes along each axis.")
    var resolution = 200

    func validate() throws {
        guard (2...2000).contains(resolution) else { throw ValidationError("--resolution must be 2...2000") }
    }

    func run() throws {
        try options.run(keeping: BoundaryPlot.keep, modelFile: model.model) {
            try BoundaryPlot.make($0, threshold: threshold.threshold, resolution: resolution)
        }
    }
}
